import Foundation
import Testing

@testable import NvdlaProbe

/// The real artefacts of `../shared/samples/real/` (kinds kernel-log, version, listing, clocks, cma, other) give the
/// diagnosis their `expected:` header describes. trt-log samples belong to issue 6: they must only not break.
@Suite("Real samples")
struct RealSampleTests {
    static let directory = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/samples/real")

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
            Issue.record("the real samples are not at \(Self.directory.path): check out shared/ beside the repository")
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

    @Test("trt-log samples (issue 6) do not break analyze")
    func trtLogs() throws {
        guard FileManager.default.fileExists(atPath: Self.directory.path) else { return }
        for sample in try Self.load() where sample.kind == "trt-log" {
            let report = AnalyzeJob.analyze(text: sample.body, name: sample.name, rules: Fixtures.rules)
            #expect(!report.findings.contains { $0.severity == .error && $0.area != .userspace }, "\(sample.name)")
            #expect(report.unassessable == nil, "\(sample.name): not even recognised as a TensorRT log")
        }
    }
}
