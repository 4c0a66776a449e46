import ArgumentParser
import NvdlaProbe

/// `nvdla-doctor explain ID`: the rule and its remedy page.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show a rule and its remedy page.")

    @Argument(help: "Finding ID, e.g. NVDLA-PLAT-001 (any case).", completion: Completions.ruleIDs)
    var id: String

    @Option(
        name: .long, help: ArgumentHelp("Directory of extra rule files (repeatable).", valueName: "dir"),
        completion: .directory)
    var rules: [String] = []

    func run() throws {
        let status = RulesJob.explain(id, directories: rules, style: .standard, .standard)
        if status != 0 { throw ExitCode(status) }
    }
}
