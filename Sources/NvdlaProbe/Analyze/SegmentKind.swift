/// The kinds of pasted text `analyze` recognises (README, `analyze`).
public enum SegmentKind: String, Sendable, CaseIterable {
    case kernelLog = "kernel log"
    case nvTegraRelease = "/etc/nv_tegra_release"
    case jetsonRelease = "jetson_release"
    case jetsonClocks = "jetson_clocks --show"
    case nvpmodel = "nvpmodel -q"
    case aptList = "apt list"
    case dpkgList = "dpkg -l"
    case aptShow = "apt show"
    case devListing = "ls -l /dev listing"
    case lsmod = "lsmod"
    case meminfo = "/proc/meminfo"
    case tegrastats = "tegrastats"
    case ldd = "ldd output"
    case containerLog = "container runtime log"
    case applicationLog = "application/loader errors"
    case tensorrtLog = "TensorRT log"
    /// Lines of other tools' output that give a version or the board in the tool's own format (nvcc, uname,
    /// deviceQuery, flash.sh, nv_boot_control.conf, container tags: `Data/fields.yaml`, rank 2 and up).
    case versionOutput = "version or identity output"
    case unrecognised = "unrecognised text"
}

/// A run of input lines of one kind.
public struct Segment: Sendable, Equatable {
    public let kind: SegmentKind
    public let input: String
    public var firstLine: Int64
    public var lastLine: Int64
    public var lines: Int64

    /// `kernel log: dmesg.txt lines 3–120 (118 lines)`.
    public var description: String {
        let range = firstLine == lastLine ? "line \(firstLine)" : "lines \(firstLine)–\(lastLine)"
        return "\(kind.rawValue): \(input) \(range)"
    }
}
