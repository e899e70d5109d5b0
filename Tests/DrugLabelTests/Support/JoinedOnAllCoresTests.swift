@testable import DrugLabel
import Testing

/// Parts joined on all cores give `flatMap`'s array, in order, whatever the parts' sizes, and
/// are let go.
@Suite struct JoinedOnAllCoresTests {
    @Test("the same elements in the same order as flatMap, for empty, single and many parts")
    func sameAsFlatMap() {
        let shapes: [[Int]] = [[], [0], [3], [0, 0], [2, 0, 5], [1, 1, 1, 1], [0, 7, 0, 0, 13, 1], Array(repeating: 40, count: 33)]
        var next = 0
        for shape in shapes {
            // Strings, so that a copy that dropped a retain or a release would show.
            var parts = shape.map { n in (0..<n).map { _ -> String in next += 1; return "第\(next)项：一次10 mg，一日3次" } }
            let expected = parts.flatMap { $0 }
            let joined = [String].joinedOnAllCores(&parts)
            #expect(joined == expected, "\(shape)")
            #expect(parts.isEmpty)
        }
    }
}
