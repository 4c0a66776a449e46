/// Finds identifying values in free text by what names them: a key (`Serial Number: X`, `psk=X`, `ssid "X"`,
/// `PARTUUID=X`), a phrase (`Set hostname to <X>`, `session … of user X`), a path position (`/home/X`), the host
/// field of a syslog line (`Nov 21 17:34:01 X prog[1]: …`, RFC 3339 stamps too), a kernel command line echoed in a
/// log, a PEM private-key body or an SSH key.
///
/// Keys match case-insensitively as whole words (not after a letter, digit, `_` or `/`, so a path such as
/// `/proc/sys/kernel/hostname` is no key). A bare `serial:` only counts when its value ends the line: the UART
/// driver's `Serial: 8250/16550 driver, …` names no serial number. Serial values need a digit.
enum KeyedValueScanner {
    /// One value found and what it is.
    struct Found: Equatable {
        let category: RedactionTokens.Category
        let range: Range<Int>
    }

    /// How a key is separated from its value.
    enum Separator {
        /// `:` or `=` (spaces around allowed).
        case assign
        /// `:` or `=`, or spaces (Debian `wpa-psk KEY`, `MAC 0011…`).
        case assignOrSpace
        /// Spaces before a quoted value only (`SSID "x"`), or `:`/`=`.
        case assignOrQuoted
        /// The key ends with its own separator (`for user `, `/home/`).
        case included
    }

    /// What a value may be made of.
    enum Shape {
        case name, hostname, serial, hex12, identifier, secret
    }

    struct Key {
        let text: [UInt8]
        let category: RedactionTokens.Category
        let separator: Separator
        let shape: Shape
        /// The value must end the line (for keys as vague as `serial`).
        var lineEnd = false
        /// No word boundary before the key (path prefixes).
        var anywhere = false
        /// For `ID_SERIAL=VENDOR_MODEL_SERIAL`: only the part after the last `_` is the serial.
        var afterLastUnderscore = false
    }

    static let keys: [Key] = {
        var keys: [Key] = []
        func add(
            _ texts: [String], _ category: RedactionTokens.Category, _ separator: Separator, _ shape: Shape,
            lineEnd: Bool = false, anywhere: Bool = false, afterLastUnderscore: Bool = false
        ) {
            for text in texts {
                keys.append(
                    Key(
                        text: Array(text.utf8), category: category, separator: separator, shape: shape,
                        lineEnd: lineEnd, anywhere: anywhere, afterLastUnderscore: afterLastUnderscore))
            }
        }
        add(
            [
                "serial number", "serial no", "serial_no", "serial-no", "serialno", "serial_number", "serial-number",
                "serialnumber", "serial#", "s/n", "id_serial_short", "id_usb_serial_short", "id_scsi_serial",
                "product_serial", "board_serial", "chassis_serial",
            ], .serial, .assign, .serial)
        add(["serial"], .serial, .assign, .serial, lineEnd: true)
        add(["id_serial", "id_usb_serial"], .serial, .assign, .serial, afterLastUnderscore: true)
        add(
            [
                "hwaddr", "mac", "macaddr", "mac_addr", "mac-address", "macaddress", "ether", "bssid", "permaddr",
                "perm_addr", "address",
            ], .mac, .assignOrSpace, .hex12)
        add(["ssid", "essid"], .ssid, .assignOrQuoted, .secret)
        add(["wpa-ssid"], .ssid, .assignOrSpace, .secret)
        add(
            [
                "psk", "password", "passphrase", "secret", "private-key", "privatekey", "private_key", "presharedkey",
                "preshared-key", "client_secret", "api_key", "apikey", "auth-token", "access_token",
                "wep-key0", "wep-key1", "wep-key2", "wep-key3", "wep_key0", "wep_key1", "wep_key2", "wep_key3",
            ], .secret, .assign, .secret)
        add(["wpa-psk"], .secret, .assignOrSpace, .secret)
        add(["partuuid", "uuid", "machine-id", "machine_id", "machineid", "boot_id"], .id, .assign, .identifier)
        add(["hostname", "host name", "nodename"], .host, .assign, .hostname)
        add(["hostname to ", "hostname set to "], .host, .included, .hostname)
        add(["for user ", "of user ", "by user ", "for invalid user "], .user, .included, .name)
        add(["user=", "username=", "logname=", "acct=", "login="], .user, .included, .name)
        add(["username", "identity", "anonymous_identity", "anonymous-identity"], .user, .assign, .name)
        add(["/home/"], .user, .included, .name, anywhere: true)
        return keys
    }()

    /// Keys by their first (lower-case) byte.
    private static let byFirstByte: [[Key]] = {
        var table = [[Key]](repeating: [], count: 256)
        for key in keys { table[Int(key.text[0])].append(key) }
        return table
    }()

    /// Every keyed value in `bytes`.
    static func scan(_ bytes: [UInt8]) -> [Found] {
        var found: [Found] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            scanLine(bytes, start..<end, into: &found)
            start = end + 1
        }
        found += pemBodies(bytes) + sshKeys(bytes)
        return found
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    private static func isWordByte(_ b: UInt8) -> Bool { PatternScanner.isAlnum(b) || b == 0x5F }

    private static func scanLine(_ bytes: [UInt8], _ line: Range<Int>, into found: inout [Found]) {
        guard !line.isEmpty else { return }
        if let host = syslogHost(bytes, line) { found.append(Found(category: .host, range: host)) }
        var lineStart = line.lowerBound
        while lineStart < line.upperBound, bytes[lineStart] == 0x20 || bytes[lineStart] == 0x09 { lineStart += 1 }
        var i = line.lowerBound
        while i < line.upperBound {
            let b = bytes[i]
            // Keys start words (only `/home/` may follow a letter); skip the inside of words at once.
            let wordStart = i == line.lowerBound || !(isWordByte(bytes[i - 1]) || bytes[i - 1] == 0x2F)
            if wordStart, lower(b) == 0x6B, let cmdline = commandLineEcho(bytes, from: i, line: line) {
                found += CommandLineFields.scan(bytes, cmdline).map { Found(category: $0.category, range: $0.range) }
            }
            let candidates = byFirstByte[Int(lower(b))]
            if candidates.isEmpty || (!wordStart && b != 0x2F) {
                i += 1
                continue
            }
            var advanced = false
            for key in candidates where (wordStart || key.anywhere) && i + key.text.count <= line.upperBound {
                var equal = true
                var k = 1
                while k < key.text.count {
                    if lower(bytes[i + k]) != key.text[k] {
                        equal = false
                        break
                    }
                    k += 1
                }
                guard equal else { continue }
                if let value = value(
                    bytes, after: i + key.text.count, line: line, key: key, atLineStart: i == lineStart)
                {
                    found.append(Found(category: key.category, range: value))
                    i = value.upperBound
                    advanced = true
                    break
                }
            }
            if !advanced { i += 1 }
        }
    }

    /// The value after a key ending at `j`, when the separator and the value's shape fit.
    private static func value(_ bytes: [UInt8], after j: Int, line: Range<Int>, key: Key, atLineStart: Bool)
        -> Range<Int>?
    {
        var k = j
        let end = line.upperBound
        if key.separator != .included {
            if k < end, isWordByte(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x2E { return nil }  // a longer word
            var spaces = 0
            while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 {
                k += 1
                spaces += 1
            }
            if k < end, bytes[k] == 0x3A || bytes[k] == 0x3D || (bytes[k] == 0x23 && key.shape == .serial) {
                k += 1
                while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
            } else {
                switch key.separator {
                case .assign, .included: return nil
                case .assignOrSpace: if spaces == 0 { return nil }
                case .assignOrQuoted:
                    if spaces == 0 || k >= end || (bytes[k] != 0x22 && bytes[k] != 0x27) { return nil }
                }
            }
        }
        guard k < end else { return nil }
        // Quoted or bracketed values.
        if let close: UInt8 = [0x22: 0x22, 0x27: 0x27, 0x3C: 0x3E][bytes[k]] {
            var m = k + 1
            while m < end, bytes[m] != close { m += 1 }
            guard m < end, m > k + 1 else { return nil }
            return shaped(bytes, (k + 1)..<m, key: key, whole: true)
        }
        // A config line `key=value with spaces`: the rest of the line.
        if atLineStart, key.shape == .secret {
            var m = end
            while m > k, bytes[m - 1] == 0x20 || bytes[m - 1] == 0x09 || bytes[m - 1] == 0x0D { m -= 1 }
            return m > k ? k..<m : nil
        }
        var m = k
        while m < end, accepts(key.shape, bytes[m]) { m += 1 }
        while m > k, [0x2E, 0x2D, 0x2C, 0x3A].contains(bytes[m - 1]) { m -= 1 }
        guard m > k else { return nil }
        if key.lineEnd {
            var rest = m
            while rest < end, bytes[rest] == 0x20 || bytes[rest] == 0x09 || bytes[rest] == 0x0D { rest += 1 }
            if rest < end { return nil }
        }
        if m < end, key.shape != .secret, isWordByte(bytes[m]) { return nil }
        return shaped(bytes, k..<m, key: key, whole: false)
    }

    private static func accepts(_ shape: Shape, _ b: UInt8) -> Bool {
        switch shape {
        case .name: return PatternScanner.isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x2D
        case .hostname: return PatternScanner.isAlnum(b) || b == 0x2E || b == 0x2D || b == 0x5F
        case .serial, .identifier: return PatternScanner.isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x2D
        case .hex12: return PatternScanner.isHex(b)
        case .secret: return b > 0x20 && b != 0x22 && b != 0x27 && b != 0x2C && b != 0x3B && b != 0x7D && b != 0x29
        }
    }

    /// `range` when its bytes fit the key's shape (trimmed to the serial after the last `_` when asked).
    private static func shaped(_ bytes: [UInt8], _ range: Range<Int>, key: Key, whole: Bool) -> Range<Int>? {
        var range = range
        let value = bytes[range]
        switch key.shape {
        case .name:
            guard let first = value.first, PatternScanner.isAlnum(first) || first == 0x5F,
                value.allSatisfy({ accepts(.name, $0) })
            else { return nil }
        case .hostname:
            guard let first = value.first, PatternScanner.isAlnum(first), value.allSatisfy({ accepts(.hostname, $0) })
            else { return nil }
        case .serial:
            if key.afterLastUnderscore, let underscore = value.lastIndex(of: 0x5F) {
                range = (underscore + 1)..<range.upperBound
            }
            let serial = bytes[range]
            guard serial.count >= 4, serial.contains(where: PatternScanner.isDigit),
                serial.allSatisfy({ accepts(.serial, $0) })
            else { return nil }
        case .hex12:
            guard value.count == 12, value.allSatisfy(PatternScanner.isHex) else { return nil }
        case .identifier:
            guard value.count >= 4, value.allSatisfy({ accepts(.identifier, $0) }) else { return nil }
        case .secret:
            guard !value.isEmpty else { return nil }
        }
        return range
    }

    // MARK: Log prefixes, command lines, keys

    private static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// The host field of a syslog line: `Mmm dd hh:mm:ss HOST tag[pid]: ` or `YYYY-MM-DDThh:mm:ss… HOST tag: `.
    static func syslogHost(_ bytes: [UInt8], _ line: Range<Int>) -> Range<Int>? {
        // Cheap test first: a month name and a space, or four digits and a dash.
        guard line.count > 16 else { return nil }
        let s = line.lowerBound
        let monthLike = PatternScanner.isAlnum(bytes[s]) && bytes[s + 3] == 0x20 && !PatternScanner.isDigit(bytes[s])
        let isoLike = PatternScanner.isDigit(bytes[s]) && bytes[s + 4] == 0x2D && bytes[s + 10] == 0x54
        guard monthLike || isoLike else { return nil }
        let fields = line.split(bytes: bytes, maxFields: 6)
        var hostIndex: Int
        guard fields.count >= 3 else { return nil }
        let first = String(decoding: bytes[fields[0]], as: UTF8.self)
        if months.contains(first.lowercased()), fields.count >= 5, bytes[fields[1]].allSatisfy(PatternScanner.isDigit),
            isClock(bytes[fields[2]])
        {
            hostIndex = 3
        } else if first.count >= 19, first.dropFirst(10).first == "T", first.prefix(4).allSatisfy(\.isNumber) {
            hostIndex = 1
        } else {
            return nil
        }
        guard fields.count > hostIndex + 1 else { return nil }
        let tag = bytes[fields[hostIndex + 1]]
        guard tag.last == 0x3A, let firstTag = tag.first, PatternScanner.isAlnum(firstTag) || firstTag == 0x5F else {
            return nil
        }
        let host = fields[hostIndex]
        guard let h = bytes[host].first, PatternScanner.isAlnum(h), bytes[host].allSatisfy({ accepts(.hostname, $0) })
        else { return nil }
        return host
    }

    private static func isClock(_ field: ArraySlice<UInt8>) -> Bool {
        field.count == 8
            && field.enumerated().allSatisfy { offset, b in
                offset == 2 || offset == 5 ? b == 0x3A : PatternScanner.isDigit(b)
            }
    }

    /// The command line of a `Kernel command line: …` log line, when the marker starts at `i`.
    private static func commandLineEcho(_ bytes: [UInt8], from i: Int, line: Range<Int>) -> Range<Int>? {
        let marker = commandLineMarker
        guard i + marker.count <= line.upperBound else { return nil }
        for k in 0..<marker.count where lower(bytes[i + k]) != marker[k] { return nil }
        return (i + marker.count)..<line.upperBound
    }

    private static let commandLineMarker = Array("kernel command line: ".utf8)

    /// The bodies of PEM private-key blocks (`-----BEGIN … PRIVATE KEY-----` to `-----END`), to the end of the text
    /// when the block is cut.
    static func pemBodies(_ bytes: [UInt8]) -> [Found] {
        let begin = Array("-----BEGIN ".utf8)
        let end = Array("-----END".utf8)
        var found: [Found] = []
        var i = 0
        while let start = bytes.firstRange(of: begin, from: i) {
            guard let headerEnd = bytes.firstIndex(of: 0x0A, from: start.upperBound) else { break }
            let header = String(decoding: bytes[start.upperBound..<headerEnd], as: UTF8.self)
            let next = bytes.firstRange(of: end, from: headerEnd)?.lowerBound ?? bytes.count
            var bodyEnd = next
            while bodyEnd > headerEnd + 1, bytes[bodyEnd - 1] == 0x0A || bytes[bodyEnd - 1] == 0x0D { bodyEnd -= 1 }
            if header.contains("PRIVATE KEY"), bodyEnd > headerEnd + 1 {
                found.append(Found(category: .secret, range: (headerEnd + 1)..<bodyEnd))
            }
            i = next
        }
        return found
    }

    /// The key material of OpenSSH public keys (`ssh-ed25519 AAAA…`): it identifies the key's owner.
    static func sshKeys(_ bytes: [UInt8]) -> [Found] {
        var found: [Found] = []
        let marker = Array(" AAAA".utf8)
        var i = 0
        while let hit = bytes.firstRange(of: marker, from: i) {
            var typeStart = hit.lowerBound
            while typeStart > 0,
                PatternScanner.isAlnum(bytes[typeStart - 1]) || [0x2D, 0x40, 0x2E].contains(bytes[typeStart - 1])
            {
                typeStart -= 1
            }
            let type = String(decoding: bytes[typeStart..<hit.lowerBound], as: UTF8.self)
            var m = hit.lowerBound + 1
            while m < bytes.count,
                PatternScanner.isAlnum(bytes[m]) || bytes[m] == 0x2B || bytes[m] == 0x2F || bytes[m] == 0x3D
            {
                m += 1
            }
            if type.hasPrefix("ssh-") || type.hasPrefix("ecdsa-") || type.hasPrefix("sk-"), m - hit.lowerBound > 20 {
                found.append(Found(category: .id, range: (hit.lowerBound + 1)..<m))
            }
            i = m
        }
        return found
    }
}

extension Range where Bound == Int {
    /// The ranges of up to `maxFields` space-separated fields of this line of `bytes`.
    func split(bytes: [UInt8], maxFields: Int) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var i = lowerBound
        while i < upperBound, fields.count < maxFields {
            while i < upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            let start = i
            while i < upperBound, bytes[i] != 0x20, bytes[i] != 0x09 { i += 1 }
            if i > start { fields.append(start..<i) }
        }
        return fields
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `needle` at or after `from`.
    func firstRange(of needle: [UInt8], from: Int) -> Range<Int>? {
        guard let first = needle.first, needle.count <= count else { return nil }
        var i = from
        while i + needle.count <= count {
            if self[i] == first, self[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }

    /// The first index of `byte` at or after `from`.
    func firstIndex(of byte: UInt8, from: Int) -> Int? {
        var i = from
        while i < count {
            if self[i] == byte { return i }
            i += 1
        }
        return nil
    }
}
