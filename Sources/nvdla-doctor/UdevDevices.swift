import ArgumentParser
import NvdlaProbe

/// `nvdla-doctor udev-devices` (hidden): the DLA devices libudev lists on the live system, as JSON.
struct UdevDevices: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "udev-devices",
        abstract: "Print the DLA devices libudev lists on this system, as JSON (debugging aid).",
        shouldDisplay: false)

    func run() throws {
        let status = UdevDevicesJob.run(.standard)
        if status != 0 { throw ExitCode(status) }
    }
}
