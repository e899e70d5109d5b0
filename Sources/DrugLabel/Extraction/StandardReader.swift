/// `药品注册标准： YBS00492024` is `YBS00492024`: the code after the last colon.
enum StandardReader {
    static func read(_ text: String) -> String? {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        let afterColon = firstLine.split(whereSeparator: { $0 == "：" || $0 == ":" }).last.map(String.init) ?? firstLine
        let value = afterColon.trimmingSpaces()
        return value.isEmpty ? nil : value
    }
}
