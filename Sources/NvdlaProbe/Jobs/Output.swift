import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a job writes: stdout carries only the requested format, stderr everything else.
public struct Output: Sendable {
    public let stdout: @Sendable (String) -> Void
    public let stderr: @Sendable (String) -> Void

    public init(stdout: @escaping @Sendable (String) -> Void, stderr: @escaping @Sendable (String) -> Void) {
        self.stdout = stdout
        self.stderr = stderr
    }

    /// The process's standard output and error, written with `write(2)` through `StandardStream`: a failed write
    /// (EPIPE, ENOSPC, EBADF…) is remembered, never fatal.
    public static let standard = Output(
        stdout: { text in StandardStream.output.write(text) },
        stderr: { text in StandardStream.error.write(text) })

    /// Whether stdout is a terminal and colour is allowed (`NO_COLOR` unset).
    public static var wantsColor: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// One of the process's standard streams, written with `write(2)`: the one place the report reaches stdout.
///
/// The first failure (`EPIPE` from a closed pipe, `ENOSPC` from a full disk or `/dev/full`, `EBADF` from a closed
/// descriptor) is kept and later writes are dropped; `Output.finish` turns it into one line on stderr and exit
/// status 74 (`ExitStatus.ioError`). SIGPIPE is ignored (`ProcessSetup`), so a closed pipe is an `EPIPE` here, not a signal.
public final class StandardStream: @unchecked Sendable {
    public static let output = StandardStream(descriptor: 1, name: "standard output")
    public static let error = StandardStream(descriptor: 2, name: "standard error")

    let descriptor: Int32
    let name: String
    private let lock = NSLock()
    private var failure: Int32?

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// The errno of the first failed write, if any.
    public var failedErrno: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// The descriptor was closed when the process started (it now holds `/dev/null`): the first write fails with
    /// `EBADF`; a command that writes nothing there is not affected.
    private var closedAtStart = false

    /// Marks the descriptor closed at start.
    func markClosed() {
        lock.lock()
        closedAtStart = true
        lock.unlock()
    }

    /// Writes all of `text`, retrying short writes and EINTR, waiting on EAGAIN; keeps the first error.
    public func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        if closedAtStart {
            if !text.isEmpty { failure = EBADF }
            return
        }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                offset += n
                continue
            }
            let code = n == 0 ? EIO : errno
            if code == EINTR { continue }
            if code == EAGAIN {
                var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&poller, 1, 1000)
                continue
            }
            failure = code
            return
        }
    }
}

extension Output {
    /// The status to exit with after a command returned `status`: 74 with one line on stderr when standard output
    /// failed, else `status`.
    public static func finish(_ status: Int32) -> Int32 {
        guard let code = StandardStream.output.failedErrno else { return status }
        StandardStream.error.write("nvdla-doctor: cannot write the output: \(String(cString: strerror(code)))\n")
        return ExitStatus.ioError
    }
}

/// Exit statuses (README, "Exit status"): the monitoring-plugins convention.
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let warning: Int32 = 1
    public static let error: Int32 = 2
    public static let unknown: Int32 = 3
    public static let usage: Int32 = 64
    /// The report could not be written to standard output (EPIPE, ENOSPC, EBADF, EIO): sysexits' EX_IOERR.
    public static let ioError: Int32 = 74

    /// Every status with its meaning, as README ("Exit status"), `--help` and the man pages give them.
    public static let meanings: [(status: Int32, meaning: String)] = [
        (ok, "nothing at warning or above, and every check that could report a warning or an error could run"),
        (warning, "warnings"),
        (error, "errors"),
        (
            unknown,
            "unknown: nothing could be assessed (no Tegra SoC under the root, unreadable root or input, binary input "
                + "to analyze, broken rule file, a bundle refused or not written), or no warning or error found but a "
                + "check that could report one could not read its input"
        ),
        (usage, "usage error"),
        (
            ioError,
            "the report could not be written to stdout (closed pipe, full disk, closed descriptor): one line on stderr"
        ),
        (129, "interrupted by SIGHUP, after removing what the command created; a second signal exits at once"),
        (130, "interrupted by SIGINT, after removing what the command created; a second signal exits at once"),
        (143, "interrupted by SIGTERM, after removing what the command created; a second signal exits at once"),
    ]

    /// `0 nothing at warning or above, 1 warnings, …`: the table in one line.
    public static var summary: String {
        meanings.map { "\($0.status) \($0.meaning)" }.joined(separator: "; ")
    }
}
