/// The literals a PCRE2 pattern needs in every text it matches, read from the pattern itself: the line prefilters
/// of `analyze` are derived from the patterns they guard, never from a word list kept beside them.
///
/// Reads PCRE2 syntax as the rules and `Data/fields.yaml` write it: literal characters and escapes (`\.`, `\(`, `\t`,
/// `\x41`), classes (`[…]`, `\d`, `\w`, `.`), groups (capturing, `(?:`, `(?<name>`, `(?>`), alternation, quantifiers
/// (`?`, `*`, `+`, `{m,n}`, lazy and possessive), anchors and `\b`, lookarounds. The answer is a list of
/// conjuncts: each is a set of literals, and every match contains at least one member of every conjunct (a
/// positive lookahead's literals count: they must be in the line too). Anything not understood (backreferences,
/// `(?x)`, `\Q`, unknown escapes) is treated as matching any text, so the answer can only be weaker, never wrong.
/// An empty answer means the pattern must be tried on every line.
///
/// Caseless patterns (compiled with `PCRE2_UTF | PCRE2_CASELESS`) match ASCII letters of either case, and `k` and
/// `s` also match the Kelvin sign and the long s: their literals are lower case, cut at `k`, `s` and non-ASCII
/// bytes, for an index that folds ASCII case (`LiteralIndex(caseless: true)`).
enum RequiredLiterals {
    /// Most strings a node's exact set may hold before it is given up (cross products of small alternations).
    static let exactCap = 64

    /// What one piece of a pattern matches: its exact strings when they are few, and the conjuncts it needs.
    struct Need {
        /// Every string the piece can match, when finite and small; `[[]]` for zero-width pieces.
        var exact: [[UInt8]]?
        /// Sets of literals, one member of each in any match.
        var conjuncts: [[[UInt8]]] = []
        /// Whether every match contains one of the literals a `covers` check asks about.
        var covered = false

        static let empty = Need(exact: [[]])
        static let anything = Need(exact: nil)

        /// The conjuncts, with the exact set as one more when it has no empty string.
        var all: [[[UInt8]]] {
            guard let exact, !exact.isEmpty, !exact.contains(where: \.isEmpty) else { return conjuncts }
            return conjuncts + [exact]
        }

        /// The conjunct that filters best: longest shortest member, then fewest members.
        var best: [[UInt8]]? {
            all.max { a, b in
                let la = a.map(\.count).min() ?? 0
                let lb = b.map(\.count).min() ?? 0
                return la != lb ? la < lb : a.count > b.count
            }
        }
    }

    /// Whether every text `pattern` matches contains one of `literals` (lower case when `caseless`), ASCII case
    /// folded as the line index folds it: the check that a list of prefilter literals kept beside a pattern (a
    /// rule's `literals:`, a shape's) cannot skip a line the pattern matches. False when it cannot be shown.
    static func covers(_ pattern: String, caseless: Bool, literals: [String]) -> Bool {
        var parser = Parser(bytes: Array(pattern.utf8), caseless: caseless)
        parser.unicodeFolds = false
        parser.literals = literals.map { Array($0.utf8) }
        guard let need = parser.parse() else { return false }
        return need.covered || parser.coveredExact(need.exact)
    }

    /// The conjuncts of `pattern` that a line holding one of `literals` (compared as the index compares them) may
    /// still lack: a conjunct is dropped when every literal contains one of its members.
    static func beyond(_ literals: [String], _ pattern: String, caseless: Bool) -> [[String]] {
        let fold: (String) -> String = {
            caseless ? String(decoding: $0.utf8.map(FoldedLiterals.fold), as: UTF8.self) : $0
        }
        let known = literals.map(fold)
        return of(pattern, caseless: caseless).filter { conjunct in
            known.isEmpty || !known.allSatisfy { literal in conjunct.contains { literal.contains($0) } }
        }
    }

    /// The conjuncts of `pattern` as strings (lower case when `caseless`); empty when none can be derived.
    static func of(_ pattern: String, caseless: Bool) -> [[String]] {
        var parser = Parser(bytes: Array(pattern.utf8), caseless: caseless)
        guard let need = parser.parse() else { return [] }
        var seen = Set<[String]>()
        var out: [[String]] = []
        for conjunct in need.all {
            let words = Array(Set(conjunct.map { String(decoding: $0, as: UTF8.self) })).sorted()
            if !words.isEmpty, seen.insert(words).inserted { out.append(words) }
        }
        return out
    }

    /// The conjunct of `pattern` that filters best, or nil when it needs no literal.
    static func best(_ pattern: String, caseless: Bool) -> [String]? {
        of(pattern, caseless: caseless).max { a, b in
            let la = a.map(\.utf8.count).min() ?? 0
            let lb = b.map(\.utf8.count).min() ?? 0
            return la != lb ? la < lb : a.count > b.count
        }
    }

    static func concat(_ a: Need, _ b: Need) -> Need {
        let covered = a.covered || b.covered
        if let x = a.exact, let y = b.exact, x.count * y.count <= exactCap {
            // The parts' exact sets are in the product; keep only their other conjuncts.
            let product = x.count == 1 && y.count == 1 ? [x[0] + y[0]] : x.flatMap { p in y.map { p + $0 } }
            return Need(exact: product, conjuncts: a.conjuncts + b.conjuncts, covered: covered)
        }
        return Need(exact: nil, conjuncts: a.all + b.all, covered: covered)
    }

    static func alternate(_ branches: [Need]) -> Need {
        var exact: [[UInt8]]? = []
        for branch in branches {
            guard let e = branch.exact, let sofar = exact, sofar.count + e.count <= exactCap else {
                exact = nil
                break
            }
            exact = sofar + e
        }
        if let exact { return Need(exact: exact) }
        // Each branch gives its best conjunct; one branch without any makes the whole need nothing.
        var union: [[UInt8]] = []
        for branch in branches {
            guard let best = branch.best else { return .anything }
            union += best
        }
        return Need(exact: nil, conjuncts: [union])
    }

    struct Parser {
        let bytes: [UInt8]
        var caseless: Bool
        var i = 0
        /// Set when the pattern uses syntax this reader does not follow: then nothing is derived.
        var unsupported = false
        /// Whether caseless `k` and `s` are cut (they match the Kelvin sign and the long s); off for `covers`.
        var unicodeFolds = true
        /// The literals `covers` asks about.
        var literals: [[UInt8]] = []

        /// Whether every string of `exact` (there are some, none empty) contains one of `literals`.
        func coveredExact(_ exact: [[UInt8]]?) -> Bool {
            guard let exact, !exact.isEmpty, !literals.isEmpty else { return false }
            return exact.allSatisfy { string in
                literals.contains { literal in
                    guard !literal.isEmpty, string.count >= literal.count else { return false }
                    return (0...(string.count - literal.count)).contains {
                        string[$0..<$0 + literal.count].elementsEqual(literal)
                    }
                }
            }
        }

        func covered(_ need: Need) -> Bool { need.covered || coveredExact(need.exact) }

        init(bytes: [UInt8], caseless: Bool) {
            self.bytes = bytes
            self.caseless = caseless
            // An inline `(?i)` anywhere makes the whole pattern caseless here (a weaker prefilter, never a wrong one).
            if Self.find(bytes, Array("(?i".utf8)) { self.caseless = true }
        }

        static func find(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
            guard hay.count >= needle.count else { return false }
            for s in 0...(hay.count - needle.count) where hay[s..<s + needle.count].elementsEqual(needle) {
                return true
            }
            return false
        }

        mutating func parse() -> Need? {
            let need = alternation()
            return unsupported || i < bytes.count ? nil : need
        }

        mutating func alternation() -> Need {
            var branches = [sequence()]
            while i < bytes.count, bytes[i] == 124 {  // |
                i += 1
                branches.append(sequence())
            }
            guard branches.count > 1 else { return branches[0] }
            var need = RequiredLiterals.alternate(branches)
            need.covered = branches.allSatisfy(covered)
            return need
        }

        /// Atoms in a row: runs of exact atoms are joined into longer literals; the rest add their conjuncts.
        mutating func sequence() -> Need {
            var parts: [Need] = []
            var run = Need.empty
            while i < bytes.count, bytes[i] != 124, bytes[i] != 41 {  // | )
                let atom = quantified(atom())
                // One string followed by one string: append in place (the common case, a run of characters).
                if let e = atom.exact, e.count == 1, atom.conjuncts.isEmpty, !atom.covered, run.exact?.count == 1 {
                    run.exact?[0] += e[0]
                    continue
                }
                if atom.exact != nil {
                    let joined = RequiredLiterals.concat(run, atom)
                    if joined.exact != nil {
                        run = joined
                    } else {
                        parts.append(run)
                        run = atom
                    }
                } else {
                    parts.append(run)
                    parts.append(atom)
                    run = .empty
                }
            }
            parts.append(run)
            let kept = parts.filter { $0.exact != [[]] || !$0.conjuncts.isEmpty }
            if kept.isEmpty { return .empty }
            if kept.count == 1 { return kept[0] }
            return Need(exact: nil, conjuncts: kept.flatMap(\.all), covered: kept.contains(where: covered))
        }

        /// A literal byte as the index compares it; nil when a caseless match could see another byte there.
        func literal(_ b: UInt8) -> Need {
            guard caseless else { return Need(exact: [[b]]) }
            if b >= 0x80 { return .anything }
            let lower = b >= 65 && b <= 90 ? b | 0x20 : b
            // k, s: the Kelvin sign and the long s fold to them.
            if unicodeFolds, lower == 107 || lower == 115 { return .anything }
            return Need(exact: [[lower]])
        }

        mutating func quantified(_ atom: Need) -> Need {
            guard i < bytes.count else { return atom }
            var minimum = 1
            var maximum: Int? = 1
            switch bytes[i] {
            case 63:  // ?
                (minimum, maximum) = (0, 1)
                i += 1
            case 42:  // *
                (minimum, maximum) = (0, nil)
                i += 1
            case 43:  // +
                (minimum, maximum) = (1, nil)
                i += 1
            case 123:  // {m}, {m,}, {m,n}
                guard let (m, n, end) = braces(at: i) else { return atom }
                (minimum, maximum) = (m, n)
                i = end
            default:
                return atom
            }
            if i < bytes.count, bytes[i] == 63 || bytes[i] == 43 { i += 1 }  // lazy, possessive
            if minimum == 0 {
                // `x?` of a few strings is those strings or nothing (`set(?:Default)?DeviceType`).
                if maximum == 1, let exact = atom.exact, atom.conjuncts.isEmpty, exact.count < exactCap {
                    return Need(exact: exact + [[]])
                }
                return maximum == 0 ? .empty : .anything
            }
            if minimum == 1, maximum == 1 { return atom }
            return Need(exact: nil, conjuncts: atom.all, covered: covered(atom))
        }

        /// `{m}`, `{m,}` or `{m,n}` at `start`: bounds and the index after; nil when it is a literal brace.
        func braces(at start: Int) -> (Int, Int?, Int)? {
            var j = start + 1
            guard let m = number(&j), j < bytes.count else { return nil }
            if bytes[j] == 125 { return (m, m, j + 1) }
            guard bytes[j] == 44 else { return nil }
            j += 1
            let n = number(&j)
            guard j < bytes.count, bytes[j] == 125 else { return nil }
            return (m, n, j + 1)
        }

        /// The decimal number at `j`, which moves past it; nil (and `j` unmoved) without a digit.
        func number(_ j: inout Int) -> Int? {
            var value = 0
            let start = j
            while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 {
                value = value * 10 + Int(bytes[j] - 48)
                j += 1
            }
            return j > start ? value : nil
        }

        mutating func atom() -> Need {
            let b = bytes[i]
            switch b {
            case 40:  // (
                return group()
            case 91:  // [
                return characterClass()
            case 46:  // .
                i += 1
                return .anything
            case 94, 36:  // ^ $
                i += 1
                return .empty
            case 92:  // \
                return escape()
            case 41:  // ) without an opening: not ours
                unsupported = true
                i += 1
                return .anything
            default:
                // A whole UTF-8 character: its bytes are literal together.
                var end = i + 1
                if b >= 0xC0 { while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 } }
                var need = Need.empty
                for k in i..<end { need = RequiredLiterals.concat(need, literal(bytes[k])) }
                i = end
                return need
            }
        }

        mutating func escape() -> Need {
            guard i + 1 < bytes.count else {
                unsupported = true
                i += 1
                return .anything
            }
            let c = bytes[i + 1]
            i += 2
            switch c {
            case 98, 66, 65, 122, 90, 71:  // \b \B \A \z \Z \G
                return .empty
            // \d \D \w \W \s \S \h \H \v \V \R \N \X \C
            case 100, 68, 119, 87, 115, 83, 104, 72, 118, 86, 82, 78, 88, 67:
                return .anything
            case 116: return literal(9)  // \t
            case 110: return literal(10)  // \n
            case 114: return literal(13)  // \r
            case 102: return literal(12)  // \f
            case 101: return literal(27)  // \e
            case 120:  // \xhh
                guard i + 1 < bytes.count, let hi = hex(bytes[i]), let lo = hex(bytes[i + 1]) else {
                    unsupported = true
                    return .anything
                }
                i += 2
                let value = hi << 4 | lo
                return value < 0x80 ? literal(value) : .anything
            default:
                // Escaped punctuation is itself; letters and digits not listed (backreferences, \p, \Q, \K…) are not
                // followed.
                if (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80 {
                    unsupported = true
                    return .anything
                }
                return literal(c)
            }
        }

        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 48...57: return b - 48
            case 65...70: return b - 55
            case 97...102: return b - 87
            default: return nil
            }
        }

        /// A class of a few plain characters (`[23]`, `[ _]`, `[:=]`) is those characters; any other is any byte.
        mutating func characterClass() -> Need {
            let start = i + 1
            skipClass()
            guard !unsupported, i - 1 > start else { return .anything }
            var members: [UInt8] = []
            var k = start
            while k < i - 1 {
                var b = bytes[k]
                if b == 92 {  // an escaped punctuation character is itself
                    guard k + 1 < i - 1 else { return .anything }
                    b = bytes[k + 1]
                    let alnum = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
                    if alnum || b >= 0x80 { return .anything }
                    k += 1
                } else if b == 94 && k == start || b == 45 && k != start && k != i - 2 || b == 91 || b >= 0x80 {
                    return .anything  // negation, ranges, POSIX classes, non-ASCII
                }
                members.append(b)
                k += 1
            }
            guard members.count <= 8 else { return .anything }
            var exact: [[UInt8]] = []
            for b in members {
                guard let one = literal(b).exact else { return .anything }
                if !exact.contains(one[0]) { exact.append(one[0]) }
            }
            return Need(exact: exact)
        }

        /// Skips a character class, `]` first in it being literal, escapes and POSIX `[:name:]` included.
        mutating func skipClass() {
            i += 1
            if i < bytes.count, bytes[i] == 94 { i += 1 }
            if i < bytes.count, bytes[i] == 93 { i += 1 }
            while i < bytes.count, bytes[i] != 93 {
                if bytes[i] == 92 {
                    i += 2
                } else if bytes[i] == 91, i + 1 < bytes.count, bytes[i + 1] == 58 {
                    // [:alpha:]
                    i += 2
                    while i + 1 < bytes.count, !(bytes[i] == 58 && bytes[i + 1] == 93) { i += 1 }
                    i += 2
                } else {
                    i += 1
                }
            }
            if i >= bytes.count { unsupported = true }
            i += 1
        }

        mutating func group() -> Need {
            i += 1
            var kind = 0  // 0 plain, 1 positive lookaround, 2 negative lookaround
            if i < bytes.count, bytes[i] == 63 {  // (?
                i += 1
                guard i < bytes.count else {
                    unsupported = true
                    return .anything
                }
                switch bytes[i] {
                case 58, 62, 124:  // (?: (?> (?|
                    i += 1
                case 61:  // (?=
                    kind = 1
                    i += 1
                case 33:  // (?!
                    kind = 2
                    i += 1
                case 60:  // (?<= (?<! (?<name>
                    if i + 1 < bytes.count, bytes[i + 1] == 61 {
                        kind = 1
                        i += 2
                    } else if i + 1 < bytes.count, bytes[i + 1] == 33 {
                        kind = 2
                        i += 2
                    } else {
                        while i < bytes.count, bytes[i] != 62 { i += 1 }
                        i += 1
                    }
                case 80, 39:  // (?P<name> (?'name'
                    let close: UInt8 = bytes[i] == 39 ? 39 : 62
                    i += 1
                    while i < bytes.count, bytes[i] != close { i += 1 }
                    i += 1
                case 35:  // (?# comment)
                    while i < bytes.count, bytes[i] != 41 { i += 1 }
                    i += 1
                    return .empty
                default:
                    // Option settings: `(?i)` was seen at the start; `(?x)` and the rest are not followed.
                    var j = i
                    while j < bytes.count, (bytes[j] >= 97 && bytes[j] <= 122) || bytes[j] == 45 || bytes[j] == 94 {
                        if bytes[j] != 105 && bytes[j] != 45 { unsupported = true }
                        j += 1
                    }
                    guard j < bytes.count else {
                        unsupported = true
                        return .anything
                    }
                    if bytes[j] == 41 {
                        i = j + 1
                        return .empty
                    }
                    guard bytes[j] == 58 else {
                        unsupported = true
                        return .anything
                    }
                    i = j + 1
                }
            }
            let inner = alternation()
            guard i < bytes.count, bytes[i] == 41 else {
                unsupported = true
                return .anything
            }
            i += 1
            switch kind {
            case 1: return Need(exact: [[]], conjuncts: inner.all, covered: covered(inner))
            case 2: return .empty
            default: return inner
            }
        }
    }
}

extension RequiredLiterals {
    /// The bytes a match of an anchored pattern (`^(?:a|b…)…`) can start with, one flag per byte; nil when that
    /// cannot be read (not anchored, a first atom that may be empty, syntax not followed). Non-ASCII bytes are
    /// always allowed, and \w, \d, \s, negated classes and caseless letters are widened, so the answer is never too
    /// narrow: a line whose first byte is not in it cannot match.
    static func firstBytes(_ pattern: String, caseless: Bool) -> [Bool]? {
        let bytes = Array(pattern.utf8)
        guard bytes.first == 94, !caseless else { return nil }  // ^
        var i = 1
        guard var set = FirstBytes(bytes: bytes).alternation(&i), i == bytes.count || bytes[i] != 124 else {
            return nil
        }
        for b in 0x80...0xFF { set[b] = true }
        return set
    }

    struct FirstBytes {
        let bytes: [UInt8]

        static func range(_ lower: UInt8, _ upper: UInt8) -> [Bool] {
            (0...255).map { $0 >= Int(lower) && $0 <= Int(upper) }
        }

        static func union(_ a: [Bool], _ b: [Bool]) -> [Bool] { zip(a, b).map { $0 || $1 } }

        /// `\w`, `\d`, `\s` and their negations, widened to every non-ASCII byte.
        static func escapeClass(_ c: UInt8) -> [Bool]? {
            var set: [Bool]
            switch c {
            case 100: set = range(48, 57)  // \d
            case 119: set = union(union(range(48, 57), range(65, 90)), union(range(97, 122), range(95, 95)))  // \w
            case 115: set = union(range(9, 13), range(32, 32))  // \s
            case 68, 87, 83: set = [Bool](repeating: true, count: 256)  // \D \W \S
            default: return nil
            }
            for b in 0x80...0xFF { set[b] = true }
            return set
        }

        /// First bytes of the alternation at `i` (up to `)` or the end); nil when any branch's cannot be read.
        func alternation(_ i: inout Int) -> [Bool]? {
            var set = [Bool](repeating: false, count: 256)
            while true {
                guard let first = branch(&i) else { return nil }
                set = Self.union(set, first)
                // Skip the rest of the branch: to the next `|` at this depth or the closing `)`.
                guard skipRest(&i) else { return nil }
                if i < bytes.count, bytes[i] == 124 {
                    i += 1
                    continue
                }
                return set
            }
        }

        /// First bytes of the branch at `i`: its first atom, which must not be optional.
        func branch(_ i: inout Int) -> [Bool]? {
            guard i < bytes.count else { return nil }
            let b = bytes[i]
            var set: [Bool]
            var end = i + 1
            switch b {
            case 40:  // (
                guard i + 2 < bytes.count, bytes[i + 1] == 63 else { return nil }
                var j = i + 2
                if bytes[j] == 58 {  // (?:
                    j += 1
                } else if bytes[j] == 60, j + 1 < bytes.count, bytes[j + 1] != 61, bytes[j + 1] != 33 {  // (?<name>
                    while j < bytes.count, bytes[j] != 62 { j += 1 }
                    j += 1
                } else {
                    return nil
                }
                guard let inner = alternation(&j), j < bytes.count, bytes[j] == 41 else { return nil }
                set = inner
                end = j + 1
            case 91:  // [
                guard let (cls, after) = characterClass(i) else { return nil }
                set = cls
                end = after
            case 92:  // \
                guard i + 1 < bytes.count else { return nil }
                let c = bytes[i + 1]
                end = i + 2
                if let cls = Self.escapeClass(c) {
                    set = cls
                } else if (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80 {
                    return nil
                } else {
                    set = Self.range(c, c)
                }
            case 46, 94, 36, 41, 124, 42, 43, 63, 123:  // . ^ $ ) | * + ? {
                return nil
            default:
                set = Self.range(b, b)
            }
            // A quantifier that allows zero makes the next atom a first one too: not followed.
            if end < bytes.count, bytes[end] == 63 || bytes[end] == 42 { return nil }
            if end + 2 < bytes.count, bytes[end] == 123, bytes[end + 1] == 48 { return nil }
            i = end
            return set
        }

        /// `[…]` at `i`: its bytes (negation, ranges, \w \d \s) and the index after it; nil for other syntax.
        func characterClass(_ start: Int) -> ([Bool], Int)? {
            var i = start + 1
            var negated = false
            if i < bytes.count, bytes[i] == 94 {
                negated = true
                i += 1
            }
            var set = [Bool](repeating: false, count: 256)
            var first = true
            while i < bytes.count, bytes[i] != 93 || first {
                first = false
                var lower = bytes[i]
                if lower == 92 {
                    guard i + 1 < bytes.count else { return nil }
                    let c = bytes[i + 1]
                    if let cls = Self.escapeClass(c) {
                        set = Self.union(set, cls)
                        i += 2
                        continue
                    }
                    if (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80 { return nil }
                    lower = c
                    i += 1
                } else if lower == 91 || lower >= 0x80 {
                    return nil  // POSIX classes, non-ASCII
                }
                i += 1
                if i + 1 < bytes.count, bytes[i] == 45, bytes[i + 1] != 93 {  // a range
                    let upper = bytes[i + 1]
                    guard upper != 92, upper != 91, upper < 0x80, upper >= lower else { return nil }
                    set = Self.union(set, Self.range(lower, upper))
                    i += 2
                } else {
                    set[Int(lower)] = true
                }
            }
            guard i < bytes.count else { return nil }
            if negated { set = set.map { !$0 } }
            for b in 0x80...0xFF { set[b] = true }
            return (set, i + 1)
        }

        /// Moves `i` to the `|` or `)` that ends the current branch (groups and classes skipped); false when the
        /// pattern ends inside a group or class.
        func skipRest(_ i: inout Int) -> Bool {
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case 92:
                    i += 2
                    continue
                case 91:
                    guard let (_, after) = characterClass(i) else {
                        // A class this reader does not expand: skip it by its closing bracket.
                        var j = i + 1
                        if j < bytes.count, bytes[j] == 94 { j += 1 }
                        if j < bytes.count, bytes[j] == 93 { j += 1 }
                        while j < bytes.count, bytes[j] != 93 { j += bytes[j] == 92 ? 2 : 1 }
                        guard j < bytes.count else { return false }
                        i = j + 1
                        continue
                    }
                    i = after
                    continue
                case 40:
                    depth += 1
                case 41:
                    if depth == 0 { return true }
                    depth -= 1
                case 124:
                    if depth == 0 { return true }
                default:
                    break
                }
                i += 1
            }
            return depth == 0
        }
    }
}
