/// A reason to re-check: a udev event of a DLA device (`add`, `change`, `remove`, `bind`, `unbind`), `SIGHUP`, or
/// the start of the watcher.
public struct WatchEvent: Sendable, Equatable {
    /// The udev action (`add`, `change`, `remove`, `bind`, `unbind`), `hup`, or `startup`.
    public var action: String
    /// The device's sysname (`15880000.nvdla0`, `nvhost-ctrl-nvdla0`), or nil for `hup` and `startup`.
    public var device: String?

    public init(action: String, device: String? = nil) {
        self.action = action
        self.device = device
    }

    public static let startup = WatchEvent(action: "startup")
    public static let hangup = WatchEvent(action: "hup")
}

/// What an event source hands the watch loop.
public enum WatchInput: Sendable, Equatable {
    case event(WatchEvent)
    /// `SIGTERM` or `SIGINT`: finish and exit 0.
    case stop
}

/// Where the watch loop's inputs come from: the udev monitor and the signal pipe live, a script in tests.
public protocol WatchEventSource {
    /// Waits up to `timeout` seconds (forever when nil) and returns what arrived, possibly nothing.
    mutating func wait(timeout: Double?) -> [WatchInput]
}
