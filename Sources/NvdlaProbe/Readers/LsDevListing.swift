/// Parses `ls -l` output for device files (`ls -l /dev/nvhost-*` or a listing of `/dev`).
///
/// Line examples: `crw-rw---- 1 root video 492, 0 Jan  8 01:49 /dev/nvhost-ctrl-nvdla0` and
/// `crw-------  1 root root    507,  54 Aug  3 04:18 nvhost-ctrl-nvdla0`. Non-device entries (directories,
/// links) are kept with a size instead of device numbers. Dates may be `Mon DD HH:MM`, `Mon DD  YYYY`,
/// `YYYY-MM-DD HH:MM` (long-iso) or `YYYY-MM-DD HH:MM:SS.nnn +zone` (full-iso). `total N` lines and
/// `/dev:` section headers are skipped; `ls: cannot access 'X': …` errors are collected.
public struct LsDevListing: Sendable, Equatable {
    /// One `ls -l` entry line.
    public struct Entry: Sendable, Equatable {
        /// The type character: `c`, `b`, `d`, `l`, `-`, `p`, `s`.
        public let type: Character
        /// Permission bits including setuid/setgid/sticky, e.g. `0o660`.
        public let mode: UInt32
        /// Hard-link count.
        public let links: Int
        /// Owner name (or number with `ls -n`).
        public let user: String
        /// Group name (or number).
        public let group: String
        /// Major number for device files.
        public let major: Int?
        /// Minor number for device files.
        public let minor: Int?
        /// Size in bytes for non-device files.
        public let size: Int64?
        /// The date columns as printed, e.g. `Jan  8 01:49` (spacing collapsed to single spaces).
        public let date: String
        /// The name as printed, e.g. `/dev/nvhost-ctrl-nvdla0` or `nvhost-ctrl-nvdla0`.
        public let name: String
        /// The target of a symbolic link (`name -> target`).
        public let linkTarget: String?

        /// The last path component of the `ls -l` name.
        public var baseName: String {
            name.split(separator: "/").last.map(String.init) ?? name
        }
    }

    /// Entries in output order.
    public let entries: [Entry]
    /// Paths named by `ls: cannot access 'X': …` lines.
    public let inaccessible: [String]
    /// 1-based numbers of lines that could not be parsed.
    public let malformedLines: [Int]

    /// The `ls -l` entry whose name or base name equals the argument.
    public func entry(named name: String) -> Entry? {
        entries.first { $0.name == name || $0.baseName == name }
    }

    /// Parses `ls -l` output; never fails.
    public static func parse(_ text: String) -> LsDevListing {
        var entries: [Entry] = []
        var inaccessible: [String] = []
        var malformed: [Int] = []
        for (offset, line) in ReaderLex.lines(text).enumerated() {
            let trimmed = ReaderLex.trimmed(line)
            if trimmed.isEmpty { continue }
            if ReaderLex.hasPrefix(trimmed, "total ") { continue }
            if trimmed.last == ":", !trimmed.contains(" ") { continue }
            if ReaderLex.hasPrefix(trimmed, "ls: ") {
                if let path = quoted(trimmed) { inaccessible.append(path) }
                continue
            }
            guard let entry = entry(trimmed) else {
                malformed.append(offset + 1)
                continue
            }
            entries.append(entry)
        }
        return LsDevListing(entries: entries, inaccessible: inaccessible, malformedLines: malformed)
    }

    /// Month abbreviations that start the default `ls -l` date.
    private static let months: Set<Substring> = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Parses one `ls -l` entry line; `nil` when a column is missing or malformed.
    private static func entry(_ line: Substring) -> Entry? {
        let columns = ReaderLex.fields(line)
        guard columns.count >= 8, let (type, mode) = permissions(columns[0]),
            let links = ReaderLex.int(columns[1])
        else { return nil }
        let user = String(columns[2])
        let group = String(columns[3])
        var index = 4
        var major: Int?
        var minor: Int?
        var size: Int64?
        let sizeColumn = columns[index]
        if let (left, right) = ReaderLex.splitOnce(sizeColumn, 0x2C) {
            guard let majorValue = ReaderLex.int(left) else { return nil }
            major = majorValue
            if right.isEmpty {
                index += 1
                guard index < columns.count, let minorValue = ReaderLex.int(columns[index]) else {
                    return nil
                }
                minor = minorValue
            } else {
                guard let minorValue = ReaderLex.int(right) else { return nil }
                minor = minorValue
            }
        } else {
            guard let value = ReaderLex.int64(sizeColumn) else { return nil }
            size = value
        }
        index += 1
        guard index < columns.count else { return nil }
        let dateCount: Int
        if months.contains(columns[index]) {
            dateCount = 3
        } else if columns[index].utf8.count == 10, columns[index].utf8.dropFirst(4).first == 0x2D {
            let third = index + 2 < columns.count ? columns[index + 2] : ""
            let isZone = third.utf8.count == 5 && (third.first == "+" || third.first == "-")
            dateCount = isZone ? 3 : 2
        } else {
            return nil
        }
        guard index + dateCount < columns.count else { return nil }
        let date = columns[index..<(index + dateCount)].joined(separator: " ")
        let nameColumn = columns[index + dateCount]
        let rest = line[nameColumn.startIndex...]
        var name = rest
        var target: String?
        if type == "l", let arrow = rest.firstRange(of: " -> ") {
            name = rest[..<arrow.lowerBound]
            target = String(rest[arrow.upperBound...])
        }
        return Entry(
            type: type, mode: mode, links: links, user: user, group: group, major: major, minor: minor,
            size: size,
            date: date, name: String(name), linkTarget: target)
    }

    /// `crw-rw----` (optionally followed by `+` or `.`) → (type, mode bits).
    private static func permissions(_ text: Substring) -> (Character, UInt32)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || (bytes.count == 11 && (bytes[10] == 0x2B || bytes[10] == 0x2E)) else {
            return nil
        }
        guard "-dlcbps".utf8.contains(bytes[0]) else { return nil }
        var mode: UInt32 = 0
        let letters: [UInt8] = Array("rwxrwxrwx".utf8)
        for position in 0..<9 {
            let byte = bytes[position + 1]
            let bit = UInt32(1) << UInt32(8 - position)
            let isExecute = position % 3 == 2
            if byte == letters[position] {
                mode |= bit
            } else if isExecute, byte == 0x73 || byte == 0x53 || byte == 0x74 || byte == 0x54 {
                // s/S (setuid, setgid) or t/T (sticky); lower case also sets the execute bit.
                if byte == 0x73 || byte == 0x74 { mode |= bit }
                mode |= UInt32(0o1000) << UInt32(2 - position / 3)
                let isSticky = byte == 0x74 || byte == 0x54
                guard isSticky == (position == 8) else { return nil }
            } else if byte != 0x2D {
                return nil
            }
        }
        return (Character(Unicode.Scalar(bytes[0])), mode)
    }

    /// The text between the first pair of quotes (`'…'` or `‘…’`).
    private static func quoted(_ line: Substring) -> String? {
        for (open, close) in [("'", "'"), ("‘", "’")] {
            guard let start = line.firstRange(of: open) else { continue }
            let rest = line[start.upperBound...]
            guard let end = rest.firstRange(of: close) else { continue }
            return String(rest[..<end.lowerBound])
        }
        return nil
    }
}
