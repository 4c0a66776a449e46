/// Parses `/dev/kmsg` records: `PRI,SEQ,USEC,FLAGS[,extra…];message` plus ` KEY=value` continuation lines.
///
/// PRI packs facility and level (`level = PRI & 7`, `facility = PRI >> 3`); the message escapes
/// non-printable bytes and backslashes as `\xHH`, which are decoded here. Continuation lines starting with a
/// space carry the record dictionary (`SUBSYSTEM=platform`, `DEVICE=+platform:15880000.nvdla0`); they are
/// attached to the record, never treated as messages.
public struct KmsgRecord: Sendable, Equatable {
    /// Syslog level 0 (emerg) … 7 (debug).
    public let level: Int
    /// Syslog facility (0 = kernel).
    public let facility: Int
    /// The record sequence number.
    public let sequence: UInt64
    /// Microseconds since boot (monotonic clock).
    public let microseconds: UInt64
    /// The flags field: `-` for a complete record, `c` or `+` for fragments on older kernels.
    public let flags: String
    /// Extra comma-separated header fields after FLAGS (e.g. `caller=T123`).
    public let extraFields: [String]
    /// The decoded message text.
    public let message: String
    /// The dictionary from continuation lines (`SUBSYSTEM` → `platform`).
    public let dictionary: [String: String]

    /// The `/dev/kmsg` timestamp in seconds.
    public var seconds: Double { Double(microseconds) / 1_000_000 }

    /// Parses one `/dev/kmsg` record (the text of one `read()`); `nil` when the header is bad.
    public static func parse(_ text: String) -> KmsgRecord? {
        let lines = ReaderLex.lines(text)
        guard let first = lines.first else { return nil }
        return record(header: first, continuation: lines.dropFirst())
    }

    /// Parses a dump of consecutive `/dev/kmsg` records.
    ///
    /// Lines that start with a space attach to the record above; other unreadable lines are reported.
    public static func parseAll(_ text: String) -> (records: [KmsgRecord], malformedLines: [Int]) {
        var records: [KmsgRecord] = []
        var malformed: [Int] = []
        let lines = ReaderLex.lines(text)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            var end = index + 1
            while end < lines.count, lines[end].utf8.first == 0x20 { end += 1 }
            if ReaderLex.trimmed(line).isEmpty {
                index = end
                continue
            }
            if line.utf8.first != 0x20,
                let record = record(header: line, continuation: lines[(index + 1)..<end])
            {
                records.append(record)
            } else {
                malformed.append(index + 1)
            }
            index = end
        }
        return (records, malformed)
    }

    /// Builds a `/dev/kmsg` record from its header line and dictionary lines.
    private static func record(header: Substring, continuation: ArraySlice<Substring>) -> KmsgRecord? {
        guard let (prefix, body) = ReaderLex.splitOnce(header, 0x3B) else { return nil }
        let parts = prefix.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count >= 4, let priority = ReaderLex.int(parts[0]), priority >= 0, priority < 1 << 20,
            let sequence = ReaderLex.uint64(parts[1]), let usec = ReaderLex.uint64(parts[2])
        else { return nil }
        var dictionary: [String: String] = [:]
        for line in continuation {
            let entry = line.dropFirst()
            guard let (key, value) = ReaderLex.splitOnce(entry, 0x3D), !key.isEmpty else { continue }
            dictionary[unescape(key)] = unescape(value)
        }
        return KmsgRecord(
            level: priority & 7, facility: priority >> 3, sequence: sequence, microseconds: usec,
            flags: String(parts[3]), extraFields: parts.dropFirst(4).map { String($0) },
            message: unescape(body),
            dictionary: dictionary)
    }

    /// Decodes the `\xHH` escapes of `/dev/kmsg` text; other backslashes are kept as written.
    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(0x5C) else { return String(text) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x5C, index + 3 < bytes.count, bytes[index + 1] == 0x78,
                let high = ReaderLex.hexDigit(bytes[index + 2]),
                let low = ReaderLex.hexDigit(bytes[index + 3])
            {
                output.append(high << 4 | low)
                index += 4
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
