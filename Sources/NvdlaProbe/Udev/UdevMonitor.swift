import CUdev

#if canImport(Glibc)
    import Glibc
#endif

/// Receives udev's events for DLA devices from the `udev` netlink group (`udev_monitor_new_from_netlink`), on a
/// non-blocking descriptor to `poll`.
///
/// The kernel-side filter passes subsystem `platform` and the nvhost classes a DLA node can have: `nvdla<N>`
/// (JetPack 6) and `<addr>.host1x` (JetPack 5; the class is named after the host1x device, so every `*.host1x`
/// class present at start is added, plus Xavier's and Orin's). User space then keeps only DLA devices (sysname
/// `*nvdla*` or compatible `nvidia,*-nvdla`; nodes `nvhost-*nvdla*`).
public final class UdevMonitor {
    private let udev: UdevHandle
    private let monitor: OpaquePointer

    /// The classes and bus whose events are received.
    public static func subsystems(classes: [String]) -> [String] {
        var names = ["platform", "nvdla0", "nvdla1", "13e10000.host1x", "13e40000.host1x"]
        for name in classes.sorted() where name.hasSuffix(".host1x") || name.hasPrefix("nvdla") {
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Opens the monitor and starts receiving; throws the reason when libudev or netlink refuses.
    public init(subsystems: [String]) throws(UdevError) {
        guard let udev = UdevHandle() else { throw UdevError("udev_new failed") }
        guard let monitor = udev_monitor_new_from_netlink(udev.pointer, "udev") else {
            throw UdevError("udev_monitor_new_from_netlink: \(String(cString: strerror(errno)))")
        }
        self.udev = udev
        self.monitor = monitor
        for name in subsystems {
            guard udev_monitor_filter_add_match_subsystem_devtype(monitor, name, nil) >= 0 else {
                throw UdevError("udev_monitor_filter_add_match_subsystem_devtype(\(name)) failed")
            }
        }
        let status = udev_monitor_enable_receiving(monitor)
        guard status >= 0 else {
            throw UdevError("udev_monitor_enable_receiving: \(String(cString: strerror(-status)))")
        }
    }

    deinit { udev_monitor_unref(monitor) }

    /// The descriptor to poll for input (non-blocking).
    public var descriptor: Int32 { udev_monitor_get_fd(monitor) }

    /// Every queued event of a DLA device (never blocks).
    public func receive() -> [WatchEvent] {
        var events: [WatchEvent] = []
        while let raw = udev_monitor_receive_device(monitor) {
            let device = UdevDeviceHandle(raw)
            guard let sysname = device.sysname else { continue }
            let isDla =
                device.subsystem == "platform"
                ? UdevDeviceInfo.isDlaPlatformDevice(sysname: sysname, properties: device.properties)
                : UdevDeviceInfo.isDlaNode(sysname: sysname)
            if isDla { events.append(WatchEvent(action: device.action ?? "change", device: sysname)) }
        }
        return events
    }
}
