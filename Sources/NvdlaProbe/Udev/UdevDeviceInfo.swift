/// One device as libudev sees it: identity from sysfs (`<syspath>/uevent`, the `subsystem` and `driver` links)
/// and udev's own view from its database (`/run/udev/data/<id>`: `I:` initialized, `G:` tags, `E:` properties).
///
/// A plain value copied out of `struct udev_device`, so nothing of libudev's C types leaves `Udev/`.
public struct UdevDeviceInfo: Sendable, Equatable, Codable {
    /// Which kind of DLA device this is.
    public enum Kind: String, Sendable, Codable {
        /// The platform device of a DLA (`/sys/bus/platform/devices/15880000.nvdla0`).
        case platform
        /// An nvhost class device with a char node (`/sys/class/nvdla0/nvhost-ctrl-nvdla0`).
        case node
    }

    public var kind: Kind
    /// `/sys/devices/…` path of the device (always below `/sys`).
    public var syspath: String
    /// The last component of `syspath` (`15880000.nvdla0`, `nvhost-ctrl-nvdla0`).
    public var sysname: String
    /// `platform`, or the class name (`nvdla0` on JetPack 6, `13e10000.host1x` on JetPack 5).
    public var subsystem: String?
    /// The bound driver (`nvdla`), from the `driver` link.
    public var driver: String?
    /// `/dev/…` path udev gives the node (`DEVNAME=` of the uevent).
    public var devnode: String?
    /// `MAJ:MIN` of the char device, when it has one.
    public var devnum: String?
    /// Whether udev has processed the device (it has a database entry).
    public var initialized: Bool
    /// udev tags (`G:` lines of the database; e.g. `systemd`, `uaccess`), sorted.
    public var tags: [String]
    /// Every property: the uevent's (`DRIVER=`, `OF_COMPATIBLE_0=`, `MAJOR=`…) plus udev's (`E:` lines).
    public var properties: [String: String]

    public init(
        kind: Kind, syspath: String, sysname: String, subsystem: String? = nil, driver: String? = nil,
        devnode: String? = nil, devnum: String? = nil, initialized: Bool = false, tags: [String] = [],
        properties: [String: String] = [:]
    ) {
        self.kind = kind
        self.syspath = syspath
        self.sysname = sysname
        self.subsystem = subsystem
        self.driver = driver
        self.devnode = devnode
        self.devnum = devnum
        self.initialized = initialized
        self.tags = tags
        self.properties = properties
    }

    /// Whether a platform device is a DLA: its name has `nvdla`, or a device-tree compatible is `nvidia,*-nvdla`.
    public static func isDlaPlatformDevice(sysname: String, properties: [String: String]) -> Bool {
        if sysname.contains("nvdla") { return true }
        return properties.contains { key, value in
            key.hasPrefix("OF_COMPATIBLE_") && key != "OF_COMPATIBLE_N" && value.hasPrefix("nvidia,")
                && value.hasSuffix("-nvdla")
        }
    }

    /// Whether a class device is a DLA node (`nvhost-ctrl-nvdla0`, `nvhost-nvdla1`).
    public static func isDlaNode(sysname: String) -> Bool {
        sysname.hasPrefix("nvhost-") && sysname.contains("nvdla")
    }
}

/// What a live enumeration found, or why there is none.
public enum UdevEnumeration: Sendable, Equatable {
    /// The DLA devices, sorted by syspath; `database` says whether udev's database directory exists.
    case devices([UdevDeviceInfo], database: Bool)
    /// libudev could not be used (`udev_new` or the scan failed); the reason is for the report.
    case unavailable(String)
}
