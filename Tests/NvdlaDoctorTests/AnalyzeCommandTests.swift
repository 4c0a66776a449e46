import Foundation
import Testing

/// `nvdla-doctor analyze` through the built binary: exit statuses, JSON, stdin, and hostile input.
@Suite("analyze command")
struct AnalyzeCommandTests {
    /// A temporary directory for generated inputs, removed afterwards.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nvdla-analyze-\(UUID().uuidString)")
        init() { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = url.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }
    }

    static let smmu = """
        [  812.113002] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x3ffe0000, fsynr=0x290011, cbfrsynra=0x2b, cb=2

        """

    @Test("a DLA fault exits 2; a benign log 0; a warning 1; unrecognised text 3; no argument 64")
    func exitStatus() throws {
        let scratch = Scratch()
        #expect(try Binary.run(["analyze", try scratch.file("smmu.txt", Self.smmu)]).status == 2)
        let benign = "falcon 154c0000.nvenc: Direct firmware load for nvhost_nvenc080.fw failed with error -2\n"
        #expect(try Binary.run(["analyze", try scratch.file("benign.txt", benign)]).status == 0)
        let cma = "[ 1.0] cma: cma_alloc: alloc failed, req-size: 19200 pages, ret: -12\n"
        #expect(try Binary.run(["analyze", try scratch.file("cma.txt", cma)]).status == 1)
        let prose = try Binary.run(["analyze", try scratch.file("prose.txt", "dear support,\nit does not work\n")])
        #expect(prose.status == 3)
        #expect(prose.stdout.contains("Nothing in"))
        #expect(try Binary.run(["analyze"]).status == 64)
    }

    @Test("JSON: source kind artifacts, segments listed on stderr, findings with the line as evidence")
    func json() throws {
        let scratch = Scratch()
        let result = try Binary.run(["analyze", "--format", "json", try scratch.file("smmu.txt", Self.smmu)])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["source"] as? [String: Any])?["kind"] as? String == "artifacts")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["id"] as? String } == ["NVDLA-SMMU-101"])
        #expect(result.stderr.contains("recognised: kernel log"))
        #expect((object["inconclusive"] as? [Any])?.isEmpty ?? true)
    }

    @Test("bad input: empty file, directory, missing file, NUL bytes, invalid UTF-8, 1 MB lines — no crash")
    func badInput() throws {
        let scratch = Scratch()
        let empty = try Binary.run(["analyze", try scratch.file("empty.txt", [])])
        #expect(empty.status == 3)
        let directory = try Binary.run(["analyze", scratch.url.path])
        #expect(directory.status == 3)
        #expect(directory.stderr.contains("is a directory"))
        let missing = try Binary.run(["analyze", scratch.url.appendingPathComponent("nope").path])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("No such file"))
        var junk: [UInt8] = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        junk += [10] + Array(Self.smmu.utf8)
        let garbage = try Binary.run(["analyze", try scratch.file("junk.bin", junk)])
        #expect(garbage.status == 2, "\(garbage.stderr)")
        var long = Array(repeating: UInt8(ascii: "x"), count: 1_048_576) + [10]
        long += Array(Self.smmu.utf8)
        let longLines = try Binary.run(["analyze", try scratch.file("long.txt", long)])
        #expect(longLines.status == 2)
        #expect(longLines.stdout.contains("longer than 64 KiB"))
        let utf8 = try Binary.run([
            "analyze", try scratch.file("bad-utf8.txt", [0xC3, 0x28, 0xFF, 10] + Array(Self.smmu.utf8)),
        ])
        #expect(utf8.status == 2)
    }

    @Test("stdin closed at once is empty input (exit 3); a readable file beside an unreadable one is still analysed")
    func stdinAndMixed() throws {
        let scratch = Scratch()
        #expect(try Binary.run(["analyze", "-"]).status == 3)
        let mixed = try Binary.run(["analyze", scratch.url.path, try scratch.file("smmu.txt", Self.smmu)])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("is a directory"))
    }
}
