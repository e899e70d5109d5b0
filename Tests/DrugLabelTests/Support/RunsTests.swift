@testable import DrugLabel
import Testing

/// A document's pieces are read on all cores in runs: every element in one run, in order, cut
/// only where allowed, the runs about equal in weight.
@Suite struct RunsTests {
    @Test("runs cover every element once, in order, and cut only where allowed")
    func cover() {
        let elements = Array(0..<1_000)
        let runs = elements.runs(about: 8) { _, next in next % 10 == 0 }
        #expect(runs.flatMap { $0 } == elements)
        #expect(runs.count == 8)
        #expect(runs.dropFirst().allSatisfy { $0.first! % 10 == 0 })
    }

    @Test("runs by weight: one heavy element is a run of its own, the light ones share")
    func weighted() {
        // 99 elements of weight 1 and one of weight 900 in the middle.
        let elements = Array(0..<100)
        let weight = { (e: Int) in e == 50 ? 900 : 1 }
        let runs = elements.runs(about: 4, weight: weight) { _, _ in true }
        #expect(runs.flatMap { $0 } == elements)
        let weights = runs.map { $0.reduce(0) { $0 + weight($1) } }
        // By count, the heavy element's run would weigh some 924; by weight it ends the run.
        #expect(runs.contains { $0.last == 50 })
        #expect(weights.max()! <= 900 + 250)
        #expect(runs.count >= 2)
    }

    @Test("one piece, or one element, is one run")
    func single() {
        #expect([1, 2, 3].runs(about: 1) { _, _ in true }.count == 1)
        #expect([7].runs(about: 8, weight: { $0 }) { _, _ in true }.map(Array.init) == [[7]])
        #expect([Int]().runs(about: 8) { _, _ in true }.map(Array.init) == [[]])
    }
}
