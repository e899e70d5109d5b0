/// Sets of indices joined two at a time (union-find): the rules that cross into one table, the
/// slots of a grid that one cell covers. The root of a set is its smallest index, so the same
/// joins give the same roots whatever their order.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<max(count, 0)) }

    mutating func find(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    mutating func join(_ a: Int, _ b: Int) {
        let x = find(a), y = find(b)
        if x != y { parent[max(x, y)] = min(x, y) }
    }

    /// Every index's root, in index order.
    mutating func roots() -> [Int] { parent.indices.map { find($0) } }
}
