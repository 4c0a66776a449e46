import ArgumentParser
import NvdlaProbe

/// `nvdla-doctor unpack BUNDLE.tar.gz DIR`: turn a bundle into a fixture tree, so a field report becomes a test.
struct UnpackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpack",
        abstract:
            "Unpack a bundle into a snapshot tree (e.g. Tests/FakeSysfs/<scenario>), with the safety checks of check.",
        discussion:
            "Prints the bundle's capture-time report (JSON) on stdout: the findings the new scenario should give.")

    @Argument(help: "The bundle (.tar.gz).")
    var bundle: String

    @Argument(help: "The directory to create; it must not exist.")
    var directory: String

    func run() throws {
        let status = BundleJob.unpack(bundle, to: directory, .standard)
        if status != 0 { throw ExitCode(status) }
    }
}
