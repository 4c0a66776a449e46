/// Decides when the watcher checks: debounce and rate limit over event times (`WatchPolicy`), as a pure state
/// machine of the times it is given, so tests drive it with a virtual clock.
public struct WatchScheduler: Sendable {
    public let policy: WatchPolicy
    /// Events since the last check, oldest first.
    public private(set) var pending: [WatchEvent] = []
    private var firstPendingAt: Double?
    private var lastEventAt: Double?
    /// When the last check ran.
    public private(set) var lastRunAt: Double?

    public init(policy: WatchPolicy) {
        self.policy = policy
    }

    /// Notes an event that arrived at `time`.
    public mutating func record(_ event: WatchEvent, at time: Double) {
        pending.append(event)
        if firstPendingAt == nil { firstPendingAt = time }
        lastEventAt = time
    }

    /// When the pending events should be checked, or nil when nothing is pending.
    public var dueTime: Double? {
        guard let first = firstPendingAt, let last = lastEventAt else { return nil }
        let settled = min(last + policy.debounce, first + policy.maxDelay)
        guard let lastRunAt else { return settled }
        return max(settled, lastRunAt + policy.minInterval)
    }

    /// The pending events when their check is due at `time` (and forgets them), else nil.
    public mutating func takeDue(at time: Double) -> [WatchEvent]? {
        guard let due = dueTime, time >= due else { return nil }
        let events = pending
        pending = []
        firstPendingAt = nil
        lastEventAt = nil
        return events
    }

    /// Notes that a check ran at `time`.
    public mutating func ranCheck(at time: Double) {
        lastRunAt = time
    }
}
