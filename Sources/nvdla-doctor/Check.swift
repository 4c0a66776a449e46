import ArgumentParser
import NvdlaProbe

// Value lists spelled out: ArgumentParser's defaults build them with String(describing:), whose first dynamic casts
// scan every protocol conformance of the static binary (a tenth of `--version`).
extension CheckJob.Format: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public var defaultValueDescription: String { rawValue }
}

extension Area: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public var defaultValueDescription: String { rawValue }
}

/// `nvdla-doctor check`: collect facts from a root and evaluate the rules.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the DLA stack of this system or of a snapshot tree.")

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Root to inspect: / (default), a snapshot tree, or a bundle (.tar.gz or unpacked).", valueName: "path"),
        completion: Completions.root)
    var root: String = "/"

    @Option(name: .long, help: "Output format: text, json or prometheus.")
    var format: CheckJob.Format = .text

    @Option(name: .long, help: "Only evaluate rules of this area (repeatable).")
    var area: [Area] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Directory of extra rule files; rules override by ID (repeatable).", valueName: "dir"),
        completion: .directory)
    var rules: [String] = []

    @Flag(name: .long, help: "Allow probes that wake the DLA (debugfs firmware version).")
    var deep = false

    @Flag(name: .shortAndLong, help: "Show passed and inconclusive checks with what blocked them.")
    var verbose = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write nvdla_doctor.prom into this directory, atomically (textfile collector).", valueName: "dir"),
        completion: .directory)
    var textfile: String?

    @Flag(name: .long, help: "Include the fact table and every read in JSON output (for debugging rules).")
    var facts = false

    func run() throws {
        var job = CheckJob()
        job.rootPath = root
        job.format = format
        job.areas = area
        job.ruleDirectories = rules
        job.deep = deep
        job.verbose = verbose
        job.includeFacts = facts
        job.textfileDirectory = textfile
        job.style = .standard
        let status = job.run(.standard)
        if status != 0 { throw ExitCode(status) }
    }
}
