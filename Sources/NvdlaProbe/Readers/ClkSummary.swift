/// Parses debugfs `clk/clk_summary` (`/sys/kernel/debug/clk/clk_summary`): the common-clock-framework tree.
///
/// Header lines come first (`enable  prepare  protect …` / `clock  count  count  count  rate  [req_rate]
/// accuracy phase  cycle  [enable]`), then a dashed rule, then one row per clock:
/// `   dla0_core     1  1  0  1369600000  1369600000  0  0  50000  Y`. Rows are read as whitespace columns
/// with the name first; the header decides whether `protect` and `req_rate` columns exist (without a header,
/// eight numbers mean `req_rate` is present). Columns after `accuracy` (phase, duty) are aligned from the
/// right, so a row missing one of them keeps its duty cycle. Indentation gives the tree depth (three spaces
/// per level). Works on UTF-8 bytes; 10 000+ rows parse in milliseconds.
public struct ClkSummary: Sendable, Equatable {
    /// Raw UTF-8 bytes of the text being scanned.
    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// One `clk_summary` clock row.
    public struct Clock: Sendable, Equatable {
        /// The clock name, e.g. `dla0_core`.
        public let name: String
        /// Tree depth from the indentation (0 = root).
        public let depth: Int
        /// The name of the nearest shallower row above (the parent clock).
        public let parent: String?
        /// `enable count`.
        public let enableCount: Int?
        /// `prepare count`.
        public let prepareCount: Int?
        /// `protect count` (absent on kernels before 4.18).
        public let protectCount: Int?
        /// Current rate in Hz.
        public let rate: UInt64?
        /// Requested rate in Hz (`req_rate`, only on kernels that print it).
        public let requestedRate: UInt64?
        /// Accuracy in ppb.
        public let accuracy: UInt64?
        /// Phase in degrees; `nil` for `-----` (unknown) or when absent.
        public let phase: Int?
        /// Duty cycle scaled by 100000 (50000 = 50 %).
        public let dutyCycle: Int?
        /// The `hardware enable` column (`Y`/`N`); `nil` for `?` or when absent.
        public let hardwareEnabled: Bool?
    }

    /// Whether the header announced a `req_rate` column (without a header: whether a row had eight numbers).
    public let hasRequestedRateColumn: Bool
    /// Clock rows in file order (a pre-order walk of the tree).
    public let clocks: [Clock]
    /// 1-based numbers of lines after the header that looked like rows but could not be parsed.
    public let malformedLines: [Int]

    /// The first `clk_summary` clock with that name.
    public func clock(named name: String) -> Clock? {
        clocks.first { $0.name == name }
    }

    /// Parses `clk_summary` text; never fails.
    public static func parse(_ text: String) -> ClkSummary {
        ReaderLex.withBytes(text) { parse(bytes: $0) }
    }

    /// Parses raw `clk_summary` bytes; never fails.
    public static func parse(_ bytes: [UInt8]) -> ClkSummary {
        bytes.withUnsafeBufferPointer { parse(bytes: $0) }
    }

    /// Which `clk_summary` columns a kernel prints, as announced by the header.
    private struct Schema {
        var countColumns = 3
        var hasRequestedRate = false
        var hasAccuracy = true
        var hasPhase = true
        var hasDuty = true
    }

    /// One numeric `clk_summary` column.
    private enum Column {
        case enable, prepare, protect, rate, requestedRate, accuracy, phase, duty
    }

    /// Scans `clk_summary` bytes line by line without building intermediate strings.
    private static func parse(bytes: Bytes) -> ClkSummary {
        var clocks: [Clock] = []
        var malformed: [Int] = []
        var headerWords: Set<String> = []
        var schema: Schema?
        var baseIndent: Int?
        var stack: [(depth: Int, name: String)] = []
        var inferredRequestedRate = false
        var tokens: [Range<Int>] = []
        tokens.reserveCapacity(16)
        var lineNumber = 0
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            tokens.removeAll(keepingCapacity: true)
            var index = lineStart
            var indent = 0
            while index < lineEnd, bytes[index] == 0x20 {
                indent += 1
                index += 1
            }
            while index < lineEnd {
                while index < lineEnd, ReaderLex.isSpace(bytes[index]) { index += 1 }
                if index >= lineEnd { break }
                let start = index
                while index < lineEnd, !ReaderLex.isSpace(bytes[index]) { index += 1 }
                tokens.append(start..<index)
            }
            guard let first = tokens.first else { continue }
            if tokens.count == 1, isDashes(bytes, first) {
                if schema == nil { schema = makeSchema(headerWords) }
                continue
            }
            let isRow = tokens.count >= 2 && startsNumeric(bytes, tokens[1])
            if !isRow {
                if clocks.isEmpty && malformed.isEmpty {
                    for token in tokens { headerWords.insert(ReaderLex.string(bytes, token)) }
                }
                continue  // header text, or a per-consumer line of newer kernels
            }
            if schema == nil, !headerWords.isEmpty { schema = makeSchema(headerWords) }
            let active = schema ?? inferredSchema(bytes: bytes, tokens: tokens)
            if schema == nil, active.hasRequestedRate { inferredRequestedRate = true }
            let parsed = row(
                bytes, tokens, indent: indent, baseIndent: &baseIndent, schema: active, stack: &stack)
            guard let clock = parsed else {
                malformed.append(lineNumber)
                continue
            }
            clocks.append(clock)
        }
        let headerSchema = schema ?? (headerWords.isEmpty ? nil : makeSchema(headerWords))
        return ClkSummary(
            hasRequestedRateColumn: headerSchema?.hasRequestedRate ?? inferredRequestedRate, clocks: clocks,
            malformedLines: malformed)
    }

    /// Derives the `clk_summary` column layout from the header words (defaults when there is no header).
    private static func makeSchema(_ words: Set<String>) -> Schema {
        var schema = Schema()
        guard !words.isEmpty else { return schema }
        schema.countColumns = words.contains("protect") ? 3 : 2
        schema.hasRequestedRate = words.contains("req_rate")
        schema.hasAccuracy = words.contains("accuracy")
        schema.hasPhase = words.contains("phase")
        schema.hasDuty = words.contains("duty") || words.contains("cycle")
        return schema
    }

    /// Without any header: eight numbers (besides the hardware flag) mean `req_rate` is present.
    private static func inferredSchema(bytes: Bytes, tokens: [Range<Int>]) -> Schema {
        var schema = Schema()
        var numbers = tokens.count - 1
        if let last = tokens.last, isHardwareFlag(bytes, last) { numbers -= 1 }
        schema.hasRequestedRate = numbers >= 8
        return schema
    }

    /// Parses one `clk_summary` clock row; `nil` when a required column is missing or not a number.
    private static func row(
        _ bytes: Bytes, _ tokens: [Range<Int>], indent: Int, baseIndent: inout Int?,
        schema: Schema, stack: inout [(depth: Int, name: String)]
    ) -> Clock? {
        var values = tokens[1...]
        var hardware: Bool?
        if let last = values.last, isHardwareFlag(bytes, last) {
            let flag = bytes[last.lowerBound]
            hardware = flag == 0x59 ? true : (flag == 0x4E ? false : nil)
            values = values.dropLast()
        }
        var head: [Column] = [.enable, .prepare]
        if schema.countColumns >= 3 { head.append(.protect) }
        head.append(.rate)
        if schema.hasRequestedRate { head.append(.requestedRate) }
        if schema.hasAccuracy { head.append(.accuracy) }
        var tail: [Column] = []
        if schema.hasPhase { tail.append(.phase) }
        if schema.hasDuty { tail.append(.duty) }
        guard values.count >= schema.countColumns + 1 else { return nil }
        var assignment: [(Column, Range<Int>)] = []
        var cursor = values.startIndex
        for column in head where cursor < values.endIndex {
            assignment.append((column, values[cursor]))
            cursor += 1
        }
        let remaining = values[cursor...]
        let tailColumns = tail.suffix(remaining.count)
        for (column, token) in zip(tailColumns, remaining) { assignment.append((column, token)) }

        var enable: Int?, prepare: Int?, protect: Int?, phase: Int?, duty: Int?
        var rate: UInt64?, requested: UInt64?, accuracy: UInt64?
        for (column, token) in assignment {
            switch column {
            case .enable, .prepare, .protect, .duty:
                guard let value = signed(bytes, token) else { return nil }
                switch column {
                case .enable: enable = value
                case .prepare: prepare = value
                case .protect: protect = value
                default: duty = value
                }
            case .rate, .requestedRate, .accuracy:
                guard let value = unsigned(bytes, token) else { return nil }
                switch column {
                case .rate: rate = value
                case .requestedRate: requested = value
                default: accuracy = value
                }
            case .phase:
                if isDashes(bytes, token) { continue }
                guard let value = signed(bytes, token) else { return nil }
                phase = value
            }
        }
        let base = baseIndent ?? indent
        baseIndent = base
        let depth = max(0, indent - base + 1) / 3
        let name = ReaderLex.string(bytes, tokens[0])
        while let top = stack.last, top.depth >= depth { stack.removeLast() }
        let parent = stack.last?.name
        stack.append((depth, name))
        return Clock(
            name: name, depth: depth, parent: parent, enableCount: enable, prepareCount: prepare,
            protectCount: protect, rate: rate, requestedRate: requested, accuracy: accuracy, phase: phase,
            dutyCycle: duty, hardwareEnabled: hardware)
    }

    /// Whether a token is a run of dashes (the header rule, or an unknown `-----` phase).
    private static func isDashes(_ bytes: Bytes, _ token: Range<Int>) -> Bool {
        token.count >= 3 && token.allSatisfy { bytes[$0] == 0x2D }
    }

    /// Whether a token is the `hardware enable` flag `Y`, `N` or `?`.
    private static func isHardwareFlag(_ bytes: Bytes, _ token: Range<Int>) -> Bool {
        guard token.count == 1 else { return false }
        let byte = bytes[token.lowerBound]
        return byte == 0x59 || byte == 0x4E || byte == 0x3F
    }

    /// Whether a token starts like a number (a digit, or `-` and a digit).
    private static func startsNumeric(_ bytes: Bytes, _ token: Range<Int>) -> Bool {
        let first = bytes[token.lowerBound]
        if ReaderLex.isDigit(first) { return true }
        return first == 0x2D && token.count > 1 && ReaderLex.isDigit(bytes[token.lowerBound + 1])
    }

    /// Reads a `%lu` column as `UInt64`; `nil` on junk or overflow.
    private static func unsigned(_ bytes: Bytes, _ token: Range<Int>) -> UInt64? {
        guard !token.isEmpty, token.count <= 20 else { return nil }
        var value: UInt64 = 0
        for index in token {
            let byte = bytes[index]
            guard ReaderLex.isDigit(byte) else { return nil }
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(UInt64(byte &- 0x30))
            if overflowA || overflowB { return nil }
            value = sum
        }
        return value
    }

    /// Reads a `%d` column as `Int`; `nil` on junk or overflow.
    private static func signed(_ bytes: Bytes, _ token: Range<Int>) -> Int? {
        guard !token.isEmpty else { return nil }
        let negative = bytes[token.lowerBound] == 0x2D
        let digits = negative ? (token.lowerBound + 1)..<token.upperBound : token
        guard let magnitude = unsigned(bytes, digits), let value = Int(exactly: magnitude) else { return nil }
        return negative ? -value : value
    }
}
