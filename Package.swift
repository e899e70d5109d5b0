// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "druglabel",
    products: [
        .library(name: "DrugLabel", targets: ["DrugLabel"]),
        .library(name: "LabelStore", targets: ["LabelStore"]),
        .library(name: "LabelIngest", targets: ["LabelIngest"]),
        .library(name: "LabelServer", targets: ["LabelServer"]),
        .executable(name: "druglabel", targets: ["druglabel"]),
        .executable(name: "druglabel-fuzz", targets: ["druglabel-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 of the source bytes (`source.sha256`); Foundation on Linux has no digest API.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // The label index: SQLite with FTS5 (DESIGN.md: LabelStore).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // `serve`: the HTTP server (DESIGN.md names Hummingbird), its request log (swift-log) and
        // the search page's templates, which escape what they insert unless told otherwise.
        // No traits: the server needs neither swift-configuration nor Foundation's extras.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // A .docx is a ZIP archive: its parts are read with ZIPFoundation, not a ZIP reader of ours.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system ICU, found through pkg-config (libicu-dev). Only ICUBridge depends on it.
        .systemLibrary(
            name: "CICU",
            path: "Sources/CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The only code that includes ICU headers; its public header uses plain C types, so
        // Swift never sees ICU's versioned symbols or its enums (which clash with Foundation's).
        .target(name: "ICUBridge", dependencies: ["CICU"], path: "Sources/ICUBridge"),
        // The system libxml2 (libxml2-dev), for .docx parts (XML) and saved web pages (its HTML
        // parser, which reads tags as a browser does rather than by pattern).
        .systemLibrary(name: "CXML2", path: "Sources/CXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The system poppler (libpoppler-glib-dev), for PDF: words with their boxes and fonts.
        .systemLibrary(name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // The only code that includes libxml2's or poppler's headers; as with ICU, the public
        // headers use plain C types, so the library's types and enums never reach Swift.
        .target(name: "MarkupBridge", dependencies: ["CXML2"], path: "Sources/MarkupBridge"),
        .target(name: "PDFBridge", dependencies: ["CPoppler"], path: "Sources/PDFBridge"),
        .target(
            name: "DrugLabel",
            dependencies: [
                "ICUBridge",
                "MarkupBridge",
                "PDFBridge",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/DrugLabel",
            resources: [
                .embedInCode("Resources/sections.json"),
                .embedInCode("Resources/text-rules.json"),
                .embedInCode("Resources/form-fields.json"),
                .embedInCode("Resources/radicals-supplement.txt"),
                .embedInCode("Resources/tables.json"),
                .embedInCode("Resources/dosing.json"),
                .embedInCode("Resources/validation-common.json"),
                .embedInCode("Resources/validation-chemical.json"),
                .embedInCode("Resources/validation-tcm.json"),
                .embedInCode("Resources/validation-vaccine.json"),
                .embedInCode("Resources/validation-otc.json"),
                .embedInCode("Resources/crosscheck.json"),
                .embedInCode("Resources/metadata.json"),
            ]
        ),
        // The system zlib (zlib1g-dev), which deflates the sources the index keeps.
        // Not named CZlib: ZIPFoundation's own zlib module has that name, and clang's module
        // names are one namespace.
        .systemLibrary(name: "CZlibSystem", path: "Sources/CZlibSystem", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's <malloc.h>, which the Glibc module leaves out: the CLI sets the heap's growth.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // The index's FTS5 tokenizer, in C: FTS5 calls it for every token of every document.
        .target(name: "GramTokenizer", path: "Sources/GramTokenizer", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The SQLite index of parsed documents and its search; knows the model, not the parser's
        // insides. It reads and writes the database, nothing else.
        .target(
            name: "LabelStore",
            dependencies: [
                "DrugLabel",
                "GramTokenizer",
                "CZlibSystem",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/LabelStore"
        ),
        // Files into the index: the folder walk, each file read once (hashed only where the index
        // holds it, to compare), parsed on all cores and written in batches through the store.
        .target(
            name: "LabelIngest",
            dependencies: [
                "DrugLabel",
                "LabelStore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/LabelIngest"
        ),
        // `bench search`'s corpus, query sets and FTS5 reference: the CLI's alone.
        .target(
            name: "LabelBench",
            dependencies: ["DrugLabel", "LabelStore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/LabelBench"
        ),
        // The JSON API and the search page over a label store (`druglabel serve`).
        .target(
            name: "LabelServer",
            dependencies: [
                "DrugLabel",
                "LabelStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/LabelServer",
            resources: [
                .embedInCode("Resources/openapi.json"),
                .embedInCode("Resources/templates/layout.mustache"),
                .embedInCode("Resources/templates/search.mustache"),
                .embedInCode("Resources/templates/label.mustache"),
                .embedInCode("Resources/style.css"),
            ]
        ),
        .executableTarget(
            name: "druglabel",
            dependencies: [
                "DrugLabel",
                "LabelStore",
                "LabelIngest",
                "LabelBench",
                "LabelServer",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/druglabel"
        ),
        // The mutation fuzzer CI runs for a fixed time (see its FuzzCommand for why not libFuzzer).
        .executableTarget(
            name: "druglabel-fuzz",
            dependencies: ["DrugLabel", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/druglabel-fuzz"
        ),
        // What the test targets share: the repository's paths and scratch folders, the fold the
        // expectations compare with, JSON Schema checking, a seeded generator, the `druglabel`
        // executable run as a process. Not a product; only the tests depend on it.
        .target(name: "TestSupport", dependencies: ["DrugLabel"], path: "Tests/TestSupport"),
        // The parser, one folder per stage of Sources/DrugLabel; the hand-read expectations and
        // the fuzzer's crash inputs in Fixtures/.
        .testTarget(
            name: "DrugLabelTests",
            dependencies: ["DrugLabel", "TestSupport"],
            path: "Tests/DrugLabelTests",
            exclude: ["Fixtures"]
        ),
        // The index: store, ingest, structured queries, search, export.
        .testTarget(
            name: "LabelStoreTests",
            // GRDB only to write an index of an older schema, to test its migration.
            dependencies: ["DrugLabel", "LabelStore", "LabelIngest", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/LabelStoreTests"
        ),
        // The HTTP server through real HTTP on a loopback port.
        .testTarget(
            name: "LabelServerTests",
            // Logging only to keep the test server's request log quiet.
            dependencies: ["DrugLabel", "LabelStore", "LabelIngest", "LabelServer", "TestSupport",
                           .product(name: "Logging", package: "swift-log")],
            path: "Tests/LabelServerTests"
        ),
        // The `druglabel` executable run as a process, as users run it.
        .testTarget(
            name: "CLITests",
            dependencies: ["DrugLabel", "TestSupport"],
            path: "Tests/CLITests"
        ),
    ]
)
