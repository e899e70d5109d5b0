/// Where a document defines its abbreviations, as its assembler gives it to the pipeline.
enum DefinitionText {
    /// The paragraphs of the label's sections, read where they stand: a 50 MB label has
    /// hundreds of thousands, and a list of them made and freed on one core cost a tenth of a
    /// second of its parse.
    case sectionParagraphs
    /// Texts of the document's own (a form's fields, an article's paragraphs).
    case texts([(text: String, span: SourceSpan)])
}
