import ArgumentParser

/// The exit statuses of the commands that compare or check (`diff`, `crosscheck`, `validate`,
/// `golden verify`), so that a script can tell "the labels differ" from "a file could not be
/// read": 0 clean, 1 differences or findings, 2 trouble. Usage errors keep
/// swift-argument-parser's 64 (EX_USAGE).
enum ExitStatus {
    static let findings = ExitCode(1)
    static let trouble = ExitCode(2)
    static let usage = ExitCode(64)
}
