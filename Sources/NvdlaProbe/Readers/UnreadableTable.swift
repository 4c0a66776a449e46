import Foundation

/// Reads `.nvdla-doctor/unreadable.tsv`: the paths a capture could not read, one per line, tab separated:
/// `path  reason` with reason one of `permission`, `busy`, `io`, `unsupported`, `blocked` (`Unreadable`).
///
/// `/dev/kmsg` stands for the kernel log when no source of it could be read. Lines that are empty, start with
/// `#`, hold a relative path or an unknown reason are skipped.
public enum UnreadableTable {
    /// Path → reason.
    public static func parse(_ bytes: [UInt8]) -> [String: Unreadable] {
        var table: [String: Unreadable] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2, columns[0].hasPrefix("/"), !line.hasPrefix("#"),
                let why = Unreadable(rawValue: String(columns[1]).trimmingCharacters(in: .whitespaces))
            else { continue }
            table[String(columns[0])] = why
        }
        return table
    }

    /// The file's text for `entries` (sorted by path).
    public static func render(_ entries: [String: Unreadable]) -> String {
        entries.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value.rawValue)\n" }.joined()
    }
}
