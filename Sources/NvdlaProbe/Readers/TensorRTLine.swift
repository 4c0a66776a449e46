/// One line of a TensorRT log with its prefixes taken off: severity, whether TensorRT's own tag was there, message.
///
/// Reads every prefix form TensorRT 7.x–10.x and its callers print: trtexec's `[08/17/2023-14:54:41] [I] [TRT] …`
/// and `[E] …`; the Python logger's `[12/04/2024-11:57:45] [TRT] [W] …` and TensorRT 7's `[TensorRT] WARNING: …`;
/// the C++ samples' `WARNING: …`; DeepStream's `WARNING: [TRT]: …`; ONNX Runtime's TensorRT provider
/// `[W:onnxruntime:Default, …] [2024-01-01 10:00:00 WARNING] …`; and markdown quote marks (`> `) around any of them.
/// One grammar over bytes serves both the hot path (`prefix`, no String built) and `parse`.
public struct TensorRTLine: Sendable, Equatable {
    /// `V`, `I`, `W`, `E` or `F` (verbose, info, warning, error, fatal/internal error); nil when the line has none.
    public let severity: Character?
    /// The line carried a TensorRT tag (`[TRT]`, `[TensorRT]`) or a trtexec severity bracket.
    public let tagged: Bool
    /// The text after the prefixes, trimmed.
    public let message: Substring

    /// What the prefixes of a line are: where the message starts, the tag, the severity byte.
    public struct Prefix: Sendable, Equatable {
        public let start: Int
        public let tagged: Bool
        public let severity: UInt8?
    }

    /// Takes the prefixes off `line`.
    public static func parse(_ line: String) -> TensorRTLine {
        let found = ReaderLex.withBytes(line) { prefix($0) }
        let utf8 = line.utf8
        let rest = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: found.start)...])
        return TensorRTLine(prefix: found, rest: rest)
    }

    /// The line whose prefixes `found` describes, from the text after them.
    init(prefix found: Prefix, rest: Substring) {
        var message = rest
        while let last = message.last, last == " " || last == "\t" || last == "\r" { message = message.dropLast() }
        self.severity = found.severity.map { Character(Unicode.Scalar($0)) }
        self.tagged = found.tagged
        self.message = message
    }

    static let levels: Set<UInt8> = [86, 73, 87, 69, 70]  // V I W E F
    static let tensorRTTag = Array("TensorRT".utf8)
    static let levelWords: [(word: [UInt8], level: UInt8)] = [
        ("WARNING: ", 87), ("ERROR: ", 69), ("INFO: ", 73), ("VERBOSE: ", 86), ("INTERNAL_ERROR: ", 70),
    ].map { (Array($0.0.utf8), $0.1) }
    static let bracketWords: [(word: [UInt8], level: UInt8)] = [
        (" WARNING", 87), (" ERROR", 69), (" INFO", 73), (" VERBOSE", 86),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Whether a prefix may open at `i` of `bytes`: a `[`, or the first two bytes of a level word (`WA`, `ER`, `IN`,
    /// `VE`: the first letter of each and the one after it in `levelWords`).
    @inline(__always)
    static func mayOpenPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        if b == 91 { return true }
        guard i + 1 < bytes.count else { return false }
        let n = bytes[i + 1]
        return (b == 87 && n == 65) || (b == 69 && n == 82) || (b == 73 && n == 78) || (b == 86 && n == 69)
    }

    /// Reads the prefixes of `bytes`: up to five bracket groups (a one-letter severity, `TRT`/`TensorRT`, a
    /// timestamp — which may end in a level word —, ONNX Runtime's `W:onnxruntime…`) and level words (`WARNING: `).
    public static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Prefix {
        var i = 0
        var tagged = false
        var severity: UInt8?
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 62 { i += 1 }
        // Most lines open with neither a bracket nor a level word's first two bytes: no prefix.
        guard i < bytes.count, Self.mayOpenPrefix(bytes, at: i) else {
            return Prefix(start: i, tagged: false, severity: nil)
        }
        for _ in 0..<5 {
            if i < bytes.count, bytes[i] == 91 {  // [
                var close = i + 1
                while close < bytes.count, close - i < 96, bytes[close] != 93 { close += 1 }
                guard close < bytes.count, bytes[close] == 93 else { break }
                let inner = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<close])
                let first = inner.first ?? 0
                if inner.count == 1, levels.contains(first) {
                    tagged = true
                    severity = severity ?? first
                } else if (inner.count == 3 && first == 84 && inner[1] == 82 && inner[2] == 84)  // TRT
                    || (inner.count == 8 && LineShape.hasPrefix(inner, at: 0, tensorRTTag))
                {
                    tagged = true
                } else if ReaderLex.isDigit(first) {  // a timestamp, possibly `[2024-01-01 10:00:00 WARNING]`
                    for (word, level) in bracketWords where inner.count >= word.count {
                        if LineShape.hasPrefix(inner, at: inner.count - word.count, word) {
                            severity = severity ?? level
                            break
                        }
                    }
                } else if inner.count > 2, inner[1] == 58, levels.contains(first) {  // `W:onnxruntime:Default, …`
                    severity = severity ?? first
                } else {
                    break
                }
                i = close + 1
                // DeepStream's `WARNING: [TRT]: …` puts a colon after the tag.
                while i < bytes.count, bytes[i] == 32 || bytes[i] == 58 { i += 1 }
                continue
            }
            guard i < bytes.count, bytes[i] == 87 || bytes[i] == 69 || bytes[i] == 73 || bytes[i] == 86,
                let (word, level) = levelWords.first(where: { LineShape.hasPrefix(bytes, at: i, $0.word) })
            else { break }
            severity = severity ?? level
            i += word.count
            while i < bytes.count, bytes[i] == 32 { i += 1 }
        }
        return Prefix(start: i, tagged: tagged, severity: severity)
    }
}
