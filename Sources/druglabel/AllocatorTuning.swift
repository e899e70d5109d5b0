#if canImport(Glibc)
import CMalloc
#endif

/// glibc grows a worker thread's heap only as far as the allocation in hand needs, and gives
/// the top back once it is free, each time with an `mprotect`: a 50 MB parse made 66,000 of
/// those calls, and the kernel took 12% of its CPU (8% without them). A pad of one thread heap (64 MB) makes each
/// heap grow once. What it costs: free memory at a heap's top stays with the process until it
/// exits, and for these commands that is never more than the peak they reached anyway.
enum AllocatorTuning {
    static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_TOP_PAD, 64 << 20)
        #endif
    }
}
