import Foundation

/// `nvdla-doctor check`: open the root, load rules, collect, evaluate, render.
public struct CheckJob: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, prometheus
    }

    public var rootPath: String = "/"
    public var format: Format = .text
    public var areas: [Area] = []
    public var ruleDirectories: [String] = []
    public var deep = false
    public var verbose = false
    public var includeFacts = false
    /// Also write the Prometheus exposition to `<dir>/nvdla_doctor.prom` (node_exporter textfile collector).
    public var textfileDirectory: String?
    /// Seconds since the epoch for `nvdla_doctor_last_run_timestamp_seconds` (tests fix it).
    public var now: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    /// Colour and symbols of the text report.
    public var style: TextStyle = .plain
    /// Read `/etc/nvdla-doctor/rules.d` (off in tests).
    public var includeSiteRules = true

    public init() {}

    /// Runs the check and returns the exit status. With `--textfile`, every run writes a complete metrics file —
    /// also when the rules or the root cannot be read (status unknown), so an older verdict never stays in place.
    public func run(_ output: Output) -> Int32 {
        if includeFacts, format != .json {
            output.stderr(
                "nvdla-doctor: --facts adds the fact table to JSON output only; it does nothing with --format "
                    + "\(format.rawValue) (-v lists every read in text)\n")
        }
        let timestamp = now()
        guard let rules = RulesJob.load(directories: ruleDirectories, includeSite: includeSiteRules, output) else {
            return unknown(output, timestamp: timestamp)
        }
        let report: Report
        do {
            report = try OpenedRoot.check(rootPath, rules: rules, areas: areas.isEmpty ? nil : Set(areas), deep: deep)
        } catch {
            output.stderr("nvdla-doctor: --root \(error)\n")
            return unknown(output, timestamp: timestamp)
        }
        // The text report says it in its body; other formats are read by programs, so tell the person too.
        if let reason = report.unassessable, format != .text { output.stderr("nvdla-doctor: warning: \(reason)\n") }
        let metrics = PrometheusRenderer.render(report, timestamp: timestamp)
        if let directory = textfileDirectory, let problem = TextfileWriter.write(metrics, directory: directory) {
            output.stderr("nvdla-doctor: --textfile: \(problem)\n")
            return ExitStatus.unknown
        }
        switch format {
        case .prometheus:
            output.stdout(metrics)
        case .json:
            output.stdout(JSONRenderer.render(report, includeFacts: includeFacts) + "\n")
        case .text:
            output.stdout(TextRenderer(style: style, verbose: verbose, rules: rules).render(report))
        }
        return report.status.exitCode
    }

    /// Exit status 3 when no check could run: the metrics say so (textfile, and stdout for `--format prometheus`).
    private func unknown(_ output: Output, timestamp: Double) -> Int32 {
        let metrics = PrometheusRenderer.renderUnknown(timestamp: timestamp)
        if let directory = textfileDirectory, let problem = TextfileWriter.write(metrics, directory: directory) {
            output.stderr("nvdla-doctor: --textfile: \(problem)\n")
        }
        if format == .prometheus { output.stdout(metrics) }
        return ExitStatus.unknown
    }
}
