/// Finds the DLA nodes of the device tree by compatible, wherever they sit, and records each instance.
///
/// Reads `sys/firmware/devicetree/base/**/{compatible,status,reg,iommus,clock-names,power-domains,interrupts}`.
/// Instances are keyed by hardware unit address: `15880000` is DLA0, `158c0000` is DLA1 (Docs/platform.md §3).
public struct DeviceTreeProbe: Probe {
    public var area: Area { .devicetree }

    public static let compatibles: Set<String> = ["nvidia,tegra194-nvdla", "nvidia,tegra234-nvdla"]
    /// Unit address → hardware instance.
    public static let unitAddresses: [String: String] = ["15880000": "0", "158c0000": "1"]

    public init() {}

    /// Node names worth reading `compatible` of: a DLA unit address, or a name that mentions dla.
    static func mayBeDLA(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("dla") || unitAddresses.keys.contains { lower.hasSuffix("@" + $0) }
    }

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let dt = context.deviceTree
        guard dt.isPresent else {
            facts.set("platform.dla_enabled_in_dt", state: .missing(source: DeviceTree.base))
            return
        }
        var enabled = 0
        var nodesFound = 0
        let scan = dt.scan(compatibleWith: Self.compatibles, candidate: Self.mayBeDLA)
        // A DLA node whose compatible or status cannot be read leaves the counts undecided, never low.
        var undecided: (source: String, why: Unreadable)? = scan.failures.first.map { ($0.path, $0.why) }
        let unreadableDLA = scan.failures.compactMap { failure -> String? in
            guard failure.path.hasSuffix("/compatible") else { return nil }
            let node = String(failure.path.dropLast("/compatible".count).dropFirst(DeviceTree.base.count))
            let name = node.split(separator: "/").last.map(String.init) ?? node
            return Self.unitAddresses.keys.contains { name.lowercased().hasSuffix("@" + $0) } ? node : nil
        }
        for node in scan.found + unreadableDLA {
            let name = node.split(separator: "/").last.map(String.init) ?? node
            guard let at = name.firstIndex(of: "@") else { continue }
            let unit = String(name[name.index(after: at)...]).lowercased()
            guard let index = Self.unitAddresses[unit] else { continue }
            nodesFound += 1
            let key = "dla.\(index)"
            facts.addInstance("dla", index)
            let nodePath = dt.path(node)
            facts.set("\(key).dt.path", .string(node), source: nodePath)
            facts.set("\(key).hw_address", .string(unit), source: nodePath)
            let compatible = dt.strings(node, "compatible")
            facts.set("\(key).dt.compatible", from: compatible, source: nodePath + "/compatible") { .list($0) }
            let status = dt.string(node, "status")
            let statusValue: String?
            switch status {
            case .value(let text):
                statusValue = text
                facts.set("\(key).dt.status", .string(text), source: nodePath + "/status", raw: text)
            case .missing:
                statusValue = "okay"
                facts.set("\(key).dt.status", .string("okay"), source: nodePath + "/status", raw: "(absent: okay)")
            default:
                statusValue = nil
                facts.set("\(key).dt.status", from: status, source: nodePath + "/status") { .string($0) }
            }
            if case .unreadable(let why) = status {
                undecided = undecided ?? (nodePath + "/status", why)
                facts.set("\(key).dt.enabled", state: .unreadable(why, source: nodePath + "/status"))
            } else {
                let isEnabled = statusValue == "okay" || statusValue == "ok"
                if isEnabled { enabled += 1 }
                facts.set("\(key).dt.enabled", .bool(isEnabled), source: nodePath + "/status", raw: statusValue)
            }
            facts.set("\(key).dt.clock_names", from: dt.strings(node, "clock-names"), source: nodePath + "/clock-names")
            {
                .list($0)
            }
            facts.set("\(key).dt.interrupts", from: dt.cells(node, "interrupts"), source: nodePath + "/interrupts") {
                .list($0.map { String($0) })
            }
            facts.set(
                "\(key).dt.power_domains", from: dt.cells(node, "power-domains"), source: nodePath + "/power-domains"
            ) { .list($0.map { String($0) }) }
            facts.set("\(key).dt.reg", from: dt.cells(node, "reg"), source: nodePath + "/reg") {
                .list($0.map { "0x" + String($0, radix: 16) })
            }
            recordIommus(node, key: key, dt: dt, into: &facts)
        }
        let source = DeviceTree.base
        if let undecided {
            let state = FactState.unreadable(undecided.why, source: undecided.source)
            facts.set("platform.dla_nodes_in_dt", state: state)
            facts.set("platform.dla_enabled_in_dt", state: state)
            return
        }
        facts.set("platform.dla_nodes_in_dt", .int(Int64(nodesFound)), source: source)
        facts.set("platform.dla_enabled_in_dt", .int(Int64(enabled)), source: source)
        if facts["platform.dla_present"] == nil {
            facts.set("platform.dla_present", .int(Int64(enabled)), source: source, raw: "enabled device-tree nodes")
        }
    }

    /// `iommus = <&smmu SID>`: the SMMU node the phandle names and the stream ID.
    func recordIommus(_ node: String, key: String, dt: DeviceTree, into facts: inout FactTable) {
        let source = dt.path(node) + "/iommus"
        let cells = dt.cells(node, "iommus")
        guard case .value(let list) = cells else {
            facts.set("\(key).dt.stream_id", from: cells, source: source) { _ in nil }
            return
        }
        guard list.count >= 2 else {
            facts.set("\(key).dt.stream_id", state: .malformed(source: source, detail: "fewer than 2 cells"))
            return
        }
        facts.set("\(key).dt.stream_id", .int(Int64(list[1])), source: source, raw: "0x" + String(list[1], radix: 16))
        if let smmu = dt.node(withPhandle: list[0]) {
            let name = smmu.split(separator: "/").last.map(String.init) ?? smmu
            let address = name.split(separator: "@").last.map(String.init) ?? name
            facts.set("\(key).dt.smmu", .string(address), source: source, raw: smmu)
        } else {
            facts.set(
                "\(key).dt.smmu",
                state: .malformed(source: source, detail: "phandle 0x\(String(list[0], radix: 16)) not found"))
        }
    }
}
