@testable import DrugLabel
import Testing

/// Found by the fuzzer: a header with more arms than value columns.
@Suite struct ColumnHeaderPathsTests {
    @Test("more arms than value columns: no index past the labels")
    func moreArmsThanColumns() {
        let arms = [(name: "A", n: 1, written: "A", footnotes: [String]()), (name: "B", n: 2, written: "B", footnotes: [String]())]
        let paths = ColumnHeader.paths(arms: arms, labels: ["%"], count: 1)
        #expect(paths.columns == [["A", "%"], ["B", "%"]])
    }
}
