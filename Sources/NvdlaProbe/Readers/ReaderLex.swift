/// Shared scanning helpers for the text readers in this folder (line splitting, bounded numbers, stanzas).
///
/// Internal to the module; it performs no I/O and holds no state. Every number parser is bounded and
/// returns `nil` on overflow instead of trapping.
enum ReaderLex {
    /// Splits text into lines on `\n` bytes, dropping one trailing `\r` per line (no final empty line).
    static func lines(_ text: String) -> [Substring] {
        lines(text[...])
    }

    /// Splits a substring into lines on `\n` bytes, dropping one trailing `\r` per line (no empty last line).
    static func lines(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                result.append(dropCR(text[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex {
            result.append(dropCR(text[start..<utf8.endIndex]))
        }
        return result
    }

    /// Removes one trailing carriage return.
    static func dropCR(_ line: Substring) -> Substring {
        if let last = line.utf8.last, last == 0x0D {
            return line[line.startIndex..<line.utf8.index(before: line.endIndex)]
        }
        return line
    }

    /// Whether a byte is ASCII whitespace (space, tab, CR, LF, VT, FF).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Whether a byte is an ASCII decimal digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// Trims ASCII whitespace at both ends.
    static func trimmed(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start != end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end != start {
            let before = utf8.index(before: end)
            if !isSpace(utf8[before]) { break }
            end = before
        }
        return text[start..<end]
    }

    /// Trims ASCII whitespace at both ends of a string.
    static func trimmed(_ text: String) -> Substring {
        trimmed(text[...])
    }

    /// Splits on runs of ASCII whitespace, dropping empty fields.
    static func fields(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            while index != utf8.endIndex, isSpace(utf8[index]) { index = utf8.index(after: index) }
            if index == utf8.endIndex { break }
            let start = index
            while index != utf8.endIndex, !isSpace(utf8[index]) { index = utf8.index(after: index) }
            result.append(text[start..<index])
        }
        return result
    }

    /// Splits at the first occurrence of an ASCII byte; `nil` when absent.
    static func splitOnce(_ text: Substring, _ separator: UInt8) -> (Substring, Substring)? {
        let utf8 = text.utf8
        guard let index = utf8.firstIndex(of: separator) else { return nil }
        return (text[text.startIndex..<index], text[utf8.index(after: index)..<text.endIndex])
    }

    /// Whether the text starts with an ASCII prefix (byte comparison, no Unicode normalisation).
    static func hasPrefix(_ text: Substring, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    /// Parses an unsigned decimal number (optional leading `+`); `nil` on any other byte or on overflow.
    static func uint64(_ text: Substring) -> UInt64? {
        var utf8 = text.utf8[...]
        if utf8.first == 0x2B { utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in utf8 {
            guard isDigit(byte) else { return nil }
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(UInt64(byte &- 0x30))
            if overflowA || overflowB { return nil }
            value = sum
        }
        return value
    }

    /// Parses a signed decimal number (optional leading `+` or `-`); `nil` on any other byte or on overflow.
    static func int64(_ text: Substring) -> Int64? {
        var utf8 = text.utf8[...]
        var negative = false
        if let first = utf8.first, first == 0x2D || first == 0x2B {
            negative = first == 0x2D
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in utf8 {
            guard isDigit(byte) else { return nil }
            let (times, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(UInt64(byte &- 0x30))
            if overflowA || overflowB { return nil }
            magnitude = sum
        }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard let positive = Int64(exactly: magnitude) else { return nil }
            return -positive
        }
        return Int64(exactly: magnitude)
    }

    /// Parses a signed decimal `Int`; `nil` on any other byte or on overflow.
    static func int(_ text: Substring) -> Int? {
        int64(text).flatMap { Int(exactly: $0) }
    }

    /// Parses an unsigned decimal `UInt32`; `nil` on any other byte or on overflow.
    static func uint32(_ text: Substring) -> UInt32? {
        uint64(text).flatMap { UInt32(exactly: $0) }
    }

    /// Parses hexadecimal digits with an optional `0x`/`0X` prefix; `nil` on other bytes or overflow.
    static func hex64(_ text: Substring) -> UInt64? {
        var utf8 = text.utf8[...]
        if utf8.count >= 2, utf8.first == 0x30, let second = utf8.dropFirst().first, second | 0x20 == 0x78 {
            utf8 = utf8.dropFirst(2)
        }
        guard !utf8.isEmpty, utf8.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in utf8 {
            guard let digit = hexDigit(byte) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// The value of one hexadecimal digit byte.
    @inline(__always)
    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// Whether the text is dot-separated runs of decimal digits, e.g. `12.6.11` (no empty part).
    static func isDottedNumber(_ text: Substring) -> Bool {
        var previousWasDigit = false
        for byte in text.utf8 {
            if isDigit(byte) {
                previousWasDigit = true
            } else if byte == 0x2E, previousWasDigit {
                previousWasDigit = false
            } else {
                return false
            }
        }
        return previousWasDigit
    }

    /// Runs `body` over the UTF-8 bytes of a string without copying when the storage is contiguous.
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = text
        return copy.withUTF8(body)
    }

    /// Runs `body` over the UTF-8 bytes of a substring without copying when the storage is contiguous.
    static func withBytes<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = text
        return copy.withUTF8(body)
    }

    /// Makes a string from a byte range of a buffer (invalid UTF-8 is repaired with U+FFFD).
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Removes ANSI escape sequences (CSI `ESC [ … final`, charset `ESC ( B`, and two-byte escapes).
    static func stripANSI(_ text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x1B else {
                output.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let kind = bytes[index]
            index += 1
            if kind == 0x5B {  // CSI: parameters then one final byte 0x40...0x7E
                while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
                if index < bytes.count { index += 1 }
            } else if kind == 0x28 || kind == 0x29 {  // designate charset: one more byte
                if index < bytes.count { index += 1 }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One RFC-822 style stanza: its fields in order (names as written) and whether a line was malformed.
    struct Stanza {
        var fields: [(name: Substring, value: Substring)] = []
        var hasMalformedLine = false

        /// The first value of a field, matched case-insensitively (Debian field names are case-insensitive).
        func value(_ name: String) -> Substring? {
            for field in fields where field.name.count == name.count {
                if field.name.lowercased() == name.lowercased() { return field.value }
            }
            return nil
        }
    }

    /// Splits Debian control-file text (`/var/lib/dpkg/status`, `apt show`) into stanzas.
    ///
    /// Stanzas are separated by blank lines; lines starting with a space or tab continue the previous
    /// field (their text is ignored: only single-line fields are read); a line without `:` marks the
    /// stanza malformed.
    static func stanzas(_ text: String) -> [Stanza] {
        var result: [Stanza] = []
        var current = Stanza()
        var hasContent = false
        for line in lines(text) {
            if trimmed(line).isEmpty {
                if hasContent { result.append(current) }
                current = Stanza()
                hasContent = false
                continue
            }
            hasContent = true
            if let first = line.utf8.first, first == 0x20 || first == 0x09 {
                if current.fields.isEmpty { current.hasMalformedLine = true }
                continue
            }
            guard let (name, value) = splitOnce(line, 0x3A), !trimmed(name).isEmpty else {
                current.hasMalformedLine = true
                continue
            }
            current.fields.append((trimmed(name), trimmed(value)))
        }
        if hasContent { result.append(current) }
        return result
    }

    /// Collects `#define NAME VALUE` lines of a C header (comments stripped; value is the first token).
    static func cDefines(_ text: String) -> [String: Substring] {
        var defines: [String: Substring] = [:]
        for line in lines(text) {
            var rest = trimmed(line)
            guard rest.utf8.first == 0x23 else { continue }
            rest = trimmed(rest.dropFirst())
            guard hasPrefix(rest, "define") else { continue }
            rest = rest.dropFirst(6)
            guard let first = rest.utf8.first, isSpace(first) else { continue }
            if let range = rest.firstRange(of: "//") { rest = rest[rest.startIndex..<range.lowerBound] }
            if let range = rest.firstRange(of: "/*") { rest = rest[rest.startIndex..<range.lowerBound] }
            let parts = fields(rest)
            guard parts.count >= 2 else { continue }
            var value = parts[1]
            while value.utf8.first == 0x28, value.utf8.last == 0x29, value.count >= 2 {
                value = value.dropFirst().dropLast()
            }
            if let suffixed = stripIntegerSuffix(value) { value = suffixed }
            defines[String(parts[0])] = value
        }
        return defines
    }

    /// Drops C integer suffixes (`U`, `L`, `UL`, `ULL`) from a decimal literal; `nil` if not such a literal.
    private static func stripIntegerSuffix(_ value: Substring) -> Substring? {
        guard let first = value.utf8.first, isDigit(first) else { return nil }
        var end = value.endIndex
        while end != value.startIndex {
            let before = value.index(before: end)
            let character = value[before]
            if character == "u" || character == "U" || character == "l" || character == "L" {
                end = before
            } else {
                break
            }
        }
        return value[value.startIndex..<end]
    }

    /// Resolves a macro to an integer, following macro-to-macro indirection up to eight steps.
    static func resolveInt(_ name: String, in defines: [String: Substring]) -> Int? {
        var current = name
        for _ in 0..<8 {
            guard let value = defines[current] else { return nil }
            if let number = int(value) { return number }
            current = String(value)
        }
        return nil
    }
}
