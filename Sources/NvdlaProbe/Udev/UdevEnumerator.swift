import CUdev

#if canImport(Glibc)
    import Glibc
#endif

/// Lists the DLA devices of the running system through libudev (`udev_enumerate_*` over `/sys/bus/*/devices`
/// and `/sys/class/*`, each device's `uevent`, and udev's database `/run/udev/data`).
///
/// Live only: libudev reads the real `/sys` and `/run/udev`, so snapshots and bundles use the file readers.
public enum UdevEnumerator {
    /// udev's database directory; without it (no udevd, most containers) nothing is "initialized".
    public static let databasePath = "/run/udev/data"

    /// The DLA platform devices (subsystem `platform`, sysname `*nvdla*` or compatible `nvidia,*-nvdla`) and the
    /// nvhost class devices named `nvhost-*nvdla*`, sorted by syspath.
    public static func dlaDevices() -> UdevEnumeration {
        guard let udev = UdevHandle() else { return .unavailable("udev_new failed") }
        var found: [String: UdevDeviceInfo] = [:]
        let scans: [(kind: UdevDeviceInfo.Kind, subsystem: String?, sysname: String?, property: (String, String)?)] =
            [
                (.platform, "platform", "*nvdla*", nil),
                (.platform, "platform", nil, ("OF_COMPATIBLE_0", "nvidia,*-nvdla")),
                (.node, nil, "nvhost-*nvdla*", nil),
            ]
        for scan in scans {
            let paths: [String]
            switch syspaths(udev, subsystem: scan.subsystem, sysname: scan.sysname, property: scan.property) {
            case .success(let list): paths = list
            case .failure(let reason): return .unavailable(reason.description)
            }
            for path in paths where found[path] == nil {
                guard let device = UdevDeviceHandle(udev: udev, syspath: path),
                    let info = device.info(kind: scan.kind)
                else { continue }
                let isDla =
                    scan.kind == .platform
                    ? UdevDeviceInfo.isDlaPlatformDevice(sysname: info.sysname, properties: info.properties)
                    : UdevDeviceInfo.isDlaNode(sysname: info.sysname)
                if isDla { found[path] = info }
            }
        }
        let database = access(databasePath, F_OK) == 0
        return .devices(found.values.sorted { $0.syspath < $1.syspath }, database: database)
    }

    /// The syspaths one `udev_enumerate` scan lists, or why the scan failed.
    static func syspaths(
        _ udev: UdevHandle, subsystem: String?, sysname: String?, property: (String, String)?
    ) -> Result<[String], UdevError> {
        guard let enumerate = udev_enumerate_new(udev.pointer) else {
            return .failure(UdevError("udev_enumerate_new failed"))
        }
        defer { udev_enumerate_unref(enumerate) }
        if let subsystem { udev_enumerate_add_match_subsystem(enumerate, subsystem) }
        if let sysname { udev_enumerate_add_match_sysname(enumerate, sysname) }
        if let property { udev_enumerate_add_match_property(enumerate, property.0, property.1) }
        let status = udev_enumerate_scan_devices(enumerate)
        guard status >= 0 else {
            return .failure(UdevError("udev_enumerate_scan_devices: \(String(cString: strerror(-status)))"))
        }
        return .success(UdevDeviceHandle.names(udev_enumerate_get_list_entry(enumerate)).map(\.name))
    }
}
