import Foundation
import Testing

@testable import NvdlaProbe

/// What real boards of every release look like (issue 16): each correction of the platform model, asserted on the
/// facts it changes.
@Suite("Platform fidelity")
struct PlatformFidelityTests {
    @Test("the module comes from UEFI's chosen/ids, not from the DTB a JetPack 5 AGX Orin 64GB runs")
    func moduleFromChosenIds() {
        let facts = Fixtures.check(scenario: "jp5-agx-orin-64gb").facts
        #expect(facts.string("platform.module") == "p3701-0005")
        #expect(facts["platform.module"]?.source == DeviceTree.base + "/chosen/ids")
        #expect(facts.list("platform.compatible")?.contains("nvidia,p3701-0000") == true)
        #expect(facts.string("platform.module_sku") == "699-13701-0005-500 M.0")
        #expect(facts.int("memory.cma.stock_bytes") == 512 << 20)
    }

    @Test("board IDs: the module among module and carrier, in every way the bootloaders write them")
    func boardIds() {
        #expect(PlatformProbe.module(fromIds: "3767-0000-301 3768-0000-ES1") == "p3767-0000")
        #expect(PlatformProbe.module(fromIds: "2822-0000-300 2888-0001-400") == "p2888-0001")
        #expect(PlatformProbe.module(fromIds: "3701:0005") == "p3701-0005")
        #expect(PlatformProbe.module(fromIds: "3737-0000-500\u{0}3701-0008-500") == "p3701-0008")
        #expect(PlatformProbe.module(fromIds: "4071-0000-000 3834-0008-400") == "p3834-0008")
        #expect(PlatformProbe.module(fromIds: "9999-0000-000") == "p9999-0000")
        #expect(PlatformProbe.module(fromIds: "") == nil)
        #expect(PlatformProbe.module(fromIds: "garbage 37x1-0005 3701-00") == nil)
        #expect(
            PlatformProbe.idText(Array("3767-0000-301\u{0}3768-0000-ES1\u{0}".utf8)) == "3767-0000-301 3768-0000-ES1")
        #expect(PlatformProbe.idText(Array("3701-0005-500 3737-0000-500".utf8)) == "3701-0005-500 3737-0000-500")
        #expect(PlatformProbe.idText([0xff, 0xfe, 0x00]) == nil)
        #expect(PlatformProbe.idText([]) == nil)
    }

    @Test("plugin-manager board IDs written as child nodes are read too")
    func pluginManagerNodes() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = temp.copy(scenario: "jp4-agx-xavier")
        let ids = root + "/sys/firmware/devicetree/base/chosen/plugin-manager/ids"
        for id in ["2822-0000-300", "2888-0001-400"] {
            try FileManager.default.removeItem(atPath: ids + "/" + id)
            try FileManager.default.createDirectory(atPath: ids + "/" + id, withIntermediateDirectories: true)
        }
        // Without the compatible's module entry, only the plugin-manager names tell the module.
        try Data("nvidia,galen\u{0}nvidia,tegra194\u{0}".utf8).write(
            to: URL(fileURLWithPath: root + "/sys/firmware/devicetree/base/compatible"))
        let facts = Fixtures.check(root).facts
        #expect(facts.string("platform.module") == "p2888-0001")
        #expect(facts.int("platform.dla_expected") == 2)
    }

    @Test("JetPack 4 (kernel 4.9): devices under /sys/devices/13e10000.host1x, channel nodes, firmware in tegra19x/")
    func jetpack4Layout() {
        let report = Fixtures.check(scenario: "jp4-agx-xavier")
        let facts = report.facts
        #expect(facts.string("platform.module") == "p2888-0001")
        #expect(facts["platform.module"]?.source.hasSuffix("chosen/plugin-manager/ids") == true)
        #expect(facts.bool("driver.module.expected") == false)
        #expect(
            facts["dla.0.sysfs.present"].flatMap { state -> String? in
                if case .known(_, let provenance) = state { return provenance.raw }
                return nil
            } == "/sys/devices/13e10000.host1x/15880000.nvdla0")
        #expect(facts.bool("dla.1.node.chan.present") == true)
        #expect(facts.string("firmware.path") == "/lib/firmware/tegra19x/nvhost_nvdla010.fw")
        #expect(facts.string("firmware.file") == "tegra19x/nvhost_nvdla010.fw")
        #expect(facts.string("versions.expected.tensorrt") == "7.1.3")
        #expect(facts.string("versions.cuda") == "10.2.89")
        #expect(facts.bool("versions.tensorrt_dla") == true)
        #expect(report.findings.isEmpty)
    }

    @Test("a JetPack 4 snapshot without /sys/bus/platform still finds its DLAs under the host1x directory")
    func snapshotWithoutPlatformBus() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = temp.copy(scenario: "jp4-agx-xavier")
        try FileManager.default.removeItem(atPath: root + "/sys/bus/platform")
        let report = Fixtures.check(root)
        #expect(report.findingKeys == [])
        #expect(report.platform.dlaPresent == 2)
    }

    @Test("a DLA fault whose cbfrsynra carries bits above the stream ID is the DLA's; others are named")
    func smmuStreamIDs() {
        let dla = Fixtures.check(scenario: "jp6-agx-orin-smmu-fault-dla0").facts
        #expect(dla.int("dla.0.log.smmu_fault.count") == 3)
        #expect(dla.int("log.smmu_fault.other.count") == 0)
        #expect(dla.string("log.smmu_fault.first_client") == "NVDLA0 (stream 0x2b on 8000000.iommu)")
        let other = Fixtures.check(scenario: "jp6-agx-orin-smmu-fault-other")
        #expect(other.facts.int("log.smmu_fault.other.count") == 3)
        #expect(other.facts.int("dla.1.log.smmu_fault.count") == 0)
        #expect(other.facts.string("log.smmu_fault.first_client") == "HOST1X_CTX0 (stream 0x35 on 12000000.iommu)")
        #expect(other.findings.first?.message.contains("HOST1X_CTX0") == true)
    }

    @Test("stock AGX Orin boots in MODE_30W: the cap is an info that names the default mode")
    func defaultPowerMode() throws {
        let report = Fixtures.check(scenario: "jp6-agx-orin-default-mode")
        #expect(report.facts.bool("clocks.nvpmodel.is_default") == true)
        #expect(report.facts.string("clocks.nvpmodel.default_mode") == "MODE_30W (ID 2)")
        #expect(report.findings.allSatisfy { $0.severity == .info })
        let finding = try #require(report.findings.first)
        #expect(finding.message.contains("MODE_30W (ID 2) is this module's default power mode"))
        #expect(Fixtures.check(scenario: "jp6-agx-orin-nvpmodel-15w").facts.bool("clocks.nvpmodel.is_default") == false)
    }

    @Test("a JetPack 6 container needs /dev/nvmap and /dev/host1x-fence beside the DLA nodes")
    func containerSupportNodes() {
        let partial = Fixtures.check(scenario: "jp6-agx-orin-container-partial").facts
        #expect(partial.string("devnodes.support_missing_names") == "/dev/nvmap, /dev/host1x-fence")
        #expect(Fixtures.check(scenario: "jp6-agx-orin-64gb").facts.int("devnodes.support_missing") == 0)
        // JetPack 5 has no host1x-fence: only nvmap is required there.
        #expect(Fixtures.check(scenario: "jp5-agx-orin").facts.string("devnodes.support_missing_names") == "none")
    }

    @Test("Thor (tegra264) has no DLA: nothing is expected, nothing is missing")
    func thor() {
        let report = Fixtures.check(scenario: "jp71-agx-thor")
        #expect(report.facts.string("platform.soc") == "tegra264")
        #expect(report.facts.int("platform.dla_expected") == 0)
        #expect(report.findingKeys == ["NVDLA-PLAT-001:system"])
    }

    @Test("JetPack 7.2's TensorRT 10.16 has no DLA; JetPack 6's 10.3 has")
    func tensorrtWithoutDLA() {
        let jp72 = Fixtures.check(scenario: "jp72-agx-orin-trt-no-dla").facts
        #expect(jp72.bool("versions.tensorrt_dla") == false)
        #expect(jp72.string("versions.tensorrt_dla_reason")?.contains("10.8 to 11.4.0") == true)
        #expect(Fixtures.check(scenario: "jp6-agx-orin-64gb").facts.bool("versions.tensorrt_dla") == true)
    }

    @Test("a release missing from the table takes JetPack from nvidia-jetpack and is compared, never judged")
    func unknownRelease() {
        let facts = Fixtures.check(scenario: "jp6-agx-orin-unknown-l4t").facts
        #expect(facts.bool("versions.l4t_known") == false)
        #expect(facts.string("versions.jetpack") == "6.3")
        #expect(facts["versions.jetpack"]?.source == "/var/lib/dpkg/status")
        #expect(facts.string("versions.reference_l4t") == "36.5.2")
        #expect(facts.int("versions.reference_differences") == 0)
        #expect(facts.value("versions.expected.tensorrt_major") == nil)
    }

    /// The stack a release ships, as `check` would read it from a stock board of `soc`.
    static func stockFacts(_ release: ReleaseTable.Release, soc: String) -> FactTable {
        var facts = FactTable()
        // As `check` of a root sets it: the artefact-only rules do not apply.
        facts.set("source.artifacts", .bool(false), source: "test")
        let module = ["tegra194": "p2888-0001", "tegra234": "p3701-0005", "tegra264": "p3834-0008"][soc] ?? "p0000"
        facts.set("platform.soc", .string(soc), source: "test")
        facts.set("platform.module", .string(module), source: "test")
        let expected = ModuleTable.expectedDLA(module: module, soc: soc) ?? 0
        facts.set("platform.dla_expected", .int(Int64(expected)), source: "test")
        facts.set("versions.l4t", .string(release.l4t), source: "test")
        facts.set("versions.l4t_major", .int(Int64(release.l4tMajor)), source: "test")
        facts.set("versions.pkg.l4t_core", .string(release.l4t), source: "test")
        let kernel = release.kernel.split(separator: ".").count >= 3 ? release.kernel : release.kernel + ".0"
        facts.set("versions.kernel_release", .string(kernel + "-tegra"), source: "test")
        facts.set("versions.kernel_series", .string(release.kernelSeries), source: "test")
        VersionsProbe.recordRelease(release.l4t, source: "test", into: &facts)
        VersionsProbe.setVersion("tensorrt", release.tensorrt, source: "test", raw: release.tensorrt, into: &facts)
        VersionsProbe.setVersion("cudnn", release.cudnn, source: "test", raw: release.cudnn, into: &facts)
        VersionsProbe.setVersion("cuda", release.cuda, source: "test", raw: release.cuda, into: &facts)
        VersionsProbe.deriveStack(into: &facts)
        return facts
    }

    @Test("every stock release from JetPack 4.2 to 7.2 gives no version error, on every SoC it supports")
    func stockReleases() {
        let table = ReleaseTable.shipped
        #expect(table.releases.count >= 40)
        for release in table.releases {
            for soc in release.socs {
                let facts = Self.stockFacts(release, soc: soc)
                let outcomes = Diagnosis.evaluate(Fixtures.rules, facts: facts, areas: [.versions])
                let report = Report(source: ReportSource(kind: "test", path: "test"), facts: facts, outcomes: outcomes)
                let noDLA =
                    facts.bool("versions.tensorrt_dla") == false && (facts.int("platform.dla_expected") ?? 0) > 0
                let allowed: Set<String> = noDLA ? ["NVDLA-VER-008"] : []
                #expect(
                    Set(report.findings.map(\.id)) == allowed, "L4T \(release.l4t) on \(soc): \(report.findingKeys)")
                #expect(report.inconclusive.isEmpty, "L4T \(release.l4t) on \(soc): \(report.inconclusive.map(\.rule))")
            }
        }
    }
}
