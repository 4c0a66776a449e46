import ArgumentParser
import NvdlaProbe

// Value lists spelled out: ArgumentParser's defaults build them with String(describing:), whose first dynamic casts
// scan every protocol conformance of the static binary (a tenth of `--version`).
extension ReportFormat: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public var defaultValueDescription: String { rawValue }
}

/// `nvdla-doctor analyze`: diagnose pasted artefacts (kernel logs, jetson_release, package lists, listings…).
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Diagnose pasted artefacts: kernel logs, jetson_release, nv_tegra_release, package lists, listings.",
        discussion: "Reads each FILE (or - for standard input) and lists which parts it recognised.")

    @Argument(help: ArgumentHelp("Files to analyse; - reads standard input.", valueName: "file"), completion: .file())
    var inputs: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(
        name: .long,
        help: ArgumentHelp("Directory of extra rule files; rules override by ID (repeatable).", valueName: "dir"),
        completion: .directory)
    var rules: [String] = []

    @Flag(name: .shortAndLong, help: "Show passed checks.")
    var verbose = false

    @Flag(name: .long, help: "Include the fact table in JSON output (for debugging rules).")
    var facts = false

    func run() throws {
        var job = AnalyzeJob()
        job.inputs = inputs
        job.format = format
        job.ruleDirectories = rules
        job.verbose = verbose
        job.includeFacts = facts
        job.style = .standard
        let status = job.run(.standard)
        if status != 0 { throw ExitCode(status) }
    }
}
