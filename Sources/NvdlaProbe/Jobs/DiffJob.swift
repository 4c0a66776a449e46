import Foundation

/// `nvdla-doctor diff A B`: check two roots (directories or bundles) and compare the reports.
public struct DiffJob: Sendable {
    public var pathA = ""
    public var pathB = ""
    public var format: ReportFormat = .text
    public var ruleDirectories: [String] = []
    /// Read `/etc/nvdla-doctor/rules.d` (off in tests).
    public var includeSiteRules = true
    /// Symbols of the text form (UTF-8 or ASCII).
    public var style: TextStyle = .plain

    public init() {}

    /// Prints the diff and returns the exit status, by the findings new in B (3 when a side cannot be read).
    public func run(_ output: Output) -> Int32 {
        guard let rules = RulesJob.load(directories: ruleDirectories, includeSite: includeSiteRules, output) else {
            return ExitStatus.unknown
        }
        var reports: [Report] = []
        for path in [pathA, pathB] {
            do {
                reports.append(try OpenedRoot.check(path, rules: rules, displayPath: path))
            } catch {
                output.stderr("nvdla-doctor: diff: \(error)\n")
                return ExitStatus.unknown
            }
        }
        let diff = SnapshotDiff(a: reports[0], b: reports[1])
        switch format {
        case .json: output.stdout(DiffRenderer.json(diff) + "\n")
        case .text: output.stdout(style.draw(DiffRenderer.text(diff)))
        }
        return diff.status.exitCode
    }
}
