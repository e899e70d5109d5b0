import Foundation

/// `国药准字：S20210019` is `国药准字S20210019`: prefix kept, colon and spaces removed.
///
/// Read on the text's `RuleFold` form: a number is an identifier, written as NMPA issues it
/// whatever the label's script or width (`國藥準字Ｓ20210019` is `国药准字S20210019`), so that
/// validation, profiles and cross-checks compare it as it is.
enum ApprovalNumberReader {
    private static let pattern = try! RegexLead(
        #"(国药准字|进口药品注册证号|医药产品注册证号|药品注册证号|注册证号)?\s*[:：]?\s*([A-Z]{1,2}\s*\d{8})"#)

    static func read(_ text: String) -> [String] {
        var result: [String] = []
        let folded = RuleFold.fold(text)
        for m in pattern.regex.matches(in: folded, range: NSRange(folded.startIndex..., in: folded)) {
            let prefix = Range(m.range(at: 1), in: folded).map { String(folded[$0]) } ?? ""
            guard let r = Range(m.range(at: 2), in: folded) else { continue }
            let code = folded[r].filter { $0 != " " }
            let number = (prefix == "国药准字" ? prefix : "") + code
            if !result.contains(number) { result.append(number) }
        }
        return result
    }
}
