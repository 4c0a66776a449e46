import Logging

/// The watcher's event loop: one check at startup, then a check for each settled burst of events (`WatchScheduler`),
/// one log line per change of status or finding set, until the source says stop.
///
/// The check, the clock and the event source are injected, so tests drive it with scripted events and a virtual
/// clock; `nvdla-doctor watch` feeds it the udev monitor and the signal pipe.
public final class WatchLoop {
    public private(set) var scheduler: WatchScheduler
    /// The state of the last check, if any.
    public private(set) var state: WatchState?
    /// How many checks ran.
    public private(set) var checks = 0
    let check: () -> WatchCheck.Outcome
    let clock: () -> Double
    let logger: Logger

    public init(
        policy: WatchPolicy, logger: Logger, clock: @escaping () -> Double, check: @escaping () -> WatchCheck.Outcome
    ) {
        self.scheduler = WatchScheduler(policy: policy)
        self.logger = logger
        self.clock = clock
        self.check = check
    }

    /// Runs the startup check, then handles inputs until `.stop`.
    public func run<Source: WatchEventSource>(_ source: inout Source) {
        runCheck(for: [.startup])
        while true {
            let timeout = scheduler.dueTime.map { max(0, $0 - clock()) }
            for input in source.wait(timeout: timeout) {
                switch input {
                case .stop:
                    logger.info("stopping", metadata: ["checks": "\(checks)"])
                    return
                case .event(let event):
                    var metadata: Logger.Metadata = ["event": "\(event.action)"]
                    if let device = event.device { metadata["device"] = "\(device)" }
                    logger.debug("received", metadata: metadata)
                    scheduler.record(event, at: clock())
                }
            }
            if let events = scheduler.takeDue(at: clock()) { runCheck(for: events) }
        }
    }

    /// Checks, writes the files, and logs when the state changed (or a write failed).
    func runCheck(for events: [WatchEvent]) {
        scheduler.ranCheck(at: clock())
        let outcome = check()
        checks += 1
        let actions = Self.unique(events.map(\.action))
        let devices = Self.unique(events.compactMap(\.device))
        var metadata: Logger.Metadata = [
            "status": "\(outcome.state.status)",
            "findings": "\(outcome.state.findings.isEmpty ? "none" : outcome.state.findings.joined(separator: ","))",
            "event": "\(actions.joined(separator: ","))",
        ]
        if !devices.isEmpty { metadata["device"] = "\(devices.joined(separator: ","))" }
        for problem in outcome.writeErrors {
            logger.error("write failed", metadata: ["error": "\(problem)"])
        }
        if outcome.state != state {
            logger.info("state changed", metadata: metadata)
            state = outcome.state
        } else {
            logger.debug("state unchanged", metadata: metadata)
        }
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
