/// The prose test of `LineClassifier`: whether a line's bytes are a human sentence, in one pass over them.
///
/// A line is split into tokens at spaces and tabs; an inline code span (`` `…` ``) is one token. Each byte's class
/// comes from one table (`ProseByte`), and a token's class counts are gathered as its bytes go by, so a token is
/// judged without a second look at its bytes (only its leading and trailing punctuation are read again).
extension LineClassifier {
    /// Byte classes of the prose test.
    enum ProseByte {
        static let letter: UInt8 = 0
        static let nonASCII: UInt8 = 1
        static let digit: UInt8 = 2
        /// Apostrophes and hyphens inside words.
        static let ignored: UInt8 = 3
        /// `. , : + % & ! ? ; " * ~`: allowed, but a token holding one is not a plain word.
        static let other: UInt8 = 4
        /// `_ / = ( ) [ ] { } < > \ @ $ | #`, control bytes: machine text.
        static let machine: UInt8 = 5
        static let space: UInt8 = 6
        static let backtick: UInt8 = 7

        static let table: [UInt8] = (0...255).map { b -> UInt8 in
            switch b {
            case 65...90, 97...122: return letter
            case 0x80...0xFF: return nonASCII
            case 48...57: return digit
            case 39, 45: return ignored
            case 46, 44, 58, 43, 37, 38, 33, 63, 59, 34, 42, 126: return other
            case 32, 9: return space
            case 96: return backtick
            default: return machine
            }
        }
    }

    /// Class counts of one token's bytes.
    struct TokenCounts {
        var letters = 0
        var nonASCII = 0
        var digits = 0
        var other = 0
        var machine = 0

        @inline(__always)
        mutating func add(_ c: UInt8, _ n: Int) {
            switch c {
            case ProseByte.letter: letters += n
            case ProseByte.nonASCII: nonASCII += n
            case ProseByte.digit: digits += n
            case ProseByte.other: other += n
            case ProseByte.machine: machine += n
            default: break
            }
        }
    }

    /// What the tokens of a line added up to.
    struct ProseTally {
        var words = 0
        var soft = 0
        var tokens = 0
        var nonASCII = 0
        var spans = 0
        var tokenIndex = 0

        /// Judges the token `content[start..<end]` with the class counts of its bytes: false when it is machine text.
        /// Leading `("'*` and trailing `,.;:!?)"'*` are punctuation, not part of the word; a `Key:` among the first
        /// three tokens makes the line a field, not a sentence.
        @inline(__always)
        mutating func judge(
            _ content: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ counts: TokenCounts,
            _ classes: UnsafeBufferPointer<UInt8>
        ) -> Bool {
            var counts = counts
            var s = start
            var e = end
            while s < e, content[s] == 40 || content[s] == 34 || content[s] == 39 || content[s] == 42 {
                counts.add(classes[Int(content[s])], -1)
                s += 1
            }
            var colon = false
            while e > s {
                let b = content[e - 1]
                if b == 44 || b == 46 || b == 59 || b == 58 || b == 33 || b == 63 || b == 41 || b == 34 || b == 39
                    || b == 42
                {
                    if b == 58 { colon = true }
                    counts.add(classes[Int(b)], -1)
                    e -= 1
                } else {
                    break
                }
            }
            tokens += 1
            tokenIndex += 1
            if colon && tokenIndex <= 3 && e - s > 0 { return false }
            guard e > s else { return true }
            if counts.machine > 0 { return false }
            nonASCII += counts.nonASCII
            // Only a token with a dot can end in `.so`.
            if counts.other > 0, let so = LineClassifier.soSuffix(content, s, e), so { return false }
            if counts.letters + counts.nonASCII > 0 && counts.digits == 0 && counts.other == 0 {
                words += 1
            } else {
                soft += 1
            }
            return true
        }
    }

    /// Whether `content` is a human sentence: at least three words (or a run of non-ASCII text), at most a fifth of
    /// them numbers, versions, mixed tokens or `inline code` spans, none of them machine tokens
    /// (`_ / = :: ( ) [ ] { } < > \ @ $ | #` or a `.so`), and no `Key:` in front (`Model: NVIDIA Jetson …` is a field).
    static func isProse(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        ProseByte.table.withUnsafeBufferPointer { isProse(content, classes: $0) }
    }

    private static func isProse(_ content: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        // Markdown bullets and numbering.
        if content.count > 2, content[0] == 45 || content[0] == 42 || content[0] == 43, content[1] == 32 { i = 2 }
        var tally = ProseTally()
        var counts = TokenCounts()
        var tokenStart = i
        while i < content.count {
            let c = classes[Int(content[i])]
            if c < ProseByte.space {
                counts.add(c, 1)
                i += 1
                continue
            }
            if i > tokenStart, !tally.judge(content, tokenStart, i, counts, classes) { return false }
            counts = TokenCounts()
            if c == ProseByte.backtick {
                // An inline code span counts as one token; one left open is machine text.
                var close = i + 1
                while close < content.count, content[close] != 96 { close += 1 }
                guard close < content.count else { return false }
                tally.tokens += 1
                tally.tokenIndex += 1
                tally.spans += 1
                i = close + 1
                tokenStart = i
                continue
            }
            tokenStart = i + 1
            i += 1
        }
        if content.count > tokenStart, !tally.judge(content, tokenStart, content.count, counts, classes) {
            return false
        }
        // Inline code spans are quoted machine text inside the sentence: as many as its words are allowed.
        if tally.tokens >= 3 {
            return tally.words >= 2 && tally.spans <= tally.words && tally.soft * 5 <= tally.tokens - tally.spans
        }
        return tally.nonASCII >= 12 && tally.nonASCII * 2 >= content.count
    }
}
