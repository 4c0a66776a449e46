import ArgumentParser
import NvdlaProbe

/// `nvdla-doctor rules list|lint`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List or lint the rules in force.",
        subcommands: [List.self, Lint.self, Catalogue.self, Facts.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List every rule with its severity and area.")

        @Option(
            name: .long, help: ArgumentHelp("Directory of extra rule files (repeatable).", valueName: "dir"),
            completion: .directory)
        var rules: [String] = []

        func run() throws {
            let status = RulesJob.list(directories: rules, .standard)
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint", abstract: "Check rule files: schema, unique IDs, catalogued facts, remedy pages.")

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Directory of extra rule files to lint with the embedded ones (repeatable).", valueName: "dir"),
            completion: .directory)
        var rules: [String] = []

        func run() throws {
            let status = RulesJob.lint(directories: rules, .standard)
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Catalogue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalogue", abstract: "Print the rule catalogue as Markdown.")

        func run() throws {
            let status = RulesJob.catalogue(.standard)
            if status != 0 { throw ExitCode(status) }
        }
    }

    struct Facts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "facts", abstract: "Print the fact catalogue as Markdown.")

        func run() throws {
            Output.standard.stdout(CatalogueJob.factsMarkdown())
        }
    }
}
