import Dispatch

extension Array {
    /// `map` on all cores, results in the order of the elements: the same output as `map`,
    /// sooner. For independent pieces of one document (the bodies of its sections, its dosing
    /// statements section by section), so a 50 MB label uses the machine, not one core of it.
    func orderedConcurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each iteration writes its own slot only: no two threads touch the same element.
            nonisolated(unsafe) let slots = slots
            nonisolated(unsafe) let elements = self
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: elements.count) { i in slots[i] = transform(elements[i]) }
            }
        }
        return results.map { $0! }
    }

    /// The elements cut into about `pieces` runs of consecutive elements of about equal
    /// `weight` (the work an element costs: its lines, its bytes), cut only between two elements
    /// for which `canCut` holds (a run never splits a section). Runs of equal counts left one
    /// core with the prose tables' cells, each of which costs many paragraphs.
    func runs(about pieces: Int, weight: (Element) -> Int = { _ in 1 },
              canCut: (Element, Element) -> Bool) -> [ArraySlice<Element>] {
        guard pieces > 1, count > 1 else { return [self[...]] }
        let total = reduce(0) { $0 + Swift.max(1, weight($1)) }
        let target = Swift.max(1, total / pieces)
        var runs: [ArraySlice<Element>] = []
        var start = 0
        var gathered = Swift.max(1, weight(self[0]))
        for i in 1..<count {
            if gathered >= target && canCut(self[i - 1], self[i]) {
                runs.append(self[start..<i])
                start = i
                gathered = 0
            }
            gathered += Swift.max(1, weight(self[i]))
        }
        runs.append(self[start...])
        return runs
    }
}

extension Range where Bound == Int {
    /// The range cut into about `pieces` consecutive ranges of near-equal length, in order:
    /// index ranges of a document's lines, for stages that read each line on its own.
    func pieces(about pieces: Int) -> [Range<Int>] {
        guard pieces > 1, count > 1 else { return [self] }
        let size = Swift.max(1, (count + pieces - 1) / pieces)
        return stride(from: lowerBound, to: upperBound, by: size).map { $0..<Swift.min($0 + size, upperBound) }
    }
}
