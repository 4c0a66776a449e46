/// Parses `/proc/cmdline`: the kernel command line as ordered `key[=value]` parameters.
///
/// Splitting follows the kernel's `next_arg`: whitespace separates parameters except inside double quotes,
/// and the quotes around a value (`key="a b"`) or a whole parameter (`"key=a b"`) are removed. The CMA size
/// comes from the last `cma=` (`cma=64M`, `cma=512M@0-4G`, `cma=1G`, `cma=268435456`), read with the
/// kernel's `memparse` rules (suffixes K/M/G/T/P/E; `0x` hex).
public struct ProcCmdline: Sendable, Equatable {
    /// One `/proc/cmdline` parameter.
    public struct Parameter: Sendable, Equatable {
        /// The text before the first `=`.
        public let key: String
        /// The text after the first `=`, quotes removed; `nil` for a bare flag such as `quiet`.
        public let value: String?
    }

    /// Parameters in command-line order (duplicates kept).
    public let parameters: [Parameter]
    /// The raw value of the last `cma=`, e.g. `512M@0-4G`.
    public let cmaRaw: String?
    /// The size part of `cma=` in bytes; `nil` when absent or unreadable.
    public let cmaBytes: Int64?
    /// The placement after `@` in `cma=`, e.g. `0-4G`.
    public let cmaPlacement: String?

    /// The value of the last `/proc/cmdline` parameter with that key (`""` is returned for a bare flag).
    public func value(_ key: String) -> String? {
        guard let last = parameters.last(where: { $0.key == key }) else { return nil }
        return last.value ?? ""
    }

    /// Parses `/proc/cmdline` text; never fails.
    public static func parse(_ text: String) -> ProcCmdline {
        var parameters: [Parameter] = []
        for token in tokens(text) {
            var body = token[...]
            if body.count >= 2, body.first == "\"", body.last == "\"" { body = body.dropFirst().dropLast() }
            if let equals = body.firstIndex(of: "=") {
                var value = body[body.index(after: equals)...]
                if value.first == "\"" {
                    value = value.dropFirst()
                    if value.last == "\"" { value = value.dropLast() }
                }
                parameters.append(Parameter(key: String(body[..<equals]), value: String(value)))
            } else {
                parameters.append(Parameter(key: String(body), value: nil))
            }
        }
        let cma = parameters.last { $0.key == "cma" }?.value
        var size: Substring?
        var placement: String?
        if let cma {
            if let at = cma.firstIndex(of: "@") {
                size = cma[..<at]
                placement = String(cma[cma.index(after: at)...])
            } else {
                size = cma[...]
            }
        }
        return ProcCmdline(
            parameters: parameters, cmaRaw: cma, cmaBytes: size.flatMap { memparse($0) },
            cmaPlacement: placement)
    }

    /// Reads a `cma=`-style kernel size in bytes, following the kernel's `memparse`.
    ///
    /// Accepts a number (decimal, `0x` hex or leading-`0` octal) with an optional K/M/G/T/P/E suffix
    /// (either case); returns `nil` on junk or on overflow.
    public static func memparse(_ text: Substring) -> Int64? {
        var digits = ReaderLex.trimmed(text)
        var shift = 0
        if let last = digits.last {
            switch last {
            case "K", "k": shift = 10
            case "M", "m": shift = 20
            case "G", "g": shift = 30
            case "T", "t": shift = 40
            case "P", "p": shift = 50
            case "E", "e": shift = 60
            default: break
            }
            if shift > 0 { digits = digits.dropLast() }
        }
        var number: UInt64?
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            number = digits.count > 2 ? ReaderLex.hex64(digits) : nil
        } else if digits.count > 1, digits.first == "0" {
            number = octal(digits.dropFirst())
        } else {
            number = ReaderLex.uint64(digits)
        }
        guard let number, let value = Int64(exactly: number) else { return nil }
        guard shift == 0 || value <= Int64.max >> shift else { return nil }
        return value << shift
    }

    /// Reads octal digits as `memparse` does for a leading `0`; `nil` on junk or overflow.
    private static func octal(_ text: Substring) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x37, value <= UInt64.max >> 3 else { return nil }
            value = value << 3 | UInt64(byte - 0x30)
        }
        return value
    }

    /// Splits on whitespace outside double quotes, keeping the quotes.
    private static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var inQuote = false
        for byte in text.utf8 {
            if byte == 0x22 { inQuote.toggle() }
            if !inQuote, ReaderLex.isSpace(byte) || byte == 0 {
                if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }
}
