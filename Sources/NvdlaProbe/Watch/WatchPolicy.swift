/// How often the watcher re-checks after events.
///
/// A DLA appearing produces a burst of uevents (platform `bind`, class device `add`, a `change` or two), and a
/// flapping device could produce them forever: the check runs once the events have been quiet for `debounce`
/// seconds (but no later than `maxDelay` after the first), and never sooner than `minInterval` after the previous
/// check.
public struct WatchPolicy: Sendable, Equatable {
    /// Quiet time after the last event before checking (default 2 s).
    public var debounce: Double
    /// Least time between two checks (default 10 s).
    public var minInterval: Double
    /// Longest a pending event waits while events keep coming (default 30 s).
    public var maxDelay: Double

    public static let defaultDebounce = 2.0
    public static let defaultMinInterval = 10.0
    public static let defaultMaxDelay = 30.0

    public init(
        debounce: Double = WatchPolicy.defaultDebounce, minInterval: Double = WatchPolicy.defaultMinInterval,
        maxDelay: Double = WatchPolicy.defaultMaxDelay
    ) {
        self.debounce = debounce
        self.minInterval = minInterval
        self.maxDelay = max(maxDelay, debounce)
    }
}
