import ArgumentParser
import Foundation
import NvdlaProbe

/// `nvdla-doctor bundle`: write a support bundle of this system or of a snapshot tree.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write a support bundle (.tar.gz) of what the checks read, redacted by default.",
        discussion: """
            The bundle holds every path the probes read, the kernel log, device-node metadata, the udev entries of \
            the DLA device nodes, a manifest and the report. It is written to nvdla-doctor-<host>-<date>.tar.gz in \
            the current directory unless -o names another file (- for standard output). Host and user names, serial \
            numbers, MAC/IP/e-mail addresses, UUIDs, Wi-Fi names and keys are replaced by tokens where they are \
            found (never inside the kernel's paths, so the bundle diagnoses like the board; the host part of the \
            default name too); the map back is written beside the archive as FILE.tar.gz.map.json (mode 0600). \
            Read a bundle with: nvdla-doctor check --root FILE.tar.gz. Exit status: 0 written, 3 not written or \
            the root is not a Jetson (the bundle is written, with a warning), 64 usage.
            """)

    @Option(
        name: .long, help: ArgumentHelp("Root to capture: / (default) or a snapshot tree.", valueName: "path"),
        completion: .directory)
    var root: String = "/"

    @Option(
        name: .short,
        help: ArgumentHelp(
            "Archive to write (FILE.tar.gz, created with mode 0600), or - for standard output.", valueName: "file"),
        completion: .file(extensions: ["tar.gz", "tgz"]))
    var output: String?

    @Flag(name: .long, help: "Keep names, serial numbers, addresses and keys as they are (no redaction, no map).")
    var noRedact = false

    @Flag(name: .long, help: "Replace an existing archive (and its map).")
    var force = false

    @Flag(name: .long, help: "Allow probes that wake the DLA (debugfs firmware version).")
    var deep = false

    @Option(
        name: .long,
        help: ArgumentHelp("Directory of extra rule files; rules override by ID (repeatable).", valueName: "dir"),
        completion: .directory)
    var rules: [String] = []

    func run() throws {
        var job = BundleJob()
        job.rootPath = root
        job.outputPath = output
        job.redact = !noRedact
        job.force = force
        job.deep = deep
        job.ruleDirectories = rules
        job.showProgress = isatty(2) == 1
        job.stdoutIsTerminal = isatty(1) == 1
        let status = job.run(.standard)
        if status != 0 { throw ExitCode(status) }
    }
}
