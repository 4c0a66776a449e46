#if canImport(Glibc)
    import Glibc
#endif

/// The live event source of `nvdla-doctor watch`: `poll` on the signal pipe (`SIGTERM`/`SIGINT` stop, `SIGHUP`
/// re-checks) and, on the live root, the udev monitor.
///
/// An error on the monitor socket (`ENOBUFS`: the kernel dropped events because the receive buffer was full) is an
/// `overflow` event, so the lost events still lead to a check; a socket that hangs up is dropped (no busy loop),
/// leaving `SIGHUP`.
public struct PollEventSource: WatchEventSource {
    let signals: SignalPipe
    private(set) var monitor: UdevMonitor?

    public init(signals: SignalPipe, monitor: UdevMonitor?) {
        self.signals = signals
        self.monitor = monitor
    }

    public mutating func wait(timeout: Double?) -> [WatchInput] {
        var fds = [pollfd(fd: signals.readDescriptor, events: Int16(POLLIN), revents: 0)]
        if let monitor { fds.append(pollfd(fd: monitor.descriptor, events: Int16(POLLIN), revents: 0)) }
        let milliseconds: Int32 = timeout.map { Int32(min(max(0, ($0 * 1000).rounded(.up)), 86_400_000)) } ?? -1
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0 else { return [] }  // timeout, or EINTR: the loop asks again
        var inputs: [WatchInput] = []
        if fds[0].revents != 0 {
            for number in signals.drain() {
                inputs.append(number == SIGHUP ? .event(.hangup) : .stop)
            }
        }
        if let monitor, fds.count > 1, fds[1].revents != 0 {
            let revents = Int32(fds[1].revents)
            inputs.append(contentsOf: monitor.receive().map { .event($0) })
            if revents & Int32(POLLERR) != 0 { inputs.append(.event(WatchEvent(action: "overflow"))) }
            if revents & Int32(POLLHUP | POLLNVAL) != 0 { self.monitor = nil }
        }
        return inputs
    }
}
