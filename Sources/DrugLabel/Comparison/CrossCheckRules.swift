import Foundation

/// The data-driven part of `crosscheck` (Resources/crosscheck.json): how a summary field is
/// told from a quote, which fields give the first approval date, and how many examples of a
/// normalization a verdict quotes.
public struct CrossCheckRules: Codable, Sendable {
    public var summaryMarkers: [String]
    public var firstApprovalFields: [String]
    public var examples: Int

    public static let standard: CrossCheckRules = {
        do { return try JSONDecoder().decode(CrossCheckRules.self, from: Data(PackageResources.crosscheck_json)) } catch {
            fatalError("the bundled crosscheck.json is broken: \(error)")
        }
    }()
}
