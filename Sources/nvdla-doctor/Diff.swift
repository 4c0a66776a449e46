import ArgumentParser
import NvdlaProbe

/// `nvdla-doctor diff A B`: what changed between two roots or bundles.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two roots or bundles: findings added, resolved and changed, and the facts that matter.",
        discussion: """
            A and B are snapshot directories, bundles (.tar.gz) or one of each: before/after an upgrade, or a good \
            board against a bad one. Exit status follows the findings new in B (0, 1 warnings, 2 errors, 3 unreadable).
            """)

    @Argument(
        help: ArgumentHelp("The reference: before, or the good board.", valueName: "a"), completion: Completions.root)
    var a: String

    @Argument(
        help: ArgumentHelp("The one to explain: after, or the bad board.", valueName: "b"), completion: Completions.root
    )
    var b: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(
        name: .long,
        help: ArgumentHelp("Directory of extra rule files; rules override by ID (repeatable).", valueName: "dir"),
        completion: .directory)
    var rules: [String] = []

    func run() throws {
        var job = DiffJob()
        job.pathA = a
        job.pathB = b
        job.format = format
        job.ruleDirectories = rules
        job.style = .standard
        let status = job.run(.standard)
        if status != 0 { throw ExitCode(status) }
    }
}
