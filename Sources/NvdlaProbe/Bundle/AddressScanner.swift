/// Finds MAC, IPv4 and IPv6 addresses in text bytes, for redaction.
///
/// A candidate is a maximal run of `[0-9A-Za-z:.]`; trailing `.`/`:` are dropped. A run is a MAC when it is six
/// two-digit hex groups joined by `:`; IPv4 when it is four decimal octets (0–255), optionally followed by
/// `:port`, and not part of a version string (not preceded by `v`, `-`, `+`, `~` nor followed by `-`, `+`,
/// `~`); IPv6 when it has only hex groups of at most four digits joined by `:`, with `::` or exactly eight
/// groups. Loopback and unspecified addresses (`127.x`, `0.0.0.0`, `::1`, `::`) are kept.
enum AddressScanner {
    /// What a found address is.
    enum Kind: String {
        case mac, ipv4, ipv6
    }

    /// One address found: its byte range in the scanned text.
    struct Match {
        let kind: Kind
        let range: Range<Int>
    }

    /// Every address in `bytes`, in order, non-overlapping.
    static func scan(_ bytes: [UInt8]) -> [Match] {
        var matches: [Match] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard isRunByte(bytes[i]) else {
                i += 1
                continue
            }
            var end = i
            while end < n, isRunByte(bytes[end]) { end += 1 }
            var trimmedEnd = end
            while trimmedEnd > i, bytes[trimmedEnd - 1] == 0x2E || bytes[trimmedEnd - 1] == 0x3A { trimmedEnd -= 1 }
            if trimmedEnd > i, let match = classify(bytes, i..<trimmedEnd) { matches.append(match) }
            i = end
        }
        return matches
    }

    private static func isRunByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x3A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2E
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    private static func classify(_ bytes: [UInt8], _ range: Range<Int>) -> Match? {
        let run = Array(bytes[range])
        let before: UInt8? = range.lowerBound > 0 ? bytes[range.lowerBound - 1] : nil
        let after: UInt8? = range.upperBound < bytes.count ? bytes[range.upperBound] : nil
        if let b = before, b == 0x5F { return nil }  // part of an identifier
        if run.contains(0x2E) {
            return ipv4(run, before: before, after: after).map {
                Match(kind: .ipv4, range: range.lowerBound..<(range.lowerBound + $0))
            }
        }
        let groups = run.split(separator: 0x3A, omittingEmptySubsequences: false)
        guard groups.count >= 3 else { return nil }
        if groups.count == 6, groups.allSatisfy({ $0.count == 2 && $0.allSatisfy(isHex) }) {
            return Match(kind: .mac, range: range)
        }
        guard groups.allSatisfy({ $0.count <= 4 && $0.allSatisfy(isHex) }) else { return nil }
        let doubleColon = (0..<(run.count - 1)).contains { run[$0] == 0x3A && run[$0 + 1] == 0x3A }
        guard doubleColon || groups.count == 8, groups.count <= 8 else { return nil }
        let digits = groups.filter { !$0.isEmpty }
        guard !digits.isEmpty else { return nil }
        let isLoopback = digits.count == 1 && digits[0].drop(while: { $0 == 0x30 }) == [0x31]
        if isLoopback || digits.allSatisfy({ $0.allSatisfy { $0 == 0x30 } }) { return nil }
        return Match(kind: .ipv6, range: range)
    }

    /// The length of the IPv4 address at the start of `run`, when `run` is `a.b.c.d` or `a.b.c.d:port`.
    private static func ipv4(_ run: [UInt8], before: UInt8?, after: UInt8?) -> Int? {
        if let b = before, [0x76, 0x56, 0x2D, 0x2B, 0x7E].contains(b) { return nil }
        if let a = after, [0x2D, 0x2B, 0x7E].contains(a) { return nil }
        var addressLength = run.count
        if let colon = run.firstIndex(of: 0x3A) {
            let port = run[(colon + 1)...]
            guard !port.isEmpty, port.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            addressLength = colon
        }
        let octets = run[0..<addressLength].split(separator: 0x2E, omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var values: [Int] = []
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let value = octet.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard value <= 255 else { return nil }
            values.append(value)
        }
        if values[0] == 127 || values.allSatisfy({ $0 == 0 }) { return nil }
        return addressLength
    }
}
