/// Whether a line taken for output is still a person's sentence, with a machine token or two in it: "When I ran
/// our model using tensorrt's DLA0 and DLA1, … GR3D_FREQ 40% when we tested with tegrastats", "… but pre_trained.log
/// outputs that the deconv layers are running on GPU and not DLA", a sentence holding a markdown link.
///
/// `LineClassifier` keeps such lines as output, so the signals still read any error text in them; this test only lets
/// the person's own words on them (a DLA asked for, layers said to run elsewhere) be read at a person's rank. A loose
/// sentence opens with a letter, has no `Key:` in its first three tokens (`WARNING: Layer …`, `Model: …`), holds at
/// least eight plain words (letters only, punctuation around them allowed), and plain words make up at least two
/// thirds of its space-separated tokens. Log lines (`[W] [TRT] …`, timestamps, `&&&&`) do not open with a letter.
enum LooseSentence {
    static let minimumWords = 8

    static func test(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = content.first, isLetter(first) else { return false }
        var words = 0
        var tokens = 0
        var start = 0
        var i = 0
        while i <= content.count {
            if i == content.count || content[i] == 32 || content[i] == 9 {
                if i > start {
                    tokens += 1
                    switch judge(content, start, i) {
                    case .word: words += 1
                    case .key where tokens <= 3: return false
                    default: break
                    }
                }
                start = i + 1
            }
            i += 1
        }
        return words >= minimumWords && words * 3 >= tokens * 2
    }

    /// Whether the line is a person's question: it ends with `?` or the full-width `？` (tools end their questions with
    /// the answers they take, `[Y/n]`) and holds at least three plain words ("1）How do I download tensorrt 8.6.13？").
    static func isQuestion(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = content.count
        while end > 0, content[end - 1] == 32 || content[end - 1] == 9 || content[end - 1] == 13 { end -= 1 }
        let asks =
            (end >= 1 && content[end - 1] == 63)
            || (end >= 3 && content[end - 3] == 0xEF && content[end - 2] == 0xBC && content[end - 1] == 0x9F)
        guard asks else { return false }
        var words = 0
        var start = 0
        for i in 0...end where i == end || content[i] == 32 || content[i] == 9 {
            if i > start, judge(content, start, i) == .word { words += 1 }
            start = i + 1
        }
        return words >= 3
    }

    enum Token { case word, key, other }

    /// A token of letters (ASCII or not, with inner apostrophes and hyphens) between punctuation; `Key:` when it ends
    /// in a colon.
    static func judge(_ content: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Token {
        var s = start
        var e = end
        while s < e, content[s] == 40 || content[s] == 34 || content[s] == 39 || content[s] == 42 { s += 1 }  // ( " ' *
        if e > s, content[e - 1] == 58 { return .key }  // :
        while e > s, isTrailing(content[e - 1]) { e -= 1 }
        guard e > s else { return .other }
        for k in s..<e {
            let b = content[k]
            if !(isLetter(b) || b >= 0x80 || ((b == 39 || b == 45) && k > s)) { return .other }
        }
        return .word
    }

    /// `, . ; ! ? ) " ' *`, taken off a token's end (compared one by one: an array literal here cost an allocation a
    /// token).
    @inline(__always)
    static func isTrailing(_ b: UInt8) -> Bool {
        b == 44 || b == 46 || b == 59 || b == 33 || b == 63 || b == 41 || b == 34 || b == 39 || b == 42
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
}
