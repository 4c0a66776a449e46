import Foundation

/// Splits pasted input into segments, recognises each, counts log signals, and builds the fact table of
/// `nvdla-doctor analyze`.
///
/// Streams: inputs are read in chunks, line by line (`LineReader`); kernel-log lines go straight to the
/// `SignalScanner`; other text is gathered in a bounded block (cut at blank lines, shell prompts, markdown fences
/// and `# [trimmed]` marks) and offered to `SegmentRecognisers`. Memory does not grow with the input.
public final class ArtifactAnalysis {
    /// Most lines and bytes gathered in one block before it is recognised anyway.
    static let blockLineCap = 4000
    static let blockByteCap = 1024 * 1024
    /// Most segments listed; later ones are only counted.
    static let segmentCap = 200

    let scanner: SignalScanner
    // The state every line touches is marked `@exclusivity(unchecked)` here and in `FieldExtractor` and `TensorRTLog`:
    // one thread reads one input and no access overlaps another, so the runtime check of each access (a call of about
    // 80 instructions, several per line) is left out.
    @exclusivity(unchecked) var classifier = LineClassifier()
    let fields: FieldExtractor
    @exclusivity(unchecked) var identity = IdentityEvidence()
    /// Libraries named by the loader and linker lines matched so far.
    var libraries = LoaderLibraries()
    /// TensorRT/trtexec output, read as it streams by.
    public let tensorrt = TensorRTLog()
    public private(set) var facts = FactTable()
    public private(set) var segments: [Segment] = []
    public private(set) var unlistedSegments = 0
    @exclusivity(unchecked) public private(set) var binaryLines: Int64 = 0
    public private(set) var truncatedLines: Int64 = 0
    public private(set) var unrecognisedLines: Int64 = 0
    @exclusivity(unchecked) public private(set) var kernelLogLines: Int64 = 0
    /// Prose and comment lines: read for versions a person states, never for log signals.
    @exclusivity(unchecked) public private(set) var proseLines: Int64 = 0
    @exclusivity(unchecked) public private(set) var promptLines: Int64 = 0
    /// The gathered output lines: text, number, whether a signal matched, whether a field of a tool's format did.
    @exclusivity(unchecked) var block: [(text: String, number: Int64, matched: Bool, identified: Bool)] = []
    /// Signals that mark the platform rather than a problem: their matches do not make a line an error line.
    static let ambientSignals: Set<String> = ["tegra_marker"]
    @exclusivity(unchecked) var blockBytes = 0
    /// Whether a line of the block has a word some block recogniser needs; blocks without one are not parsed.
    @exclusivity(unchecked) var blockTriggered = false
    var input = "-"
    /// Inputs read so far, and those that were binary data rather than text (with what they looked like).
    public private(set) var inputCount = 0
    public private(set) var binaryInputs: [(name: String, kind: String)] = []
    /// Binary and text lines of the input being read, and the file type its first bytes name.
    @exclusivity(unchecked) var inputBinaryLines: Int64 = 0
    @exclusivity(unchecked) var inputTextLines: Int64 = 0
    var inputMagic: String?
    /// A markdown heading that may name the value on the next line (`HeadingField`).
    var heading: [UInt8]?
    /// The output line before, when it ended with `:` and matched no signal: a message a terminal or the poster wrapped
    /// after a colon (`Unable to load library:` / `libnvinfer_builder_resource.so.10.7.0:` / `cannot open …`).
    var colonTail: [UInt8] = []
    /// Longest line kept as `colonTail`, in bytes.
    static let colonTailCap = 160
    var inputLogLinesBefore: Int64 = 0

    public init(signals: [LogSignal], fields table: FieldTable = .shipped) {
        // The TensorRT reader's words and the `sentence` signals' literals are found by the fields' pass over each
        // line (`tensorRTWords`, `sentenceWords`), so a sentence costs no pass of its own.
        let sentenceLiterals = signals.filter(\.sentence).flatMap(\.literals)
        self.fields = FieldExtractor(table: table, alsoFind: [TensorRTLog.anywhereWords, sentenceLiterals])
        self.scanner = SignalScanner(signals: signals) { bytes, ref in
            ArtifactAnalysis.describe(bytes, input: ref.label, number: ref.number, isLog: ref.isLog)
        }
    }

    /// Whether any segment of a known kind was seen.
    public var recognisedAnything: Bool {
        kernelLogLines > 0 || segments.contains { $0.kind != .unrecognised } || unlistedSegments > 0
    }

    /// Reads one input to its end; returns an error text when it could not be read completely.
    ///
    /// `pipelined`: the input is read on a second thread (`LinePipeline`), which also does the work of each line that
    /// does not depend on the lines before it, and the lines are taken here in order; else it is read and each line
    /// taken on this thread alone (`LineReader`). Both give the same results (tests compare them).
    public func feed(fd: Int32, name: String, pipelined: Bool = true) -> String? {
        startInput(name)
        let failure: LineReader.Failure?
        let bytesRead: Int64
        if pipelined {
            let pipeline = LinePipeline(index: fields.index, classes: classifier.proseClasses)
            pipeline.run(fd) { bytes, number, prepared in line(bytes, number, prepared) }
            (failure, bytesRead) = (pipeline.failure, pipeline.bytesRead)
            truncatedLines += pipeline.truncatedLines
        } else {
            var reader = LineReader()
            failure = reader.read(fd) { bytes, number in line(bytes, number) }
            bytesRead = reader.bytesRead
            truncatedLines += reader.truncatedLines
        }
        flush()
        endInput()
        if case .read(let code)? = failure {
            return "\(name): read error after \(bytesRead) bytes: \(String(cString: strerror(code)))"
        }
        return nil
    }

    /// Feeds text (tests).
    public func feed(text: String, name: String) {
        startInput(name)
        var number: Int64 = 0
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var copy = String(piece)
            copy.withUTF8 { line($0, number) }
        }
        flush()
        endInput()
    }

    /// Whether every input was binary data (an executable, an archive, random bytes): nothing pasted to read.
    public var onlyBinaryInput: Bool { inputCount > 0 && binaryInputs.count == inputCount }

    func startInput(_ name: String) {
        input = name
        inputCount += 1
        inputBinaryLines = 0
        inputTextLines = 0
        inputMagic = nil
        inputLogLinesBefore = kernelLogLines
    }

    /// An input is binary when its first bytes name a binary format, or when most of its lines are binary and
    /// none is a kernel-log line (a log with binary junk pasted around it is still a log).
    func endInput() {
        if let magic = inputMagic {
            binaryInputs.append((input, magic))
        } else if inputBinaryLines > 0 && inputBinaryLines >= inputTextLines && kernelLogLines == inputLogLinesBefore {
            binaryInputs.append((input, "binary data"))
        }
    }

    /// File types recognised by their first bytes (ELF, compressed and archive formats, images).
    static let magics: [(bytes: [UInt8], kind: String)] = [
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF file"), ([0x1F, 0x8B], "gzip-compressed data"),
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"), ([0x42, 0x5A, 0x68], "bzip2-compressed data"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
    ]

    static let ustar = Array("ustar".utf8)

    /// Reads one line; `prepared`: what the reading thread already found on it (`LinePipeline`), else found here.
    func line(_ raw: UnsafeBufferPointer<UInt8>, _ number: Int64, _ prepared: LinePipeline.Prepared? = nil) {
        let bytes =
            prepared.map { UnsafeBufferPointer(rebasing: raw[$0.strip...]) }
            ?? BulletPrefix.strip(ComposePrefix.strip(GrepPrefix.strip(raw)))
        if number == 1 {
            inputMagic =
                Self.magics.first { magic in
                    raw.count >= magic.bytes.count && zip(raw, magic.bytes).allSatisfy { $0 == $1 }
                }?.kind
            // A tar archive names itself at byte 257 of its first header (POSIX ustar and GNU tar).
            if inputMagic == nil, raw.count >= 262, Array(raw[257..<262]) == Self.ustar {
                inputMagic = "a tar archive"
            }
        }
        let cls = classifier.classify(bytes, proseTest: prepared?.prose)
        if cls.kind == .binary { inputBinaryLines += 1 } else { inputTextLines += 1 }
        let content = UnsafeBufferPointer(rebasing: bytes[cls.contentStart...])
        if let name = heading, cls.kind != .blank {
            heading = nil
            if let field = HeadingField.line(name: name, value: bytes) {
                // A sentence under the heading stays a person's words ("### Describe the bug", then prose).
                let kind: LineKind = cls.kind == .prose ? .prose : .output
                field.withUnsafeBufferPointer { readFields($0, LineClass(kind: kind, contentStart: 0), number) }
            }
        }
        if cls.kind != .output, !colonTail.isEmpty { colonTail.removeAll(keepingCapacity: true) }
        // A line holding only a version field's name labels the next line's value (a table flattened one cell a line).
        if cls.kind == .output || cls.kind == .prose,
            let label = HeadingField.bareLabel(content, labels: fields.versionLabels)
        {
            heading = label
        }
        switch cls.kind {
        case .binary:
            binaryLines += 1
            flush()
        case .blank, .trimMark:
            flush()
        case .fence:
            flush()
            fields.endSection()
        case .kernelLog:
            scanner.scan(bytes, SignalScanner.LineRef(label: input, number: number, isLog: true))
            noteLibraries(bytes)
            readFields(content, cls, number)
            flush()
            kernelLogLines += 1
            addSegment(.kernelLog, number)
        case .prompt:
            flush()
            fields.prompt(content)
            readFields(content, cls, number)
            // The host name in `user@orin-nx:~$` hints at the board, as a person's word would (rank 1).
            if cls.contentStart > 2, bytes[0..<cls.contentStart].contains(64) {  // @
                let prompt = UnsafeBufferPointer(rebasing: bytes[0..<cls.contentStart])
                readFields(prompt, LineClass(kind: .prose, contentStart: 0), number)
            }
            promptLines += 1
        case .comment:
            flush()
            heading = HeadingField.name(bytes)
            readFields(content, cls, number)
            proseLines += 1
        case .prose:
            // The classifier took the line as prose from the prose test, which found the marks too when it ran ahead.
            if let marks = prepared?.marks { fields.mark(replaying: marks) } else { fields.mark(content) }
            if tensorrt.consume(bytes, input: input, line: number, mayHoldWords: tensorRTWords) {
                flush()
                addSegment(.tensorrtLog, number)
                return
            }
            flush()
            fields.endSection()
            // Machine text quoted inline (`error while loading …`) is matched; the sentence around it is not a log.
            if classifier.contentHasBacktick {
                scanner.scan(bytes, SignalScanner.LineRef(label: input, number: number, isLog: false))
                noteLibraries(bytes)
            } else if sentenceWords {
                scanner.scanSentence(bytes, SignalScanner.LineRef(label: input, number: number, isLog: false))
            }
            readFields(content, cls, number, marked: true)
            proseLines += 1
        case .output:
            scanner.scan(bytes, SignalScanner.LineRef(label: input, number: number, isLog: false))
            noteLibraries(bytes)
            scanWrapped(content, number)
            let offers = identity.machineOffers
            // A sentence with a machine token or a few versions in it, or a question, is still a person's words
            // (`LooseSentence`): its values rank as stated or asked ones ("JetPack 6.2 comes with TensorRT 10.3 and CUDA 12.6 …").
            let loose = LooseSentence.test(content) || LooseSentence.isQuestion(content)
            readFields(content, loose ? LineClass(kind: .prose, contentStart: 0) : cls, number)
            let identified = identity.machineOffers > offers
            if tensorrt.consume(bytes, input: input, line: number, mayHoldWords: tensorRTWords) {
                flush()
                addSegment(.tensorrtLog, number)
                return
            }
            let matched = scanner.lastMatched.contains { !Self.ambientSignals.contains($0) }
            if !blockTriggered, SegmentRecognisers.triggers.containsAny(in: bytes) { blockTriggered = true }
            block.append((String(decoding: bytes, as: UTF8.self), number, matched, identified))
            blockBytes += bytes.count
            if block.count >= Self.blockLineCap || blockBytes >= Self.blockByteCap { flush() }
        }
    }

    /// Version and identity values on a classified line (`FieldExtractor`); `marked` when `fields.mark(content)`
    /// was just called.
    func readFields(_ content: UnsafeBufferPointer<UInt8>, _ cls: LineClass, _ number: Int64, marked: Bool = false) {
        // The input's name is read only when a value is found (no retain of it per line).
        fields.read(
            content, kind: cls.kind, commentedOutput: cls.commentedOutput, marked: marked,
            source: { "\(self.input):\(number)" }, into: &identity)
    }

    /// Whether the line the fields last marked may hold a word of the TensorRT reader (`TensorRTLog.anywhereWords`,
    /// found without case: the reader checks case itself). Words hold no space, tab or `>`, so the line's content
    /// holds every one the whole line does.
    var tensorRTWords: Bool { fields.found(also: 0) }
    /// Whether the line the fields last marked may hold a `sentence` signal's literal (ASCII case folded).
    var sentenceWords: Bool { fields.found(also: 1) }

    /// Reads a message wrapped after a colon: when this output line matched no signal and the one before ended with
    /// `:`, the two are scanned joined (once: a joined match ends the chain); a line ending with `:` is kept for the
    /// next.
    func scanWrapped(_ content: UnsafeBufferPointer<UInt8>, _ number: Int64) {
        var matched = scanner.lastLineMatched
        if !matched, !colonTail.isEmpty {
            var joined = colonTail
            joined.append(32)
            joined.append(contentsOf: content.prefix(Self.colonTailCap * 2))
            joined.withUnsafeBufferPointer { line in
                scanner.scan(line, SignalScanner.LineRef(label: input, number: number, isLog: false))
                noteLibraries(line)
            }
            matched = scanner.lastLineMatched
        }
        colonTail.removeAll(keepingCapacity: true)
        var end = content.count
        while end > 0, content[end - 1] == 32 || content[end - 1] == 13 { end -= 1 }
        if !matched, end > 0, end <= Self.colonTailCap, content[end - 1] == 58 {  // :
            colonTail.append(contentsOf: content[0..<end])
        }
    }

    /// Keeps the library a loader signal's line names (`LoaderLibraries`).
    func noteLibraries(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard scanner.lastLineMatched else { return }
        for name in scanner.lastMatched { libraries.note(name, bytes) }
    }

    /// The evidence line and its location: message with device prefix, `input:line [timestamp]` or kmsg seq.
    static func describe(
        _ bytes: UnsafeBufferPointer<UInt8>, input: String, number: Int64, isLog: Bool
    ) -> SignalScanner.Hit {
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard isLog else { return SignalScanner.Hit(line: trimmed, location: "\(input):\(number)") }
        if let record = KmsgRecord.parse(trimmed) {
            return SignalScanner.Hit(line: record.message, location: "\(input):\(number) (kmsg seq \(record.sequence))")
        }
        let start = LineShape.contentStart(bytes)
        guard let parsed = DmesgLine.parse(bytes: UnsafeBufferPointer(rebasing: bytes[start...])) else {
            return SignalScanner.Hit(line: trimmed, location: "\(input):\(number)")
        }
        var stamp = ""
        if let clock = parsed.wallClock {
            stamp = " [\(clock)]"
        } else if let seconds = parsed.timestamp {
            stamp = parsed.isRelative ? " [+\(seconds)]" : " [\(String(format: "%.6f", seconds))]"
        }
        return SignalScanner.Hit(line: parsed.message, location: "\(input):\(number)\(stamp)")
    }

    func addSegment(_ kind: SegmentKind, _ first: Int64, _ last: Int64? = nil) {
        let end = last ?? first
        let count = end - first + 1
        if kind == .unrecognised { unrecognisedLines += count }
        if var previous = segments.last, previous.kind == kind, previous.input == input {
            previous.lastLine = end
            previous.lines += count
            segments[segments.count - 1] = previous
            return
        }
        guard segments.count < Self.segmentCap else {
            unlistedSegments += 1
            return
        }
        segments.append(Segment(kind: kind, input: input, firstLine: first, lastLine: end, lines: count))
    }

    /// Recognises the gathered block: as a whole, else line by line; a block without any recogniser's word is counted
    /// as unrecognised (or as application log lines where a signal matched) without being parsed.
    func flush() {
        guard let first = block.first, let last = block.last else { return }
        defer {
            block.removeAll(keepingCapacity: true)
            blockBytes = 0
            blockTriggered = false
        }
        guard blockTriggered else {
            for (lineText, number, matched, identified) in block {
                addSegment(Self.kind(lineText, matched: matched, identified: identified), number)
            }
            return
        }
        let source =
            first.number == last.number ? "\(input):\(first.number)" : "\(input):\(first.number)-\(last.number)"
        let text = block.map { Self.unquote($0.text) }.joined(separator: "\n") + "\n"
        if let kind = SegmentRecognisers.recognise(text, source: source, into: &facts) {
            addSegment(kind, first.number, last.number)
            return
        }
        for (lineText, number, matched, identified) in block {
            if let kind = SegmentRecognisers.recogniseLine(
                lineText, identified: identified, source: "\(input):\(number)", into: &facts)
            {
                addSegment(kind, number)
            } else {
                addSegment(Self.kind(lineText, matched: matched, identified: identified), number)
            }
        }
    }

    /// The kind of an output line no block recogniser took: loader or application errors where a signal matched,
    /// version or identity output where a field of a tool's format did, else unrecognised.
    static func kind(_ line: String, matched: Bool, identified: Bool) -> SegmentKind {
        if matched { return line.contains(" => ") ? .ldd : .applicationLog }
        return identified ? .versionOutput : .unrecognised
    }

    /// Drops a markdown quote prefix (`> `).
    static func unquote(_ text: String) -> String {
        guard text.hasPrefix(">") else { return text }
        return String(text.drop { $0 == ">" || $0 == " " })
    }

    /// Ends the input: records the signal facts and what the artefacts show about the platform.
    public func finish() -> FactTable {
        flush()
        fields.finish(into: &identity)
        IdentityFacts.record(identity, table: fields.table, into: &facts)
        let seen = scanner.instancesSeen
        for index in seen { facts.addInstance("dla", index) }
        let source = "analyze input"
        if kernelLogLines > 0 {
            facts.set("kernel_log.available", .bool(true), source: source, raw: "\(kernelLogLines) lines")
        }
        scanner.record(
            into: &facts, instances: facts.instances["dla"] ?? [], source: source, onlyMatched: kernelLogLines == 0)
        for signal in LoaderLibraries.signals where (facts.int("log.\(signal).count") ?? 0) > 0 {
            let names = libraries.names[signal] ?? []
            facts.set(
                "log.\(signal).libraries", .string(names.isEmpty ? "not named" : names.joined(separator: ", ")),
                source: facts["log.\(signal).first"]?.source ?? source)
        }
        // The presence-chain facts the fuse and probe rules (NVDLA-DRV-001/002/003) read, from the signals.
        KernelLogProbe.deriveChainFacts(into: &facts, source: source)
        if (facts.int("log.tegra_marker.count") ?? 0) > 0 {
            SegmentRecognisers.markJetson(source: facts["log.tegra_marker.count"]?.source ?? source, into: &facts)
        }
        if facts.value("platform.jetson_evidence") == nil {
            facts.set(
                "platform.jetson_evidence", .bool(false), source: source, raw: "no Jetson/Tegra sign in the input")
        }
        facts.set("source.artifacts", .bool(true), source: source)
        tensorrt.requestedAround = (identity.best("identity.dla_request")?.rank ?? 0) >= 2
        TensorRTFacts.record(tensorrt, into: &facts)
        IdentityFacts.recordLogVersion(identity, into: &facts)
        IdentityFacts.recordRequest(identity, into: &facts)
        IdentityFacts.recordStatedPlacement(identity, into: &facts)
        IdentityFacts.recordBoardPlacement(into: &facts)
        // What the pasted versions imply together (TensorRT's DLA support, an unknown release's differences).
        VersionsProbe.deriveStack(into: &facts)
        // For artefacts, DLA present counts only what they show (probe successes, device nodes).
        let shown = (facts.instances["dla"] ?? []).filter {
            (facts.int("dla.\($0).log.probe_ok.count") ?? 0) > 0 || facts.bool("dla.\($0).node.ctrl.present") == true
        }
        if !shown.isEmpty {
            facts.set(
                "platform.dla_present", .int(Int64(shown.count)), source: source, raw: shown.joined(separator: ", "))
        }
        return facts
    }

    /// What was used, for the report: one line per segment, then counts of what was not.
    public var notes: [String] {
        var lines = segments.map { segment -> String in
            let word = segment.kind == .unrecognised ? "not recognised" : "recognised"
            return "  \(word): \(segment.kind.rawValue) (\(segment.input) \(range(segment)))"
        }
        if unlistedSegments > 0 { lines.append("  … and \(unlistedSegments) more segments") }
        if proseLines > 0 {
            lines.append("  read for stated versions only: \(proseLines) line(s) of prose and comments")
        }
        if binaryLines > 0 { lines.append("  skipped: \(binaryLines) binary line(s) (NUL or control bytes)") }
        if truncatedLines > 0 {
            lines.append("  truncated: \(truncatedLines) line(s) longer than 64 KiB (matched on their first 64 KiB)")
        }
        return ["input:"] + lines
    }

    func range(_ segment: Segment) -> String {
        let span =
            segment.firstLine == segment.lastLine
            ? "line \(segment.firstLine)" : "lines \(segment.firstLine)–\(segment.lastLine)"
        return segment.lines == segment.lastLine - segment.firstLine + 1 ? span : "\(span), \(segment.lines) lines"
    }
}
