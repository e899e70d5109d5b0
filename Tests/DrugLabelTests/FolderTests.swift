import DrugLabel
import Testing

/// The folded form that headings, field names and searches match on.
@Suite("Folding")
struct FolderTests {
    let folder: Folder

    init() throws { folder = try Folder() }

    @Test("Traditional to Simplified, NFKC, case and white space")
    func folds() {
        #expect(folder.fold("藥品說明書") == "药品说明书")
        #expect(folder.fold("適應症") == "适应症")
        #expect(folder.fold("餘額 不足") == "余额不足")
        #expect(folder.fold("ＣＡＲ－Ｔ Cell") == "car-tcell")
        #expect(folder.fold("⽬标剂量") == "目标剂量")
    }

    /// ICU's whole-string Traditional→Simplified has phrase rules that change Simplified text
    /// (`巡察` → `巡查`, `像片` → `相片`), so a character of the phrase folded alone would not
    /// be found in the phrase folded whole. The fold goes character by character instead.
    @Test("the fold of a substring is a substring of the fold", arguments: ["巡察工作", "像片", "剃发后", "砂金矿", "显著降低", "於是乾隆"])
    func substrings(text: String) {
        let whole = folder.fold(text)
        let scalars = Array(text.unicodeScalars)
        for start in scalars.indices {
            for end in (start + 1)...scalars.count {
                let part = folder.fold(String(String.UnicodeScalarView(scalars[start..<end])))
                #expect(whole.contains(part), "fold(\(text)) = \(whole) lacks fold of its part = \(part)")
            }
        }
    }
}
