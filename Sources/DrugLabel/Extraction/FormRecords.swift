/// Patents and trials of an application, read from its fields in document order. Repeated
/// blocks (the form prints them twice) come out once.
struct FormRecords {
    let vocabulary: FormVocabulary

    func patents(_ fields: [FormFieldExtractor.RawField]) -> [Patent] {
        var result: [Patent] = []
        var seen = Set<ByteKey>()
        var pending: (number: String, patent: Patent)?
        func flush() {
            guard let p = pending?.patent else { return }
            if seen.insert(ByteKey(p.type, p.expires ?? "")).inserted { result.append(p) }
            pending = nil
        }
        for field in fields {
            let (base, number) = split(field.name)
            if base == vocabulary.patentType {
                flush()
                pending = (number, Patent(type: field.value, expires: nil, span: field.span))
            } else if base == vocabulary.patentExpires, var p = pending {
                p.patent.expires = field.value
                p.patent.span = p.patent.span.union(field.span)
                pending = p
                flush()
            }
        }
        flush()
        return result
    }

    func trials(_ fields: [FormFieldExtractor.RawField]) -> [Trial] {
        var result: [Trial] = []
        var seen = Set<ByteKey>()
        var current: (number: String, trial: Trial)?
        func flush() {
            guard let c = current else { return }
            if seen.insert(ByteKey(c.number, c.trial.type, c.trial.comparator ?? "", c.trial.stage ?? "")).inserted {
                result.append(c.trial)
            }
            current = nil
        }
        for field in fields {
            let (base, number) = split(field.name)
            if base == vocabulary.trialType {
                flush()
                current = (number, Trial(type: field.value, comparator: nil, stage: nil, span: field.span))
            } else if base == vocabulary.trialComparator, var c = current {
                c.trial.comparator = field.value
                c.trial.span = c.trial.span.union(field.span)
                current = c
            } else if base == vocabulary.trialStage, var c = current {
                c.trial.stage = field.value
                c.trial.span = c.trial.span.union(field.span)
                current = c
            }
        }
        flush()
        // A block cut by a table (试验类型1 … table … 试验对照药品 … 试验阶段) gives a partial
        // record; drop it when a complete one has the same type.
        return result.filter { t in
            t.stage != nil || !result.contains { $0.type == t.type && $0.stage != nil && $0.comparator == t.comparator }
        }
    }

    /// `核心专利类型1` is (`核心专利类型`, `1`), the name in its `RuleFold` form as the
    /// vocabulary's names are (`核心專利類型1` is the same field). Field names are short.
    private func split(_ name: String) -> (String, String) {
        let scalars = RuleFold.fold(name).unicodeScalars
        var cut = scalars.endIndex
        while cut > scalars.startIndex, ("0"..."9").contains(scalars[scalars.index(before: cut)]) {
            cut = scalars.index(before: cut)
        }
        return (String(scalars[..<cut]), String(scalars[cut...]))
    }
}
