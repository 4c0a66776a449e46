extension FactCatalogue {
    package static let dtBase = "/sys/firmware/devicetree/base"

    /// Facts of the `platform` area (PlatformProbe, DeviceTreeProbe, artefact recognisers).
    static let platformFacts: [FactSpec] = [
        FactSpec("platform.tegra", .bool, "\(dtBase)/compatible", "The root is an NVIDIA Tegra system"),
        FactSpec("platform.soc", .string, "\(dtBase)/compatible", "SoC as in the DT compatible (tegra234, tegra194…)"),
        FactSpec("platform.compatible", .list, "\(dtBase)/compatible", "Root node compatible strings"),
        FactSpec("platform.model", .string, "\(dtBase)/model", "Board model string"),
        FactSpec(
            "platform.model.stated", .bool, "analyze input",
            "analyze: platform.model is a board a person or a host name named, not one a tool printed"),
        FactSpec(
            "platform.module", .string, "\(dtBase)/chosen/ids",
            "Module P-number (p3701-0005): chosen/ids, else nvidia,boardids, chosen/plugin-manager/ids, compatible"),
        FactSpec("platform.module_name", .string, "\(dtBase)/chosen/ids", "Module name for the P-number"),
        FactSpec("platform.module_sku", .string, "\(dtBase)/chosen/nvidia,sku", "699-level part number and revision"),
        FactSpec("platform.dla_expected", .int, "\(dtBase)/chosen/ids", "DLA cores this module has (by its P-number)"),
        FactSpec("platform.dla_present", .int, "\(dtBase)", "DLA instances found present"),
        FactSpec("platform.dla_nodes_in_dt", .int, dtBase, "DLA nodes in the device tree (any status)"),
        FactSpec("platform.dla_enabled_in_dt", .int, dtBase, "DLA nodes whose status is okay (or absent)"),
    ]

    /// Per-instance device-tree facts (DeviceTreeProbe).
    static let presenceFacts: [FactSpec] = [
        FactSpec("dla.*.dt.path", .string, dtBase, "Device-tree node of this DLA instance"),
        FactSpec("dla.*.hw_address", .string, dtBase, "Unit address (15880000 = DLA0, 158c0000 = DLA1)"),
        FactSpec("dla.*.dt.compatible", .list, "\(dtBase)/…/nvdla*/compatible", "Node compatible strings"),
        FactSpec("dla.*.dt.status", .string, "\(dtBase)/…/nvdla*/status", "Node status (absent means okay)"),
        FactSpec("dla.*.dt.enabled", .bool, "\(dtBase)/…/nvdla*/status", "Node status is okay"),
        FactSpec("dla.*.dt.clock_names", .list, "\(dtBase)/…/nvdla*/clock-names", "Clock names of the node"),
        FactSpec("dla.*.dt.interrupts", .list, "\(dtBase)/…/nvdla*/interrupts", "Interrupt cells"),
        FactSpec("dla.*.dt.power_domains", .list, "\(dtBase)/…/nvdla*/power-domains", "Power-domain cells"),
        FactSpec("dla.*.dt.reg", .list, "\(dtBase)/…/nvdla*/reg", "Register cells"),
        FactSpec("dla.*.dt.stream_id", .int, "\(dtBase)/…/nvdla*/iommus", "SMMU stream ID from iommus"),
        FactSpec("dla.*.dt.smmu", .string, "\(dtBase)/…/nvdla*/iommus", "Unit address of the SMMU iommus names"),
    ]
}
