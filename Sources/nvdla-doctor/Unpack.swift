import ArgumentParser
import NvdlaProbe

/// `nvdla-doctor unpack BUNDLE.tar.gz DIR`: turn a bundle into a fixture tree, so a field report becomes a test.
struct UnpackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpack",
        abstract:
            "Unpack a bundle into a snapshot tree (e.g. Tests/FakeSysfs/<scenario>), with the safety checks of check.",
        discussion: """
            Prints what the bundle recorded at capture time: its status and findings (with --format json, the \
            stored JSON report), which the new tree should give again. Exit status: 0 unpacked, 3 refused.
            """)

    @Argument(
        help: ArgumentHelp("The bundle (.tar.gz).", valueName: "bundle"),
        completion: .file(extensions: ["tar.gz", "tgz"]))
    var bundle: String

    @Argument(
        help: ArgumentHelp("The directory to create; it must not exist.", valueName: "dir"), completion: .directory)
    var directory: String

    @Option(name: .long, help: "Output format: text (a summary) or json (the stored report).")
    var format: ReportFormat = .text

    func run() throws {
        let status = BundleJob.unpack(bundle, to: directory, format: format, .standard)
        if status != 0 { throw ExitCode(status) }
    }
}
