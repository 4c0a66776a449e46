/// Finds values that identify by their shape alone in text bytes: MAC, IPv4, IPv6 and e-mail addresses and UUIDs.
///
/// - MAC: six hex pairs joined by `:`, `-` or `_`; three groups of four joined by `.` (Cisco); twelve hex digits
///   after `enx` (systemd's MAC-based interface names); a pxelinux `BOOTIF=01-…` address (seven pairs, the first
///   `01`). All-zero and broadcast addresses are kept.
/// - IPv4: four decimal octets (no leading zeros) not touching letters, digits or another `.digit`. Kept: `0.x`,
///   `127.x`, netmasks (`255.…` with contiguous ones), and versions — a quad right after `v`, `-`, `+`, `~`, `_`,
///   or after a dpkg relation (`(>= `, `(= `, `<<`…) or the word `version`, or followed by `-`, `+`, `~` (unless
///   `-` starts another address: a range).
/// - IPv6: hex groups of at most four digits with `::` or eight groups, optionally ending in a dotted IPv4
///   (`::ffff:10.1.2.3`); at least one group of three or more digits unless eight groups; not `::`, `::1`.
/// - E-mail: `local@domain.tld` with a letters-only top-level label; systemd instance names
///   (`user@1000.service`) are not addresses.
/// - UUID: 8-4-4-4-12 hex digits; the nil UUID is kept.
enum PatternScanner {
    /// What a found value is.
    enum Kind: Sendable {
        case mac, ipv4, ipv6, email, uuid
    }

    /// One value found: its byte range in the scanned text.
    struct Match: Equatable {
        let kind: Kind
        let range: Range<Int>
    }

    /// Every value in `bytes`, in order, non-overlapping.
    static func scan(_ bytes: [UInt8]) -> [Match] {
        var matches: [Match] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x40 {  // '@'
                if let match = email(bytes, at: i) {
                    matches.removeAll { $0.range.overlaps(match.range) }
                    matches.append(match)
                    i = match.range.upperBound
                    continue
                }
                i += 1
                continue
            }
            guard isAlnum(b) || b == 0x3A else {
                i += 1
                continue
            }
            let before: UInt8? = i > 0 ? bytes[i - 1] : nil
            if let before, isAlnum(before) {
                i += 1
                continue
            }
            // Right after a separator that follows hex digits (not a word such as `eth0:` or `addr:`), this is the
            // middle of something longer: only an IPv4 address may follow there, after a colon (the fields of
            // `ip=a:b:c`) or after the dash of a range that starts with one.
            var middle = false
            if let before, [0x3A, 0x2D, 0x5F, 0x2E].contains(before), i >= 2, isHex(bytes[i - 2]) {
                var j = i - 2
                while j >= 0, isHex(bytes[j]) { j -= 1 }
                middle = j < 0 || !isAlnum(bytes[j])
            }
            let afterRange =
                before == 0x2D && matches.last.map { $0.kind == .ipv4 && $0.range.upperBound == i - 1 } ?? false
            let found =
                middle
                ? (before == 0x3A || afterRange ? ipv4(bytes, at: i, afterRange: afterRange) : nil)
                : mac(bytes, at: i) ?? uuid(bytes, at: i) ?? longest(ipv6(bytes, at: i), ipv4(bytes, at: i))
            if let match = found {
                matches.append(match)
                i = match.range.upperBound
                continue
            }
            // Skip the rest of this word.
            while i < n, isAlnum(bytes[i]) { i += 1 }
            if i < n, bytes[i] != 0x40 { i += 1 }
        }
        return matches
    }

    private static func longest(_ a: Match?, _ b: Match?) -> Match? {
        guard let a else { return b }
        guard let b else { return a }
        return a.range.count >= b.range.count ? a : b
    }

    static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func byte(_ bytes: [UInt8], _ i: Int) -> UInt8? { i >= 0 && i < bytes.count ? bytes[i] : nil }

    /// The number of hex digits at `i` (at most `limit + 1`, to tell "more than limit").
    private static func hexRun(_ bytes: [UInt8], _ i: Int, limit: Int) -> Int {
        var j = i
        while j < bytes.count, j - i <= limit, isHex(bytes[j]) { j += 1 }
        return j - i
    }

    // MARK: MAC

    private static func mac(_ bytes: [UInt8], at i: Int) -> Match? {
        // enx + twelve hex digits: the digits are the MAC.
        if i + 15 <= bytes.count, bytes[i] | 0x20 == 0x65, bytes[i + 1] | 0x20 == 0x6E, bytes[i + 2] | 0x20 == 0x78,
            hexRun(bytes, i + 3, limit: 12) == 12, !(byte(bytes, i + 15).map(isAlnum) ?? false)
        {
            return keptMAC(bytes, (i + 3)..<(i + 15))
        }
        guard isHex(bytes[i]) else { return nil }
        // Pairs joined by one separator.
        if hexRun(bytes, i, limit: 2) == 2, let separator = byte(bytes, i + 2), [0x3A, 0x2D, 0x5F].contains(separator) {
            var groups = 1
            var j = i + 2
            while byte(bytes, j) == separator, hexRun(bytes, j + 1, limit: 2) == 2 {
                groups += 1
                j += 3
            }
            let endsClean = !(byte(bytes, j).map { isAlnum($0) } ?? false)
            if endsClean, groups == 6 { return keptMAC(bytes, i..<j) }
            if endsClean, groups == 7, separator == 0x2D, bytes[i] == 0x30, bytes[i + 1] == 0x31 {
                return keptMAC(bytes, (i + 3)..<j)  // pxelinux BOOTIF: hardware type 01, then the MAC
            }
            return nil
        }
        // Cisco: three groups of four joined by dots.
        if hexRun(bytes, i, limit: 4) == 4, byte(bytes, i + 4) == 0x2E, hexRun(bytes, i + 5, limit: 4) == 4,
            byte(bytes, i + 9) == 0x2E, hexRun(bytes, i + 10, limit: 4) == 4
        {
            let after = byte(bytes, i + 14)
            let next = byte(bytes, i + 15)
            if after.map(isAlnum) ?? false { return nil }
            if after == 0x2E, next.map(isAlnum) ?? false { return nil }
            return keptMAC(bytes, i..<(i + 14))
        }
        return nil
    }

    /// A MAC match unless the address is all zeros or broadcast (they identify nothing).
    private static func keptMAC(_ bytes: [UInt8], _ range: Range<Int>) -> Match? {
        let digits = bytes[range].filter(isHex).map { $0 | 0x20 }
        if digits.allSatisfy({ $0 == 0x30 }) || digits.allSatisfy({ $0 == 0x66 }) { return nil }
        return Match(kind: .mac, range: range)
    }

    // MARK: UUID

    private static func uuid(_ bytes: [UInt8], at i: Int) -> Match? {
        var j = i
        var nonzero = false
        for (index, length) in [8, 4, 4, 4, 12].enumerated() {
            if index > 0 {
                guard byte(bytes, j) == 0x2D else { return nil }
                j += 1
            }
            guard hexRun(bytes, j, limit: length) == length else { return nil }
            if bytes[j..<(j + length)].contains(where: { $0 != 0x30 }) { nonzero = true }
            j += length
        }
        if let after = byte(bytes, j), isAlnum(after) || after == 0x2D { return nil }
        return nonzero ? Match(kind: .uuid, range: i..<j) : nil
    }

    // MARK: IPv4

    /// The end of the four octets starting at `i`, when they are a well-formed dotted quad.
    private static func quad(_ bytes: [UInt8], at i: Int) -> (end: Int, octets: [Int])? {
        var j = i
        var octets: [Int] = []
        for index in 0..<4 {
            if index > 0 {
                guard byte(bytes, j) == 0x2E else { return nil }
                j += 1
            }
            var k = j
            while k < bytes.count, k - j < 4, isDigit(bytes[k]) { k += 1 }
            let length = k - j
            guard (1...3).contains(length), !(length > 1 && bytes[j] == 0x30) else { return nil }
            let value = bytes[j..<k].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard value <= 255 else { return nil }
            octets.append(value)
            j = k
        }
        if let after = byte(bytes, j) {
            if isAlnum(after) { return nil }
            if after == 0x2E, let next = byte(bytes, j + 1), isAlnum(next) { return nil }
        }
        return (j, octets)
    }

    private static func ipv4(_ bytes: [UInt8], at i: Int, afterRange: Bool = false) -> Match? {
        guard isDigit(bytes[i]) else { return nil }
        if !afterRange, let b = byte(bytes, i - 1), [0x2D, 0x2B, 0x7E, 0x5F, 0x2E].contains(b) { return nil }
        guard let (end, octets) = quad(bytes, at: i) else { return nil }
        if let after = byte(bytes, end), after == 0x2B || after == 0x7E { return nil }
        if byte(bytes, end) == 0x2D, !(byte(bytes, end + 1).map(isDigit) ?? false && quad(bytes, at: end + 1) != nil) {
            return nil
        }
        if octets[0] == 0 || octets[0] == 127 { return nil }
        let value = octets.reduce(0) { $0 << 8 | $1 }
        let inverted = ~value & 0xffff_ffff
        if octets[0] == 255, inverted & (inverted + 1) == 0 { return nil }  // a netmask: ones, then zeros
        if versionContext(bytes, before: i) { return nil }
        return Match(kind: .ipv4, range: i..<end)
    }

    /// Whether the text before `i` makes what follows a version: a dpkg relation operator, or the word `version`
    /// (optionally followed by `:` or `=`).
    private static func versionContext(_ bytes: [UInt8], before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, bytes[k] == 0x20 { k -= 1 }
        guard k >= 0 else { return false }
        let op = bytes[k]
        if op == 0x3D || op == 0x3C || op == 0x3E {  // '=' '<' '>'
            var m = k - 1
            if m >= 0, bytes[m] == 0x3C || bytes[m] == 0x3E || bytes[m] == 0x3D { return true }  // >= <= << >> ==
            while m >= 0, bytes[m] == 0x20 { m -= 1 }
            if op == 0x3D, m >= 0, bytes[m] == 0x28 { return true }  // "(= "
        }
        if op == 0x3A || op == 0x3D {
            k -= 1
            while k >= 0, bytes[k] == 0x20 { k -= 1 }
        }
        var start = k
        while start >= 0, isAlnum(bytes[start]) { start -= 1 }
        let word = String(decoding: bytes[(start + 1)..<(k + 1)], as: UTF8.self).lowercased()
        return word == "version" || word == "ver"
    }

    // MARK: IPv6

    private static func ipv6(_ bytes: [UInt8], at i: Int) -> Match? {
        guard isHex(bytes[i]) || bytes[i] == 0x3A else { return nil }
        var groups: [Int] = []  // digit counts of the groups written
        var doubleColon = false
        var j = i
        var embeddedV4 = false
        if byte(bytes, j) == 0x3A {
            guard byte(bytes, j + 1) == 0x3A else { return nil }
            doubleColon = true
            j += 2
        }
        while j < bytes.count {
            if isDigit(bytes[j]), let (end, _) = quad(bytes, at: j), groups.count <= 6 {
                embeddedV4 = true
                j = end
                break
            }
            let run = hexRun(bytes, j, limit: 4)
            guard run >= 1, run <= 4 else { break }
            groups.append(run)
            j += run
            guard byte(bytes, j) == 0x3A else { break }
            if byte(bytes, j + 1) == 0x3A {
                if doubleColon { break }
                doubleColon = true
                j += 2
                continue
            }
            guard let next = byte(bytes, j + 1), isHex(next) else { break }
            j += 1
        }
        if let after = byte(bytes, j), isAlnum(after) { return nil }
        let written = groups.count + (embeddedV4 ? 2 : 0)
        guard written <= 8, doubleColon || written == 8 else { return nil }
        if !embeddedV4 {
            guard groups.count >= 2 || (groups.count == 1 && groups[0] >= 3 && doubleColon) else { return nil }
            guard written == 8 || groups.contains(where: { $0 >= 3 }) else { return nil }
        }
        let text = bytes[i..<j]
        if !embeddedV4, text.filter(isHex).allSatisfy({ $0 == 0x30 }) { return nil }
        return Match(kind: .ipv6, range: i..<j)
    }

    // MARK: E-mail

    private static let unitSuffixes: Set<String> = [
        "service", "socket", "target", "mount", "automount", "timer", "path", "slice", "scope", "device", "swap",
    ]

    private static func isLocalByte(_ b: UInt8) -> Bool {
        isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    private static func email(_ bytes: [UInt8], at: Int) -> Match? {
        var start = at
        while start > 0, isLocalByte(bytes[start - 1]) { start -= 1 }
        while start < at, bytes[start] == 0x2E { start += 1 }
        guard start < at, bytes[at - 1] != 0x2E else { return nil }
        var end = at + 1
        while end < bytes.count, isAlnum(bytes[end]) || bytes[end] == 0x2D || bytes[end] == 0x2E { end += 1 }
        while end > at + 1, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x2D { end -= 1 }
        let domain = bytes[(at + 1)..<end].split(separator: 0x2E, omittingEmptySubsequences: false)
        guard domain.count >= 2, domain.allSatisfy({ !$0.isEmpty }), let tld = domain.last, tld.count >= 2,
            tld.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
        else { return nil }
        if unitSuffixes.contains(String(decoding: tld, as: UTF8.self).lowercased()) { return nil }
        return Match(kind: .email, range: start..<end)
    }
}
