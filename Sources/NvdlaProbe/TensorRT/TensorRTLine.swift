/// One line of a TensorRT log with its prefixes taken off: severity, whether TensorRT's own tag was there, message.
///
/// Reads every prefix form TensorRT 7.x–10.x and its callers print: trtexec's `[08/17/2023-14:54:41] [I] [TRT] …`
/// and `[E] …`; the Python logger's `[12/04/2024-11:57:45] [TRT] [W] …` and TensorRT 7's `[TensorRT] WARNING: …`;
/// the C++ samples' `WARNING: …`; DeepStream's `WARNING: [TRT]: …`; ONNX Runtime's TensorRT provider `[W:onnxruntime:Default, …] [2024-01-01 10:00:00
/// WARNING] …`; and markdown quote marks (`> `) around any of them.
public struct TensorRTLine: Sendable, Equatable {
    /// `V`, `I`, `W`, `E` or `F` (verbose, info, warning, error, fatal/internal error); nil when the line has none.
    public let severity: Character?
    /// The line carried a TensorRT tag (`[TRT]`, `[TensorRT]`) or a trtexec severity bracket.
    public let tagged: Bool
    /// The text after the prefixes, trimmed.
    public let message: Substring

    /// Takes the prefixes off `line`.
    public static func parse(_ line: String) -> TensorRTLine {
        var rest = line[...].drop { $0 == " " || $0 == "\t" || $0 == ">" }
        var severity: Character?
        var tagged = false
        for _ in 0..<5 {
            if rest.first == "[", let close = rest.firstIndex(of: "]") {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                if let level = level(of: inner) {
                    severity = severity ?? level
                    tagged = true
                } else if inner == "TRT" || inner == "TensorRT" {
                    tagged = true
                } else if inner.first?.isNumber == true || inner.contains(":onnxruntime") {
                    // a timestamp, or ONNX Runtime's `[W:onnxruntime:Default, file.h:83 log]` and `[date WARNING]`
                    if let word = inner.split(separator: " ").last, let level = word.first, word.count >= 4,
                        ["VERBOSE", "INFO", "WARNING", "ERROR"].contains(String(word))
                    {
                        severity = severity ?? level
                    } else if inner.hasPrefix("W:") || inner.hasPrefix("E:") || inner.hasPrefix("I:") {
                        severity = severity ?? inner.first
                    }
                } else {
                    break
                }
                // DeepStream's `WARNING: [TRT]: …` puts a colon after the tag.
                rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == ":" }
                continue
            }
            if let (level, length) = wordLevel(rest) {
                severity = severity ?? level
                rest = rest.dropFirst(length).drop { $0 == " " }
                continue
            }
            break
        }
        while let last = rest.last, last == " " || last == "\t" || last == "\r" { rest = rest.dropLast() }
        return TensorRTLine(severity: severity, tagged: tagged, message: rest)
    }

    /// `V`/`I`/`W`/`E`/`F` for a one-letter bracket.
    static func level(of inner: Substring) -> Character? {
        guard inner.count == 1, let c = inner.first, "VIWEF".contains(c) else { return nil }
        return c
    }

    /// `WARNING: `, `ERROR: `, `INFO: `, `VERBOSE: `, `INTERNAL_ERROR: ` at the start of the message.
    static func wordLevel(_ text: Substring) -> (Character, Int)? {
        for (word, level) in [
            ("WARNING: ", Character("W")), ("ERROR: ", "E"), ("INFO: ", "I"), ("VERBOSE: ", "V"),
            ("INTERNAL_ERROR: ", "F"),
        ] where text.hasPrefix(word) {
            return (level, word.count)
        }
        return nil
    }
}

extension TensorRTLine {
    /// Where the message starts in `bytes` and whether a TensorRT tag came before it: the byte-level twin of `parse`,
    /// so the bulk of a verbose log (tactic timings) is passed over without building a String.
    static func messageStart(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, tagged: Bool) {
        var i = 0
        var tagged = false
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 62 { i += 1 }
        for _ in 0..<5 {
            if i < bytes.count, bytes[i] == 91 {  // [
                var close = i + 1
                while close < bytes.count, close - i < 96, bytes[close] != 93 { close += 1 }
                guard close < bytes.count, bytes[close] == 93 else { break }
                let length = close - i - 1
                let first = length > 0 ? bytes[i + 1] : 0
                if length == 1, [86, 73, 87, 69, 70].contains(first) {  // V I W E F
                    tagged = true
                } else if (length == 3 && bytes[i + 1] == 84 && bytes[i + 2] == 82 && bytes[i + 3] == 84)  // TRT
                    || (length == 8 && LineShape.hasPrefix(bytes, at: i + 1, tensorRTTag))
                {
                    tagged = true
                } else if !(LineShape.isDigit(first) || (length > 2 && bytes[i + 2] == 58)) {  // timestamp, `W:onnx…`
                    break
                }
                i = close + 1
                while i < bytes.count, bytes[i] == 32 || bytes[i] == 58 { i += 1 }
                continue
            }
            var matched = false
            guard i < bytes.count, [87, 69, 73, 86].contains(bytes[i]) else { break }  // W E I V
            for word in levelWords where LineShape.hasPrefix(bytes, at: i, word) {
                i += word.count
                matched = true
                break
            }
            if !matched { break }
        }
        return (i, tagged)
    }

    static let tensorRTTag = Array("TensorRT".utf8)
    static let levelWords: [[UInt8]] = ["WARNING: ", "ERROR: ", "INFO: ", "VERBOSE: ", "INTERNAL_ERROR: "].map {
        Array($0.utf8)
    }
}
