import DrugLabel
import Testing

/// The folded form that headings, field names and searches match on.
@Suite("Folding")
struct FolderTests {
    let fold: TextFold

    init() throws { fold = try TextFold.checked() }

    @Test("Traditional to Simplified, NFKC, case and white space")
    func folds() {
        #expect(fold("藥品說明書") == "药品说明书")
        #expect(fold("適應症") == "适应症")
        #expect(fold("餘額 不足") == "余额不足")
        #expect(fold("ＣＡＲ－Ｔ Cell") == "car-tcell")
        #expect(fold("⽬标剂量") == "目标剂量")
    }

    /// ICU's whole-string Traditional→Simplified has phrase rules that change Simplified text
    /// (`巡察` → `巡查`, `像片` → `相片`), so a character of the phrase folded alone would not
    /// be found in the phrase folded whole. The fold goes character by character instead.
    @Test("the fold of a substring is a substring of the fold", arguments: ["巡察工作", "像片", "剃发后", "砂金矿", "显著降低", "於是乾隆"])
    func substrings(text: String) {
        let whole = fold(text)
        let scalars = Array(text.unicodeScalars)
        for start in scalars.indices {
            for end in (start + 1)...scalars.count {
                let part = fold(String(String.UnicodeScalarView(scalars[start..<end])))
                #expect(whole.contains(part), "fold(\(text)) = \(whole) lacks fold of its part = \(part)")
            }
        }
    }
}
