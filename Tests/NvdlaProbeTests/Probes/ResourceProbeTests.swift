import Foundation
import Testing

@testable import NvdlaProbe

/// Memory, SMMU, clock and firmware probes: what they read, what they never open, and their tables.
@Suite("Resource probes")
struct ResourceProbeTests {
    @Test("the default run never opens a debugfs file that wakes the DLA; --deep reads it")
    func neverWakes() {
        let healthy = Fixtures.check(scenario: "jp6-agx-orin-64gb")
        let waking = healthy.reads.filter { record in
            ReadPolicy.wakesEngine.contains { ReadPolicy.matches($0, record.path) }
        }
        #expect(waking.isEmpty, "opened: \(waking.map(\.path))")
        #expect(
            healthy.facts["dla.0.fw.version"]
                == .unreadable(.blocked, source: "/sys/kernel/debug/nvdla0/firmware/version"))
        let deep = Fixtures.check(scenario: "jp6-agx-orin-64gb", deep: true)
        #expect(deep.reads.contains { $0.path == "/sys/kernel/debug/nvdla0/firmware/version" && $0.outcome == "ok" })
        #expect(deep.facts.string("dla.0.fw.major_minor") == "2.1")
        let mismatch = Fixtures.check(scenario: "jp6-agx-orin-fw-version", deep: true)
        let evidence = mismatch.findings.first?.evidence.first { $0.fact == "dla.0.fw.major_minor" }
        #expect(evidence?.observed == "1.3")
        #expect(evidence?.expected == "2.1", "an explicit expected text interpolates facts")
    }

    @Test("every debugfs path read by a default run is on the allowlist")
    func debugfsAllowlist() {
        for scenario in ["jp6-agx-orin-64gb", "jp6-agx-orin-cma-fragmented", "jp5-agx-orin"] {
            for record in Fixtures.check(scenario: scenario).reads where record.path.hasPrefix("/sys/kernel/debug/") {
                #expect(ReadPolicy(deep: false).allows(record.path), "\(scenario): \(record.path)")
            }
        }
    }

    @Test("fragmented CMA: largest run, fragmentation and maxchunk from debugfs")
    func cmaFragmented() {
        let facts = Fixtures.check(scenario: "jp6-agx-orin-cma-fragmented").facts
        #expect(facts.string("memory.cma.area") == "cma-linux,cma")
        #expect(facts.int("memory.cma.largest_free_bytes") == Int64(3808 * 4096))
        #expect(facts.int("memory.cma.maxchunk_bytes") == Int64(3808 * 4096))
        #expect(facts.int("memory.cma.fragmentation_pct") == 97)
        #expect(facts.bool("memory.cma.debugfs_present") == true)
    }

    @Test("healthy CMA facts: sizes, DT node, expected size per module")
    func cmaHealthy() {
        let orin = Fixtures.check(scenario: "jp6-agx-orin-64gb").facts
        #expect(orin.int("memory.cma.total_bytes") == 512 << 20)
        #expect(orin.int("memory.cma.dt_bytes") == 512 << 20)
        #expect(orin.int("memory.cma.stock_bytes") == 512 << 20)
        #expect(orin.int("memory.cma.requested_bytes") == 512 << 20)
        #expect(orin.string("memory.cma.requested_by") == "the device tree's linux,cma node")
        #expect(orin["memory.cma.cmdline_bytes"] == .missing(source: "/proc/cmdline"))
        #expect(orin.bool("memory.cma.debugfs_present") == false)
        let jp5 = Fixtures.check(scenario: "jp5-agx-orin").facts
        #expect(jp5.int("memory.cma.stock_bytes") == 256 << 20)
        let xavier = Fixtures.check(scenario: "jp5-agx-xavier").facts
        #expect(xavier.int("memory.cma.stock_bytes") == 64 << 20)
        #expect(xavier["memory.cma.dt_bytes"]?.value == nil)
        // No linux,cma node and no cma=: the size came from the kernel configuration, not known here.
        #expect(xavier["memory.cma.requested_bytes"]?.value == nil)
        let cmdline = Fixtures.check(scenario: "jp6-agx-orin-cma-cmdline").facts
        #expect(cmdline.int("memory.cma.cmdline_bytes") == 64 << 20)
        #expect(cmdline.int("memory.cma.requested_bytes") == 64 << 20)
        #expect(cmdline.string("memory.cma.requested_by") == "cma= on the kernel command line")
    }

    @Test(
        "each memory/SMMU/clock/firmware scenario cites the file that proves it",
        arguments: [
            ("jp6-agx-orin-cma-exhausted", "NVDLA-MEM-002", "/proc/meminfo", false),
            ("jp6-agx-orin-cma-fragmented", "NVDLA-MEM-003", "/sys/kernel/debug/cma/cma-linux,cma/bitmap", false),
            ("jp6-agx-orin-cma-cmdline", "NVDLA-MEM-004", "/proc/cmdline", false),
            (
                "jp6-agx-orin-no-iommu-group", "NVDLA-SMMU-001",
                "/sys/bus/platform/devices/15880000.nvdla0/iommu_group", false
            ),
            ("jp6-agx-orin-nvpmodel-15w", "NVDLA-CLK-001", "/var/lib/nvpmodel/status", false),
            ("jp6-agx-orin-clk-zero", "NVDLA-CLK-003", "/sys/kernel/debug/clk/dla0_core/clk_rate", false),
            ("jp6-agx-orin-fw-missing", "NVDLA-FW-001", "/lib/firmware/nvidia/tegra234/nvdla.bin", false),
            ("jp6-agx-orin-fw-version", "NVDLA-FW-004", "/sys/kernel/debug/nvdla0/firmware/version", true),
        ])
    func evidenceLines(_ scenario: String, _ id: String, _ source: String, _ deep: Bool) {
        let report = Fixtures.check(scenario: scenario, deep: deep)
        let finding = report.findings.first { $0.id == id }
        #expect(finding?.evidence.contains { $0.source == source } == true, "\(finding?.evidence ?? [])")
    }

    @Test("a CMA area in the ≥ 6.1 bare-name form is read like cma-<name>")
    func bareAreaName() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = temp.copy(scenario: "jp6-agx-orin-cma-fragmented")
        let cma = root + "/sys/kernel/debug/cma"
        try FileManager.default.moveItem(atPath: cma + "/cma-linux,cma", toPath: cma + "/linux,cma")
        let report = Fixtures.check(root)
        #expect(report.facts.string("memory.cma.area") == "linux,cma")
        #expect(report.findingKeys == ["NVDLA-MEM-003:system"])
    }

    @Test("CMA area choice prefers the DT default, then the cmdline area, in both debugfs name forms")
    func pickArea() {
        #expect(MemoryProbe.pickArea(["cma-reserved", "cma-linux,cma"]) == "cma-linux,cma")
        #expect(MemoryProbe.pickArea(["linux,cma", "vpr"]) == "linux,cma")
        #expect(MemoryProbe.pickArea(["reserved", "zz"]) == "reserved")
        #expect(MemoryProbe.pickArea(["other"]) == "other")
        #expect(MemoryProbe.pickArea([]) == nil)
    }

    @Test("SMMU client table: DLA stream IDs per SoC and SMMU instance")
    func smmuClients() {
        #expect(SmmuClients.client(soc: "tegra234", smmu: "8000000.iommu", streamID: 0x2b)?.dla == 0)
        #expect(SmmuClients.client(soc: "tegra234", smmu: "iommu@12000000", streamID: 0x23)?.dla == 1)
        #expect(SmmuClients.client(soc: "tegra234", smmu: "12000000", streamID: 0x2b) == nil)
        #expect(SmmuClients.client(soc: "tegra194", smmu: "0x12000000", streamID: 0x52)?.name == "NVDLA1")
        #expect(SmmuClients.client(soc: "tegra234", smmu: "8000000", streamID: 0x10)?.name == "BPMP")
        #expect(SmmuClients.client(soc: "tegra234", smmu: "8000000", streamID: 0x34)?.name == "VIC")
        #expect(SmmuClients.client(soc: "tegra234", smmu: "12000000", streamID: 0x24)?.name == "NVENC")
        #expect(SmmuClients.client(soc: "tegra194", smmu: "12000000", streamID: 0x07)?.name == "NVENC")
        #expect(SmmuClients.client(soc: "tegra194", smmu: "12000000", streamID: 0x32)?.name == "BPMP")
        #expect(SmmuClients.dla(0, soc: "tegra194")?.streamID == 0x51)
        let facts = Fixtures.check(scenario: "jp5-agx-xavier").facts
        #expect(facts.string("dla.1.smmu.client") == "NVDLA1")
        #expect(facts.int("dla.1.smmu.expected_sid") == 0x52)
        #expect(facts.string("dla.0.smmu.group_type") == "DMA")
        #expect(facts.list("dla.1.smmu.debugfs_sids") == ["0x52"])
        #expect(Fixtures.check(scenario: "jp5-agx-orin").facts.list("dla.0.smmu.debugfs_sids") == ["0x2b"])
    }

    @Test("power domain of each DLA from pm_genpd_summary, BPMP clock view from bpmp debugfs")
    func genpdAndBpmp() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = temp.copy(scenario: "jp6-agx-orin-64gb")
        let debug = root + "/sys/kernel/debug"
        try FileManager.default.createDirectory(atPath: debug + "/pm_genpd", withIntermediateDirectories: true)
        try """
        domain                          status          children
            /device                                             runtime status
        ----------------------------------------------------------------------
        dlab                            off-0
            /devices/platform/bus@0/13e00000.host1x/158c0000.nvdla1  suspended
        dlaa                            on
            /devices/platform/bus@0/13e00000.host1x/15880000.nvdla0  active

        """.write(toFile: debug + "/pm_genpd/pm_genpd_summary", atomically: false, encoding: .utf8)
        let bpmp = debug + "/bpmp/debug/clk/dla0_core"
        try FileManager.default.createDirectory(atPath: bpmp, withIntermediateDirectories: true)
        try "1600000000\n".write(toFile: bpmp + "/max_rate", atomically: false, encoding: .utf8)
        try "1\n".write(toFile: bpmp + "/mrq_rate_locked", atomically: false, encoding: .utf8)
        let report = Fixtures.check(root)
        #expect(report.facts.string("dla.0.genpd.domain") == "dlaa")
        #expect(report.facts.string("dla.0.genpd.status") == "on")
        #expect(report.facts.string("dla.1.genpd.status") == "off-0")
        #expect(report.facts.int("dla.0.clk.core.bpmp_max_rate") == 1_600_000_000)
        #expect(report.facts.bool("dla.0.clk.core.rate_locked") == true)
        #expect(report.findings.isEmpty)
    }

    @Test("nvpmodel: current mode, DLA cap and the mode that lifts it")
    func nvpmodel() {
        let capped = Fixtures.check(scenario: "jp6-agx-orin-nvpmodel-15w").facts
        #expect(capped.string("clocks.nvpmodel.mode_name") == "MODE_15W")
        #expect(capped.int("dla.0.nvpmodel.core_cap") == 614_400_000)
        #expect(capped.bool("dla.1.nvpmodel.core_capped") == true)
        #expect(capped.string("dla.0.nvpmodel.lifting_mode") == "MAXN (ID 0, no cap)")
        let finding = Fixtures.check(scenario: "jp6-agx-orin-nvpmodel-15w").findings.first
        #expect(finding?.message.contains("614.4 MHz") == true)
        let healthy = Fixtures.check(scenario: "jp6-agx-orin-64gb").facts
        #expect(healthy.bool("dla.0.nvpmodel.core_capped") == false)
    }

    @Test("firmware: the requested file per release, links followed inside the root")
    func firmware() {
        let jp6 = Fixtures.check(scenario: "jp6-agx-orin-64gb").facts
        #expect(jp6.string("firmware.file") == "nvidia/tegra234/nvdla.bin")
        #expect(jp6.int("firmware.size") == 384)
        #expect(Fixtures.check(scenario: "jp5-agx-orin").facts.string("firmware.file") == "nvhost_nvdla020.fw")
        #expect(Fixtures.check(scenario: "jp5-agx-xavier").facts.string("firmware.file") == "nvhost_nvdla010.fw")
        #expect(Fixtures.check(scenario: "jp6-agx-orin-fw-missing").facts.bool("firmware.present") == false)
        #expect(
            FirmwareProbe.searchPath(release: "5.15.148-tegra", custom: "/etc/firmware") == [
                "/etc/firmware", "/lib/firmware/updates/5.15.148-tegra", "/lib/firmware/updates",
                "/lib/firmware/5.15.148-tegra", "/lib/firmware",
            ])
    }

    @Test("clk_summary stands in for a missing per-clock debugfs directory")
    func clkSummaryFallback() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = temp.copy(scenario: "jp6-agx-orin-64gb")
        try FileManager.default.removeItem(atPath: root + "/sys/kernel/debug/clk/dla0_core")
        try """
                                         enable  prepare  protect                                duty  hardware
           clock                          count    count    count        rate   accuracy phase  cycle    enable
        -------------------------------------------------------------------------------------------------------
         dla0_core                            1        1        0           0          0     0  50000         Y
        """.write(toFile: root + "/sys/kernel/debug/clk/clk_summary", atomically: false, encoding: .utf8)
        let report = Fixtures.check(root)
        #expect(report.facts.int("dla.0.clk.core.enable_count") == 1)
        #expect(report.facts.int("dla.0.clk.core.rate") == 0)
        #expect(report.findingKeys == ["NVDLA-CLK-003:dla0"])
    }
}
