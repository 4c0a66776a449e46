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
            Exit status: 0 nothing at warning or above, 1 warnings, 2 errors, 3 unknown (nothing could be
            assessed, or a check that could hide an error could not run), 64 usage, 74 the output could not be
            written, 129/130/143 interrupted by SIGHUP/SIGINT/SIGTERM. The report goes to stdout; everything else
            to stderr.
            """,
        version: ToolInfo.version,
        subcommands: [
            Check.self, Analyze.self, BundleCommand.self, DiffCommand.self, UnpackCommand.self, RulesCommand.self,
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
