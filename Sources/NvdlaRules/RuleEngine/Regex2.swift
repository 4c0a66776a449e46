import CPcre2
import Synchronization

/// A PCRE2 regular expression with named captures, JIT-compiled where the platform allows.
///
/// Swift's `Regex` is far slower on large kernel logs; PCRE2 (libpcre2-8) matches them at grep-like speed.
/// Subjects are bytes; invalid UTF-8 in them never fails a match (`PCRE2_MATCH_INVALID_UTF`).
/// A pattern given to `init(_:caseless:)` is compiled at once (a bad one throws); one checked when the shipped
/// rules were built (`init(checked:caseless:)`) is compiled on first use, so a run pays only for the patterns
/// it needs.
public final class Regex2: Sendable, Equatable {
    /// Why a pattern did not compile, with the offset of the problem.
    public struct CompileError: Error, CustomStringConvertible, Sendable, Equatable {
        public let message: String
        public let offset: Int
        public var description: String { "\(message) at offset \(offset)" }
    }

    public let pattern: String
    public let caseless: Bool
    private let state: Mutex<Compiled?>

    /// Compiles `pattern` now; throws when PCRE2 rejects it.
    public init(_ pattern: String, caseless: Bool = false) throws(CompileError) {
        self.pattern = pattern
        self.caseless = caseless
        self.state = Mutex(try Compiled(pattern, caseless: caseless))
    }

    /// A pattern PCRE2 accepted when the shipped rules were compiled; compiled on first use.
    package init(checked pattern: String, caseless: Bool) {
        self.pattern = pattern
        self.caseless = caseless
        self.state = Mutex(nil)
    }

    /// Two expressions are equal when their pattern and options are.
    public static func == (lhs: Regex2, rhs: Regex2) -> Bool {
        lhs.pattern == rhs.pattern && lhs.caseless == rhs.caseless
    }

    /// The compiled form, compiling it on first use. Nil only when PCRE2 rejects a pattern it accepted at build
    /// time (a different libpcre2 at run time): such an expression matches nothing.
    private var compiled: Compiled? {
        state.withLock { (current: inout Compiled?) -> Compiled? in
            if let current { return current }
            current = try? Compiled(pattern, caseless: caseless)
            return current
        }
    }

    /// Capture names and their group numbers.
    public var names: [(name: String, group: Int)] { compiled?.names ?? [] }

    /// A pcre2_code and its name table; immutable once made, so it is shared by every thread (PCRE2 allows
    /// concurrent matching with one code and a match data per thread).
    final class Compiled: @unchecked Sendable {
        let code: OpaquePointer
        let names: [(name: String, group: Int)]

        init(_ pattern: String, caseless: Bool) throws(CompileError) {
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
        let compiled: Compiled?
        let data: OpaquePointer?

        init(_ regex: Regex2) {
            self.compiled = regex.compiled
            self.data = compiled.map { pcre2_match_data_create_from_pattern_8($0.code, nil) }
        }

        deinit { if let data { pcre2_match_data_free_8(data) } }

        private func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            guard let compiled, let data else { return PCRE2_ERROR_NOMATCH }
            // An empty buffer may have a nil base address; PCRE2 wants a valid pointer.
            if bytes.isEmpty {
                var zero: UInt8 = 0
                return pcre2_match_8(compiled.code, &zero, 0, 0, 0, data, nil)
            }
            return pcre2_match_8(compiled.code, bytes.baseAddress, bytes.count, 0, 0, data, nil)
        }

        /// Whether `bytes` contains a match.
        public func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { run(bytes) > 0 }

        /// Named captures of the first match (unset groups are absent), group 0 under `0`.
        public func captures(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: String]? {
            let rc = run(bytes)
            guard rc > 0 else { return nil }
            guard let data, let ovector = pcre2_get_ovector_pointer_8(data) else { return nil }
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
            for (name, number) in compiled?.names ?? [] {
                if let value = group(number) { result[name] = value }
            }
            return result
        }

        /// The byte range of the whole match of the last successful `captures` or `matches` call on these bytes.
        public var lastMatch: Range<Int>? {
            guard let data, let ovector = pcre2_get_ovector_pointer_8(data) else { return nil }
            let start = ovector[0]
            let end = ovector[1]
            guard start <= end, end < Int.max else { return nil }
            return start..<end
        }
    }
}
