/// A label's JSON written a step at a time: each step ends after one element of a top-level
/// array (a section, a table, a dose …), so a caller can hand the bytes on between steps and a
/// 100 MB label never sits in memory whole as JSON. Writing every step gives `Label.writeJSON`.
struct LabelJSONStream {
    /// The label's keys in the byte order of their names, as `.sortedKeys` writes them.
    private enum Member: Int {
        case abbreviations, boxedWarning, diagnostics, doses, fields, kind, metadata, patents, quantities,
             schemaVersion, sections, source, tables, title, trials
    }

    private let label: Label
    /// The raw value of the member being written; -1 before the opening brace.
    private var member = -1
    private var closed = false
    /// The next element of the open array, or nil when no array is open.
    private var element: Int?

    init(_ label: Label) {
        self.label = label
    }

    /// Writes the next step; false, writing nothing, once the whole label has been written. A
    /// step writes up to `batch` elements of an array, on all cores when there are many (a 50 MB
    /// label has tens of thousands of doses), in their order. With `emit`, the elements written
    /// on all cores are handed to it as they are, after what `writer` holds (then emptied),
    /// rather than copied into `writer`; not when a number JSON lacks stands in them or in what
    /// `writer` holds, which then go into `writer` as without `emit`, for its caller to refuse.
    mutating func writeNext(to writer: inout JSONWriter, batch: Int = 1,
                            emit: ((UnsafeRawBufferPointer) -> Void)? = nil) -> Bool {
        guard !closed else { return false }
        if member < 0 {
            writer.beginObject()
            member = 0
        }
        while let current = Member(rawValue: member) {
            if let index = element {
                let total = count(current)
                if index < total {
                    let end = min(total, index + max(1, batch))
                    writeElements(index..<end, of: current, to: &writer, emit: emit)
                    element = end
                    return true
                }
                writer.endArray()
                element = nil
                member += 1
                continue
            }
            writer.key(key(current))
            if writeValue(current, to: &writer) {
                member += 1
            } else {
                writer.beginArray()
                element = 0
            }
        }
        writer.endObject()
        closed = true
        return true
    }

    private func key(_ member: Member) -> StaticString {
        switch member {
        case .abbreviations: "abbreviations"
        case .boxedWarning: "boxedWarning"
        case .diagnostics: "diagnostics"
        case .doses: "doses"
        case .fields: "fields"
        case .kind: "kind"
        case .metadata: "metadata"
        case .patents: "patents"
        case .quantities: "quantities"
        case .schemaVersion: "schemaVersion"
        case .sections: "sections"
        case .source: "source"
        case .tables: "tables"
        case .title: "title"
        case .trials: "trials"
        }
    }

    /// Writes a member that is not an array, whole; false for an array, written by elements.
    /// As `Label.encode(to:)`: `title` and `boxedWarning` written as null when there is none.
    private func writeValue(_ member: Member, to writer: inout JSONWriter) -> Bool {
        switch member {
        case .boxedWarning: writer.value(label.boxedWarning)
        case .kind: writer.value(label.kind)
        case .metadata: writer.value(label.metadata)
        case .schemaVersion: writer.int(label.schemaVersion)
        case .source: writer.value(label.source)
        case .title: writer.value(label.title)
        case .abbreviations, .diagnostics, .doses, .fields, .patents, .quantities, .sections, .tables, .trials:
            return false
        }
        return true
    }

    private func count(_ member: Member) -> Int {
        switch member {
        case .abbreviations: label.abbreviations.count
        case .diagnostics: label.diagnostics.count
        case .doses: label.doses.count
        case .fields: label.fields.count
        case .patents: label.patents.count
        case .quantities: label.quantities.count
        case .sections: label.sections.count
        case .tables: label.tables.count
        case .trials: label.trials.count
        case .boxedWarning, .kind, .metadata, .schemaVersion, .source, .title: 0
        }
    }

    /// Elements of an array a step writes when the whole label is written at once: enough to
    /// keep all cores busy, few enough that a step's bytes stay small (a dose is some 500 bytes).
    static let elementsPerStep = 256
    /// Below this many elements, starting threads costs more than writing them on one core.
    private static let elementsForCores = 32

    private func writeElements(_ range: Range<Int>, of member: Member, to writer: inout JSONWriter,
                               emit: ((UnsafeRawBufferPointer) -> Void)?) {
        guard range.count >= Self.elementsForCores else {
            for index in range { writeElement(index, of: member, to: &writer) }
            return
        }
        let start = writer
        // A part holds a run of elements, not one: each part's buffer starts empty and grows,
        // and a part for each element made some 300,000 small reallocations of a 50 MB label.
        let runs = range.pieces(about: range.count / Self.elementsForCores)
        let parts = runs.orderedConcurrentMap { run in
            var part = start.part(first: run.lowerBound == range.lowerBound)
            for index in run { writeElement(index, of: member, to: &part) }
            return part
        }
        // Copying each part into the writer, and the writer's bytes again on their way out, was
        // a serial tenth of the JSON of a 50 MB label with the other core idle.
        guard let emit, writer.invalidNumber == nil, !parts.contains(where: { $0.invalidNumber != nil }) else {
            for part in parts { writer.append(part) }
            return
        }
        if !writer.bytes.isEmpty {
            writer.bytes.withUnsafeBytes(emit)
            writer.removeAll()
        }
        for part in parts {
            part.bytes.withUnsafeBytes(emit)
            writer.take(placeOf: part)
        }
    }

    private func writeElement(_ index: Int, of member: Member, to writer: inout JSONWriter) {
        switch member {
        case .abbreviations: writer.value(label.abbreviations[index])
        case .diagnostics: writer.value(label.diagnostics[index])
        case .doses: writer.value(label.doses[index])
        case .fields: writer.value(label.fields[index])
        case .patents: writer.value(label.patents[index])
        case .quantities: writer.value(label.quantities[index])
        case .sections: writer.value(label.sections[index])
        case .tables: writer.value(label.tables[index])
        case .trials: writer.value(label.trials[index])
        case .boxedWarning, .kind, .metadata, .schemaVersion, .source, .title: break
        }
    }
}
