import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Turns signals into bytes on a pipe the watch loop can `poll`: each signal is set to `SIG_IGN` (so it never
/// kills the process) and observed with a `DispatchSource` signal source whose handler writes the signal number.
public final class SignalPipe: @unchecked Sendable {
    /// The read end, non-blocking.
    public let readDescriptor: Int32
    private let writeDescriptor: Int32
    private var sources: [any DispatchSourceSignal] = []

    /// Watches `signals`; nil when the pipe cannot be created.
    public init?(signals: [Int32]) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
        let descriptor = writeDescriptor
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(descriptor, &byte, 1)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The signals that arrived since the last call, in order.
    public func drain() -> [Int32] {
        var out: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                out.append(contentsOf: buffer[0..<n].map { Int32($0) })
                continue
            }
            if n < 0 && errno == EINTR { continue }
            return out
        }
    }

    deinit {
        for source in sources { source.cancel() }
        close(readDescriptor)
        close(writeDescriptor)
    }
}
