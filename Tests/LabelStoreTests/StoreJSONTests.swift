import DrugLabel
import Foundation
@testable import LabelStore
import TestSupport
import Testing

/// The JSON the index keeps per dose and adverse-reaction row: the encoder's, without its
/// `null` members, read back as the same values.
@Suite("Store row JSON")
struct StoreJSONTests {
    func rewritten(_ json: String) -> String {
        String(decoding: NullMembers.removed(from: Data(json.utf8)), as: UTF8.self)
    }

    @Test("null members go, at every depth; null array elements, strings that say null and anything not compact JSON stay")
    func nullMembers() {
        #expect(rewritten(#"{"a":null}"#) == "{}")
        #expect(rewritten(#"{"a":null,"b":1}"#) == #"{"b":1}"#)
        #expect(rewritten(#"{"b":1,"a":null}"#) == #"{"b":1}"#)
        #expect(rewritten(#"{"a":1,"b":null,"c":[null,{"x":null,"y":"null"}],"d":{}}"#) == #"{"a":1,"c":[null,{"y":"null"}],"d":{}}"#)
        #expect(rewritten(#"{"a\"null":"x\\","n":null,"m":nullx}"#) == #"{"a\"null":"x\\","m":nullx}"#)
        #expect(rewritten(#"[1,2.5e-3,true,false,null,"é"]"#) == #"[1,2.5e-3,true,false,null,"é"]"#)
        for broken in [#"{"a":"#, #"{"a":1"#, #"["#, #"{"a" :1}"#, #"{"a":1}x"#, ""] {
            #expect(rewritten(broken) == broken)
        }
    }

    @Test("every dose and adverse-reaction row of the corpus reads back from its stored JSON as it was, with no null member")
    func corpusRows() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var doses = 0, rows = 0
        for name in TestSupport.expectationNames {
            let label = try TestSupport.parse(name)
            for dose in label.doses {
                let json = try CompactJSON.encode(dose)
                #expect(json == (try CompactJSON.encode(dose, encoder: encoder)), "the parser's writer gives the encoder's bytes")
                #expect(try JSONDecoder().decode(Dose.self, from: Data(json.utf8)) == dose)
                #expect(!json.contains(":null"))
                doses += 1
            }
            #expect(try CompactJSON.withNulls(label.metadata) == String(decoding: encoder.encode(label.metadata), as: UTF8.self))
            for row in label.tables.flatMap({ $0.adverseReactionRows() }) {
                let json = try CompactJSON.encode(row)
                #expect(json == (try CompactJSON.encode(row, encoder: encoder)), "the parser's writer gives the encoder's bytes")
                #expect(try JSONDecoder().decode(AdverseReactionRow.self, from: Data(json.utf8)) == row)
                #expect(!json.contains(":null"))
                rows += 1
            }
        }
        #expect(doses > 20 && rows > 20)
    }
}
