import Foundation
import Testing

@testable import NvdlaProbe

/// `analyze` reading an input on two threads (`LinePipeline`) against reading it on one (`LineReader`): the same
/// report, facts, notes and counts, on every corpus file and on inputs spanning many blocks.
@Suite("Line pipeline")
struct LinePipelineTests {
    /// The JSON report with facts, the notes and the line counts of `data` read from a file, on two threads or one.
    static func result(_ data: Data, pipelined: Bool) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString).txt")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        let analysis = ArtifactAnalysis(signals: Fixtures.rules.signals)
        let problem = analysis.feed(fd: fd, name: "input.txt", pipelined: pipelined)
        let report = AnalyzeJob.report(analysis, rules: Fixtures.rules, path: "input.txt")
        let counts = [
            analysis.kernelLogLines, analysis.proseLines, analysis.promptLines, analysis.binaryLines,
            analysis.truncatedLines, analysis.unrecognisedLines,
        ]
        return [
            JSONRenderer.render(report, includeFacts: true), analysis.notes.joined(separator: "\n"), "\(counts)",
            problem ?? "",
        ].joined(separator: "\n")
    }

    static func corpusFiles() throws -> [URL] {
        let corpus = Fixtures.packageRoot.appendingPathComponent("Tests/Corpus")
        return try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { corpus.appendingPathComponent($0) }
    }

    @Test("every corpus file gives the same report on two threads as on one")
    func corpus() throws {
        var differing: [String] = []
        for url in try Self.corpusFiles() {
            let data = try Data(contentsOf: url)
            if try Self.result(data, pipelined: true) != Self.result(data, pipelined: false) {
                differing.append(url.lastPathComponent)
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test("an input of many blocks, long lines, CRLF and no final newline gives the same report on two threads")
    func manyBlocks() throws {
        // The corpus, repeated past several blocks of lines and bytes, with lines over 64 KiB (cut), CRLF endings,
        // blank runs and prose, and no newline at the end.
        var data = Data()
        let files = try Self.corpusFiles()
        var round = 0
        while data.count < 3 * LinePipeline.blockBytes || round < 2 {
            for url in files { data += try Data(contentsOf: url) }
            data += Data(repeating: UInt8(ascii: "x"), count: LineReader.maxLine + 100) + Data("\n".utf8)
            data += Data("A line of plain prose with CRLF at its end.\r\n\r\n".utf8)
            data += Data(String(repeating: "short line\n", count: LinePipeline.blockLines + 7).utf8)
            round += 1
        }
        data += Data("the last words, with no newline".utf8)
        #expect(try Self.result(data, pipelined: true) == Self.result(data, pipelined: false))
        // Empty input and a single line without newline.
        for text in ["", "one two three four", "\n\n\n"] {
            let small = Data(text.utf8)
            #expect(try Self.result(small, pipelined: true) == Self.result(small, pipelined: false), "\(text)")
        }
    }
}
