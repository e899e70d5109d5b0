/// What `validate` says of one document: the profile it was held to (and whether that was
/// inferred), and the findings in line order.
public struct ValidationReport: Codable, Sendable, Hashable {
    public var path: String
    public var profile: String
    public var profileInferred: Bool
    public var findings: [Finding]

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }

    private enum CodingKeys: String, CodingKey { case path, profile, profileInferred, findings, errors, warnings }

    public init(path: String, profile: String, profileInferred: Bool, findings: [Finding]) {
        self.path = path
        self.profile = profile
        self.profileInferred = profileInferred
        self.findings = findings
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        profile = try c.decode(String.self, forKey: .profile)
        profileInferred = try c.decode(Bool.self, forKey: .profileInferred)
        findings = try c.decode([Finding].self, forKey: .findings)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(profile, forKey: .profile)
        try c.encode(profileInferred, forKey: .profileInferred)
        try c.encode(findings, forKey: .findings)
        try c.encode(errors, forKey: .errors)
        try c.encode(warnings, forKey: .warnings)
    }
}
