import CPcre2

/// A compiled PCRE2 regular expression with named captures, JIT-compiled where the platform allows.
///
/// Swift's `Regex` is far slower on large kernel logs; PCRE2 (libpcre2-8) matches them at grep-like speed.
/// Subjects are bytes; invalid UTF-8 in them never fails a match (`PCRE2_MATCH_INVALID_UTF`).
public final class Regex2: @unchecked Sendable {
    /// Why a pattern did not compile, with the offset of the problem.
    public struct CompileError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public let offset: Int
        public var description: String { "\(message) at offset \(offset)" }
    }

    public let pattern: String
    /// Capture names and their group numbers.
    public let names: [(name: String, group: Int)]
    private let code: OpaquePointer

    public init(_ pattern: String, caseless: Bool = false) throws(CompileError) {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        var options: UInt32 = UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            var message = [UInt8](repeating: 0, count: 256)
            let n = pcre2_get_error_message_8(errorCode, &message, 256)
            let text = n > 0 ? String(decoding: message[0..<Int(n)], as: UTF8.self) : "error \(errorCode)"
            throw CompileError(message: text, offset: errorOffset)
        }
        self.code = compiled
        _ = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        self.names = Self.readNames(compiled)
    }

    deinit { pcre2_code_free_8(code) }

    private static func readNames(_ code: OpaquePointer) -> [(name: String, group: Int)] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard count > 0, let table else { return [] }
        var result: [(String, Int)] = []
        for i in 0..<Int(count) {
            let entry = table + i * Int(entrySize)
            let group = Int(entry[0]) << 8 | Int(entry[1])
            var name: [UInt8] = []
            var j = 2
            while j < Int(entrySize), entry[j] != 0 {
                name.append(entry[j])
                j += 1
            }
            result.append((String(decoding: name, as: UTF8.self), group))
        }
        return result
    }

    /// A reusable matcher holding PCRE2 match data; one per thread of use.
    public func matcher() -> Matcher { Matcher(self) }

    /// Whether `text` matches anywhere.
    public func matches(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { matcher().matches($0) }
    }

    /// Named captures of the first match in `text` (group 0 under the key `0`), or nil when none.
    public func captures(in text: String) -> [String: String]? {
        var copy = text
        return copy.withUTF8 { matcher().captures($0) }
    }

    /// Holds match data for repeated matching without allocation.
    public final class Matcher {
        let regex: Regex2
        let data: OpaquePointer

        init(_ regex: Regex2) {
            self.regex = regex
            self.data = pcre2_match_data_create_from_pattern_8(regex.code, nil)
        }

        deinit { pcre2_match_data_free_8(data) }

        private func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            // An empty buffer may have a nil base address; PCRE2 wants a valid pointer.
            if bytes.isEmpty {
                var zero: UInt8 = 0
                return pcre2_match_8(regex.code, &zero, 0, 0, 0, data, nil)
            }
            return pcre2_match_8(regex.code, bytes.baseAddress, bytes.count, 0, 0, data, nil)
        }

        /// Whether `bytes` contains a match.
        public func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { run(bytes) > 0 }

        /// Named captures of the first match (unset groups are absent), group 0 under `0`.
        public func captures(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
            let rc = run(bytes)
            guard rc > 0 else { return nil }
            guard let ovector = pcre2_get_ovector_pointer_8(data) else { return nil }
            let pairs = Int(pcre2_get_ovector_count_8(data))
            func group(_ n: Int) -> String? {
                guard n < pairs else { return nil }
                let start = ovector[2 * n]
                let end = ovector[2 * n + 1]
                guard start >= 0, start <= end, end <= bytes.count else { return nil }  // unset groups are ~0
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            var result: [String: String] = [:]
            if let whole = group(0) { result["0"] = whole }
            for (name, number) in regex.names {
                if let value = group(number) { result[name] = value }
            }
            return result
        }
    }
}
