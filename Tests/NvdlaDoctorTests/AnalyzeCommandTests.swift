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

    @Test("binary input (an ELF file, random bytes, a bundle) cannot be assessed: exit 3 naming what it is, never ok")
    func binaryInput() throws {
        let scratch = Scratch()
        var generator = SystemRandomNumberGenerator()
        let random = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let bundle = scratch.url.appendingPathComponent("b.tar.gz").path
        let made = try Binary.run([
            "bundle", "--no-redact", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "-o", bundle,
        ])
        #expect(made.status == 0)
        // A bundle under any name is named as one, with the command that reads it; another tar archive gets the hint.
        let renamed = scratch.url.appendingPathComponent("ticket-4711.dat").path
        try FileManager.default.copyItem(atPath: bundle, toPath: renamed)
        let tree = scratch.url.appendingPathComponent("tree").path
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        try "x\n".write(toFile: tree + "/file.txt", atomically: true, encoding: .utf8)
        let tar = scratch.url.appendingPathComponent("other.tar").path
        let tarred = Process()
        tarred.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tarred.arguments = ["tar", "-cf", tar, "-C", scratch.url.path, "tree"]
        try tarred.run()
        tarred.waitUntilExit()
        let cases: [(String, String)] = [
            (Binary.url.path, "is an ELF file"), (try scratch.file("random.bin", random), "is binary data"),
            (bundle, "is a support bundle"), (bundle, "run `nvdla-doctor check --root \(bundle)`"),
            (renamed, "is a support bundle"), (tar, "is a tar archive:"),
            (tar, "if it holds a support bundle, run `nvdla-doctor check --root \(tar)`"),
        ]
        for (path, what) in cases {
            let result = try Binary.run(["analyze", path])
            #expect(result.status == 3, "\(path): \(result.stdout)")
            #expect(result.stdout.contains(what), "\(path): \(result.stdout)")
            #expect(result.stdout.contains("status: unknown"))
        }
        // Binary garbage inside a pasted log does not hide the log.
        let mixed = try scratch.file("mixed.txt", Array(Self.smmu.utf8) + [0, 1, 2, 0x0A] + Array(Self.smmu.utf8))
        #expect(try Binary.run(["analyze", mixed]).status == 2)
    }

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

    static let trtSplit = """
        &&&& RUNNING TensorRT.trtexec [TensorRT v8602] # trtexec --onnx=yolov8n.onnx --useDLACore=0 --allowGPUFallback --fp16
        [10/14/2024-23:52:59] [W] [TRT] /model.22/Div: DLA cores do not support DIV ElementWise operation.
        [10/14/2024-23:52:59] [W] [TRT] Layer '/model.22/Div' (ELEMENTWISE): Unsupported on DLA. Switching this layer's device type to GPU.
        [10/14/2024-23:53:10] [I] [TRT] ---------- Layers Running on DLA ----------
        [10/14/2024-23:53:10] [I] [TRT] [DlaLayer] {ForeignNode[/model.0/conv/Conv.../model.21/cv2/act/Mul]}
        [10/14/2024-23:53:10] [I] [TRT] ---------- Layers Running on GPU ----------
        [10/14/2024-23:53:10] [I] [TRT] [GpuLayer] POINTWISE: PWN(/model.22/Div)

        """

    @Test("TensorRT log: warning exit, placement line before the findings, trt facts in JSON; healthy log exits 0")
    func tensorrt() throws {
        let scratch = Scratch()
        let text = try Binary.run(["analyze", try scratch.file("build.log", Self.trtSplit)])
        #expect(text.status == 1, "\(text.stdout)")
        #expect(text.stdout.contains("tensorrt 8.6.2 · DLA core 0 · fp16 · GPU fallback allowed"), "\(text.stdout)")
        #expect(text.stdout.contains("placement: DLA 1 subgraph · GPU 1 layer (Pointwise ×1)"), "\(text.stdout)")
        #expect(text.stdout.contains("NVDLA-TRT-002"))
        let json = try Binary.run(["analyze", "--format", "json", "--facts", try scratch.file("b.log", Self.trtSplit)])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let facts = try #require(object["facts"] as? [String: Any])
        #expect((facts["trt.placement"] as? [String: Any])?["value"] as? String == "split")
        #expect((facts["trt.fallback.summary"] as? [String: Any])?["value"] as? String == "Div ×1")
        let healthy = """
            [I] [TRT] ---------- Layers Running on DLA ----------
            [I] [TRT] [DlaLayer] {ForeignNode[conv1...fc8]}
            [I] [TRT] ---------- Layers Running on GPU ----------
            [I] [TRT] No layer is running on GPU

            """
        let ok = try Binary.run(["analyze", try scratch.file("ok.log", healthy)])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("NVDLA-TRT-016"))
    }

    @Test("hostile TensorRT lines: endless lists, brace floods, 1 MB names — bounded, no crash, no invented facts")
    func tensorrtHostile() throws {
        let scratch = Scratch()
        var text = "[I] [TRT] --------------- Layers running on DLA:\n"
        text += "[I] [TRT] " + String(repeating: "{", count: 200_000) + ",\n"
        text += "[I] [TRT] " + String(repeating: "}", count: 200_000) + ",\n"
        text += "[W] [TRT] Layer '" + String(repeating: "x", count: 1_000_000) + "' (SHUFFLE): Unsupported on DLA.\n"
        for n in 0..<20_000 {
            text +=
                "[W] [TRT] Layer '/m.\(n)/Reshape_\(n)' (SHUFFLE): Unsupported on DLA. Switching this layer's device type to GPU.\n"
        }
        let result = try Binary.run(["analyze", "--format", "json", "--facts", try scratch.file("flood.log", text)])
        #expect([0, 1, 2].contains(result.status), "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let facts = try #require(object["facts"] as? [String: Any])
        #expect((facts["trt.fallback.count"] as? [String: Any])?["value"] as? Int == 20_000)
        let reasons = (facts["trt.fallback.reasons"] as? [String: Any])?["value"] as? String ?? ""
        #expect(reasons.count < 1000, "examples stay bounded")
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
