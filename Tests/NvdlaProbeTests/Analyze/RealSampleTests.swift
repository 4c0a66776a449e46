import Foundation
import Testing

@testable import NvdlaProbe

/// The real artefacts of `Tests/RealSamples/` give the diagnosis their `expected:` header describes.
@Suite("Real samples")
struct RealSampleTests {
    static let directory = Fixtures.packageRoot.appendingPathComponent("Tests/RealSamples")

    struct Sample {
        let name: String
        let kind: String
        let body: String
    }

    /// Header lines start with `# `; the artefact follows the first blank line.
    static func load() throws -> [Sample] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }
        return try names.sorted().map { name in
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let header = text.components(separatedBy: "\n\n").first ?? ""
            let body = text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
            let kind =
                header.split(separator: "\n").first { $0.hasPrefix("# kind:") }
                .map { $0.dropFirst("# kind:".count).trimmingCharacters(in: .whitespaces) } ?? "?"
            return Sample(name: name, kind: kind, body: body)
        }
    }

    /// What each sample's `expected:` header asks for, as findings and platform facts.
    static func check(_ sample: Sample, _ report: Report) {
        let keys = Set(report.findings.map { "\($0.id):\($0.subject)" })
        let blamesDLA = report.findings.contains {
            $0.severity != .info && ($0.subject.hasPrefix("dla") || [.smmu, .firmware, .driver].contains($0.area))
        }
        switch String(sample.name.prefix(3)) {
        case "029":  // libnvdla_compiler.so missing in the container: a userspace error
            #expect(keys.contains("NVDLA-USR-001:system"), "\(keys)")
        case "030":  // PVA syncpoint stuck: not the DLA
            #expect(!blamesDLA, "\(keys)")
            #expect(keys.contains("NVDLA-DRV-014:system"))
            #expect(report.facts.int("log.syncpt_stuck.other.count") == 2)
        case "032":  // nvenc firmware retried from the subdirectory: benign
            #expect(report.findings.isEmpty, "\(keys)")
            #expect(report.status == .ok)
        case "035":  // AGX Orin 64GB, JetPack 6.0 / L4T 36.3.0, consistent; MODE_30W caps clocks
            #expect(report.platform.module == "p3701-0005")
            #expect(report.platform.dlaExpected == 2)
            #expect(report.platform.l4t == "36.3.0")
            #expect(report.platform.jetpack == "6.0")
            #expect(report.facts.string("versions.cuda") == "12.2.140")
            #expect(report.facts.string("versions.tensorrt") == "8.6.2.3")
            #expect(keys == ["NVDLA-CLK-101:system"])
        case "044":  // healthy MAXN baseline; tegrastats without NVDLA fields means nothing
            #expect(report.findings.isEmpty, "\(keys)")
            #expect(report.platform.soc == "tegra234")
            #expect(report.notes.contains { $0.contains("tegrastats") })
            #expect(report.notes.contains { $0.contains("jetson_clocks") })
        case "049":  // consistent L4T 36.4.0 with the DLA compiler
            #expect(report.findings.isEmpty, "\(keys)")
            #expect(report.platform.l4t == "36.4.0")
            #expect(report.facts.string("versions.pkg.dla_compiler") == "36.4.0")
        case "050":  // nvhost-ctrl-nvdla0 crw------- root root
            #expect(keys == ["NVDLA-DEV-007:dla0"])
        case "052":  // Raspberry Pi CMA failure: detected, but not a Jetson
            #expect(keys == ["NVDLA-MEM-102:system"])
            #expect(report.facts.string("log.cma_alloc_failed.first")?.contains("19200 pages") == true)
        default:
            // A sample of these kinds this table does not know yet: it must be recognised and not crash.
            #expect(report.unassessable == nil, "\(sample.name): nothing recognised")
        }
    }

    @Test("every real sample of kinds kernel-log, version, listing, clocks, cma and other gives its expected diagnosis")
    func samples() throws {
        guard FileManager.default.fileExists(atPath: Self.directory.path) else {
            Issue.record("the real samples are not at \(Self.directory.path): they belong in the repository")
            return
        }
        let samples = try Self.load()
        let judged = samples.filter {
            ["kernel-log", "version", "listing", "clocks", "cma", "other"].contains($0.kind)
        }
        #expect(judged.count >= 8)
        for sample in judged {
            let report = AnalyzeJob.analyze(text: sample.body, name: sample.name, rules: Fixtures.rules)
            Self.check(sample, report)
        }
    }

    /// What each trt-log sample's `expected:` header asks for.
    static func checkTensorRT(_ sample: Sample, _ report: Report) {
        let keys = Set(report.findings.map { "\($0.id):\($0.subject)" })
        let facts = report.facts
        // None of these is a kernel, driver or hardware fault.
        #expect(!report.findings.contains { [.driver, .smmu, .firmware, .memory, .devnodes].contains($0.area) })
        switch String(sample.name.prefix(3)) {
        case "001":  // YOLO11: split by validation failures (Concat on non-C axis, Reshape next to Slice/Concat)
            #expect(keys == ["NVDLA-TRT-002:system", "NVDLA-TRT-004:system"], "\(keys)")
            #expect(facts.string("trt.placement") == "split")
            #expect(facts.int("trt.subgraphs.dla") == 2)
            #expect(facts.int("trt.fallback.count") == 5)
            let reasons = facts.list("trt.fallback.reason_list") ?? []
            #expect(reasons.contains(FallbackReason.concatAxis.rawValue))
            #expect(reasons.contains(FallbackReason.reshapeNextToSliceConcat.rawValue))
            #expect(facts.string("trt.fallback.summary")?.contains("Concat ×2") == true)
            #expect(facts.string("trt.gpu.summary")?.hasPrefix("Shuffle ×7, MatMul ×2") == true)
            #expect(facts.int("trt.subgraph_splits") == 1)
        case "005":  // sampleNMT: no layer can run on DLA, 100% GPU, not a driver problem
            #expect(keys == ["NVDLA-TRT-006:system"], "\(keys)")
            #expect(facts.string("trt.placement") == "all_gpu")
            #expect(facts.int("trt.subgraphs.dla") == 0)
            #expect(facts.int("trt.fallback.count") == 10)
        case "008":  // YOLOv3 on Xavier: 8-subgraph limit, later convolutions on GPU
            #expect(keys == ["NVDLA-TRT-003:system"], "\(keys)")
            #expect(facts.int("trt.subgraph_limit") == 8)
            #expect(facts.int("trt.subgraph_limit.layers") == 14)
            #expect(facts.string("trt.subgraph_limit.first") == "layer61-conv")
        case "011":  // TensorRT 7.1 builder assertion at a DLA/GPU region boundary
            #expect(keys == ["NVDLA-TRT-011:system"], "\(keys)")
        case "016":  // a DLA standalone loadable fed to trtexec --loadEngine
            #expect(keys == ["NVDLA-TRT-008:system"], "\(keys)")
            #expect(facts.string("trt.precision") == nil, "a --loadEngine run says nothing about the build")
        case "018":  // the ONNX file is a Git LFS pointer
            #expect(keys == ["NVDLA-TRT-012:system"], "\(keys)")
            #expect(facts.bool("trt.standalone") == true)
            #expect(facts.string("trt.io_format.input") == "fp16:chw16")
            #expect(facts.string("trt.version") == "8.4.1")
        case "021":  // Jetson Nano: dlaEngineCount > 0 fails, the module has no DLA
            #expect(keys == ["NVDLA-TRT-007:system"], "\(keys)")
        case "025":  // healthy: everything on DLA
            #expect(keys == ["NVDLA-TRT-016:system"], "\(keys)")
            #expect(report.status == .ok)
            #expect(facts.string("trt.placement") == "all_dla")
            #expect(facts.int("trt.subgraphs.dla") == 1)
        default:
            #expect(report.unassessable == nil, "\(sample.name): not even recognised as a TensorRT log")
        }
    }

    @Test("every trt-log sample gives the diagnosis of its expected: header")
    func trtLogs() throws {
        guard FileManager.default.fileExists(atPath: Self.directory.path) else {
            Issue.record("the real samples are not at \(Self.directory.path): they belong in the repository")
            return
        }
        let samples = try Self.load().filter { $0.kind == "trt-log" }
        #expect(samples.count >= 8)
        for sample in samples {
            let report = AnalyzeJob.analyze(text: sample.body, name: sample.name, rules: Fixtures.rules)
            Self.checkTensorRT(sample, report)
        }
    }
}
