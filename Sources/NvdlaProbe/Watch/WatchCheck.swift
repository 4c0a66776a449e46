import Foundation

/// One check of the watcher: the same read-only check as `nvdla-doctor check` without `--deep` (nothing wakes the
/// DLA), written to `<state-dir>/status.json` (the JSON report) and, if asked, `<textfile-dir>/nvdla_doctor.prom`,
/// each atomically (temporary file, then rename; `TextfileWriter`).
public struct WatchCheck: Sendable {
    /// The name of the JSON report in the state directory.
    public static let statusFileName = "status.json"

    public var rootPath: String
    public var rules: RuleSet
    public var stateDirectory: String
    public var textfileDirectory: String?
    public var now: @Sendable () -> Double = { Date().timeIntervalSince1970 }

    public init(rootPath: String, rules: RuleSet, stateDirectory: String, textfileDirectory: String?) {
        self.rootPath = rootPath
        self.rules = rules
        self.stateDirectory = stateDirectory
        self.textfileDirectory = textfileDirectory
    }

    /// The result of one run: the state, or why there is none; and the write failures.
    public struct Outcome: Sendable {
        public var state: WatchState
        public var writeErrors: [String]
    }

    /// Runs the check and writes the files. A root that cannot be opened gives status `unknown`, and both files
    /// say so.
    public func run() -> Outcome {
        let report: Report
        do {
            report = try OpenedRoot.check(rootPath, rules: rules)
        } catch {
            // No older verdict stays in place: both files say that nothing could be assessed, and why.
            var errors = ["--root \(error)"]
            let unknown = Report(
                source: ReportSource(kind: SystemRoot(path: rootPath).isLive ? "live" : "snapshot", path: rootPath),
                facts: FactTable(), outcomes: [],
                unassessable: "The root cannot be opened: \(error)")
            if let problem = TextfileWriter.write(
                JSONRenderer.render(unknown) + "\n", directory: stateDirectory, name: Self.statusFileName)
            {
                errors.append(problem)
            }
            if let textfileDirectory,
                let problem = TextfileWriter.write(
                    PrometheusRenderer.renderUnknown(timestamp: now()), directory: textfileDirectory)
            {
                errors.append(problem)
            }
            return Outcome(state: WatchState(status: "unknown", findings: []), writeErrors: errors)
        }
        var errors: [String] = []
        let json = JSONRenderer.render(report) + "\n"
        if let problem = TextfileWriter.write(json, directory: stateDirectory, name: Self.statusFileName) {
            errors.append(problem)
        }
        if let textfileDirectory {
            let text = PrometheusRenderer.render(report, timestamp: now())
            if let problem = TextfileWriter.write(text, directory: textfileDirectory) { errors.append(problem) }
        }
        return Outcome(state: WatchState(report), writeErrors: errors)
    }
}
