extension FactCatalogue {
    static let cmaDebugfs = "/sys/kernel/debug/cma/<area>"
    static let dlaClk = "/sys/kernel/debug/clk/dla<N>"

    /// Memory (CMA), SMMU, clock, power-domain and firmware facts (MemoryProbe, SmmuProbe, ClocksProbe,
    /// PowerDomainProbe, FirmwareProbe).
    static let resourceFacts: [FactSpec] = [
        FactSpec("memory.cma.total_bytes", .int, "/proc/meminfo", "CMA size (CmaTotal) in bytes"),
        FactSpec("memory.cma.free_bytes", .int, "/proc/meminfo", "Free CMA (CmaFree) in bytes"),
        FactSpec("memory.cma.free_pct", .int, "/proc/meminfo", "Free CMA (CmaFree), percent of CmaTotal"),
        FactSpec("memory.cma.stock_bytes", .int, "platform.module", "CMA size stock L4T gives this module, bytes"),
        FactSpec(
            "memory.cma.requested_bytes", .int, "/proc/cmdline | \(dtBase)/reserved-memory/linux,cma/size",
            "CMA size this boot asked for (cma= if present, else the okay linux,cma node), bytes"),
        FactSpec(
            "memory.cma.requested_by", .string, "/proc/cmdline | \(dtBase)/reserved-memory/linux,cma/size",
            "What asked for it: cma= or the device tree"),
        FactSpec(
            "memory.cma.cmdline_bytes", .int, "/proc/cmdline",
            "CMA size set on the kernel command line (cma=), bytes; missing when absent"),
        FactSpec(
            "memory.cma.dt_bytes", .int, "/sys/firmware/devicetree/base/reserved-memory/linux,cma/size",
            "CMA size the device tree reserves (linux,cma), bytes"),
        FactSpec(
            "memory.cma.dt_status", .string, "/sys/firmware/devicetree/base/reserved-memory/linux,cma/status",
            "Status of the device tree's default CMA node"),
        FactSpec("memory.cma.debugfs_present", .bool, "/sys/kernel/debug/cma", "CONFIG_CMA_DEBUGFS areas exist"),
        FactSpec("memory.cma.area", .string, cmaDebugfs, "debugfs CMA area examined (cma-linux,cma…)"),
        FactSpec(
            "memory.cma.largest_free_bytes", .int, "\(cmaDebugfs)/bitmap", "Largest free contiguous CMA run, bytes"),
        FactSpec(
            "memory.cma.fragmentation_pct", .int, "\(cmaDebugfs)/bitmap",
            "Fragmentation (free CMA outside the largest run), percent of free; 0 = contiguous"),
        FactSpec("memory.cma.maxchunk_bytes", .int, "\(cmaDebugfs)/maxchunk", "Kernel's largest free chunk, bytes"),
        FactSpec(
            "memory.buddy.high_order_free_bytes", .int, "/proc/buddyinfo",
            "Free memory in blocks of 2 MiB and larger (order ≥ 9)"),
        FactSpec("dla.*.smmu.group_link", .bool, "\(platformDevices)/iommu_group", "The iommu_group link exists"),
        FactSpec(
            "dla.*.smmu.group_type", .string, "/sys/kernel/iommu_groups/<N>/type",
            "IOMMU domain type (DMA, DMA-FQ, identity)"),
        FactSpec(
            "dla.*.smmu.expected_sid", .int, "Facts/SmmuClients.swift (Docs/platform.md §3.3)",
            "Stream ID this instance has on this SoC"),
        FactSpec(
            "dla.*.smmu.client", .string, "\(dtBase)/…/nvdla*/iommus",
            "Client the DT (SMMU, stream ID) pair names in the SMMU table"),
        FactSpec(
            "dla.*.smmu.debugfs_sids", .list, "/sys/kernel/debug/<smmu>.iommu/masters/<dev>/streamids",
            "Stream IDs the JP5 SMMU debugfs lists for the device"),
        FactSpec("dla.*.clk.core.rate", .int, "\(dlaClk)_core/clk_rate (or clk_summary)", "DLA core clock rate, Hz"),
        FactSpec("dla.*.clk.core.max_rate", .int, "\(dlaClk)_core/clk_max_rate", "DLA core clock ceiling, Hz"),
        FactSpec("dla.*.clk.core.min_rate", .int, "\(dlaClk)_core/clk_min_rate", "DLA core clock floor, Hz"),
        FactSpec(
            "dla.*.clk.core.enable_count", .int, "\(dlaClk)_core/clk_enable_count (or clk_summary)",
            "Users that have the DLA core clock enabled"),
        FactSpec(
            "dla.*.clk.falcon.rate", .int, "\(dlaClk)_falcon/clk_rate (or clk_summary)", "DLA falcon clock rate, Hz"),
        FactSpec("dla.*.clk.falcon.max_rate", .int, "\(dlaClk)_falcon/clk_max_rate", "DLA falcon clock ceiling, Hz"),
        FactSpec("dla.*.clk.falcon.min_rate", .int, "\(dlaClk)_falcon/clk_min_rate", "DLA falcon clock floor, Hz"),
        FactSpec(
            "dla.*.clk.falcon.enable_count", .int, "\(dlaClk)_falcon/clk_enable_count (or clk_summary)",
            "Users that have the DLA falcon clock enabled"),
        FactSpec(
            "dla.*.clk.core.bpmp_max_rate", .int, "/sys/kernel/debug/bpmp/debug/clk/dla<N>_core/max_rate",
            "BPMP's ceiling of the DLA core clock, Hz"),
        FactSpec(
            "dla.*.clk.core.rate_locked", .bool, "/sys/kernel/debug/bpmp/debug/clk/dla<N>_core/mrq_rate_locked",
            "BPMP has the DLA core rate locked"),
        FactSpec(
            "dla.*.clk.falcon.bpmp_max_rate", .int, "/sys/kernel/debug/bpmp/debug/clk/dla<N>_falcon/max_rate",
            "BPMP's ceiling of the DLA falcon clock, Hz"),
        FactSpec(
            "dla.*.clk.falcon.rate_locked", .bool, "/sys/kernel/debug/bpmp/debug/clk/dla<N>_falcon/mrq_rate_locked",
            "BPMP has the DLA falcon rate locked"),
        FactSpec("clocks.nvpmodel.mode_id", .int, "/var/lib/nvpmodel/status", "Power mode ID (nvpmodel)"),
        FactSpec("clocks.nvpmodel.mode_name", .string, "/etc/nvpmodel.conf", "Name of the current power mode"),
        FactSpec(
            "clocks.nvpmodel.default_mode", .string, "/etc/nvpmodel.conf",
            "The mode the module boots in (PM_CONFIG DEFAULT), name and ID"),
        FactSpec("clocks.nvpmodel.is_default", .bool, "/etc/nvpmodel.conf", "The current mode is the default one"),
        FactSpec("clocks.nvpmodel.default_note", .string, "/etc/nvpmodel.conf", "The default mode, in a sentence"),
        FactSpec(
            "dla.*.nvpmodel.core_cap", .int, "/etc/nvpmodel.conf",
            "Power-mode cap of the DLA core clock (nvpmodel.conf MAX_FREQ), Hz; -1 = no cap"),
        FactSpec(
            "dla.*.nvpmodel.core_capped", .bool, "/etc/nvpmodel.conf",
            "Another power mode allows this DLA core a higher clock"),
        FactSpec(
            "dla.*.nvpmodel.lifting_mode", .string, "/etc/nvpmodel.conf",
            "The mode with the highest DLA core cap (name, ID, cap)"),
        FactSpec(
            "dla.*.genpd.domain", .string, "/sys/kernel/debug/pm_genpd/pm_genpd_summary",
            "Power domain the DLA is attached to"),
        FactSpec(
            "dla.*.genpd.status", .string, "/sys/kernel/debug/pm_genpd/pm_genpd_summary",
            "Status of that domain (on, off-0…)"),
        FactSpec("check.deep", .bool, "--deep", "Reads that wake the DLA are allowed"),
        FactSpec("firmware.file", .string, "/etc/nv_tegra_release", "Firmware file the nvdla driver requests"),
        FactSpec(
            "firmware.candidates", .list, "/etc/nv_tegra_release",
            "Every name the driver tries, in order (JP4/JP5 retry in tegra19x/, tegra23x/)"),
        FactSpec("firmware.present", .bool, "/lib/firmware/<file>", "One of the names the driver tries is found"),
        FactSpec(
            "firmware.path", .string, "/lib/firmware/<file>", "Where it was found (links followed inside the root)"),
        FactSpec("firmware.size", .int, "/lib/firmware/<file>", "Firmware file size, bytes"),
        FactSpec(
            "dla.*.fw.version", .string, "/sys/kernel/debug/nvdla<N>/firmware/version",
            "Firmware version the engine reports (--deep only: reading powers the DLA on)"),
        FactSpec(
            "dla.*.fw.major_minor", .string, "/sys/kernel/debug/nvdla<N>/firmware/version",
            "major.minor of that version (--deep only)"),
        FactSpec("dla.*.fw.expected", .string, "nvdla driver", "major.minor the kernel expects (2.1 T234, 1.2 T194)"),
    ]
}
