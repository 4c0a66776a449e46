/// Parses one line of human-readable kernel log text (`dmesg`, `/var/log/kern.log`, `journalctl -k`).
///
/// Recognised prefixes, alone or combined:
/// - `[   12.345678] msg` (`dmesg`), `[  +0.000462] msg` (relative), `[   12.345678 <    0.000462>] msg`
///   (`dmesg -d`), `[Mon Jan  6 10:12:01 2025] msg` (`dmesg -T`);
/// - `<3>[  12.3] msg` (`dmesg -r`, level prefix) and `kern  :err   : msg` (`dmesg -x`);
/// - `Jan  6 10:12:01 hostname kernel: [   12.345678] msg` and `… kernel: msg` (syslog, `journalctl -k`);
/// - `2025-01-06T10:12:01+0000 host kernel: msg` (`journalctl -o short-iso`) and
///   `2025-01-06T10:12:01,123456+00:00 msg` (`dmesg --time-format iso`);
/// - no prefix at all (the whole line is the message).
///
/// The message keeps its device prefix (`nvdla 15880000.nvdla0: …`, `arm-smmu 8000000.iommu: …`). Scans
/// UTF-8 bytes without regular expressions, for use on 100 MB logs line by line.
public struct DmesgLine: Sendable, Equatable {
    /// Raw UTF-8 bytes of the text being scanned.
    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The message text after all prefixes.
    public let message: String
    /// Seconds since boot from `[ 12.345678]` (or the delta for a relative `[ +0.000462]` stamp).
    public let timestamp: Double?
    /// Whether `timestamp` is a delta to the previous line (`[  +0.000462]`).
    public let isRelative: Bool
    /// Syslog level 0…7 from `<N>` or `dmesg -x`.
    public let level: Int?
    /// Syslog facility from `<N>` (N >> 3) or `dmesg -x`.
    public let facility: Int?
    /// Wall-clock text as printed: `Mon Jan  6 10:12:01 2025`, `Jan  6 10:12:01`, `2025-01-06T10:12:01+0000`.
    public let wallClock: String?
    /// The host name of a syslog/journal line.
    public let host: String?
    /// The syslog identifier (`kernel`), without the colon and without a `[pid]` suffix.
    public let ident: String?

    /// Parses one kernel-log line; `nil` for an empty or all-whitespace line.
    public static func parse(_ line: Substring) -> DmesgLine? {
        ReaderLex.withBytes(line) { parse(bytes: $0) }
    }

    /// Parses one kernel-log line; `nil` for an empty or all-whitespace line.
    public static func parse(_ line: String) -> DmesgLine? {
        ReaderLex.withBytes(line) { parse(bytes: $0) }
    }

    /// Month abbreviations that start syslog and `dmesg -T` stamps.
    private static let monthNames: [[UInt8]] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ].map { Array($0.utf8) }
    /// `dmesg -x` level names, indexed by syslog level.
    private static let levelNames: [String] = [
        "emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
    ]
    /// `dmesg -x` facility names, indexed by syslog facility.
    private static let facilityNames: [String] = [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
    ]
    /// Weekday abbreviations that start `dmesg -T` stamps.
    private static let weekdayNames: [[UInt8]] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map {
        Array($0.utf8)
    }
    /// The syslog identifier of kernel lines.
    private static let kernelWord: [UInt8] = Array("kernel".utf8)
    /// ISO 8601 date-time shape (`d` = digit, `T` = `T` or space) of journal and `dmesg --time-format iso`.
    private static let isoPattern: [UInt8] = Array("dddd-dd-ddTdd:dd:dd".utf8)
    /// `HH:MM:SS` shape of syslog stamps (`d` = digit).
    private static let timePattern: [UInt8] = Array("dd:dd:dd".utf8)
    /// Divisors for fractional seconds of up to 12 digits.
    private static let powersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    ]

    /// Parses one kernel-log line from its UTF-8 bytes.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> DmesgLine? {
        var end = bytes.count
        while end > 0, ReaderLex.isSpace(bytes[end - 1]) || bytes[end - 1] == 0 { end -= 1 }
        var index = 0
        while index < end, ReaderLex.isSpace(bytes[index]) { index += 1 }
        guard index < end else { return nil }

        var level: Int?
        var facility: Int?
        var wallClock: String?
        var host: String?
        var ident: String?
        var timestamp: Double?
        var relative = false

        if bytes[index] == 0x3C, let (priority, next) = anglePriority(bytes, index, end) {
            level = priority & 7
            facility = priority >> 3
            index = next
        } else if let (parsedFacility, parsedLevel, next) = dashX(bytes, index, end) {
            level = parsedLevel
            facility = parsedFacility
            index = next
        } else if let (clockEnd, next) = syslogClock(bytes, index, end) {
            // `dmesg --time-format iso` stamps carry a comma fraction and no host or identifier.
            let isDmesgISO = bytes[index..<clockEnd].contains(0x2C)
            wallClock = ReaderLex.string(bytes, index..<clockEnd)
            index = next
            if !isDmesgISO, let (hostRange, identRange, afterIdent) = hostAndIdent(bytes, index, end) {
                host = ReaderLex.string(bytes, hostRange)
                ident = ReaderLex.string(bytes, identRange)
                index = afterIdent
            }
        }
        if index < end, bytes[index] == 0x5B, let stamp = bracket(bytes, index, end) {
            switch stamp.kind {
            case .seconds(let value, let isRelative):
                timestamp = value
                relative = isRelative
            case .wallClock(let range):
                if wallClock == nil { wallClock = ReaderLex.string(bytes, range) }
            }
            index = stamp.next
        }
        return DmesgLine(
            message: ReaderLex.string(bytes, index..<end), timestamp: timestamp, isRelative: relative,
            level: level, facility: facility, wallClock: wallClock, host: host, ident: ident)
    }

    /// `<N>` with one to four digits → (N, index after `>`).
    private static func anglePriority(_ bytes: Bytes, _ start: Int, _ end: Int) -> (Int, Int)? {
        var index = start + 1
        var value = 0
        while index < end, index - start <= 4, ReaderLex.isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > start + 1, index < end, bytes[index] == 0x3E else { return nil }
        return (value, index + 1)
    }

    /// `kern  :err   : ` (`dmesg -x`) → (facility, level, index after the second colon and one space).
    private static func dashX(_ bytes: Bytes, _ start: Int, _ end: Int) -> (Int, Int, Int)? {
        guard let (facilityName, afterFacility) = word(bytes, start, end),
            let facility = facilityNames.firstIndex(of: facilityName),
            let (levelName, afterLevel) = word(bytes, afterFacility, end),
            let level = levelNames.firstIndex(of: levelName)
        else { return nil }
        var index = afterLevel
        if index < end, bytes[index] == 0x20 { index += 1 }
        return (facility, level, index)
    }

    /// Lower-case letters, spaces, then `:` → (word, index after the colon).
    private static func word(_ bytes: Bytes, _ start: Int, _ end: Int) -> (String, Int)? {
        var index = start
        while index < end, index - start < 10, bytes[index] >= 0x61, bytes[index] <= 0x7A { index += 1 }
        guard index > start else { return nil }
        let name = ReaderLex.string(bytes, start..<index)
        while index < end, bytes[index] == 0x20 { index += 1 }
        guard index < end, bytes[index] == 0x3A else { return nil }
        return (name, index + 1)
    }

    /// `Jan  6 10:12:01[.frac]` or `2025-01-06T10:12:01[.,frac][zone]` → (end of the clock, next index).
    private static func syslogClock(_ bytes: Bytes, _ start: Int, _ end: Int) -> (Int, Int)? {
        var index = start
        if end - start >= 15, ReaderLex.isDigit(bytes[start]) {
            // ISO 8601: YYYY-MM-DDTHH:MM:SS
            let pattern = isoPattern
            guard end - start >= pattern.count else { return nil }
            for (offset, expected) in pattern.enumerated() {
                let byte = bytes[start + offset]
                if expected == 0x64 {
                    guard ReaderLex.isDigit(byte) else { return nil }
                } else if expected == 0x54 {
                    guard byte == 0x54 || byte == 0x20 else { return nil }
                } else if byte != expected {
                    return nil
                }
            }
            index = start + pattern.count
            while index < end, !ReaderLex.isSpace(bytes[index]) { index += 1 }
        } else if end - start >= 15, monthNames.contains(where: { matches(bytes, start, $0) }),
            bytes[start + 3] == 0x20
        {
            index = start + 3
            while index < end, bytes[index] == 0x20 { index += 1 }
            let dayStart = index
            while index < end, ReaderLex.isDigit(bytes[index]) { index += 1 }
            guard index - dayStart >= 1, index - dayStart <= 2, index < end, bytes[index] == 0x20 else {
                return nil
            }
            index += 1
            let timeStart = index
            let pattern = timePattern
            guard end - timeStart >= pattern.count else { return nil }
            for (offset, expected) in pattern.enumerated() {
                let byte = bytes[timeStart + offset]
                guard expected == 0x64 ? ReaderLex.isDigit(byte) : byte == expected else { return nil }
            }
            index = timeStart + pattern.count
            if index < end, bytes[index] == 0x2E {
                index += 1
                while index < end, ReaderLex.isDigit(bytes[index]) { index += 1 }
            }
        } else {
            return nil
        }
        let clockEnd = index
        guard index == end || bytes[index] == 0x20 else { return nil }
        while index < end, bytes[index] == 0x20 { index += 1 }
        return (clockEnd, index)
    }

    /// `host ident[pid]: ` → (host range, ident range, index after `: `), when the second word is an ident.
    ///
    /// An ident ends with `:` and is `kernel`, carries a `[pid]`, or has no digits or dots (so device
    /// prefixes such as `15880000.nvdla0:` are not mistaken for one).
    private static func hostAndIdent(_ bytes: Bytes, _ start: Int, _ end: Int)
        -> (Range<Int>, Range<Int>, Int)?
    {
        var index = start
        while index < end, !ReaderLex.isSpace(bytes[index]) { index += 1 }
        let hostRange = start..<index
        guard !hostRange.isEmpty, bytes[index - 1] != 0x3A else { return nil }
        while index < end, bytes[index] == 0x20 { index += 1 }
        let identStart = index
        while index < end, !ReaderLex.isSpace(bytes[index]) { index += 1 }
        guard index - identStart >= 2, bytes[index - 1] == 0x3A else { return nil }
        var identEnd = index - 1
        var hasPid = false
        let openBracket = (identStart..<identEnd).last { bytes[$0] == 0x5B }
        if bytes[identEnd - 1] == 0x5D, let openBracket {
            hasPid = true
            identEnd = openBracket
        }
        guard identEnd > identStart else { return nil }
        let identRange = identStart..<identEnd
        let isKernel = matches(bytes, identStart, kernelWord) && identRange.count == 6
        let plain = identRange.allSatisfy { !ReaderLex.isDigit(bytes[$0]) && bytes[$0] != 0x2E }
        guard isKernel || hasPid || plain else { return nil }
        if index < end, bytes[index] == 0x20 { index += 1 }
        return (hostRange, identRange, index)
    }

    /// What a bracketed kernel-log stamp held.
    private enum StampKind {
        case seconds(Double, isRelative: Bool)
        case wallClock(Range<Int>)
    }

    /// `[ 12.345]`, `[ +0.000462]`, `[ 12.3 < 0.1>]` or `[Mon Jan  6 10:12:01 2025]`; `nil` for other
    /// bracketed text such as `[drm]`, which stays in the message.
    private static func bracket(_ bytes: Bytes, _ start: Int, _ end: Int) -> (kind: StampKind, next: Int)? {
        var index = start + 1
        while index < end, bytes[index] == 0x20 { index += 1 }
        guard index < end else { return nil }
        var kind: StampKind
        if bytes[index] == 0x2B || ReaderLex.isDigit(bytes[index]) {
            let isRelative = bytes[index] == 0x2B
            if isRelative { index += 1 }
            guard let (value, next) = seconds(bytes, index, end) else { return nil }
            index = next
            kind = .seconds(value, isRelative: isRelative)
            while index < end, bytes[index] == 0x20 { index += 1 }
            if index < end, bytes[index] == 0x3C {  // dmesg -d: "<    0.000462>"
                while index < end, bytes[index] != 0x3E { index += 1 }
                guard index < end else { return nil }
                index += 1
            }
            guard index < end, bytes[index] == 0x5D else { return nil }
        } else {
            let textStart = index
            var sawColon = false
            while index < end, bytes[index] != 0x5D, index - textStart < 48 {
                if bytes[index] == 0x3A { sawColon = true }
                index += 1
            }
            guard index < end, bytes[index] == 0x5D, sawColon,
                monthNames.contains(where: { matches(bytes, textStart, $0) })
                    || isWeekday(bytes, textStart, end)
            else { return nil }
            var textEnd = index
            while textEnd > textStart, bytes[textEnd - 1] == 0x20 { textEnd -= 1 }
            kind = .wallClock(textStart..<textEnd)
        }
        index += 1
        if index < end, bytes[index] == 0x20 { index += 1 }
        return (kind, index)
    }

    /// Digits, optional `.` and fraction → (seconds, index after).
    private static func seconds(_ bytes: Bytes, _ start: Int, _ end: Int) -> (Double, Int)? {
        var index = start
        var whole: Int64 = 0
        while index < end, ReaderLex.isDigit(bytes[index]) {
            guard index - start < 15 else { return nil }
            whole = whole * 10 + Int64(bytes[index] - 0x30)
            index += 1
        }
        guard index > start else { return nil }
        var value = Double(whole)
        if index < end, bytes[index] == 0x2E {
            index += 1
            var fraction: Int64 = 0
            var digits = 0
            while index < end, ReaderLex.isDigit(bytes[index]) {
                if digits < 12 {
                    fraction = fraction * 10 + Int64(bytes[index] - 0x30)
                    digits += 1
                }
                index += 1
            }
            value += Double(fraction) / powersOfTen[digits]
        }
        return (value, index)
    }

    /// Whether the bytes at `start` equal `word`.
    private static func matches(_ bytes: Bytes, _ start: Int, _ word: [UInt8]) -> Bool {
        guard start + word.count <= bytes.count else { return false }
        for (offset, byte) in word.enumerated() where bytes[start + offset] != byte { return false }
        return true
    }

    /// Whether a `dmesg -T` stamp starts with a weekday abbreviation.
    private static func isWeekday(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        end - start >= 4 && weekdayNames.contains { matches(bytes, start, $0) }
    }
}
