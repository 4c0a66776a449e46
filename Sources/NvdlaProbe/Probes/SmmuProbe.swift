/// SMMU attachment of each DLA: `<dla>/iommu_group` and `/sys/kernel/iommu_groups/<N>/type`, the client the
/// DT `iommus` (SMMU instance, stream ID) names, and JP5 debugfs `/sys/kernel/debug/<smmu>.iommu/masters/<dev>/streamids`.
///
/// A DLA without an IOMMU group does DMA untranslated or its SMMU did not probe (Docs/platform.md §6.1).
public struct SmmuProbe: Probe {
    public var area: Area { .smmu }

    public init() {}

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        let soc = facts.string("platform.soc")
        for index in facts.instances["dla"] ?? [] {
            let key = "dla.\(index)"
            guard facts.bool("\(key).sysfs.present") == true, let path = facts.string("\(key).sysfs.path") else {
                continue
            }
            let linkPath = path + "/iommu_group"
            let link = root.readLink(linkPath)
            facts.set("\(key).smmu.group_link", from: link, source: linkPath, raw: { $0 }) { _ in .bool(true) }
            if case .missing = link {
                facts.set("\(key).smmu.group_link", .bool(false), source: linkPath, raw: "no iommu_group link")
            }
            if let group = facts.string("\(key).iommu_group") {
                let typePath = "/sys/kernel/iommu_groups/\(group)/type"
                facts.set("\(key).smmu.group_type", from: root.readAttribute(typePath), source: typePath) { text in
                    text.isEmpty || text.count > 32 ? nil : .string(text)
                }
            }
            expectedClient(facts, key: key, index: index, soc: soc, into: &facts)
            if let smmu = facts.string("\(key).dt.smmu") {
                let device = path.split(separator: "/").last.map(String.init) ?? ""
                let file = "/sys/kernel/debug/\(smmu).iommu/masters/\(device)/streamids"
                let parsed = root.readText(file, cap: SystemRoot.attributeCap).parse(
                    "not a streamids file", SmmuStreamIds.parse)
                facts.set("\(key).smmu.debugfs_sids", from: parsed, source: file) { ids in
                    .list(ids.streamIDs.map { "0x" + String($0, radix: 16) })
                }
            }
        }
    }

    /// The client the DT (SMMU, SID) pair names, and the SID this instance should have on this SoC (§3.3).
    func expectedClient(_ snapshot: FactTable, key: String, index: String, soc: String?, into facts: inout FactTable) {
        guard let soc, let hw = Int(index), let expected = SmmuClients.dla(hw, soc: soc) else { return }
        let source = snapshot["\(key).dt.stream_id"]?.source ?? DeviceTree.base
        facts.set(
            "\(key).smmu.expected_sid", .int(Int64(expected.streamID)), source: source,
            raw: "\(expected.name) on \(expected.smmu).iommu")
        if let sid = snapshot.int("\(key).dt.stream_id"), let smmu = snapshot.string("\(key).dt.smmu") {
            let name = SmmuClients.client(soc: soc, smmu: smmu, streamID: Int(sid))?.name ?? "unknown"
            facts.set(
                "\(key).smmu.client", .string(name), source: source, raw: "0x\(String(sid, radix: 16)) on \(smmu)")
        }
    }
}
