import CLinux
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the process does before any command runs: standard descriptors that are safe to write, SIGPIPE ignored
/// (a closed pipe becomes `EPIPE`, reported by `StandardStream`), and a SIGINT/SIGTERM/SIGHUP handler that removes
/// what `CleanupRegistry` holds and exits 128 + the signal (130, 143, 129); a second signal exits at once. The
/// three signals are unblocked (a launcher's blocked mask is inherited); a SIGHUP ignored at start (`nohup`) stays
/// ignored.
///
/// `watch` replaces the handler for its own signals (`SignalPipe`): SIGHUP re-checks there, SIGTERM/SIGINT end it
/// after the check in progress, which finishes its own temporary files.
public enum ProcessSetup {
    /// Exit status after `signal`: 128 + its number, the shell's convention.
    public static func exitStatus(forSignal signal: Int32) -> Int32 { 128 + signal }

    /// Whether SIGINT, SIGTERM or SIGHUP has arrived: loops that create files (unpacking a bundle) stop at once
    /// rather than race the cleanup.
    public static var interrupted: Bool { nvdla_termination_requested() != 0 }

    /// When SIGINT, SIGTERM or SIGHUP has arrived, parks the calling thread for good: the cleanup thread is removing
    /// what the command created and ends the process with 128 + the signal. A command that noticed the signal
    /// (an unpacking loop) or finished meanwhile must not exit first with its own status, which would cut the
    /// cleanup short and report the wrong status.
    public static func yieldToCleanup() {
        guard interrupted else { return }
        while true { pause() }
    }

    /// Prepares the process; call once, first thing in `main`.
    public static func install() {
        reserveStandardDescriptors()
        signal(SIGPIPE, SIG_IGN)
        installTerminationHandler()
    }

    /// A descriptor 0–2 that is closed at start is opened on `/dev/null`, so no file the command opens later can
    /// take its number (a report written "to stdout" would land in a bundle); a write to a closed stdout still
    /// fails with `EBADF`.
    static func reserveStandardDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
            if descriptor == 1 { StandardStream.output.markClosed() }
            if descriptor == 2 { StandardStream.error.markClosed() }
        }
    }

    /// Starts the cleanup thread and installs the C handler that wakes it through a pipe.
    static func installTerminationHandler() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let readEnd = fds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n == 1 { break }
                if n < 0 && errno == EINTR { continue }
                return
            }
            CleanupRegistry.drain()
            _exit(exitStatus(forSignal: Int32(byte)))
        }
        thread.name = "nvdla-doctor cleanup"
        thread.start()
        _ = nvdla_install_termination_handler(fds[1])
    }
}
