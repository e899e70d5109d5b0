import DrugLabel

/// What the search page shows: the form as the user filled it, then either the hits of a
/// search (the match marked) or the list of labels, with links to the pages around this one.
struct SearchPageModel {
    struct Option { var value: String; var label: String; var selected: Bool }
    struct Hit {
        var url: String; var title: String; var heading: String; var lines: String
        /// The document's kind and how often the query occurs in the section.
        var kind: String; var occurrences: String
        var before: String; var match: String; var after: String; var expansion: String?
    }
    struct Listed { var url: String; var title: String; var kind: String; var drug: String }

    var query: String
    var drug: String
    var sections: [Option]
    var searched: Bool
    var hits: [Hit]
    var labels: [Listed]
    var summary: String
    /// Optional, not empty, where the template tests it: an empty string counts as true there.
    var previous: String?
    var next: String?
    var message: String?
}
