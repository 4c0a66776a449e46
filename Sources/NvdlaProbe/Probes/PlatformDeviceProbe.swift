/// Follows each DLA device-tree node to its platform device and records whether a driver is bound.
///
/// Reads `/sys/bus/platform/devices/<unit>.<node>` (the host1x path differs between releases: JP4
/// `/sys/devices/13e10000.host1x`, JP5 `/sys/devices/platform/13e40000.host1x`, JP6
/// `/sys/devices/platform/bus@0/13e00000.host1x`), its `driver`, `of_node` and `iommu_group` links,
/// `power/runtime_status` and `power/control`. Only when a snapshot holds no `/sys/bus/platform/devices` at all
/// are those host1x directories searched instead (Docs/platform.md §2.2).
public struct PlatformDeviceProbe: Probe {
    public var area: Area { .driver }

    public init() {}

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        for index in facts.instances["dla"] ?? [] {
            let key = "dla.\(index)"
            guard let node = facts.string("\(key).dt.path"), let unit = facts.string("\(key).hw_address") else {
                continue
            }
            let nodeName =
                node.split(separator: "/").last.flatMap { $0.split(separator: "@").first }.map(String.init)
                ?? "nvdla\(index)"
            let path = Self.devicePath(root, name: "\(unit).\(nodeName)")
            facts.set("\(key).sysfs.path", .string(path), source: path)
            let present = root.resolve(path)
            switch present {
            case .value(let inner):
                facts.set("\(key).sysfs.present", .bool(true), source: path, raw: inner)
            case .missing:
                facts.set("\(key).sysfs.present", .bool(false), source: path)
                facts.set("\(key).driver.bound", .bool(false), source: path + "/driver", raw: "no platform device")
                continue
            default:
                facts.set("\(key).sysfs.present", from: present, source: path) { _ in nil }
                continue
            }
            var driverLink = root.linkTarget(path + "/driver")
            if case .missing = driverLink, case .value(let raw) = root.readLink(path + "/driver") {
                // The link is there but a partial snapshot lacks its target: the driver is still bound.
                driverLink = .value(raw)
            }
            switch driverLink {
            case .value(let target):
                let name = target.split(separator: "/").last.map(String.init) ?? target
                facts.set("\(key).driver.bound", .bool(true), source: path + "/driver", raw: target)
                facts.set("\(key).driver.name", .string(name), source: path + "/driver", raw: target)
            case .missing:
                facts.set("\(key).driver.bound", .bool(false), source: path + "/driver")
            default:
                facts.set("\(key).driver.bound", from: driverLink, source: path + "/driver") { _ in nil }
            }
            let group = root.linkTarget(path + "/iommu_group")
            facts.set("\(key).iommu_group", from: group, source: path + "/iommu_group") { target in
                guard target.hasPrefix("/sys/kernel/iommu_groups/") else { return nil }
                return .string(String(target.split(separator: "/").last ?? ""))
            }
            let ofNode = root.linkTarget(path + "/of_node")
            facts.set("\(key).of_node_matches", from: ofNode, source: path + "/of_node", raw: { $0 }) { target in
                .bool(target == DeviceTree.base + node)
            }
            collectClockCaps(root, path: path, index: index, into: &facts)
            for (name, file) in [("runtime_status", "power/runtime_status"), ("control", "power/control")] {
                let value = root.readAttribute(path + "/" + file)
                facts.set("\(key).power.\(name)", from: value, source: path + "/" + file) { text in
                    text.isEmpty || text.count > 32 ? nil : .string(text)
                }
            }
        }
    }

    /// Where the host1x platform device sits on each release, for snapshots without `/sys/bus/platform/devices`.
    static let host1xDirs = [
        "/sys/devices/platform/bus@0/13e00000.host1x", "/sys/devices/platform/13e40000.host1x",
        "/sys/devices/platform/13e10000.host1x", "/sys/devices/13e10000.host1x",
    ]

    /// `/sys/bus/platform/devices/<name>`, or in a snapshot without that directory the host1x child that exists.
    static func devicePath(_ root: SystemRoot, name: String) -> String {
        let bus = "/sys/bus/platform/devices/" + name
        guard root.exists("/sys/bus/platform/devices") == false else { return bus }
        return host1xDirs.map { $0 + "/" + name }.first { root.exists($0) == true } ?? bus
    }

    /// nvpmodel's DLA clock caps: JP6 `<dev>/clk_cap/dla<N>_core`, JP5 `<dev>/acm/clk_cap/dla<N>_core` (Hz).
    func collectClockCaps(_ root: SystemRoot, path: String, index: String, into facts: inout FactTable) {
        let key = "dla.\(index)"
        let jp6 = path + "/clk_cap"
        let jp5 = path + "/acm/clk_cap"
        let dir = root.exists(jp6) == true ? jp6 : jp5
        // The clock names follow the hardware instance (dla1_core on the DLA at 158c0000) [Docs/platform.md §2.4].
        for (clock, name) in [("core", "dla\(index)_core"), ("falcon", "dla\(index)_falcon")] {
            let file = dir + "/" + name
            facts.set("\(key).clk_cap.\(clock)", from: root.readAttribute(file), source: file) { text in
                Int64(text).map { .int($0) }
            }
        }
    }
}
