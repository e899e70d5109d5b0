import Foundation

/// One kind of label's rules (Resources/validation-*.json): which sections the NMPA rules for
/// it make mandatory, how the profile is recognised, and how strictly `尚不明确` is treated. The
/// prescribed order is the section catalogue's (sections.json `orders`), kept in one place.
public struct ValidationProfile: Codable, Sendable, Hashable {
    public struct Evidence: Codable, Sendable, Hashable {
        /// `key:heading` pairs: a section of that key written with that heading (`功能主治`).
        public var headings: [String]
        /// The letter after 国药准字 (`Z` for TCM).
        public var approvalLetters: [String]
        public var titleWords: [String]
    }

    public struct Mandatory: Codable, Sendable, Hashable {
        public var key: String
        /// Sections that stand in for it (newer biologic labels give pharmacokinetics under
        /// 【临床药理】).
        public var orAnyOf: [String]?
        public var note: String?
    }

    public struct NotYetKnown: Codable, Sendable, Hashable {
        public var sections: [String]
        public var severity: Diagnostic.Severity
        /// From this date (ISO) on, a label revised then gets an error instead.
        public var errorOnOrAfter: String?
        public var why: String
    }

    public var id: String
    public var name: String
    public var basis: String
    public var evidence: Evidence
    /// The prescribed order: the name of a list in the section catalogue's `orders`.
    public var order: String
    public var mandatory: [Mandatory]
    public var notYetKnown: NotYetKnown
}
