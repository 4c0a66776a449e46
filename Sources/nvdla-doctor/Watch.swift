import ArgumentParser
import NvdlaProbe

/// `nvdla-doctor watch`: re-check on udev events of DLA devices, for the systemd unit.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-check whenever a DLA device appears, changes or goes (udev monitor); for the systemd unit.",
        discussion: """
            Runs one check at startup, then one after each burst of udev events of DLA devices has been quiet for \
            --debounce seconds, never sooner than --min-interval after the previous one. Each check writes \
            STATE-DIR/status.json (the JSON report) and, with --textfile, DIR/nvdla_doctor.prom, atomically, and \
            logs one line to stderr when the status or the set of findings changes. SIGHUP re-checks; SIGTERM and \
            SIGINT exit 0. With --root other than /, there is no udev monitor: only startup and SIGHUP check.
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Root to inspect: / (default, with the udev monitor) or a snapshot tree.", valueName: "path"),
        completion: .directory)
    var root: String = "/"

    @Option(
        name: .long,
        help: ArgumentHelp("Also write nvdla_doctor.prom into this directory (textfile collector).", valueName: "dir"),
        completion: .directory)
    var textfile: String?

    @Option(
        name: .long, help: ArgumentHelp("Directory for status.json (created if missing).", valueName: "dir"),
        completion: .directory)
    var stateDir: String = "/run/nvdla-doctor"

    @Option(
        name: .long,
        help: ArgumentHelp("Directory of extra rule files; rules override by ID (repeatable).", valueName: "dir"),
        completion: .directory)
    var rules: [String] = []

    @Option(
        name: .long, help: ArgumentHelp("Seconds of quiet after the last event before checking.", valueName: "seconds"))
    var debounce: Double = WatchPolicy.defaultDebounce

    @Option(name: .long, help: ArgumentHelp("Least seconds between two checks.", valueName: "seconds"))
    var minInterval: Double = WatchPolicy.defaultMinInterval

    @Flag(name: .shortAndLong, help: "Also log every DLA event received and checks that changed nothing.")
    var verbose = false

    func validate() throws {
        guard debounce >= 0, debounce <= 3600, debounce.isFinite else {
            throw ValidationError("--debounce must be between 0 and 3600 seconds")
        }
        guard minInterval >= 0, minInterval <= 86400, minInterval.isFinite else {
            throw ValidationError("--min-interval must be between 0 and 86400 seconds")
        }
    }

    func run() throws {
        var job = WatchJob()
        job.rootPath = root
        job.stateDirectory = stateDir
        job.textfileDirectory = textfile
        job.ruleDirectories = rules
        job.policy = WatchPolicy(debounce: debounce, minInterval: minInterval)
        job.verbose = verbose
        let status = job.run(.standard)
        if status != 0 { throw ExitCode(status) }
    }
}
