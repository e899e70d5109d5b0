import ArgumentParser

/// A mistyped subcommand (`druglabel sectoins x`) named with the one meant: swift-argument-parser
/// only says "unexpected argument".
enum CommandSuggestion {
    /// The words of `arguments` that name subcommands, walked down from `root`; the first that
    /// names none, with the nearest name, when one is near enough to be a typo.
    static func check(_ arguments: [String], root: ParsableCommand.Type) -> (typed: String, meant: String, path: [String])? {
        var command = root
        var path = [root.configuration.commandName ?? "druglabel"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            if word.hasPrefix("-") || subcommands.isEmpty { return nil }
            if word == "help" { return nil }
            if let next = subcommands.first(where: { names($0).contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let candidates = subcommands.flatMap(names) + ["help"]
            let ranked = candidates.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }
            guard let (meant, d) = ranked, d <= max(1, min(2, meant.count / 3)) else { return nil }
            // Under a command with a default subcommand, a word may be that default's argument;
            // only a near miss is taken for a typo there too.
            return (word, meant, path)
        }
        return nil
    }

    private static func names(_ command: ParsableCommand.Type) -> [String] {
        let c = command.configuration
        return [c.commandName ?? String(describing: command).lowercased()] + c.aliases
    }

    /// Edits (insert, delete, replace, swap of neighbours) from `a` to `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}
