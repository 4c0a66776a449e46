/// Parses a snapshot's `.nvdla-doctor/stat.tsv`: recorded `lstat` results, one path per line.
///
/// Columns are tab-separated: `path type mode user group major:minor`, with type `c`/`b`/`f`/`d`/`l`, mode in
/// octal (`0660`) and `-` where a column does not apply. `#` comment lines and blank lines are skipped;
/// extra trailing columns are ignored. A later line for the same path replaces an earlier one.
public struct StatTable: Sendable, Equatable {
    /// The `stat.tsv` type column.
    public enum FileType: String, Sendable, Equatable {
        /// `c`: character device.
        case characterDevice = "c"
        /// `b`: block device.
        case blockDevice = "b"
        /// `f`: regular file.
        case regular = "f"
        /// `d`: directory.
        case directory = "d"
        /// `l`: symbolic link.
        case symlink = "l"
    }

    /// One `stat.tsv` line: a recorded path.
    public struct Entry: Sendable, Equatable {
        /// The absolute path inside the snapshot root, e.g. `/dev/nvhost-ctrl-nvdla0`.
        public let path: String
        /// The file type.
        public let type: FileType
        /// Permission bits (`0o660`), type bits removed; `nil` for `-`.
        public let mode: UInt32?
        /// Owner name; `nil` for `-`.
        public let user: String?
        /// Group name; `nil` for `-`.
        public let group: String?
        /// Device major number; `nil` for `-`.
        public let major: Int?
        /// Device minor number; `nil` for `-`.
        public let minor: Int?
    }

    /// A `stat.tsv` line that could not be parsed.
    public struct MalformedLine: Sendable, Equatable {
        /// The 1-based line number.
        public let number: Int
        /// The line text.
        public let text: String
    }

    /// Entries by path.
    public let entries: [String: Entry]
    /// Lines that could not be parsed, in file order.
    public let malformedLines: [MalformedLine]

    /// Parses `stat.tsv` text; never fails.
    public static func parse(_ text: String) -> StatTable {
        var entries: [String: Entry] = [:]
        var malformed: [MalformedLine] = []
        for (offset, line) in ReaderLex.lines(text).enumerated() {
            let trimmed = ReaderLex.trimmed(line)
            if trimmed.isEmpty || trimmed.utf8.first == 0x23 { continue }
            guard let entry = entry(line) else {
                malformed.append(MalformedLine(number: offset + 1, text: String(line)))
                continue
            }
            entries[entry.path] = entry
        }
        return StatTable(entries: entries, malformedLines: malformed)
    }

    /// Parses one `stat.tsv` line; `nil` when a column is missing or malformed.
    private static func entry(_ line: Substring) -> Entry? {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard columns.count >= 6, !columns[0].isEmpty,
            let type = FileType(rawValue: String(ReaderLex.trimmed(columns[1])))
        else { return nil }
        let modeText = ReaderLex.trimmed(columns[2])
        var mode: UInt32?
        if modeText != "-" {
            guard let value = octal(modeText) else { return nil }
            mode = value & 0o7777
        }
        let user = optional(columns[3])
        let group = optional(columns[4])
        let device = ReaderLex.trimmed(columns[5])
        var major: Int?
        var minor: Int?
        if device != "-" {
            guard let (majorText, minorText) = ReaderLex.splitOnce(device, 0x3A),
                let majorValue = ReaderLex.int(majorText), majorValue >= 0,
                let minorValue = ReaderLex.int(minorText), minorValue >= 0
            else { return nil }
            major = majorValue
            minor = minorValue
        }
        return Entry(
            path: String(columns[0]), type: type, mode: mode, user: user, group: group, major: major,
            minor: minor)
    }

    /// A `stat.tsv` text column, `nil` for `-` or empty.
    private static func optional(_ column: Substring) -> String? {
        let value = ReaderLex.trimmed(column)
        return value.isEmpty || value == "-" ? nil : String(value)
    }

    /// Octal digits (optional `0o` prefix), at most `0o177777`.
    private static func octal(_ text: Substring) -> UInt32? {
        var digits = text
        if digits.hasPrefix("0o") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, digits.utf8.count <= 7 else { return nil }
        var value: UInt32 = 0
        for byte in digits.utf8 {
            guard byte >= 0x30, byte <= 0x37 else { return nil }
            value = value << 3 | UInt32(byte - 0x30)
        }
        return value <= 0o177777 ? value : nil
    }
}
