import Foundation

/// One kernel-log message with where it was seen.
public struct KernelLogLine: Sendable, Equatable {
    /// Syslog level (0 emerg … 7 debug), when the source carries it.
    public let level: Int?
    /// Seconds since boot, when the source carries it.
    public let seconds: Double?
    /// The message text, device prefix kept (`nvdla 15880000.nvdla0: …`).
    public let message: String
    /// Where it was read within its source: `kmsg seq 1234`, `line 17`, `+12.345678 s`.
    public let location: String

    public init(level: Int?, seconds: Double?, message: String, location: String) {
        self.level = level
        self.seconds = seconds
        self.message = message
        self.location = location
    }
}

/// The kernel log of a root and where it came from.
public struct KernelLogRead: Sendable {
    /// The lines, or why no source could be read.
    public let lines: ReadResult<[KernelLogLine]>
    /// The source the lines came from (`/dev/kmsg`, `journal`, `/var/log/kern.log`, `/var/log/syslog`), or, when
    /// none could be read, `/dev/kmsg`.
    public let source: String
    /// Every source tried, in order, with its outcome word (`ok`, `permission`, `missing`, `empty`…).
    public let attempts: [(source: String, outcome: String)]
}

/// Where the live kernel log is read from, in order (tests point these at files they made).
public struct KernelLogSources: Sendable {
    /// The kmsg device.
    public var kmsg: String
    /// The systemd journal: the local system journal, or explicit journal files.
    public var journalFiles: [String]?
    /// Whether to try the journal at all.
    public var journal: Bool
    /// syslog files holding kernel lines (rsyslog's `kern.log`, then `syslog`), read through the root.
    public var logFiles: [String]

    public init(kmsg: String, journal: Bool, journalFiles: [String]? = nil, logFiles: [String]) {
        self.kmsg = kmsg
        self.journal = journal
        self.journalFiles = journalFiles
        self.logFiles = logFiles
    }

    /// `/dev/kmsg`, the system journal, `/var/log/kern.log`, `/var/log/syslog`.
    public static let live = KernelLogSources(
        kmsg: SystemRoot.kmsgPath, journal: true, logFiles: ["/var/log/kern.log", "/var/log/syslog"])
}

extension SystemRoot {
    /// Inner path under which the kernel log is recorded in the read trail, and the name of its first source.
    public static let kmsgPath = "/dev/kmsg"
    /// The name of the systemd-journal source.
    public static let journalSource = "journal"
    /// Most kernel-log bytes read from one source (the kernel ring buffer is far smaller).
    public static let kernelLogCap = 64 * 1024 * 1024
    /// Snapshot file naming the source its `kmsg` came from (absent: `/dev/kmsg`).
    public static let kmsgSourceFile = "/.nvdla-doctor/kmsg-source"

    /// Whether `source` (a fact's provenance) names a place a kernel-log line was read.
    public static func isKernelLogLocation(_ source: String) -> Bool {
        source.hasPrefix(kmsgPath) || source.hasPrefix(journalSource + " ") || source.hasPrefix("/var/log/")
    }

    /// The kernel log. Live: `/dev/kmsg` read without blocking, else the systemd journal's kernel messages of this
    /// boot (readable by the `systemd-journal` and `adm` groups), else the last boot's lines of `/var/log/kern.log`
    /// or `/var/log/syslog`. A snapshot: `.nvdla-doctor/kmsg`, with the source `.nvdla-doctor/kmsg-source` names.
    public func kernelLog() -> KernelLogRead {
        let read = isLive ? readLiveKernelLog() : readSnapshotKernelLog()
        let bytes = read.lines.value?.reduce(0) { $0 + $1.message.utf8.count } ?? 0
        trail.record(
            ReadRecord(
                path: Self.kmsgPath, access: .kmsg, outcome: read.lines.outcomeWord, bytes: bytes, truncated: false))
        return read
    }

    private func readSnapshotKernelLog() -> KernelLogRead {
        let recorded = readMeta(Self.kmsgSourceFile, cap: 4096).value.map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let source = recorded.flatMap { $0.isEmpty || $0.count > 200 ? nil : $0 } ?? Self.kmsgPath
        let raw = readMeta("/.nvdla-doctor/kmsg", cap: Self.kernelLogCap)
        let lines: ReadResult<[KernelLogLine]>
        switch raw {
        case .value(let bytes):
            lines = .value(Self.kmsgRecords(bytes, sequenceLabel: source == Self.kmsgPath ? "kmsg seq" : "record"))
        case .missing:
            // A capture that could not read any source records why (`.nvdla-doctor/unreadable.tsv`).
            lines = capturedFailure(Self.kmsgPath).map { .unreadable($0) } ?? .missing
        case .unreadable(let why): lines = .unreadable(why)
        case .malformed(let why): lines = .malformed(why)
        }
        return KernelLogRead(lines: lines, source: source, attempts: [(source, lines.outcomeWord)])
    }

    /// `PRI,SEQ,USEC,FLAGS;message` records, one per line (continuation lines starting with a space skipped).
    static func kmsgRecords(_ bytes: [UInt8], sequenceLabel: String) -> [KernelLogLine] {
        var lines: [KernelLogLine] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            guard !line.hasPrefix(" "), let record = KmsgRecord.parse(String(line)) else { continue }
            lines.append(
                KernelLogLine(
                    level: record.level, seconds: record.seconds, message: record.message,
                    location: "\(sequenceLabel) \(record.sequence)"))
        }
        return lines
    }

    private func readLiveKernelLog() -> KernelLogRead {
        let sources = kernelLogSources
        var attempts: [(String, String)] = []
        var failures: [Unreadable] = []
        func note(_ source: String, _ result: ReadResult<[KernelLogLine]>) -> KernelLogRead? {
            if case .value(let lines) = result, !lines.isEmpty {
                attempts.append((source, "ok"))
                return KernelLogRead(lines: result, source: source, attempts: attempts)
            }
            if case .unreadable(let why) = result { failures.append(why) }
            attempts.append((source, result.value != nil ? "empty" : result.outcomeWord))
            return nil
        }
        if let read = note(sources.kmsg, Self.readKmsgDevice(sources.kmsg)) { return read }
        if sources.journal, let read = note(Self.journalSource, JournalKernelLog.read(files: sources.journalFiles)) {
            return read
        }
        for file in sources.logFiles {
            let text = readBytes(file, cap: Self.kernelLogCap).map { SyslogKernelLog.lastBoot($0.bytes) }
            if let read = note(file, text) { return read }
        }
        // No source: the first failure that is about access says why (permission before anything else);
        // with none at all (a container without /dev/kmsg, journal or kern.log) the log is not available here.
        let why =
            failures.contains(.permission) ? .permission : failures.first { $0 != .unsupported } ?? .unsupported
        return KernelLogRead(lines: .unreadable(why), source: Self.kmsgPath, attempts: attempts)
    }

    /// `/dev/kmsg` (or a file standing in for it in tests), read without blocking until the buffer is exhausted.
    static func readKmsgDevice(_ path: String) -> ReadResult<[KernelLogLine]> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return ErrnoClass.result(errno) }
        defer { close(fd) }
        var lines: [KernelLogLine] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var total = 0
        var pending: [UInt8] = []
        while total < kernelLogCap {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                let code = errno
                if code == EINTR || code == EPIPE { continue }  // EPIPE: records overwritten while reading
                if code == EAGAIN { break }  // end of the buffer
                return lines.isEmpty ? ErrnoClass.result(code) : .value(lines)
            }
            if n == 0 { break }
            total += n
            // The device returns one record per read; a regular file (tests) returns many: split on newlines.
            pending.append(contentsOf: buffer[0..<n])
            while let newline = pending.firstIndex(of: 0x0A) {
                let text = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                guard !text.hasPrefix(" "), let record = KmsgRecord.parse(text) else { continue }
                lines.append(
                    KernelLogLine(
                        level: record.level, seconds: record.seconds, message: record.message,
                        location: "kmsg seq \(record.sequence)"))
            }
        }
        return .value(lines)
    }
}
