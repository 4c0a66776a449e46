import ArgumentParser
import NvdlaProbe

/// The `nvdla-doctor` command: diagnoses the Jetson DLA stack and pairs every finding with a remedy.
@main
struct NvdlaDoctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nvdla-doctor",
        abstract: "Diagnose the Deep Learning Accelerator (DLA) stack of an NVIDIA Jetson.",
        discussion: """
            Exit status: 0 nothing at warning or above, 1 warnings, 2 errors, 3 nothing could be assessed,
            64 usage. The report goes to stdout; everything else to stderr.
            """,
        version: ToolInfo.version,
        subcommands: [
            Check.self, Analyze.self, ModelCommand.self, BundleCommand.self, DiffCommand.self, UnpackCommand.self,
            RulesCommand.self,
            Explain.self, Watch.self, UdevDevices.self,
        ],
        defaultSubcommand: Check.self)
}
