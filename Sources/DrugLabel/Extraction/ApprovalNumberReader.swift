import Foundation

/// `国药准字：S20210019` is `国药准字S20210019`: prefix kept, colon and spaces removed. The
/// prefixes, the one kept and the code's form are metadata.json's `approvalNumbers`.
///
/// Read on the text's `RuleFold` form: a number is an identifier, written as NMPA issues it
/// whatever the label's script or width (`國藥準字Ｓ20210019` is `国药准字S20210019`), so that
/// validation, profiles and cross-checks compare it as it is.
enum ApprovalNumberReader {
    static func read(_ text: String, rules: MetadataRules = .standard) -> [String] {
        var result: [String] = []
        let folded = RuleFold.fold(text)
        let numbers = rules.approvalNumbers
        for m in numbers.number.regex.matches(in: folded, range: NSRange(folded.startIndex..., in: folded)) {
            let prefix = Range(m.range(at: 1), in: folded).map { String(folded[$0]) } ?? ""
            guard let r = Range(m.range(at: 2), in: folded) else { continue }
            let code = folded[r].filter { $0 != " " }
            let number = (prefix == numbers.keptPrefix ? prefix : "") + code
            if !result.contains(number) { result.append(number) }
        }
        return result
    }
}
