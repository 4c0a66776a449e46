import Foundation
import Logging

/// `nvdla-doctor watch`: a startup check, then a check after each settled burst of udev events for DLA devices,
/// each writing `<state-dir>/status.json` and, with `--textfile`, `nvdla_doctor.prom`; exits 0 on SIGTERM/SIGINT.
///
/// On the live root the udev monitor supplies the events; on any other root (a snapshot, for tests and dry runs)
/// there is none and `SIGHUP` re-checks — as it also does live.
public struct WatchJob {
    public var rootPath = "/"
    /// Where `status.json` goes; created (one level, mode 0755) when missing. systemd's
    /// `RuntimeDirectory=nvdla-doctor` provides it for the unit.
    public var stateDirectory = "/run/nvdla-doctor"
    public var textfileDirectory: String?
    public var ruleDirectories: [String] = []
    public var includeSiteRules = true
    public var policy = WatchPolicy()
    /// Also log every event received and every check whose state did not change (`-v`).
    public var verbose = false

    public init() {}

    /// Runs until SIGTERM or SIGINT; returns the exit status (0 after a signal, 3 when it cannot start).
    public func run(_ output: Output) -> Int32 {
        guard let rules = RulesJob.load(directories: ruleDirectories, includeSite: includeSiteRules, output) else {
            return ExitStatus.unknown
        }
        if let problem = Self.prepareStateDirectory(stateDirectory) {
            output.stderr("nvdla-doctor: --state-dir: \(problem)\n")
            return ExitStatus.unknown
        }
        if let textfileDirectory, !Self.isDirectory(textfileDirectory) {
            output.stderr("nvdla-doctor: --textfile: \(textfileDirectory): not a directory\n")
            return ExitStatus.unknown
        }
        guard Self.isDirectory(rootPath) || FileManager.default.fileExists(atPath: rootPath) else {
            output.stderr("nvdla-doctor: --root \(rootPath): no such file or directory\n")
            return ExitStatus.unknown
        }
        let level: Logger.Level = verbose ? .debug : .info
        let logger = Logger(label: "nvdla-doctor.watch") { _ in
            var handler = LogfmtLogHandler(sink: output.stderr)
            handler.logLevel = level
            return handler
        }
        guard let signals = SignalPipe(signals: [SIGTERM, SIGINT, SIGHUP]) else {
            output.stderr("nvdla-doctor: cannot create the signal pipe: \(String(cString: strerror(errno)))\n")
            return ExitStatus.unknown
        }
        var monitor: UdevMonitor?
        var udev = "off (not the live root; SIGHUP re-checks)"
        if SystemRoot(path: rootPath).isLive {
            let classes = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/class")) ?? []
            do {
                monitor = try UdevMonitor(subsystems: UdevMonitor.subsystems(classes: classes))
                udev = "on"
            } catch {
                udev = "unavailable (\(error.description)); SIGHUP re-checks"
            }
        }
        logger.info(
            "watching",
            metadata: [
                "root": "\(rootPath)", "state_dir": "\(stateDirectory)", "textfile": "\(textfileDirectory ?? "-")",
                "udev": "\(udev)", "debounce": "\(policy.debounce)", "min_interval": "\(policy.minInterval)",
            ])
        let check = WatchCheck(
            rootPath: rootPath, rules: rules, stateDirectory: stateDirectory, textfileDirectory: textfileDirectory)
        let loop = WatchLoop(policy: policy, logger: logger, clock: Self.monotonic, check: check.run)
        var source = PollEventSource(signals: signals, monitor: monitor)
        loop.run(&source)
        return ExitStatus.ok
    }

    /// Seconds on the monotonic clock (immune to wall-clock steps).
    static func monotonic() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Creates the state directory when its parent exists and it does not; nil when it is ready.
    static func prepareStateDirectory(_ path: String) -> String? {
        if isDirectory(path) { return nil }
        if FileManager.default.fileExists(atPath: path) { return "\(path): not a directory" }
        guard mkdir(path, 0o755) == 0 else { return "\(path): \(String(cString: strerror(errno)))" }
        return nil
    }
}
