import CLinux

/// The prose test of `LineClassifier`: whether a line's bytes are a human sentence, in one pass over them.
///
/// A line is split into tokens at spaces and tabs; an inline code span (`` `…` ``) is one token. Each byte's class
/// comes from one table (`ProseByte`), and a token's class bits are gathered as its bytes go by, so a token is judged
/// without a second look at its bytes (unless punctuation is taken off its ends).
extension LineClassifier {
    /// Byte classes of the prose test, as bits: a token's bytes are OR-ed into one flag word.
    enum ProseByte {
        static let letter: UInt8 = 1
        static let nonASCII: UInt8 = 2
        static let digit: UInt8 = 4
        /// `. , : + % & ! ? ; " * ~`: allowed, but a token holding one is not a plain word.
        static let other: UInt8 = 8
        /// `( )`: machine text unless taken off a token's end as punctuation.
        static let paren: UInt8 = 16
        /// Set with `other` on `%` and with `nonASCII` on the first byte of `❯`/`➜` (0xE2): the two bytes of
        /// `LineCensus`'s classes the test does not stop at, so a sentence it takes tells whether its census is empty
        /// (`LineCensus.ofProse`) without a second walk. Never taken off a token's ends, so always judged.
        static let census: UInt8 = 32
        /// `_ / = [ ] { } < > \ @ $ | #`, control bytes: machine text. No token ends without it (only `( ) " ' *`
        /// and trailing `, . ; : ! ?` are taken off a token's ends), so the line is not prose as soon as one is read.
        /// The classes from here on are values, not bits: `machine`, `space`, `backtick`.
        static let machine: UInt8 = 64
        /// Separators: space and tab.
        static let space: UInt8 = 128
        static let backtick: UInt8 = 192

        /// Per byte its class bit; apostrophes and hyphens inside words are 0 (no class).
        static let table: [UInt8] = (0...255).map { b -> UInt8 in
            switch b {
            case 65...90, 97...122: return letter
            case 0xE2: return nonASCII | census
            case 0x80...0xFF: return nonASCII
            case 48...57: return digit
            case 39, 45: return 0
            case 37: return other | census
            case 46, 44, 58, 43, 38, 33, 63, 59, 34, 42, 126: return other
            case 40, 41: return paren
            case 32, 9: return space
            case 96: return backtick
            default: return machine
            }
        }
    }

    /// What the tokens of a line added up to.
    struct ProseTally {
        var words = 0
        var soft = 0
        var tokens = 0
        var spans = 0
        var tokenIndex = 0
        /// The `census` bits of the tokens judged.
        var census: UInt8 = 0

        /// Judges the token `content[start..<end]` whose bytes' class bits are `flags`: false when it is machine text.
        /// Leading `("'*` and trailing `,.;:!?)"'*` are punctuation, not part of the word (the flags are read again
        /// without them); a `Key:` among the first three tokens makes the line a field, not a sentence.
        @inline(__always)
        mutating func judge(
            _ content: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, flags: UInt8,
            _ classes: UnsafeBufferPointer<UInt8>
        ) -> Bool {
            // Most tokens are plain words: letters (and inner `'`/`-`) between letters, nothing to take off.
            if flags == ProseByte.letter, classes[Int(content[start])] == ProseByte.letter,
                classes[Int(content[end - 1])] == ProseByte.letter
            {
                tokens += 1
                tokenIndex += 1
                words += 1
                return true
            }
            census |= flags
            var s = start
            var e = end
            while s < e, content[s] == 40 || content[s] == 34 || content[s] == 39 || content[s] == 42 { s += 1 }
            var colon = false
            while e > s {
                let b = content[e - 1]
                if b == 44 || b == 46 || b == 59 || b == 58 || b == 33 || b == 63 || b == 41 || b == 34 || b == 39
                    || b == 42
                {
                    if b == 58 { colon = true }
                    e -= 1
                } else {
                    break
                }
            }
            tokens += 1
            tokenIndex += 1
            if colon && tokenIndex <= 3 && e - s > 0 { return false }
            guard e > s else { return true }
            var flags = flags
            if s != start || e != end {
                flags = 0
                for k in s..<e { flags |= classes[Int(content[k])] }
            }
            if flags & (ProseByte.machine | ProseByte.paren) != 0 { return false }
            // Only a token with a dot can end in `.so`.
            if flags & ProseByte.other != 0, let so = LineClassifier.soSuffix(content, s, e), so { return false }
            if flags & (ProseByte.letter | ProseByte.nonASCII) != 0 && flags & (ProseByte.digit | ProseByte.other) == 0
            {
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
        ProseByte.table.withUnsafeBufferPointer { proseTest(content, classes: $0).prose }
    }

    /// The prose test's answer, whether it read an inline code span (whose bytes it does not classify), and whether
    /// it read a `%` or a first byte of `❯`/`➜` (`ProseByte.census`; meaningful when it took the line without spans:
    /// then it read every byte of the content).
    static func proseTest(_ content: UnsafeBufferPointer<UInt8>) -> (prose: Bool, spans: Bool, census: Bool) {
        ProseByte.table.withUnsafeBufferPointer { proseTest(content, classes: $0) }
    }

    /// The prose test with the class table `classes` (`ProseByte.table`) given by its caller.
    ///
    /// The bytes are first read 16 at a time in C (`nvdla_prose_scan`: SSE2 or NEON compares into masks), which
    /// answers at once for a machine byte and counts a line whose every token is a word, a word with trailing
    /// `, . ; : ! ?`, or a number. Other lines (a backtick, a token of another form, more than 1 024 bytes) and
    /// lines of fewer than three tokens go to the byte-by-byte test, `proseTestByBytes`, whose answer this always is.
    static func proseTest(
        _ content: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>
    ) -> (prose: Bool, spans: Bool, census: Bool) {
        guard let base = content.baseAddress else { return proseTestByBytes(content, classes: classes) }
        // Markdown bullets and numbering, as below.
        var first = 0
        if content.count > 2, content[0] == 45 || content[0] == 42 || content[0] == 43, content[1] == 32 { first = 2 }
        let answer = nvdla_prose_scan(base + first, content.count - first)
        // A machine byte before any code span: not prose, whatever the tokens before it were.
        if answer & 255 == UInt64(NVDLA_PROSE_MACHINE) { return (false, false, true) }
        let tokens = Int(truncatingIfNeeded: answer >> 8 & 0xFF_FFFF)
        guard answer & 255 == UInt64(NVDLA_PROSE_COUNTED), tokens >= 3 else {
            return proseTestByBytes(content, classes: classes)
        }
        // Every token a word or a number: no span, no `%` or `❯`/`➜`, and the numbers are the soft tokens.
        let numbers = Int(truncatingIfNeeded: answer >> 32)
        return (tokens - numbers >= 2 && numbers * 5 <= tokens, false, false)
    }

    /// The prose test one byte at a time: the reference for `proseTest`, and its answer on the lines the vector scan
    /// leaves undecided.
    static func proseTestByBytes(
        _ content: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>
    ) -> (prose: Bool, spans: Bool, census: Bool) {
        var i = 0
        // Markdown bullets and numbering.
        if content.count > 2, content[0] == 45 || content[0] == 42 || content[0] == 43, content[1] == 32 { i = 2 }
        var tally = ProseTally()
        var flags: UInt8 = 0
        var tokenStart = i
        while i < content.count {
            let c = classes[Int(content[i])]
            if c < ProseByte.machine {
                flags |= c
                i += 1
                continue
            }
            if c == ProseByte.machine { return (false, tally.spans > 0, true) }
            if i > tokenStart, !tally.judge(content, tokenStart, i, flags: flags, classes) {
                return (false, tally.spans > 0, true)
            }
            flags = 0
            if c == ProseByte.backtick {
                // An inline code span counts as one token; one left open is machine text.
                var close = i + 1
                while close < content.count, content[close] != 96 { close += 1 }
                guard close < content.count else { return (false, true, true) }
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
        let spans = tally.spans > 0
        if content.count > tokenStart, !tally.judge(content, tokenStart, content.count, flags: flags, classes) {
            return (false, spans, true)
        }
        let census = tally.census & ProseByte.census != 0
        // Inline code spans are quoted machine text inside the sentence: as many as its words are allowed.
        if tally.tokens >= 3 {
            return (
                tally.words >= 2 && tally.spans <= tally.words && tally.soft * 5 <= tally.tokens - tally.spans, spans,
                census
            )
        }
        // Fewer than three tokens: a run of non-ASCII text (bytes outside the code spans, all of which closed).
        var nonASCII = 0
        var inSpan = false
        for b in content {
            if b == 96 { inSpan.toggle() } else if !inSpan, b >= 0x80 { nonASCII += 1 }
        }
        return (nonASCII >= 12 && nonASCII * 2 >= content.count, spans, census)
    }
}
