/// Which profile a label is held to when none is forced: the one with the most evidence in the
/// document (a heading only that kind uses, the letter of its approval number, a word of its
/// title), else the first (chemical drugs and therapeutic biologics).
struct ProfileDetector {
    let rules: ValidationRules
    /// What an approval number starts with before its letter (metadata.json's kept prefix).
    let approvalPrefix: String
    let fold: TextFold

    func infer(_ label: Label) -> ValidationProfile {
        var best: (profile: ValidationProfile, score: Int)?
        for profile in rules.profiles {
            var score = 0
            for pair in profile.evidence.headings {
                let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                if label.sections.contains(where: { $0.key == parts[0] && fold($0.heading) == fold(parts[1]) }) { score += 2 }
            }
            for letter in profile.evidence.approvalLetters where label.metadata.approvalNumbers.contains(where: { $0.hasPrefix(approvalPrefix + letter) }) {
                score += 2
            }
            let title = fold(label.title ?? "")
            for word in profile.evidence.titleWords where title.contains(fold(word)) { score += 1 }
            if let b = best, b.score >= score { continue }
            best = (profile, score)
        }
        // Chemical drugs and therapeutic biologics are the default, listed first with no evidence.
        if let b = best, b.score > 0 { return b.profile }
        return rules.profiles[0]
    }
}
