import Foundation
import Testing

@testable import NvdlaProbe

/// The per-line shortcuts of `analyze`'s classifier and TensorRT reader: the command-word table read from the
/// known-command alternation, the `Layer` opening of the TensorRT reader, and the one-pass prose test, each checked
/// against what it stands in for.
@Suite("Line prefilters")
struct LinePrefilterTests {
    static func bytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var copy = text
        return copy.withUTF8(body)
    }

    /// Every name of `LineClassifier.commands`, as the table read it (whole names, and the starts of patterns).
    static var commandNames: [String] {
        let words = LineClassifier.commandWords
        return (words.names.flatMap { $0 } + words.starts.flatMap { $0 }).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("the command table is read from the alternation: names, escapes, a pattern's literal start")
    func commandTable() {
        let words = CommandWords(alternation: #"cat|g\+\+|python3\.\d+|dpkg-query"#)
        for line in ["cat /proc/x", "g++ -v", "python3.10 run.py", "/usr/bin/dpkg-query -l", "cat"] {
            #expect(Self.bytes(line) { words.matchesFirstWord($0) }, "\(line)")
        }
        for line in ["category list", "The cat", "python3 x", "g+", "", " cat", "cat/ x"] {
            #expect(!Self.bytes(line) { words.matchesFirstWord($0) }, "\(line)")
        }
        // Every shipped name is found: `python3\.\d+` as its start `python3.`.
        let names = Set(Self.commandNames)
        #expect(names.contains("jetson_release") && names.contains("g++") && names.contains("python3."))
        #expect(names.count == LineClassifier.commands.split(separator: "|").count)
    }

    @Test("a line the known-command regex matches passes the command table; prose never reaches the regex")
    func commandTableSound() throws {
        let regex = try #require(LineClassifier.bareCommand).matcher()
        var lines: [String] = []
        for name in Self.commandNames {
            let word = name.hasSuffix(".") ? name + "10" : name
            lines += [
                word, "\(word) -l", "sudo \(word) /etc/x", "/usr/bin/\(word) | head", "\(word)\t-a", "./\(word) list",
                "sudo  \(word)", "\(word) run.sh", "\(word) show x",
            ]
        }
        var matched = 0
        for line in lines {
            let full = Self.bytes(line) { regex.matches($0) }
            if full { matched += 1 }
            #expect(!full || Self.bytes(line) { LineClassifier.commandWords.matchesFirstWord($0) }, "\(line)")
        }
        #expect(matched > lines.count / 2)
        for line in ["The board runs fine", "- cat and dog", "Category: x", "I tried cat /proc/x", "Python 3.8 is old"]
        {
            #expect(!Self.bytes(line) { LineClassifier.commandWords.matchesFirstWord($0) }, "\(line)")
            #expect(!Self.bytes(line) { regex.matches($0) }, "\(line)")
        }
    }

    @Test("an untagged line opening with `Layer` is read only in the forms the reader takes")
    func layerOpening() {
        let taken = [
            "Layer(DLA): {ForeignNode[conv1...relu5]}, Tactic: 0x3, input [Half(1,3,224,224)] -> output",
            "Layer(Reformat): Reformatting CopyNode for Input Tensor 0",
            "Layer   Time (ms)   Avg. Time (ms)   Median Time (ms)   Time %",
            "Layers running on dla: conv1, conv2",
        ]
        for line in taken {
            let log = TensorRTLog()
            #expect(Self.bytes(line) { TensorRTLog.untaggedOpeningReadable($0, at: 0) }, "\(line)")
            #expect(Self.bytes(line) { log.consume($0, input: "x", line: 1) }, "\(line)")
        }
        for line in ["Layer norm works fine on my board", "Layer speed is the same again"] {
            #expect(!Self.bytes(line) { TensorRTLog.untaggedOpeningReadable($0, at: 0) }, "\(line)")
            // What the reader itself says of the line: not taken, with or without the shortcut.
            #expect(!TensorRTLog().take(TensorRTLine.parse(line)), "\(line)")
            #expect(!Self.bytes(line) { TensorRTLog().consume($0, input: "x", line: 1) }, "\(line)")
        }
        // Non-ASCII text is left to the reader, and other openings are not affected.
        #expect(Self.bytes("Layer café") { TensorRTLog.untaggedOpeningReadable($0, at: 0) })
        #expect(Self.bytes("Input(s): fp16:chw") { TensorRTLog.untaggedOpeningReadable($0, at: 0) })
    }

    @Test("the fields' pass also finds the TensorRT reader's words, without case; fields still read with them")
    func alsoFind() {
        let fields = FieldExtractor(table: .shipped, alsoFind: [TensorRTLog.anywhereWords])
        for (line, found) in [
            ("Default DLA is enabled but layer conv1 is not supported", true), ("built with trtexec today", true),
            ("runs on the dla", true), ("nvinfer1::IBuilder failed", true), ("plain words about the board", false),
        ] {
            Self.bytes(line) { fields.mark($0) }
            #expect(fields.found(also: 0) == found, "\(line)")
        }
        var evidence = IdentityEvidence()
        Self.bytes("JetPack 5.1.2 and TensorRT 8.5.2 on the DLA") { line in
            fields.mark(line)
            fields.read(line, kind: .prose, commentedOutput: false, marked: true, source: { "x:1" }, into: &evidence)
        }
        #expect(evidence.best("versions.jetpack")?.value == "5.1.2")
        #expect(evidence.best("versions.tensorrt")?.value == "8.5.2")
        // A prose line holding only a TensorRT fallback is still read by the TensorRT reader.
        let report = ArtifactAnalysisTests.analyze(
            "I see this warning on my board\n\nDefault DLA is enabled but layer conv1 is not supported on DLA, falling back to GPU.\n"
        )
        #expect(report.facts.int("trt.fallback.count") == 1)
    }

    @Test("the caseless need check finds what a lower-cased search finds, on corpus lines and edge cases")
    func foldedLiterals() throws {
        let table = FieldTable.shipped
        let sets =
            (table.fieldRegexes + table.shapeRegexes).flatMap(\.needs) + [FoldedLiterals(["(", "running on", "a"])]
        let corpus = Fixtures.packageRoot.appendingPathComponent("Tests/Corpus")
        let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        var lines = ["", "X", "Tegra X1", "JETSON ORIN", "xavier"]
        for file in files.prefix(30) {
            let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init)
        }
        var misses: [String] = []
        for set in sets {
            let words = set.words.spans.map { Array(set.words.flat[$0]) }
            for line in lines {
                let folded = line.utf8.map(FoldedLiterals.fold)
                let naive = words.contains { Self.holds(folded, $0) }
                if Self.bytes(line, { set.containsAny(in: $0) }) != naive { misses.append("\(words) in \(line)") }
            }
        }
        #expect(misses.isEmpty, "\(misses.prefix(5))")
    }

    /// Whether `word` occurs in `bytes`, compared byte by byte.
    static func holds(_ bytes: [UInt8], _ word: [UInt8]) -> Bool {
        guard bytes.count >= word.count else { return false }
        next: for at in 0...(bytes.count - word.count) {
            for k in 0..<word.count where bytes[at + k] != word[k] { continue next }
            return true
        }
        return false
    }

    @Test("one census of a line's bytes answers the binary, prompt-byte and backtick tests as each did alone")
    func census() throws {
        var lines = [
            "plain", "> $ quoted prompt", ">    plain after quote", String(repeating: "a", count: 250) + "$",
            "a\u{0}b", "\u{1}\u{2}ab", "\u{1}" + String(repeating: "x", count: 20), "\t\u{1B}[0m colour", "uses `code`",
            "❯ ls", "", "   ",
        ]
        let corpus = Fixtures.packageRoot.appendingPathComponent("Tests/Corpus")
        let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        for file in files {
            let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var misses: [String] = []
        for line in lines {
            Self.bytes(line) { bytes in
                let start = LineShape.contentStart(bytes)
                let census = LineCensus(bytes, contentStart: start)
                let control = bytes.filter { $0 < 32 && $0 != 9 && $0 != 27 }.count
                let binary = bytes.contains(0) || (control > 0 && control * 10 > bytes.count)
                let content = bytes[start...]
                let prompt = content.prefix(200).contains { [36, 35, 37, 0xE2, 62].contains($0) }
                if census.binary != binary || census.promptByte != prompt || census.backtick != content.contains(96) {
                    misses.append(line)
                }
            }
        }
        #expect(misses.isEmpty, "\(misses.prefix(5))")
    }

    @Test("the one-pass prose test gives the two-pass rule's answer on every corpus line and on edge cases")
    func proseTest() throws {
        var lines = [
            "This is a plain sentence about the board.", "- bullet with three words", "Model: NVIDIA Jetson Orin",
            "the `nvcc --version` command prints it", "an unclosed `span here and more", "I use libnvinfer.so.8 here",
            "(quoted) words, then \"more\" words!", "x_y is machine text here", "日本語の文章がここにあります。とても長い文章です。",
            "words and 1.2.3 and 4 and 5 and 6", "*bold* words: and more", "a: b c d", "tab\tseparated\twords here",
            "`a` `b` `c` words", "trailing space words here ", "", "a", "- ", "(()) ok fine",
        ]
        let corpus = Fixtures.packageRoot.appendingPathComponent("Tests/Corpus")
        let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        for file in files {
            let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(lines.count > 1000)
        var misses: [String] = []
        for line in lines {
            let content = line.drop { $0 == " " || $0 == "\t" }
            let new = Self.bytes(String(content)) { LineClassifier.isProse($0) }
            let old = Self.bytes(String(content)) { Self.twoPassIsProse($0) }
            if new != old { misses.append(line) }
        }
        #expect(misses.isEmpty, "\(misses.prefix(5))")
    }

    /// The prose rule as written before the one-pass test: each token found, then read again byte by byte.
    static func twoPassIsProse(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if content.count > 2, content[0] == 45 || content[0] == 42 || content[0] == 43, content[1] == 32 { i = 2 }
        var words = 0
        var soft = 0
        var tokens = 0
        var nonASCII = 0
        var spans = 0
        var tokenStart = i
        var tokenIndex = 0
        func judge(_ start: Int, _ end: Int) -> Bool {
            var s = start
            var e = end
            while s < e, content[s] == 40 || content[s] == 34 || content[s] == 39 || content[s] == 42 { s += 1 }
            var colon = false
            while e > s, [44, 46, 59, 58, 33, 63, 41, 34, 39, 42].contains(content[e - 1]) {
                if content[e - 1] == 58 { colon = true }
                e -= 1
            }
            tokens += 1
            tokenIndex += 1
            if colon && tokenIndex <= 3 && e - s > 0 { return false }
            guard e > s else { return true }
            var letters = 0
            var digits = 0
            var other = 0
            for k in s..<e {
                let b = content[k]
                if b >= 0x80 {
                    letters += 1
                    nonASCII += 1
                } else if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) {
                    letters += 1
                } else if b >= 48 && b <= 57 {
                    digits += 1
                } else if b == 39 || b == 45 {
                } else if [46, 44, 58, 43, 37, 38, 33, 63, 59, 34, 42, 126].contains(b) {
                    other += 1
                } else {
                    return false
                }
            }
            if other > 0, LineClassifier.soSuffix(content, s, e) == true { return false }
            if letters > 0 && digits == 0 && other == 0 { words += 1 } else { soft += 1 }
            return true
        }
        while i < content.count {
            let b = content[i]
            if b == 96 {
                if i > tokenStart, !judge(tokenStart, i) { return false }
                guard let close = content[(i + 1)...].firstIndex(of: 96) else { return false }
                tokens += 1
                tokenIndex += 1
                spans += 1
                i = close + 1
                tokenStart = i
                continue
            }
            if b == 32 || b == 9 {
                if i > tokenStart, !judge(tokenStart, i) { return false }
                tokenStart = i + 1
            }
            i += 1
        }
        if content.count > tokenStart, !judge(tokenStart, content.count) { return false }
        if tokens >= 3 { return words >= 2 && spans <= words && soft * 5 <= tokens - spans }
        return nonASCII >= 12 && nonASCII * 2 >= content.count
    }
}
