import Foundation
import Testing

@testable import NvdlaProbe

/// Each fixture scenario gives exactly the findings for its broken link, and the right platform block.
@Suite("Scenarios")
struct ScenarioTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        let scenario: String
        let status: ReportStatus
        let findings: [String]
        var module: String? = "p3701-0005"
        var l4t: String? = "36.4.3"
        var jetpack: String? = "6.2"
        var expected: Int? = 2
        var present: Int? = 2
        /// Run with `--deep` (reads that wake the DLA).
        var deep = false
        /// `rule:subject` of the checks that must be inconclusive (non-root views).
        var inconclusive: [String] = []
        var testDescription: String { scenario + (deep ? " --deep" : "") }
    }

    static let table: [Expectation] = [
        Expectation(scenario: "jp6-agx-orin-64gb", status: .ok, findings: []),
        Expectation(scenario: "jp6-agx-orin-status-absent", status: .ok, findings: []),
        Expectation(
            scenario: "jp5-agx-orin", status: .ok, findings: [], module: "p3701-0000", l4t: "35.4.1", jetpack: "5.1.2"),
        Expectation(
            scenario: "jp5-agx-xavier", status: .ok, findings: [], module: "p2888-0001", l4t: "35.4.1",
            jetpack: "5.1.2"),
        Expectation(
            scenario: "jp5-agx-orin-no-dpkg", status: .ok, findings: [], module: "p3701-0000", l4t: "35.4.1",
            jetpack: "5.1.2"),
        Expectation(
            scenario: "jp6-orin-nano", status: .ok, findings: ["NVDLA-PLAT-001:system"], module: "p3767-0005",
            expected: 0, present: 0),
        Expectation(
            scenario: "jp6-orin-nx-8gb-dla0", status: .ok, findings: [], module: "p3767-0001", expected: 1,
            present: 1),
        Expectation(
            scenario: "jp6-orin-nx-8gb-dla1", status: .ok, findings: ["NVDLA-DRV-002:dla0"], module: "p3767-0001",
            expected: 1, present: 1),
        // A release the table does not know takes its JetPack from the nvidia-jetpack package and is never judged.
        Expectation(
            scenario: "jp6-agx-orin-unknown-l4t", status: .ok, findings: ["NVDLA-VER-001:system"], l4t: "36.9.1",
            jetpack: "6.3"),
        Expectation(scenario: "jp6-agx-orin-trt8", status: .error, findings: ["NVDLA-VER-005:system"]),
        Expectation(scenario: "jp6-agx-orin-core-mismatch", status: .warning, findings: ["NVDLA-VER-003:system"]),
        Expectation(scenario: "jp6-agx-orin-kernel-mismatch", status: .error, findings: ["NVDLA-VER-004:system"]),
        Expectation(
            scenario: "jp6-agx-orin-cuda11", status: .warning,
            findings: ["NVDLA-VER-006:system", "NVDLA-VER-007:system"]),
        Expectation(
            scenario: "jp6-agx-orin-dt-disabled", status: .error, findings: ["NVDLA-DT-001:system"], present: 0),
        Expectation(
            scenario: "jp6-agx-orin-unbound", status: .error, findings: ["NVDLA-DRV-001:dla0", "NVDLA-FW-001:system"],
            present: 1),
        Expectation(
            scenario: "jp6-agx-orin-module-not-loaded", status: .error, findings: ["NVDLA-DRV-005:system"],
            present: 0),
        Expectation(
            scenario: "jp6-agx-orin-devnode-missing", status: .error, findings: ["NVDLA-DEV-001:dla1"], present: 1),
        Expectation(
            scenario: "jp6-agx-orin-devnode-perms", status: .warning,
            findings: ["NVDLA-DEV-003:dla0", "NVDLA-DEV-003:dla1"]),
        Expectation(scenario: "jp6-agx-orin-devnode-majmin", status: .error, findings: ["NVDLA-DEV-004:dla0"]),
        Expectation(scenario: "jp6-agx-orin-rpm-error", status: .error, findings: ["NVDLA-PWR-001:dla1"]),
        Expectation(
            scenario: "jp6-agx-orin-container", status: .error, findings: ["NVDLA-DEV-006:system"], present: 0),
        // Memory, SMMU, clocks, firmware. The SMMU-fault scenarios carry only kernel-log evidence: their findings
        // come from the kernel-log signals (smmu_fault), so the sysfs view of them is healthy.
        Expectation(
            scenario: "jp6-agx-orin-cma-exhausted", status: .error,
            findings: ["NVDLA-MEM-002:system", "NVDLA-MEM-103:dla0"]),
        Expectation(scenario: "jp6-agx-orin-cma-fragmented", status: .warning, findings: ["NVDLA-MEM-003:system"]),
        // cma=64M got its 64 MiB: the reservation did not fail, the override is an information.
        Expectation(scenario: "jp6-agx-orin-cma-cmdline", status: .ok, findings: ["NVDLA-MEM-004:system"]),
        Expectation(scenario: "jp6-agx-orin-smmu-fault-dla0", status: .error, findings: ["NVDLA-SMMU-101:dla0"]),
        Expectation(scenario: "jp6-agx-orin-smmu-fault-other", status: .ok, findings: ["NVDLA-SMMU-102:system"]),
        Expectation(scenario: "jp6-agx-orin-no-iommu-group", status: .error, findings: ["NVDLA-SMMU-001:dla0"]),
        Expectation(
            scenario: "jp6-agx-orin-nvpmodel-15w", status: .ok, findings: ["NVDLA-CLK-001:dla0", "NVDLA-CLK-001:dla1"]),
        Expectation(scenario: "jp6-agx-orin-clk-zero", status: .error, findings: ["NVDLA-CLK-003:dla0"]),
        Expectation(scenario: "jp6-agx-orin-fw-missing", status: .error, findings: ["NVDLA-FW-001:system"]),
        Expectation(scenario: "jp6-agx-orin-fw-version", status: .error, findings: ["NVDLA-FW-102:dla0"]),
        Expectation(
            scenario: "jp6-agx-orin-fw-version", status: .error, findings: ["NVDLA-FW-004:dla0", "NVDLA-FW-004:dla1"],
            deep: true),
        Expectation(scenario: "jp6-agx-orin-64gb", status: .ok, findings: [], deep: true),
        // Platform fidelity (issue 16): releases and boards of every generation, stock, give no false warning.
        Expectation(
            scenario: "jp4-agx-xavier", status: .ok, findings: [], module: "p2888-0001", l4t: "32.5.1",
            jetpack: "4.5.1"),
        Expectation(
            scenario: "jp5-agx-orin-64gb", status: .ok, findings: [], module: "p3701-0005", l4t: "35.4.1",
            jetpack: "5.1.2"),
        Expectation(
            scenario: "jp5-agx-orin-cuda12", status: .ok, findings: ["NVDLA-VER-009:system"], module: "p3701-0000",
            l4t: "35.4.1", jetpack: "5.1.2"),
        Expectation(
            scenario: "jp72-agx-orin-trt-no-dla", status: .warning, findings: ["NVDLA-VER-008:system"], l4t: "39.2.0",
            jetpack: "7.2"),
        Expectation(
            scenario: "jp71-agx-thor", status: .ok, findings: ["NVDLA-PLAT-001:system"], module: "p3834-0008",
            l4t: "38.4.0", jetpack: "7.1", expected: 0, present: 0),
        Expectation(
            scenario: "jp6-agx-orin-default-mode", status: .ok,
            findings: ["NVDLA-CLK-001:dla0", "NVDLA-CLK-001:dla1"]),
        Expectation(
            scenario: "jp6-agx-orin-container-partial", status: .error, findings: ["NVDLA-DEV-008:system"]),
        Expectation(
            scenario: "jp6-agx-orin-nonroot", status: .unknown, findings: [],
            inconclusive: [
                "NVDLA-CLK-002:dla0", "NVDLA-CLK-002:dla1", "NVDLA-CLK-003:dla0", "NVDLA-CLK-003:dla1",
                "NVDLA-MEM-003:system",
            ]),
    ]

    @Test("scenario gives exactly its findings", arguments: table)
    func scenario(_ expectation: Expectation) {
        let report = Fixtures.check(scenario: expectation.scenario, deep: expectation.deep)
        #expect(report.findingKeys == expectation.findings.sorted())
        #expect(report.status == expectation.status)
        #expect(
            report.inconclusive.map { "\($0.rule):\($0.subject)" }.sorted() == expectation.inconclusive.sorted(),
            "inconclusive: \(report.inconclusive.map(\.rule))")
        #expect(report.platform.module == expectation.module)
        #expect(report.platform.l4t == expectation.l4t)
        #expect(report.platform.jetpack == expectation.jetpack)
        #expect(report.platform.dlaExpected == expectation.expected)
        #expect(report.platform.dlaPresent == expectation.present)
    }

    @Test("every scenario directory is covered by the table or a dedicated test")
    func everyScenarioCovered() {
        let covered = Set(Self.table.map(\.scenario)).union(["non-jetson", "bad-links", "bad-garbage"])
        #expect(Set(Fixtures.scenarios).subtracting(covered).isEmpty)
    }

    @Test("a root without a Tegra SoC is reported plainly and cannot be assessed")
    func nonJetson() {
        let report = Fixtures.check(scenario: "non-jetson")
        #expect(report.status == .unknown)
        #expect(report.status.exitCode == 3)
        #expect(report.findings.isEmpty)
        #expect(report.unassessable?.contains("No NVIDIA Tegra SoC") == true)
        #expect(report.platform.soc == nil)
    }

    @Test("hostile links and garbage files give no finding, no crash, and say why checks are inconclusive")
    func badInputs() {
        for scenario in ["bad-links", "bad-garbage"] {
            let report = Fixtures.check(scenario: scenario)
            #expect(report.findings.filter { $0.severity != .info }.isEmpty, "\(scenario): \(report.findingKeys)")
            #expect(report.status == .ok)
            #expect(report.inconclusive.allSatisfy { $0.reason == "malformed" || $0.reason == "blocked" })
            #expect(report.platform.module == "p3701-0005")
        }
    }

    @Test("without a kernel log, the fuse-dependent and log checks are inconclusive and the DLA count still decides")
    func noKernelLog() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = temp.copy(scenario: "jp6-agx-orin-unbound")
        try FileManager.default.removeItem(atPath: root + "/.nvdla-doctor/kmsg")
        let report = Fixtures.check(root)
        #expect(report.findingKeys == ["NVDLA-FW-001:system", "NVDLA-PLAT-003:system"])
        // Every rule reading the log is undecided, none passed: the snapshot simply has no log (not "need root").
        #expect(
            Set(report.inconclusive.map(\.rule)) == [
                "NVDLA-DRV-001", "NVDLA-DRV-003", "NVDLA-DRV-009", "NVDLA-DRV-010", "NVDLA-DRV-011", "NVDLA-DRV-013",
                "NVDLA-DRV-014", "NVDLA-FW-102", "NVDLA-MEM-101", "NVDLA-MEM-103", "NVDLA-MEM-104", "NVDLA-SMMU-101",
                "NVDLA-SMMU-102",
            ])
        #expect(report.inconclusive.allSatisfy { $0.reason == "missing" && !$0.isImportant })
        #expect(!report.passed.contains { $0.rule == "NVDLA-SMMU-101" })
    }
}
