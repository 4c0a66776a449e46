/// Adds udev's view of each DLA on the live root: whether udev lists and has initialized the platform device and
/// its nodes, the driver, tags and devnode it recorded (libudev over `/sys` and `/run/udev/data`).
///
/// Runs only when the root is the live `/` (libudev cannot be pointed at a snapshot); snapshots and bundles keep
/// the file-based facts of `DevnodesProbe` (`dla.<N>.node.<kind>.udev_db`). Without udev's database (no udevd,
/// most containers) `udev.available` is false and the per-device udev facts are left unset, so rules that need
/// them are inconclusive rather than firing.
public struct UdevProbe: Probe {
    public var area: Area { .devnodes }

    /// Where the enumeration comes from: libudev by default, a fixed list in tests.
    let enumerate: @Sendable () -> UdevEnumeration
    /// Run even when the root is not live (tests feeding a synthetic enumeration).
    let anyRoot: Bool

    public init() {
        self.enumerate = { UdevEnumerator.dlaDevices() }
        self.anyRoot = false
    }

    /// A probe fed by `enumerate` on any root (tests).
    public init(enumerate: @escaping @Sendable () -> UdevEnumeration) {
        self.enumerate = enumerate
        self.anyRoot = true
    }

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        guard context.root.isLive || anyRoot else { return }
        let source = UdevEnumerator.databasePath
        let devices: [UdevDeviceInfo]
        switch enumerate() {
        case .unavailable(let reason):
            facts.set("udev.available", .bool(false), source: source, raw: "libudev: \(reason)")
            return
        case .devices(let list, let database):
            guard database else {
                facts.set(
                    "udev.available", .bool(false), source: source,
                    raw: "no udev database (udevd not running, or a container)")
                return
            }
            facts.set("udev.available", .bool(true), source: source)
            devices = list
        }
        facts.set("udev.dla_devices", .int(Int64(devices.count)), source: "libudev", raw: nil)
        for index in facts.instances["dla"] ?? [] {
            let key = "dla.\(index)"
            guard facts.bool("\(key).sysfs.present") == true, let path = facts.string("\(key).sysfs.path"),
                let syspath = context.root.resolve(path).value
            else { continue }
            let platform = devices.first { $0.kind == .platform && $0.syspath == syspath }
            facts.set("\(key).udev.found", .bool(platform != nil), source: syspath, raw: platform?.sysname)
            if let platform { record(platform, key: key, into: &facts) }
            for kind in ["ctrl", "chan"] {
                guard let name = facts.string("\(key).node.\(kind).name"),
                    let node = devices.first(where: {
                        $0.kind == .node && $0.sysname == name && $0.syspath.hasPrefix(syspath + "/")
                    })
                else { continue }
                recordNode(node, key: "\(key).node.\(kind)", into: &facts)
            }
        }
    }

    func record(_ device: UdevDeviceInfo, key: String, into facts: inout FactTable) {
        let source = device.syspath
        facts.set("\(key).udev.initialized", .bool(device.initialized), source: source)
        if let driver = device.driver {
            facts.set("\(key).udev.driver", .string(driver), source: source + "/driver")
        } else {
            facts.set("\(key).udev.driver", state: .missing(source: source + "/driver"))
        }
        facts.set("\(key).udev.tags", .list(device.tags), source: source)
        if let compatible = device.properties["OF_COMPATIBLE_0"] {
            facts.set("\(key).udev.compatible", .string(compatible), source: source + "/uevent")
        }
    }

    func recordNode(_ device: UdevDeviceInfo, key: String, into facts: inout FactTable) {
        let source = device.syspath
        facts.set("\(key).udev_initialized", .bool(device.initialized), source: source)
        facts.set("\(key).udev_tags", .list(device.tags), source: source)
        if let devnode = device.devnode {
            facts.set("\(key).udev_devnode", .string(devnode), source: source + "/uevent")
        }
    }
}
