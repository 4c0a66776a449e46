import Foundation
import Testing

@testable import NvdlaProbe

/// `analyze` on pasted artefacts: every family recognised, each problem one finding, traps not blamed on the DLA.
@Suite("Artifact analysis")
struct ArtifactAnalysisTests {
    static func analyze(_ text: String) -> Report {
        AnalyzeJob.analyze(text: text, name: "paste.txt", rules: Fixtures.rules)
    }

    /// The finding IDs of `report`, in its order.
    static func ids(_ report: Report) -> [String] { report.findings.map(\.id) }

    @Test(
        "each artefact variant (TensorRT logs included) gives exactly its findings",
        arguments: ArtifactFixtures.cases + TensorRTFixtures.cases)
    func variant(_ item: ArtifactFixtures.Case) {
        let report = Self.analyze(item.text)
        let keys = report.findings.map { "\($0.id):\($0.subject)" }.sorted()
        #expect(keys == item.findings.sorted(), "\(report.notes.joined(separator: "\n"))")
        #expect(report.inconclusive.isEmpty)
        #expect(report.unassessable == nil)
        #expect(report.source.kind == "artifacts")
    }

    @Test("repeated lines make one finding that cites the count and the first and last line")
    func countsAndEvidence() throws {
        let report = Self.analyze(ArtifactFixtures.cases[0].text)
        let finding = try #require(report.findings.first)
        #expect(finding.message.contains("3 fault(s)"))
        #expect(finding.evidence.first?.observed.contains("iova=0x3ffe0000") == true)
        #expect(finding.evidence.last?.observed.contains("iova=0x3ffe2000") == true)
        #expect(finding.evidence.first?.source == "paste.txt:3 [812.113002]")
        #expect(report.facts.int("dla.0.log.smmu_fault.count") == 3)
        #expect(report.facts.int("log.smmu_fault.other.count") == 0)
        #expect(report.facts.int("log.cma_alloc_failed.count") == 0)
    }

    @Test("a pasted jetson_release identifies the module and its DLA count")
    func jetsonRelease() {
        let report = Self.analyze(ArtifactFixtures.cases.first { $0.name.hasPrefix("Orin NX 8GB") }?.text ?? "")
        #expect(report.platform.module == "p3767-0001")
        #expect(report.platform.dlaExpected == 1)
        #expect(report.platform.l4t == "36.4.3")
        #expect(report.platform.jetpack == "6.2")
        #expect(report.facts.string("versions.tensorrt") == "10.3.0.30")
    }

    @Test("DLA present counts the instances the artefacts show (JP6 probe-success lines)")
    func present() {
        let report = Self.analyze(
            """
            [    5.871002] nvdla 15880000.nvdla0: syncpt_unit_base 60000000 syncpt_unit_size 4000000 size 10000
            [    5.914030] nvdla 158c0000.nvdla1: syncpt_unit_base 60000000 syncpt_unit_size 4000000 size 10000
            """)
        #expect(report.platform.dlaPresent == 2)
        #expect(report.findings.isEmpty)
    }

    @Test("an old jetson_release without a P-number still gives the SoC and the DLA count from the module name")
    func oldJetsonRelease() {
        let text = """
             - NVIDIA Jetson AGX Xavier [16GB]
               * Jetpack 5.1.1 [L4T 35.3.1]
            """
        let report = Self.analyze(text)
        #expect(report.platform.soc == "tegra194")
        #expect(report.platform.dlaExpected == 2)
        #expect(report.platform.l4t == "35.3.1")
        #expect(Self.analyze(" - NVIDIA Jetson Orin NX (8GB ram)").platform.dlaExpected == 1)
        #expect(Self.analyze("NVIDIA Jetson Orin NX (16GB ram)").platform.dlaExpected == 2)
        #expect(Self.analyze("Model: NVIDIA Orin NX Developer Kit").platform.dlaExpected == nil)
        #expect(Self.analyze("Model: NVIDIA Orin NX Developer Kit").platform.soc == "tegra234")
    }

    @Test("a pasted /dev/kmsg dump with dictionary lines is one kernel-log segment")
    func kmsgDump() {
        let report = Self.analyze(
            """
            4,35,5872524,-;nvdla 15880000.nvdla0: Direct firmware load for nvidia/tegra234/nvdla.bin failed with error -2
             SUBSYSTEM=platform
             DEVICE=+platform:15880000.nvdla0
            4,37,5872546,-;nvdla: probe of 15880000.nvdla0 failed with error -2
            """)
        #expect(report.notes.filter { $0.contains("recognised") } == ["  recognised: kernel log (paste.txt lines 1–4)"])
        #expect(report.findings.map(\.id).sorted() == ["NVDLA-DRV-012", "NVDLA-FW-101"])
        #expect(
            report.findings.first { $0.id == "NVDLA-FW-101" }?.evidence.first?.source == "paste.txt:1 (kmsg seq 35)")
    }

    @Test("tegrastats lines of JetPack 4 (no timestamp) and 6 are recognised and mean nothing by themselves")
    func tegrastats() {
        let report = Self.analyze(
            """
            RAM 2034/3964MB (lfb 9x4MB) SWAP 0/1982MB (cached 0MB) CPU [5%@1479,2%@1479,off,off] EMC_FREQ 0% GR3D_FREQ 0% PLL@30C
            05-09-2026 18:42:06 RAM 18207/62841MB (lfb 466x4MB) CPU [14%@2188,2%@2188] EMC_FREQ 3%@2133 NVDLA0 off NVDLA1 off
            """)
        #expect(report.notes.contains("  recognised: tegrastats (paste.txt lines 1–2)"))
        #expect(report.findings.isEmpty)
    }

    @Test("without a kernel log, log rules are silent, not inconclusive")
    func silentWithoutInput() {
        let report = Self.analyze("# R36 (release), REVISION: 4.3, GCID: 1, BOARD: generic, EABI: aarch64, DATE: x\n")
        #expect(report.findings.isEmpty)
        #expect(report.inconclusive.isEmpty)
        #expect(report.facts["log.smmu_fault.count"] == nil)
        #expect(report.facts.string("versions.l4t") == "36.4.3")
    }

    @Test("text nothing recognises is reported as such, and nothing is assessed")
    func unrecognised() {
        let report = Self.analyze("hello\nthis is a shopping list\n- eggs\n")
        #expect(report.unassessable != nil)
        #expect(report.status == .unknown)
        #expect(report.notes.contains { $0.contains("not recognised") })
    }

    @Test("log signals also count in check, from the snapshot's kmsg")
    func checkSignals() {
        let report = Fixtures.check(scenario: "jp6-agx-orin-unbound")
        #expect(report.facts.int("log.fw_load_failed.count") == 1)
        #expect(report.facts.int("dla.0.log.probe_failed.count") == 1)
        #expect(report.facts.int("dla.1.log.engine_timeout.count") == 0)
        #expect(report.facts["log.fw_load_failed.first"]?.source == "/dev/kmsg (kmsg seq 35)")
    }

    @Test("binary garbage, NUL bytes and invalid UTF-8 never crash and are skipped")
    func garbage() {
        let analysis = ArtifactAnalysis(signals: Fixtures.rules.signals)
        var bytes: [UInt8] = Array("[    1.0] cma: cma_alloc: alloc failed, req-size: 1 pages, ret: -12\n".utf8)
        bytes += [0, 1, 2, 0xff, 0xfe, 10, 0xc3, 0x28, 0x41, 10]
        bytes += Array(repeating: 0x41, count: 200_000) + [10]
        let text = String(decoding: bytes, as: UTF8.self)
        analysis.feed(text: text, name: "junk")
        let report = AnalyzeJob.report(analysis, rules: Fixtures.rules, path: "junk")
        #expect(report.facts.int("log.cma_alloc_failed.count") == 1)
        #expect(analysis.binaryLines >= 1)
    }
}
