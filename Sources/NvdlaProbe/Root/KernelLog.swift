import Foundation

/// One kernel-log message with where it was seen.
public struct KernelLogLine: Sendable, Equatable {
    /// Syslog level (0 emerg … 7 debug), when the source carries it.
    public let level: Int?
    /// Seconds since boot, when the source carries it.
    public let seconds: Double?
    /// The message text, device prefix kept (`nvdla 15880000.nvdla0: …`).
    public let message: String
    /// Where it was read: `/dev/kmsg seq 1234` or `file:line`.
    public let location: String

    public init(level: Int?, seconds: Double?, message: String, location: String) {
        self.level = level
        self.seconds = seconds
        self.message = message
        self.location = location
    }
}

extension SystemRoot {
    /// Inner path under which the kernel log is recorded in the read trail.
    public static let kmsgPath = "/dev/kmsg"
    /// Most kernel-log bytes read from one source (the kernel ring buffer is far smaller).
    public static let kernelLogCap = 64 * 1024 * 1024

    /// The kernel log: `/dev/kmsg` read without blocking when live, `.nvdla-doctor/kmsg` in a snapshot.
    public func kernelLog() -> ReadResult<[KernelLogLine]> {
        let result = isLive ? readLiveKmsg() : readSnapshotKmsg()
        let bytes = result.value?.reduce(0) { $0 + $1.message.utf8.count } ?? 0
        trail.record(
            ReadRecord(path: Self.kmsgPath, access: .kmsg, outcome: result.outcomeWord, bytes: bytes, truncated: false))
        return result
    }

    private func readSnapshotKmsg() -> ReadResult<[KernelLogLine]> {
        let path = hostPath + "/.nvdla-doctor/kmsg"
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return FileManager.default.fileExists(atPath: path) ? .unreadable(.permission) : .missing
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Self.kernelLogCap)) ?? Data()
        var lines: [KernelLogLine] = []
        var number = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard !line.isEmpty, !line.hasPrefix(" ") else { continue }
            if let record = KmsgRecord.parse(String(line)) {
                lines.append(
                    KernelLogLine(
                        level: record.level, seconds: record.seconds, message: record.message,
                        location: "kmsg seq \(record.sequence)"))
            }
        }
        return .value(lines)
    }

    private func readLiveKmsg() -> ReadResult<[KernelLogLine]> {
        let fd = open(Self.kmsgPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return ErrnoClass.result(errno) }
        defer { close(fd) }
        var lines: [KernelLogLine] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var total = 0
        while total < Self.kernelLogCap {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                let code = errno
                if code == EINTR || code == EPIPE { continue }  // EPIPE: records overwritten while reading
                if code == EAGAIN { break }  // end of the buffer
                return lines.isEmpty ? ErrnoClass.result(code) : .value(lines)
            }
            if n == 0 { break }
            total += n
            let text = String(decoding: buffer[0..<n], as: UTF8.self)
            if let record = KmsgRecord.parse(text) {
                lines.append(
                    KernelLogLine(
                        level: record.level, seconds: record.seconds, message: record.message,
                        location: "kmsg seq \(record.sequence)"))
            }
        }
        return .value(lines)
    }
}
