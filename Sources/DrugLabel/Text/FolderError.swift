public struct FolderError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "ICU could not open its folding transforms: \(message)" }
}
