/// Which elements of a sequence keep their order: the indexes of a longest strictly increasing
/// subsequence. What lies outside it is what moved: one section out of place is one finding,
/// not one for every section after it. O(n²): a label has a few dozen sections.
enum LongestIncreasingRun {
    static func indexes(_ values: [Int]) -> Set<Int> {
        guard !values.isEmpty else { return [] }
        var length = [Int](repeating: 1, count: values.count), previous = [Int](repeating: -1, count: values.count)
        for i in values.indices {
            for j in 0..<i where values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var keep = Set<Int>()
        var i = length.indices.max { length[$0] < length[$1] || (length[$0] == length[$1] && $0 > $1) } ?? 0
        while i >= 0 { keep.insert(i); i = previous[i] }
        return keep
    }
}
