/// Reads version and identity values from classified lines with the shapes of `Data/fields.yaml`.
///
/// Per line: one caseless literal scan (`LiteralIndex`) that says which fields and shapes can match, PCRE2 only for
/// those; a line without any of their literals costs that scan alone. Prompt lines open a section (`$ cat
/// /proc/device-tree/model`) whose bare output value is read by the section's kind. Values go to an `IdentityEvidence` with their rank; nothing here sets a fact.
final class FieldExtractor {
    let table: FieldTable
    let fieldMatchers: [Regex2.Matcher]
    let shapeMatchers: [Regex2.Matcher]
    let commandMatchers: [Regex2.Matcher]
    let sectionValueMatchers: [Regex2.Matcher?]
    let packageMatchers: [Regex2.Matcher]
    /// The literals of the fields and shapes (groups `0..<matcherCount`, as in `table.index`), then the groups of
    /// `alsoFind`: what other readers of the same line look for, found by the same caseless pass.
    let index: LiteralIndex
    let matcherCount: Int
    @exclusivity(unchecked) var marks: LiteralIndex.Marks
    /// The fields and shapes (fields first) whose literals the current line holds.
    @exclusivity(unchecked) var candidates: [Int] = []
    /// The section opened by the last prompt line, and how many value lines it may still give.
    @exclusivity(unchecked) var section: Int?
    @exclusivity(unchecked) var sectionLines = 0
    /// `Package: name` waiting for its `Version:` line.
    var openPackage: String?
    /// `#define X_MAJOR 8` parts per fact.
    var defines: [String: [String: String]] = [:]
    var defineSource: [String: String] = [:]

    /// The names of the version fields in lower case (`cuda version`, `l4t`, `tensorrt`): a line holding only one of
    /// them labels the value on the next line (`HeadingField.bareLabel`).
    lazy var versionLabels = HeadingField.Labels(
        table.document.fields.filter { $0.fact.hasPrefix("versions.") }.flatMap(\.names).flatMap {
            [$0, $0 + " version"]
        })

    /// `alsoFind`: groups of literals other readers need to know about on each line (`found(also:)`).
    init(table: FieldTable = .shipped, alsoFind: [[String]] = []) {
        self.table = table
        let groups = (table.fieldRegexes + table.shapeRegexes).map(\.literals)
        matcherCount = groups.count
        index = alsoFind.isEmpty ? table.index : LiteralIndex(groups: groups + alsoFind, caseless: true)
        fieldMatchers = table.fieldRegexes.map { $0.regex.matcher() }
        shapeMatchers = table.shapeRegexes.map { $0.regex.matcher() }
        commandMatchers = table.sectionCommands.map { $0.matcher() }
        sectionValueMatchers = table.document.sections.map { section in
            let pattern = #"^\s*[>'"`(]*\s*(?<value>"# + section.value.pattern + #")\s*['"`),]*\s*$"#
            return (try? Regex2(pattern, caseless: true))?.matcher()
        }
        packageMatchers = table.packageRegexes.map { $0.matcher() }
        marks = index.marks()
    }

    /// Finds the literals of `content` for `read(marked: true)` and `found(also:)`.
    func mark(_ content: UnsafeBufferPointer<UInt8>) {
        index.mark(content, into: &marks)
    }

    /// Sets the marks `mark(_:)` would set from the literal ids it found (`LiteralIndex.Marks.found`, in order).
    func mark(replaying ids: UnsafeBufferPointer<Int32>) {
        marks.reset()
        for id in ids { marks.set(Int(id)) }
    }

    /// Whether the line last marked holds a literal of group `k` of `alsoFind` (ASCII case folded).
    func found(also k: Int) -> Bool {
        index.holds(matcherCount + k, marks)
    }

    /// A prompt line: the command names the section its output belongs to.
    func prompt(_ content: UnsafeBufferPointer<UInt8>) {
        section = nil
        for (i, matcher) in commandMatchers.enumerated() where matcher.matches(content) {
            section = i
            sectionLines = 3
            return
        }
    }

    /// The current section ends (a fence, a new prompt, prose).
    func endSection() {
        section = nil
        openPackage = nil
    }

    /// Reads one line's content; `marked` when `mark` was just called with the same bytes.
    func read(
        _ content: UnsafeBufferPointer<UInt8>, kind: LineKind, commentedOutput: Bool, marked: Bool = false,
        source: () -> String, into evidence: inout IdentityEvidence
    ) {
        let personal = kind == .prose || (kind == .comment && !commentedOutput)
        let before = evidence.order
        // The host PC's line (`Host: Ubuntu 22.04 x86_64, CUDA 12.4`) gives the host's versions, not the board's.
        defer {
            if evidence.order > before, HostLabel.test(content) {
                evidence.drop(after: before, HostLabel.hostOnly)
            }
        }
        if kind == .output || (kind == .comment && commentedOutput), let index = section, sectionLines > 0 {
            sectionLines -= 1
            sectionValue(index, content, source: source, into: &evidence)
        }
        if !marked { index.mark(content, into: &marks) }
        // A line without any literal passes no field or shape that has literals; one with some is tried against
        // the fields and shapes that hold them, in table order.
        guard marks.any || table.alwaysRuns else { return }
        if table.alwaysRuns {
            candidates = Array(0..<matcherCount).filter { index.passes($0, marks) }
        } else {
            index.candidates(marks, into: &candidates)
            // The groups of `alsoFind` come after the fields and shapes, and are no matchers.
            if let cut = candidates.firstIndex(where: { $0 >= matcherCount }) {
                candidates.removeLast(candidates.count - cut)
            }
        }
        let fields = table.document.fields
        for i in candidates where i < fields.count && table.needsMet(i, content) {
            eachMatch(fieldMatchers[i], content, personal: personal) { rest, captures in
                guard let raw = captures["value"], !inAddress(fieldMatchers[i], rest),
                    let value = FieldValue.normalise(raw, as: fields[i].value)
                else { return true }
                // A version a person asks about, or left behind, counts least: a statement elsewhere wins over it.
                let asked =
                    personal && fields[i].fact.hasPrefix("versions.")
                    && (inQuestion(fieldMatchers[i], rest) || inPast(fieldMatchers[i], rest))
                let rank = asked ? 0 : personal ? 1 : (fields[i].rank ?? 2)
                evidence.add(
                    fields[i].fact, value, rank: rank, source: source(), raw: captures["0"] ?? raw,
                    shape: "field:\(fields[i].fact)")
                return asked
            }
        }
        let shapes = table.document.shapes
        for k in candidates where k >= fields.count && table.needsMet(k, content) {
            let i = k - fields.count
            if shapes[i].personal == true, !personal { continue }
            eachMatch(shapeMatchers[i], content, personal: personal) { rest, captures in
                // The shape is copied (a dozen retains) only when its pattern matched.
                let shape = shapes[i]
                // Inside a link, a board name is a hint below a person's words (the Jetson Nano SD card image someone
                // downloaded, a thread someone read); versions there are none (an archived release's documentation).
                let linked = inAddress(shapeMatchers[i], rest)
                let mentionsBoard = shape.set?.keys.contains("identity.board_mention") == true
                if linked, !mentionsBoard { return false }
                let namesBoard = mentionsBoard || shape.set?.keys.contains("platform.model") == true
                let versionsOnly = shape.set?.keys.allSatisfy({ $0.hasPrefix("versions.") }) == true
                let asked =
                    personal
                    && ((versionsOnly && inQuestion(shapeMatchers[i], rest))
                        || ((versionsOnly || namesBoard) && inPast(shapeMatchers[i], rest)))
                if shape.set?.keys.contains(where: Self.namingFacts.contains) == true,
                    listsOthers(shapeMatchers[i], shape, captures, rest)
                {
                    return false
                }
                let rank = linked || asked ? 0 : personal && shape.machine != true ? 1 : shape.rank
                apply(shape, captures, rank: rank, source: source, into: &evidence)
                return asked
            }
        }
    }

    /// Calls `body` with each match of `matcher` on `content`, left to right, while it returns true (read on): once
    /// on a tool's line, up to `sentenceMatches` times on a person's, where a sentence may leave a release behind and
    /// then name the current one ("Previously on JetPack 4.6 …, but now on JetPack 5.1"). `body` gets the rest of the
    /// line the match was found in (the matcher's `lastMatch` is relative to it) and the match's captures.
    func eachMatch(
        _ matcher: Regex2.Matcher, _ content: UnsafeBufferPointer<UInt8>, personal: Bool,
        _ body: (UnsafeBufferPointer<UInt8>, [String: String]) -> Bool
    ) {
        var from = 0
        for _ in 0..<(personal ? Self.sentenceMatches : 1) {
            let rest = from == 0 ? content : UnsafeBufferPointer(rebasing: content[from...])
            guard let captures = matcher.captures(rest), let range = matcher.lastMatch, !range.isEmpty else { return }
            from += range.upperBound
            guard body(rest, captures), from < content.count else { return }
        }
    }

    /// Whether the sentence around the matcher's last match is a question ("Could it be that I must use TensorRT 7 and
    /// JetPack 4.4?"): a version a person asks about may be a possibility rather than what the system runs, so a
    /// version stated elsewhere wins over it (it still counts when nothing else names one). The sentence ends at
    /// the first `?`, or `.`/`!` before a space or the line's end, after the match (a version's own dots do not end it);
    /// the full-width `？`, `！` and `。` count as theirs.
    func inQuestion(_ matcher: Regex2.Matcher, _ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let range = matcher.lastMatch else { return false }
        var j = range.upperBound
        while j < content.count {
            let b = content[j]
            if b == 63 { return true }  // ?
            if b == 46 || b == 33, j + 1 == content.count || content[j + 1] == 32 { return false }  // . !
            // The full-width marks of Chinese and Japanese text: `？` ends a question, `！` and `。` a sentence.
            if b == 0xEF, j + 2 < content.count, content[j + 1] == 0xBC {
                if content[j + 2] == 0x9F { return true }
                if content[j + 2] == 0x81 { return false }
            }
            if b == 0xE3, j + 2 < content.count, content[j + 1] == 0x80, content[j + 2] == 0x82 { return false }
            j += 1
        }
        return false
    }

    /// How many matches of one field a person's sentence is read for.
    static let sentenceMatches = 3

    /// Words that put a person's sentence in the past: a version there is a release left behind ("Previously, on
    /// DeepStream 6.0 and JetPack 4.6 …", "I used to run TensorRT 7"), so one stated elsewhere wins over it.
    static let pastWords: [[UInt8]] = [
        "previously", "used to ", "formerly", "originally", "in the past", "before upgrading", "before updating",
        "before the upgrade", "before the update", "before flashing",
    ].map { Array($0.utf8) }
    /// Words after a past word that bring the sentence back to the present ("Previously X, but now Y").
    static let presentWords: [[UInt8]] = [
        "now", "currently", "upgraded to", "updated to", "upgrading to", "updating to", "moved to", "switched to",
        "after ",
    ].map { Array($0.utf8) }

    /// Whether the sentence before the matcher's last match puts it in the past: a past word (`pastWords`, at a word
    /// start) with no present word after it. The sentence starts after the last `. `, `! ` or `? ` before the match.
    func inPast(_ matcher: Regex2.Matcher, _ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let range = matcher.lastMatch else { return false }
        var start = range.lowerBound
        while start > 1 {
            let b = content[start - 2]
            if (b == 46 || b == 33 || b == 63), content[start - 1] == 32 { break }
            start -= 1
        }
        if start == 1 { start = 0 }
        var past = false
        var j = start
        while j < range.lowerBound {
            if j == 0 || !LooseSentence.isLetter(content[j - 1]) {
                if Self.pastWords.contains(where: { LineShape.hasFoldedPrefix(content, at: j, $0) }) {
                    past = true
                } else if past, Self.presentWords.contains(where: { LineShape.hasFoldedPrefix(content, at: j, $0) }) {
                    past = false
                }
            }
            j += 1
        }
        return past
    }

    /// Facts that name one system's SoC or module: a line naming several of one kind lists alternatives.
    static let namingFacts: Set<String> = [
        "platform.soc", "platform.module", "identity.gpu_arch", "identity.chip_id", "identity.board_config",
    ]

    /// Whether `shape` matches again further on the line with another value: the line lists alternatives (jtop's
    /// `['gv11b', 'gp10b', 'ga10b', 'gpu']`, a guide's `t234/t194/t210`), which name no one system. Call right after
    /// the match that gave `captures`.
    func listsOthers(
        _ matcher: Regex2.Matcher, _ shape: FieldTable.Shape, _ captures: [String: String],
        _ content: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard let set = shape.set, var from = matcher.lastMatch?.upperBound else { return false }
        let values = set.values.map { Self.fill($0, captures)?.lowercased() }
        while from < content.count {
            let rest = UnsafeBufferPointer(rebasing: content[from...])
            guard let again = matcher.captures(rest), let range = matcher.lastMatch, !range.isEmpty else {
                return false
            }
            if set.values.map({ Self.fill($0, again)?.lowercased() }) != values { return true }
            from += range.upperBound
        }
        return false
    }

    /// Whether the matcher's last match lies inside a web address of the line (a link names a page, not the system).
    func inAddress(_ matcher: Regex2.Matcher, _ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let range = matcher.lastMatch else { return false }
        return URLSpan.contains(content, range)
    }

    func apply(
        _ shape: FieldTable.Shape, _ captures: [String: String], rank: Int, source: () -> String,
        into evidence: inout IdentityEvidence
    ) {
        let raw = captures["0"] ?? ""
        if let set = shape.set {
            for (fact, template) in set.sorted(by: { $0.key < $1.key }) {
                guard let value = Self.fill(template, captures), !value.isEmpty else { continue }
                let kind = Self.kind(of: fact)
                var normalised = kind.map({ FieldValue.normalise(value, as: $0) }) ?? value
                // A soname gives the major only (`libnvinfer.so.7`), a person "JetPack 6": still a version, less precise.
                if normalised == nil, kind == .version || kind == .jetpack, !value.isEmpty,
                    value.allSatisfy(\.isASCIIDigit)
                {
                    normalised = value
                }
                guard let normalised else { continue }
                if shape.released == true, kind == .jetpack, ReleaseTable.shipped.releases(jetpack: normalised).isEmpty
                {
                    continue
                }
                evidence.add(fact, normalised, rank: rank, source: source(), raw: raw, shape: shape.id)
            }
        }
        if shape.opens != nil, let name = captures["package"] {
            openPackage = name
            return
        }
        if let fact = shape.assemble, let part = captures["part"]?.uppercased(), let number = captures["number"] {
            defines[fact, default: [:]][part] = number
            if defineSource[fact] == nil { defineSource[fact] = source() }
            return
        }
        if shape.package == true {
            let name = shape.closes != nil ? openPackage : captures["package"]
            if shape.closes != nil { openPackage = nil }
            guard let name, let version = captures["version"] else { return }
            if let arch = captures["arch"]?.lowercased(), !["arm64", "all", "aarch64", "arm64,"].contains(arch) {
                evidence.add("identity.arch", arch, rank: rank, source: source(), raw: raw, shape: shape.id)
            }
            package(
                name, version, rank: rank, source: source(), raw: raw, shape: shape.id,
                alternatives: shape.alternatives == true, into: &evidence)
        }
    }

    /// A package name and version through the packages table.
    func package(
        _ name: String, _ version: String, rank: Int, source: String, raw: String, shape: String, alternatives: Bool,
        into evidence: inout IdentityEvidence
    ) {
        let bytes = Array(name.utf8)
        let packages = table.document.packages
        for (i, entry) in packages.enumerated() {
            guard let captures = bytes.withUnsafeBufferPointer({ packageMatchers[i].captures($0) })
            else { continue }
            let value: String?
            if let template = entry.name {
                value = Self.fill(template, captures)
            } else {
                value = FieldValue.normalise(version, as: entry.version ?? .version)
            }
            guard let value else { continue }
            evidence.add(
                entry.fact, value, rank: min(rank, entry.rank), source: source, raw: raw,
                shape: "\(shape):\(entry.fact)", alternatives: alternatives)
        }
    }

    func sectionValue(
        _ index: Int, _ content: UnsafeBufferPointer<UInt8>, source: () -> String, into evidence: inout IdentityEvidence
    ) {
        let section = table.document.sections[index]
        guard let captures = sectionValueMatchers[index]?.captures(content), let raw = captures["value"],
            let value = FieldValue.normalise(raw, as: section.value)
        else { return }
        evidence.add(
            section.fact, value, rank: section.rank, source: source(), raw: raw, shape: "section:\(section.section)")
        sectionLines = 0
    }

    /// Ends the input: assembles `#define` parts into versions.
    func finish(into evidence: inout IdentityEvidence) {
        for (fact, parts) in defines.sorted(by: { $0.key < $1.key }) {
            guard let major = parts["MAJOR"], let minor = parts["MINOR"] else { continue }
            var version = "\(major).\(minor)"
            if let patch = parts["PATCH"] ?? parts["PATCHLEVEL"] {
                version += ".\(patch)"
                if let build = parts["BUILD"] { version += ".\(build)" }
            }
            evidence.add(
                fact, version, rank: 3, source: defineSource[fact] ?? "", raw: "#define", shape: "define:\(fact)")
        }
        defines.removeAll()
    }

    /// `{name}` placeholders filled from captures; nil when one is missing. `{name?}` is a group that may not have
    /// taken part in the match: empty then.
    static func fill(_ template: String, _ captures: [String: String]) -> String? {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let name = String(rest[rest.index(after: open)..<close])
            if name.hasSuffix("?") {
                // `{id?}`: a group that may not have taken part in the match.
                out += captures[String(name.dropLast())] ?? ""
            } else {
                guard let value = captures[name] else { return nil }
                out += value
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The value kind of a fact a shape sets, for normalisation.
    static func kind(of fact: String) -> FieldValue.Kind? {
        switch fact {
        case "versions.l4t", "container.l4t": return .l4t
        case "versions.jetpack": return .jetpack
        case "versions.tensorrt", "versions.cuda", "versions.cudnn", "container.tensorrt": return .version
        case "platform.module": return .pnumber
        case "platform.soc": return .soc
        case "platform.model": return .board
        case "versions.kernel_release": return .kernel
        default: return nil
        }
    }

}
