import ArgumentParser
import NvdlaProbe

/// The `nvdla-doctor` command: diagnoses the Jetson DLA stack and pairs every finding with a remedy.
@main
struct NvdlaDoctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nvdla-doctor",
        abstract: "Diagnose the Deep Learning Accelerator (DLA) stack of an NVIDIA Jetson.",
        discussion: """
            Exit status: \(ExitStatus.summary). The report goes to stdout; everything else to stderr. Colour only \
            on a terminal, never with NO_COLOR set (non-empty) or TERM=dumb; ASCII symbols unless the locale is \
            UTF-8.
            """,
        version: ToolInfo.version,
        subcommands: [
            Check.self, Analyze.self, BundleCommand.self, DiffCommand.self, UnpackCommand.self, RulesCommand.self,
            Explain.self, Watch.self, UdevDevices.self,
        ],
        defaultSubcommand: Check.self)
}
