/// The command names of a PCRE2 alternation such as `cat|head|python3\.\d+|g\+\+` (`LineClassifier.commands`), as a
/// table looked up by a line's first word: the prefilter of the known-command regex (`LineClassifier.bareCommand`),
/// so prose lines, whose first word is no command, cost a short scan instead of a PCRE2 call.
///
/// Reads the alternation as `LineClassifier` writes it: literal names with `\.`, `\+` and `\-` escaped; a name with
/// any other regex construct (`python3\.\d+`) is kept as its literal start and matches every word starting with it.
/// Words are the line's first run of bytes that are not PCRE2 `\s` (space, tab, LF, VT, FF, CR), taken after their
/// last `/` (`/usr/bin/cat`, `./trtexec`), as the regex's `(?:\S*/)?` allows.
struct CommandWords: Sendable {
    /// Per first byte: the whole names, and the literal starts of the names that are patterns.
    let names: [[[UInt8]]]
    let starts: [[[UInt8]]]

    init(alternation: String) {
        var names = [[[UInt8]]](repeating: [], count: 256)
        var starts = [[[UInt8]]](repeating: [], count: 256)
        for alternative in alternation.split(separator: "|") {
            var literal: [UInt8] = []
            var whole = true
            var bytes = Array(alternative.utf8)[...]
            while let b = bytes.first {
                bytes = bytes.dropFirst()
                if b == 92, let next = bytes.first, next == 46 || next == 43 || next == 45 {  // \. \+ \-
                    literal.append(next)
                    bytes = bytes.dropFirst()
                } else if b == 92 || b == 46 || b == 43 || b == 42 || b == 63 || b == 40 || b == 91 || b == 123 {
                    whole = false  // \d . + * ? ( [ {: the rest is a pattern
                    break
                } else {
                    literal.append(b)
                }
            }
            guard let first = literal.first else {
                // A name that opens with a pattern could be any word: every first byte must reach the regex.
                for b in 0..<256 { starts[b].append([]) }
                continue
            }
            if whole { names[Int(first)].append(literal) } else { starts[Int(first)].append(literal) }
        }
        self.names = names
        self.starts = starts
    }

    /// PCRE2's `\s` without Unicode properties.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }

    /// Whether the first word of `line` (after its last `/`) is one of the names, or starts with a pattern's start.
    func matchesFirstWord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = 0
        var wordStart = 0
        while end < line.count, !Self.isSpace(line[end]) {
            if line[end] == 47 { wordStart = end + 1 }  // /
            end += 1
        }
        let count = end - wordStart
        let first = wordStart < end ? Int(line[wordStart]) : 0
        for name in names[first] where name.count == count && count > 0 {
            if equal(line, wordStart, name) { return true }
        }
        for start in starts[first] where start.count <= count {
            if start.isEmpty || equal(line, wordStart, start) { return true }
        }
        return false
    }

    private func equal(_ line: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: [UInt8]) -> Bool {
        for k in 0..<word.count where line[at + k] != word[k] { return false }
        return true
    }
}
