import Foundation

/// `nvdla-doctor analyze FILE…|-`: recognise pasted artefacts, evaluate the rules on what they show, render.
///
/// Exit status as `check` (README, "Exit status"): 0/1/2 by the worst finding, 3 when nothing was recognised, every
/// input was binary data (an ELF file, an archive, random bytes) or no input could be read, 64 for usage errors. Rules
/// whose facts the input never showed stay silent (never inconclusive).
public struct AnalyzeJob: Sendable {
    public var inputs: [String] = []
    public var format: ReportFormat = .text
    public var ruleDirectories: [String] = []
    public var verbose = false
    public var includeFacts = false
    /// Colour and symbols of the text report.
    public var style: TextStyle = .plain
    /// Read `/etc/nvdla-doctor/rules.d` (off in tests).
    public var includeSiteRules = true

    public init() {}

    /// Runs the analysis and returns the exit status.
    public func run(_ output: Output) -> Int32 {
        guard !inputs.isEmpty else {
            output.stderr("nvdla-doctor analyze: give one or more files, or - for standard input\n")
            return ExitStatus.usage
        }
        if includeFacts, format != .json {
            output.stderr(
                "nvdla-doctor: --facts adds the fact table to JSON output only; it does nothing with --format "
                    + "\(format.rawValue) (-v lists every read in text)\n")
        }
        guard let rules = RulesJob.load(directories: ruleDirectories, includeSite: includeSiteRules, output) else {
            return ExitStatus.unknown
        }
        let analysis = ArtifactAnalysis(signals: rules.signals)
        var readable = 0
        for input in inputs {
            switch Self.open(input) {
            case .failure(let message):
                output.stderr("nvdla-doctor analyze: \(message)\n")
            case .success(let fd):
                readable += 1
                if let problem = analysis.feed(fd: fd, name: input) {
                    output.stderr("nvdla-doctor analyze: \(problem)\n")
                }
                if fd != 0 { close(fd) }
            }
        }
        guard readable > 0 else {
            output.stderr("nvdla-doctor analyze: no input could be read\n")
            return ExitStatus.unknown
        }
        let report = Self.report(analysis, rules: rules, path: inputs.joined(separator: " "))
        switch format {
        case .json:
            output.stderr(analysis.notes.joined(separator: "\n") + "\n")
            output.stdout(JSONRenderer.render(report, includeFacts: includeFacts) + "\n")
        case .text:
            let titles = Dictionary(rules.rules.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            let renderer = TextRenderer(
                color: style.color, verbose: verbose, titles: titles, unicode: style.unicode)
            output.stdout(renderer.render(report))
        }
        return report.status.exitCode
    }

    /// The report of a finished analysis: rules evaluated on its facts, inconclusive outcomes dropped.
    public static func report(_ analysis: ArtifactAnalysis, rules: RuleSet, path: String) -> Report {
        let facts = analysis.finish()
        let source = ReportSource(kind: "artifacts", path: path)
        if analysis.onlyBinaryInput {
            return Report(
                source: source, facts: facts, outcomes: [], unassessable: binaryReason(analysis.binaryInputs),
                notes: analysis.notes)
        }
        let outcomes = Diagnosis.evaluate(rules, facts: facts).filter {
            if case .inconclusive = $0 { return false }
            return true
        }
        guard analysis.recognisedAnything else {
            let reason =
                "Nothing in \(path) was recognised: paste a kernel log (dmesg, journalctl -k), jetson_release, "
                + "/etc/nv_tegra_release, dpkg -l or apt list output, ls -l /dev/nvhost*, tegrastats, "
                + "jetson_clocks --show, nvpmodel -q, lsmod or /proc/meminfo."
            // A person's words alone (stated versions, what they saw) can still say something: those findings are
            // kept, and the verdict stays unknown, because nothing a tool printed was read.
            let stated = analysis.proseLines > 0 ? outcomes.filter { if case .fired = $0 { true } else { false } } : []
            return Report(source: source, facts: facts, outcomes: stated, unassessable: reason, notes: analysis.notes)
        }
        return Report(source: source, facts: facts, outcomes: outcomes, notes: analysis.notes)
    }

    /// Why binary inputs were not read, and what to run instead: `check --root` for a support bundle or another tar
    /// archive (which may hold a captured tree), nothing for other files.
    static func binaryReason(_ inputs: [(name: String, kind: String)]) -> String {
        var parts: [String] = []
        var hint: String?
        for input in inputs {
            let kind = input.name == "-" ? .notAnArchive : BundleSniffer.sniff(path: input.name)
            switch kind {
            case .supportBundle:
                parts.append("\(input.name) is a support bundle")
                hint = hint ?? "run `nvdla-doctor check --root \(input.name)` to diagnose it"
            case .archive:
                let detail = input.kind == "a tar archive" ? "" : " (\(input.kind))"
                parts.append("\(input.name) is a tar archive\(detail)")
                hint = hint ?? "if it holds a support bundle, run `nvdla-doctor check --root \(input.name)`"
            case .notAnArchive:
                parts.append("\(input.name) is \(input.kind)")
            }
        }
        let read = "analyze reads pasted text (kernel logs, listings, TensorRT logs), not binary files"
        return parts.joined(separator: "; ") + ": " + read + (hint.map { "; \($0)." } ?? ".")
    }

    /// Analyses `text` as one input named `name` (tests, embedding).
    public static func analyze(text: String, name: String = "-", rules: RuleSet) -> Report {
        let analysis = ArtifactAnalysis(signals: rules.signals)
        analysis.feed(text: text, name: name)
        return report(analysis, rules: rules, path: name)
    }

    enum Opened {
        case success(Int32)
        case failure(String)
    }

    static func open(_ input: String) -> Opened {
        if input == "-" { return .success(0) }
        var info = stat()
        guard stat(input, &info) == 0 else {
            return .failure("\(input): \(String(cString: strerror(errno)))")
        }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure("\(input): is a directory (give files, or - for stdin)") }
        let fd = Foundation.open(input, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure("\(input): \(String(cString: strerror(errno)))") }
        return .success(fd)
    }
}
