import Foundation
import Testing

@testable import NvdlaProbe

/// The one-lookup-per-place literal scan (`OpeningFilter`, `LiteralHeads`) and the prose test standing in for the
/// byte census, each checked against the plain rule it replaces.
@Suite("Line scan")
struct LineScanTests {
    static func bytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var copy = text
        return copy.withUTF8(body)
    }

    /// Lines of every corpus file, and edge cases.
    static func corpusLines() throws -> [String] {
        let corpus = Fixtures.packageRoot.appendingPathComponent("Tests/Corpus")
        let files = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        var lines = [
            "", "a", "ab", "abc", "plain words about the board", "> $ quoted prompt", "uses `code` here today",
            "100% sure it works on my board", "❯ ls the files here", "a\u{0}b words here", "\tword\u{1B}[0m and more",
            "(quoted) words, then \"more\" words!", "日本語の文章がここにあります。とても長い文章です。", "`a` `b` `c` words",
        ]
        for file in files {
            let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return lines
    }

    /// Whether `word` occurs in `line`, compared byte by byte (ASCII letters without case when `caseless`).
    static func naive(_ line: [UInt8], _ word: [UInt8], caseless: Bool) -> Bool {
        let fold = { (b: UInt8) -> UInt8 in caseless && b >= 65 && b <= 90 ? b | 0x20 : b }
        guard line.count >= word.count else { return false }
        next: for at in 0...(line.count - word.count) {
            for k in 0..<word.count where fold(line[at + k]) != word[k] { continue next }
            return true
        }
        return false
    }

    @Test("a line holding only a literal, in any case, at the start, middle or end, is found; prose without it is not")
    func literalAlone() {
        let words = ["jp", "p2", ":0", "dla", "hi ", "orin", "jetson", "modelimporter", "device-tree/model", "x"]
        let caseless = LiteralIndex(groups: [words], caseless: true)
        let exact = LiteralIndex(groups: [words])
        for word in words {
            for form in [
                word, word.uppercased(),
                String(word.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element }),
            ] {
                for line in [form, "the \(form)", "\(form) is here", "a board with \(form) in the middle of it"] {
                    #expect(Self.bytes(line) { caseless.containsAny(in: $0) }, "\(line)")
                    var marks = caseless.marks()
                    Self.bytes(line) { caseless.mark($0, into: &marks) }
                    #expect(marks.any, "\(line)")
                    let expected = words.contains { line.contains($0) }
                    #expect(Self.bytes(line) { exact.containsAny(in: $0) } == expected, "\(line)")
                }
            }
        }
        let others = LiteralIndex(groups: [["orin", "jetson", "modelimporter", "jp"]], caseless: true)
        for line in ["The board runs the model fine", "Please help, same problem again", "or in the JSON", "j p"] {
            #expect(!Self.bytes(line) { others.containsAny(in: $0) }, "\(line)")
        }
    }

    @Test("the line index and the need check find what a byte-by-byte search finds, on every corpus line")
    func literalScanSound() throws {
        let lines = try Self.corpusLines()
        let table = FieldTable.shipped
        let literals = (table.fieldRegexes + table.shapeRegexes).flatMap(\.literals) + TensorRTLog.anywhereWords
        let folded = Array(Set(literals.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty })).sorted {
            $0.lexicographicallyPrecedes($1)
        }
        let index = LiteralIndex(groups: folded.map { [String(decoding: $0, as: UTF8.self)] }, caseless: true)
        let exactWords = ["DLA", "GPU", "nvinfer1::", "Layer", "x", "dla_core"]
        let exact = LiteralIndex(groups: exactWords.map { [$0] })
        var misses: [String] = []
        var marks = index.marks()
        var exactMarks = exact.marks()
        for line in lines {
            let bytes = Array(line.utf8)
            Self.bytes(line) { index.mark($0, into: &marks) }
            for (group, word) in folded.enumerated()
            where index.holds(group, marks) != Self.naive(bytes, word, caseless: true) {
                misses.append("\(String(decoding: word, as: UTF8.self)) in \(line)")
            }
            Self.bytes(line) { exact.mark($0, into: &exactMarks) }
            for (group, word) in exactWords.enumerated()
            where exact.holds(group, exactMarks) != Self.naive(bytes, Array(word.utf8), caseless: false) {
                misses.append("exact \(word) in \(line)")
            }
        }
        #expect(misses.isEmpty, "\(misses.prefix(5))")
    }

    @Test("a literal's first eight bytes compare as one word: both cases of its letters, every other byte as it is")
    func heads() {
        let words: [[UInt8]] = ["dla", "jetson", "modelimporter", "[installed", "a-b_c.d", "x"].map { Array($0.utf8) }
        let heads = LiteralHeads(words, caseless: true)
        let lines = [
            "DLA core 0 here!", "JetSon Orin Nano", "ModelImporter.cpp", "[INSTALLED,automatic]", "A-B_C.D and more",
            "dl a", "jetsom", "modelimportex", "{installed", "a-b-c.d", "A-B_C.Dxxxxxxxx", "x", "X and more",
            "@-b_c.d and", "dla\u{0}jetson modelimporter",
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            Self.bytes(line) { buffer in
                for at in 0..<buffer.count {
                    for id in words.indices {
                        let expected =
                            bytes.count - at >= words[id].count
                            && Self.naive(Array(bytes[at..<(at + words[id].count)]), words[id], caseless: true)
                        #expect(heads.matchesShort(id, buffer, at: at) == expected, "\(line) at \(at)")
                        if let word = LiteralHeads.word(buffer, at: at) {
                            #expect(heads.matches(id, buffer, at: at, word: word) == expected, "\(line) at \(at)")
                        }
                    }
                }
            }
        }
    }

    @Test("a sentence the prose test takes without a code span, `%` or `❯`/`➜` has an empty census")
    func proseCensus() throws {
        var taken = 0
        var misses: [String] = []
        for line in try Self.corpusLines() {
            Self.bytes(line) { bytes in
                let start = LineShape.contentStart(bytes)
                guard start < bytes.count else { return }
                let content = UnsafeBufferPointer(rebasing: bytes[start...])
                let test = LineClassifier.proseTest(content)
                #expect(test.prose == LineClassifier.isProse(content))
                // On a sentence taken without spans the test read every byte: its census bit is the two `memchr`.
                if test.prose, !test.spans, test.census == LineCensus.ofProse(content) {
                    misses.append("census: \(line)")
                }
                guard test.prose, !test.spans, LineCensus.ofProse(content) else { return }
                taken += 1
                let census = LineCensus(bytes, contentStart: start)
                if census.binary || census.promptByte || census.backtick { misses.append(line) }
            }
        }
        #expect(taken > 100)
        #expect(misses.isEmpty, "\(misses.prefix(5))")
        // Lines the shortcut must leave to the census: each has a byte of one of its classes.
        for line in ["100% of the board works", "❯ ls the files here", "uses `code` here today"] {
            Self.bytes(line) { bytes in
                let test = LineClassifier.proseTest(bytes)
                #expect(!test.prose || test.spans || !LineCensus.ofProse(bytes), "\(line)")
                #expect(!test.prose || test.spans || test.census, "\(line)")
                let census = LineCensus(bytes, contentStart: 0)
                #expect(census.promptByte || census.backtick, "\(line)")
            }
        }
    }

    @Test("a line the prose test takes matches the device prefix only where `mayMatchProse` says it may")
    func proseDevicePrefix() throws {
        let unstamped = LineShape.UnstampedTest()
        let made = [
            "Unable to handle kernel: paging request at virtual address", "deadbeef.nvdla:send more words here today",
            "falcon 154c0000.nvenc: firmware load failed", "cma: alloc failed for the board", "Call trace: here",
            "Internal error: Oops in the driver", "WARNING: CPU: 3 at the driver", "tegra-xusb: link up now",
        ]
        var both = 0
        var misses: [String] = []
        for line in try Self.corpusLines() + made {
            Self.bytes(line) { bytes in
                let start = LineShape.contentStart(bytes)
                guard start < bytes.count else { return }
                let prose = LineClassifier.proseTest(UnsafeBufferPointer(rebasing: bytes[start...])).prose
                guard prose, unstamped.matches(bytes) else { return }
                both += 1
                if !LineShape.UnstampedTest.mayMatchProse(bytes, contentStart: start) { misses.append(line) }
            }
        }
        // The two made-up lines of the forms that can be both.
        #expect(both >= 2)
        #expect(misses.isEmpty, "\(misses.prefix(5))")
        var classifier = LineClassifier()
        for line in made.prefix(2) {
            #expect(Self.bytes(line) { classifier.classify($0).kind } == .kernelLog, "\(line)")
        }
    }

    @Test("the TensorRT reader's two-byte checks pass every opening and prefix found, on every corpus line")
    func tensorRTFirstBytes() throws {
        let reader = TensorRTLog()
        var misses: [String] = []
        let made = [
            "{", "{x", "[I] [TRT] Layer(DLA): x", "WARNING: [TRT]: text", "ERROR: bad", "INFO: ok", "VERBOSE: more",
            "INTERNAL_ERROR: x", "W", "Input shape", "&&&& RUNNING", "=== Profile", "Time(ms) here",
        ]
        for line in try Self.corpusLines() + made {
            Self.bytes(line) { bytes in
                let prefix = TensorRTLine.prefix(bytes)
                if TensorRTLog.openings.anyPrefix(of: bytes, at: prefix.start),
                    !reader.mayOpen(bytes, at: prefix.start)
                {
                    misses.append("opening: \(line)")
                }
                // A prefix was read only where its first bytes allow one.
                let start = LineShape.contentStart(bytes)
                if prefix.start != start || prefix.tagged || prefix.severity != nil,
                    !TensorRTLine.mayOpenPrefix(bytes, at: start)
                {
                    misses.append("prefix: \(line)")
                }
            }
        }
        #expect(misses.isEmpty, "\(misses.prefix(5))")
    }

    @Test("the classifier reads sentences, prompts, logs and quoted code as before the prose test came first")
    func classifyOrder() {
        var classifier = LineClassifier()
        let cases: [(String, LineKind)] = [
            ("The board runs the model fine today", .prose),
            ("[   12.345678] nvdla 15880000.nvdla0: probe", .kernelLog),
            ("$ cat /proc/device-tree/model", .prompt), ("NVIDIA Jetson Orin Nano Developer Kit", .output),
            ("", .blank),
            ("I run it with `trtexec --useDLACore=0` every time", .prose),
            ("100% of the time it fails on the DLA", .prose),
            ("```", .fence), ("Works fine on the board now", .output), ("```", .fence),
            ("Works fine on the board now", .prose), ("a\u{0}b words here", .binary),
        ]
        for (line, kind) in cases {
            #expect(Self.bytes(line) { classifier.classify($0).kind } == kind, "\(line)")
        }
    }

    @Test(
        "a bracketed number without a fraction is no kernel stamp; stamps with seconds and their deltas are",
        arguments: [
            ("[6] Invalid Node - /Resize_1", false), ("[2]+  Done                    ./run.sh", false),
            ("[1]    4242 segmentation fault (core dumped)  ./trtexec", false),
            ("[   12.345678] nvdla 15880000.nvdla0: probe", true), ("[+0.000462] tegra-mc: probed", true),
            ("[    5.432100 <    0.000123>] host1x: registered", true),
        ])
    func bracketStamps(_ line: String, _ stamped: Bool) {
        #expect(Self.bytes(line) { LineShape.isStampedLog($0) } == stamped)
    }
}
