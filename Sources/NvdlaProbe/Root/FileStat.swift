/// Type, mode, ownership and device numbers of a path: from `lstat` live, from `.nvdla-doctor/stat.tsv` in snapshots.
public struct FileStat: Sendable, Equatable {
    /// The file type, as in `stat.tsv` (`c`, `b`, `f`, `d`, `l`).
    public enum Kind: String, Sendable, Equatable {
        case characterDevice = "c"
        case blockDevice = "b"
        case regular = "f"
        case directory = "d"
        case symlink = "l"
        case other = "-"
    }
    public let kind: Kind
    /// Permission bits (e.g. `0o660`), without the type bits.
    public let mode: UInt32
    /// Owner and group names; `nil` when unknown (e.g. plain files in a snapshot).
    public let user: String?
    public let group: String?
    /// Device numbers for character and block devices.
    public let major: Int?
    public let minor: Int?

    public init(
        kind: Kind, mode: UInt32, user: String?, group: String?, major: Int? = nil, minor: Int? = nil
    ) {
        self.kind = kind
        self.mode = mode
        self.user = user
        self.group = group
        self.major = major
        self.minor = minor
    }

    /// The mode as four octal digits, e.g. `0660`.
    public var octalMode: String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `major:minor`, when this is a device.
    public var deviceNumber: String? {
        guard let major, let minor else { return nil }
        return "\(major):\(minor)"
    }
}
