import ArgumentParser
import Foundation
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
            Check.self, Analyze.self, ModelCommand.self, BundleCommand.self, DiffCommand.self, UnpackCommand.self,
            RulesCommand.self,
            Explain.self, Watch.self, UdevDevices.self,
        ],
        defaultSubcommand: Check.self)

    /// Parses and runs the command with standard streams that report write errors instead of crashing, and
    /// signal handling that removes what the command created (`ProcessSetup`).
    static func main() {
        ProcessSetup.install()
        var status: Int32 = 0
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            ProcessSetup.yieldToCleanup()
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    Output.standard.stdout(message + "\n")
                } else {
                    Output.standard.stderr(message + "\n")
                }
            }
            status = code.rawValue
        }
        ProcessSetup.yieldToCleanup()
        Glibc.exit(Output.finish(status))
    }
}
