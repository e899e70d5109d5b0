/// A corpus or golden folder that is not there: the usual cause is running `golden` outside the
/// repository, which the message says, instead of a raw file-system error.
public struct GoldenCorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// `corpus` or `golden`: which option names the folder.
    public var option: String
    public var reason: String

    public var description: String {
        "\(path): \(reason); run from the repository's root (where Corpus/ and Golden/ are) or pass --\(option) FOLDER"
    }
}
