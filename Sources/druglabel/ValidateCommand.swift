import ArgumentParser
import DrugLabel
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check labels against the NMPA rules of their kind.",
        discussion: """
            Profiles: chemical (chemical drugs and therapeutic biologics), tcm, vaccine, otc; inferred from \
            the document unless --rules names one (or a profile file, an edited copy of \
            Sources/DrugLabel/Resources/validation-*.json). Exit status 0 when no errors are found, 1 \
            when some are (--strict counts warnings too), 2 when a file or the profile cannot be read \
            (the other files are still checked).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Label text files.")
    var files: [String]

    @Option(help: "text or json.")
    var format: Format = .text

    @Option(name: .customLong("rules"), help: "A profile (chemical, tcm, vaccine, otc) or a profile file.")
    var profile: String?

    @Flag(help: "Warnings fail the run too (for CI).")
    var strict = false

    @Option(name: .customLong("as-of"), help: "Today's date (YYYY-MM-DD) for dates in the future; the system's date by default.")
    var asOf: String?

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if let asOf, asOf.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--as-of takes a date as YYYY-MM-DD")
        }
    }

    func run() throws {
        let parser = try rules.makeParser(failure: ExitStatus.trouble)
        var validationRules = ValidationRules.standard
        var profileID = profile
        if let profile, FileManager.default.fileExists(atPath: profile) {
            do {
                let custom = try JSONDecoder().decode(ValidationProfile.self, from: Data(LabelFile.read(profile)))
                validationRules = validationRules.adding(custom)
                profileID = custom.id
            } catch {
                Console.error("\(profile): not a valid validation profile: \(error)")
                throw ExitStatus.trouble
            }
        }
        let validator: LabelValidator
        do {
            validator = try LabelValidator(rules: validationRules, catalogue: parser.catalogue, tableRules: parser.tableRules,
                                           dosingRules: parser.dosingRules, metadataRules: parser.metadataRules)
        } catch let error as LabelValidator.ValidationError {
            Console.error(error.description)
            throw ExitStatus.trouble
        }
        let today = asOf ?? LabelValidator.today()
        var failedFiles = 0, failing = 0, written = 0
        let asArray = format == .json && files.count > 1
        if asArray { Console.out("[\n") }
        for path in files {
            let report: ValidationReport
            let json: Data?
            do {
                report = try validator.validate(try parser.parse(fileAt: path), profile: profileID, asOf: today)
                // Encoded before anything of it is written: a failure is this file's error.
                json = format == .json ? try LabelJSON.encode(report) : nil
            } catch let error as LabelValidator.ValidationError {
                // The profile itself is wrong: every file would fail alike. The array is closed
                // first, so that what was written stays valid JSON.
                if asArray { Console.out(written > 0 ? "\n]\n" : "]\n") }
                Console.error(error.description)
                throw ExitStatus.trouble
            } catch {
                Console.error("\(path): \(error)")
                failedFiles += 1
                continue
            }
            if report.errors > 0 || (strict && report.warnings > 0) { failing += 1 }
            switch format {
            case .text:
                Console.out(ValidateCommand.text(report))
            case .json:
                if asArray && written > 0 { Console.out(",\n") }
                Console.out(json ?? Data())
                if !asArray { Console.out("\n") }
            }
            written += 1
        }
        if asArray { Console.out(written > 0 ? "\n]\n" : "]\n") }
        if failedFiles > 0 { throw ExitStatus.trouble }
        if failing > 0 { throw ExitStatus.findings }
    }

    /// `PATH:LINE: severity: message [rule]`, as compilers write, then a summary line.
    static func text(_ report: ValidationReport) -> String {
        var out = ""
        for f in report.findings {
            out += "\(report.path)\(f.line.map { ":\($0)" } ?? ""): \(f.severity.rawValue): \(f.message) [\(f.rule)]\n"
        }
        out += "\(report.path): profile \(report.profile)\(report.profileInferred ? " (inferred)" : ""): "
            + "\(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")\n"
        return out
    }
}
