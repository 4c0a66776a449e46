import CUdev

#if canImport(Glibc)
    import Glibc
#endif

/// Owns one `struct udev` context (`udev_new`) and drops its reference in `deinit`.
final class UdevHandle {
    let pointer: OpaquePointer

    /// A new libudev context, or nil when libudev cannot allocate one.
    init?() {
        guard let udev = udev_new() else { return nil }
        pointer = udev
    }

    deinit { udev_unref(pointer) }
}

/// Owns one `struct udev_device` and drops its reference in `deinit`.
final class UdevDeviceHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    /// The device at `syspath` (`udev_device_new_from_syspath`), or nil when it is gone or not a device.
    convenience init?(udev: UdevHandle, syspath: String) {
        guard let device = udev_device_new_from_syspath(udev.pointer, syspath) else { return nil }
        self.init(device)
    }

    deinit { udev_device_unref(pointer) }

    var syspath: String? { udev_device_get_syspath(pointer).map { String(cString: $0) } }
    var sysname: String? { udev_device_get_sysname(pointer).map { String(cString: $0) } }
    var subsystem: String? { udev_device_get_subsystem(pointer).map { String(cString: $0) } }
    var driver: String? { udev_device_get_driver(pointer).map { String(cString: $0) } }
    var devnode: String? { udev_device_get_devnode(pointer).map { String(cString: $0) } }
    /// `add`, `change`, `remove`… for a device received from a monitor; nil for an enumerated one.
    var action: String? { udev_device_get_action(pointer).map { String(cString: $0) } }
    var initialized: Bool { udev_device_get_is_initialized(pointer) > 0 }

    /// `MAJ:MIN`, or nil when the device has no device number.
    var devnum: String? {
        let dev = UInt64(udev_device_get_devnum(pointer))
        guard dev != 0 else { return nil }
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff))
        let minor = (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff))
        return "\(major):\(minor)"
    }

    var tags: [String] { Self.names(udev_device_get_tags_list_entry(pointer)).map(\.name).sorted() }

    var properties: [String: String] {
        Dictionary(
            Self.names(udev_device_get_properties_list_entry(pointer)).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { first, _ in first })
    }

    /// Walks a `udev_list_entry` chain into (name, value) pairs.
    static func names(_ first: OpaquePointer?) -> [(name: String, value: String?)] {
        var out: [(name: String, value: String?)] = []
        var entry = first
        while let current = entry {
            if let name = udev_list_entry_get_name(current) {
                out.append((String(cString: name), udev_list_entry_get_value(current).map { String(cString: $0) }))
            }
            entry = udev_list_entry_get_next(current)
        }
        return out
    }

    /// Copies the device into a value.
    func info(kind: UdevDeviceInfo.Kind) -> UdevDeviceInfo? {
        guard let syspath, let sysname else { return nil }
        return UdevDeviceInfo(
            kind: kind, syspath: syspath, sysname: sysname, subsystem: subsystem, driver: driver, devnode: devnode,
            devnum: devnum, initialized: initialized, tags: tags, properties: properties)
    }
}
