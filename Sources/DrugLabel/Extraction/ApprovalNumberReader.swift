import Foundation

/// `国药准字：S20210019` is `国药准字S20210019`: prefix kept, colon and spaces removed.
enum ApprovalNumberReader {
    private static let pattern = try! NSRegularExpression(pattern:
        #"(国药准字|进口药品注册证号|医药产品注册证号|药品注册证号|注册证号)?\s*[:：]?\s*([A-Z]{1,2}\s*\d{8})"#)

    static func read(_ text: String) -> [String] {
        var result: [String] = []
        for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let prefix = Range(m.range(at: 1), in: text).map { String(text[$0]) } ?? ""
            guard let r = Range(m.range(at: 2), in: text) else { continue }
            let code = text[r].filter { $0 != " " }
            let number = (prefix == "国药准字" ? prefix : "") + code
            if !result.contains(number) { result.append(number) }
        }
        return result
    }
}
