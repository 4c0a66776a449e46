import Foundation

/// One read the probes made under a root: the path inside the root, what was asked, and what came back.
public struct ReadRecord: Sendable, Equatable, Codable {
    /// What kind of access this was.
    public enum Access: String, Sendable, Codable {
        /// `file` read, `link` text read, `directory` listed, `stat` metadata, `kmsg` kernel log, `exists` test.
        case file, link, directory, stat, kmsg, exists
    }
    /// Absolute path inside the root (e.g. `/sys/bus/platform/devices/15880000.nvdla0/driver`).
    public let path: String
    public let access: Access
    /// `ok`, `missing`, `permission`, `unsupported`, `busy`, `blocked`, `io` or `malformed`.
    public let outcome: String
    /// Bytes returned (file and kmsg reads); 0 otherwise.
    public let bytes: Int
    /// The read stopped at its size cap.
    public let truncated: Bool
}

/// The ordered, de-duplicated trail of every read made under a root, so a bundle can capture exactly it.
public final class ReadTrail: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [ReadRecord] = []
    private var seen: Set<String> = []

    public init() {}

    /// Records one read; repeated identical reads are kept once.
    public func record(_ record: ReadRecord) {
        let key = "\(record.access.rawValue)\u{0}\(record.path)"
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(key).inserted { records.append(record) }
    }

    /// Every read so far, in the order they were first made.
    public var all: [ReadRecord] {
        lock.lock()
        defer { lock.unlock() }
        return records
    }
}
