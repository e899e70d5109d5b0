/// Where UTF-8 bytes stop being valid: the first bad offset, and whether the only fault is a
/// sequence cut off by the end of the input (a truncated download or copy).
struct UTF8Scan {
    var firstInvalid: Int?
    var truncatedAtEnd: Bool
    var invalidSequences: Int
    /// Well-formed sequences of two to four bytes: the evidence that the text is UTF-8 after all.
    var validMultibyte: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = bytes.count
        var first: Int?
        var invalid = 0
        var valid = 0
        var truncated = false
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var lowerBound: UInt8 = 0x80, upperBound: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; upperBound = 0x9F
            case 0xF0: need = 3; lowerBound = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upperBound = 0x8F
            default: need = -1
            }
            var ok = need > 0
            var consumed = 1
            if ok {
                for k in 1...need {
                    guard i + k < n else {
                        ok = false
                        truncated = true
                        break
                    }
                    let c = bytes[i + k]
                    let lo: UInt8 = k == 1 ? lowerBound : 0x80
                    let hi: UInt8 = k == 1 ? upperBound : 0xBF
                    if c < lo || c > hi { ok = false; break }
                    consumed += 1
                }
            }
            if ok {
                i += need + 1
                valid += 1
            } else {
                if first == nil { first = i }
                invalid += 1
                i += consumed
            }
        }
        firstInvalid = first
        invalidSequences = invalid
        validMultibyte = valid
        truncatedAtEnd = truncated && invalid == 1
    }
}
