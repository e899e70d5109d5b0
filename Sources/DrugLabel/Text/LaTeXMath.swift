/// Inline LaTeX math as slides write numbers: `$2.0 \times 10^6$` reads `2.0 × 10^6`.
enum LaTeXMath {
    private static let commands: [(String, String)] = [
        ("\\times", "×"), ("\\sim", "~"), ("\\pm", "±"), ("\\leq", "≤"), ("\\geq", "≥"),
        ("\\le", "≤"), ("\\ge", "≥"), ("\\%", "%"), ("\\cdot", "·"), ("\\mu", "μ"),
        ("\\,", " "), ("\\;", " "), ("\\ ", " "),
    ]

    /// Replaces each `$…$` span that holds no Han text by its plain reading.
    static func strip(_ text: String) -> String {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return text }
        var out = String(parts[0])
        var i = 1
        while i < parts.count {
            if i + 1 < parts.count, isMath(parts[i]) {
                out += plain(parts[i]).trimmingSpaces()
                out += parts[i + 1]
                i += 2
            } else {
                out += "$" + parts[i]
                i += 1
            }
        }
        return out
    }

    private static func isMath(_ s: Substring) -> Bool {
        !s.isEmpty && s.count < 80 && !s.unicodeScalars.contains { DisplayWidth.isWide($0.value) }
    }

    private static func plain(_ s: Substring) -> String {
        var t = String(s)
        for (command, replacement) in commands { t = t.replacingAll(command, with: replacement) }
        t.removeAll { $0 == "{" || $0 == "}" }
        return t
    }
}
