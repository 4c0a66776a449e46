import Foundation

/// `nvdla-doctor bundle`: check a root and write its support bundle.
public struct BundleJob: Sendable {
    public var rootPath: String = "/"
    /// The archive to write: a `.tar.gz` path, `-` for standard output, nil for the default name
    /// (`BundleName`, in the current directory).
    public var outputPath: String?
    public var redact = true
    public var force = false
    public var deep = false
    public var ruleDirectories: [String] = []
    /// Read `/etc/nvdla-doctor/rules.d` (off in tests).
    public var includeSiteRules = true
    /// Show a progress line on stderr (when it is a terminal).
    public var showProgress = false
    /// Whether standard output is a terminal (`-o -` refuses to write an archive to one).
    public var stdoutIsTerminal = false
    /// The date in the default name (tests fix it).
    public var now: @Sendable () -> Date = { Date() }

    public init() {}

    /// Writes the bundle and returns the exit status: 0 written, 3 when it could not be written or the root is
    /// not a Jetson (the bundle is still written then: it shows what the root holds), 64 for bad arguments.
    public func run(_ output: Output) -> Int32 {
        if let path = outputPath, path != "-", !(path.hasSuffix(".tar.gz") || path.hasSuffix(".tgz")) {
            output.stderr("nvdla-doctor: bundle: -o must name a .tar.gz file (or - for standard output)\n")
            return ExitStatus.usage
        }
        if outputPath == "-", stdoutIsTerminal {
            output.stderr(
                "nvdla-doctor: bundle: -o - writes a binary archive; redirect standard output to a file or a pipe\n")
            return ExitStatus.usage
        }
        guard let rules = RulesJob.load(directories: ruleDirectories, includeSite: includeSiteRules, output) else {
            return ExitStatus.unknown
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            output.stderr(
                "nvdla-doctor: --root \(rootPath): not a directory (bundle a live system or a snapshot tree)\n")
            return ExitStatus.unknown
        }
        if let problem = RootAccess.problem(rootPath) {
            output.stderr("nvdla-doctor: --root \(problem)\n")
            return ExitStatus.unknown
        }
        let policy = ReadPolicy(deep: deep)
        let defaultName = BundleName.defaultName(
            root: SystemRoot(path: rootPath, policy: policy), redact: redact, date: now())
        let target = outputPath ?? defaultName
        var options = BundleBuilder.Options(outputPath: target)
        options.redact = redact
        options.force = force
        if target == "-" { options.mapPathOverride = String(defaultName.dropLast(".tar.gz".count)) + ".map.json" }
        if showProgress {
            options.progress = { done, total in
                if done == total || done % 50 == 0 { output.stderr("\rbundle: capturing \(done)/\(total) paths") }
                if done == total { output.stderr("\n") }
            }
        }
        let root = SystemRoot(path: rootPath, policy: policy)
        do {
            let result = try BundleBuilder.build(root: root, rules: rules, options: options)
            let truncated = result.manifest.entries.filter(\.truncated).count
            let place = target == "-" ? "standard output" : target
            var summary =
                "nvdla-doctor: wrote \(place) (\(Format.size(result.archiveBytes)), "
                + "\(result.manifest.entries.count) paths, \(result.report.findings.count) findings"
            if truncated > 0 { summary += ", \(truncated) truncated" }
            summary += redact ? ", redacted" : ", not redacted"
            summary += ")\n"
            if let map = result.mapPath {
                summary += "nvdla-doctor: private redaction map: \(map) (keep it; never attach it to a ticket)\n"
            }
            if let reason = result.report.unassessable {
                summary += "nvdla-doctor: warning: \(reason) The bundle holds what the root shows, but no DLA check.\n"
            }
            output.stderr(summary)
            return result.report.unassessable == nil ? ExitStatus.ok : ExitStatus.unknown
        } catch {
            output.stderr("nvdla-doctor: bundle: \(error)\n")
            return ExitStatus.unknown
        }
    }
}

extension BundleJob {
    /// `nvdla-doctor unpack`: bundle → snapshot tree; prints what the bundle recorded at capture time (a summary, or
    /// with `json` the stored JSON report); 0, or 3 when refused.
    public static func unpack(_ archive: String, to directory: String, format: ReportFormat = .text, _ output: Output)
        -> Int32
    {
        do {
            let report = try BundleUnpacker.unpack(archive, to: directory)
            switch format {
            case .json:
                if let report { output.stdout(report) }
            case .text:
                output.stdout(StoredReport.summary(report, directory: directory))
            }
            output.stderr("nvdla-doctor: unpacked \(archive) into \(directory)\n")
            return ExitStatus.ok
        } catch {
            output.stderr("nvdla-doctor: unpack: \(error)\n")
            return ExitStatus.unknown
        }
    }
}

/// The parts of a bundle's `.nvdla-doctor/report.json` that `unpack` summarises for people.
struct StoredReport: Decodable {
    struct Tool: Decodable { let version: String? }
    struct Source: Decodable {
        let kind: String?
        let path: String?
    }
    struct Item: Decodable {
        let id: String
        let severity: String
        let subject: String
        let title: String
    }
    struct Summary: Decodable {
        let errors, warnings, infos, inconclusive, passed: Int?
    }
    let tool: Tool?
    let source: Source?
    let status: String?
    let findings: [Item]?
    let summary: Summary?
    let message: String?

    /// `At capture (nvdla-doctor 0.1.0, live /): status error, 2 errors, …`, one line per finding, and the command
    /// that checks the tree again.
    static func summary(_ json: String?, directory: String) -> String {
        var lines: [String] = []
        if let json, let report = try? JSONDecoder().decode(StoredReport.self, from: Data(json.utf8)) {
            let origin = [
                report.tool?.version.map { "nvdla-doctor \($0)" },
                report.source.map {
                    "\($0.kind ?? "?") \($0.path ?? "?")"
                },
            ].compactMap { $0 }.joined(separator: ", ")
            var counts: [String] = []
            if let s = report.summary {
                counts = [
                    "\(s.errors ?? 0) errors", "\(s.warnings ?? 0) warnings", "\(s.infos ?? 0) info",
                    "\(s.inconclusive ?? 0) inconclusive", "\(s.passed ?? 0) passed",
                ]
            }
            lines.append(
                "At capture (\(origin)): status \(report.status ?? "unknown")"
                    + (counts.isEmpty ? "" : " · " + counts.joined(separator: ", ")))
            if let message = report.message { lines.append("  \(message)") }
            for item in report.findings ?? [] {
                let severity = item.severity.padding(toLength: 7, withPad: " ", startingAt: 0)
                lines.append("  \(severity)  \(item.id)  \(item.subject): \(item.title)")
            }
        } else {
            lines.append("The bundle holds no readable capture-time report (.nvdla-doctor/report.json).")
        }
        lines.append("Check the unpacked tree: nvdla-doctor check --root \(directory)")
        return lines.joined(separator: "\n") + "\n"
    }
}
