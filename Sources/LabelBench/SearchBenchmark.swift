import Foundation

/// `druglabel bench search`: a synthetic corpus made by deterministic variation of the bundled
/// documents (drug names, numbers), indexed with parsing included, then fixed query sets timed,
/// and the same queries against a plain FTS5 trigram index of the same text for reference.
/// Kept out of the libraries: it is the CLI's measuring tool, not something a caller builds on.
public struct SearchBenchmark: Sendable {
    public let corpus: [(name: String, text: String)]
    public let directory: URL

    public init(corpus: [(name: String, text: String)], directory: URL) {
        self.corpus = corpus
        self.directory = directory
    }

    /// Writes `count` documents: the bundled ones in turn, each with its drug names replaced by
    /// made-up ones and its numbers shifted, so that no two are alike.
    public func generate(count: Int) throws -> (files: [String], bytes: Int) {
        let docs = directory.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let syllables = Array("安贝卡达艾芬格海伊杰凯利美诺欧帕奇瑞斯泰优维希亚泽")
        var files: [String] = []
        var bytes = 0
        for i in 0..<count {
            let base = corpus[i % corpus.count]
            let a = syllables[i % syllables.count], b = syllables[(i / syllables.count) % syllables.count]
            let c = syllables[(i / (syllables.count * syllables.count)) % syllables.count]
            var text = base.text
            for name in ["阿基仑赛", "泽沃基奥仑赛", "奕凯达", "赛恺泽"] {
                text = text.replacingOccurrences(of: name, with: "\(a)\(b)\(c)仑赛")
            }
            // Numbers shift a little, so that tables and doses differ from copy to copy.
            text = text.replacingOccurrences(of: "第 5、4 和 3 天", with: "第 \(5 + i % 3)、4 和 3 天")
            text += "\n文档编号：\(i)\n"
            let url = docs.appendingPathComponent(String(format: "%06d-%@.txt", i, base.name))
            try Data(text.utf8).write(to: url)
            bytes += text.utf8.count
            files.append(url.path)
        }
        return (files, bytes)
    }
}
