import Yams

/// L4T releases and what NVIDIA ships with each, per-major family facts, and which TensorRT releases drive the DLA.
///
/// The table is data: `Data/releases.yaml` (compiled in as `EmbeddedFiles.data`), decoded once per process on first
/// use of `shipped`. A malformed file fails the test suite (`ReleaseTableTests`); at run time it leaves the table
/// empty, so every lookup answers nil and version checks say "unknown" rather than guess (Docs/platform.md §7.2).
public struct ReleaseTable: Sendable {
    /// One L4T release and the stack it ships.
    public struct Release: Sendable, Equatable {
        public let l4t: String
        /// JetPack release, as NVIDIA names it (`6.2`, `4.4 DP`).
        public let jetpack: String
        /// Kernel version as precise as the source gives it (`5.15.148`, `4.9`).
        public let kernel: String
        public let cuda: String
        public let cudnn: String
        public let tensorrt: String
        /// SoCs the release supports (`tegra234`…).
        public let socs: [String]
        public let source: String

        public var l4tMajor: Int { VersionCompare.components(l4t)?.first ?? 0 }
        /// `major.minor` of the kernel (`5.15`).
        public var kernelSeries: String { ReleaseTable.series(kernel) }
        public var cudaMajor: Int { VersionCompare.components(cuda)?.first ?? 0 }
        public var cudnnMajor: Int { VersionCompare.components(cudnn)?.first ?? 0 }
        public var tensorrtMajor: Int { VersionCompare.components(tensorrt)?.first ?? 0 }
        public var jetpackMajor: Int { VersionCompare.components(jetpack)?.first ?? 0 }
    }

    /// How the DLA driver is built on an L4T major.
    public enum Driver: String, Sendable, Decodable {
        /// nvhost with the nvdla driver in the kernel image (R32–R35).
        case builtin
        /// Out-of-tree `nvhost-nvdla.ko` (R36 and later).
        case module
    }

    /// What holds for every release of one L4T major.
    public struct Family: Sendable, Equatable {
        public let l4tMajor: Int
        public let jetpackMajor: Int
        public let kernelSeries: String
        public let driver: Driver
        public let socs: [String]
        /// Whether NVIDIA supports installing a newer CUDA major than the one shipped; nil when not known.
        public let cudaUpgrades: Bool?
        public let source: String
    }

    /// A TensorRT version range and whether it drives the DLA on a Jetson.
    public struct DLARange: Sendable, Equatable {
        public let min: String
        public let below: String?
        public let dla: Bool
        /// Oldest JetPack the range's DLA support needs.
        public let needsJetPack: String?
        /// Module families (`p3701`) the range's DLA support is limited to.
        public let needsModules: [String]?
        public let why: String
        public let source: String

        public func contains(_ version: String) -> Bool {
            guard let low = VersionCompare.compare(version, min), low >= 0 else { return false }
            guard let below else { return true }
            return (VersionCompare.compare(version, below) ?? 0) < 0
        }
    }

    /// The answer to "can this TensorRT use the DLA here?", with the reason.
    public enum DLASupport: Sendable, Equatable {
        case yes(String)
        case no(String)
        case unknown(String)
    }

    /// The stack components a release ships.
    public enum Component: String, Sendable, CaseIterable {
        case cuda, cudnn, tensorrt
    }

    public let releases: [Release]
    public let families: [Family]
    public let tensorrtRanges: [DLARange]

    public init(releases: [Release] = [], families: [Family] = [], tensorrtRanges: [DLARange] = []) {
        self.releases = releases
        self.families = families
        self.tensorrtRanges = tensorrtRanges
    }

    /// Where the table lives in the repository and in `EmbeddedFiles.data`.
    public static let path = "Data/releases.yaml"

    /// The compiled-in table; empty when it does not decode (the test suite makes sure it does).
    public static let shipped: ReleaseTable = (try? load()) ?? ReleaseTable()

    // MARK: - Lookups by L4T release

    /// The release exactly as listed (`36.4.3`; `36.4` is not `36.4.0`).
    public func exact(_ l4t: String) -> Release? {
        guard let wanted = VersionCompare.components(l4t), wanted.count >= 3 else { return nil }
        return releases.first { VersionCompare.components($0.l4t) == Array(wanted.prefix(3)) && wanted.count == 3 }
    }

    /// The release a two-part name means, the way NVIDIA writes them (`R35.1` is 35.1.0, `R32.6` is 32.6.1): the
    /// only listed release of that major.minor; nil when there are several (`36.4` is 36.4.0, 36.4.3, 36.4.4 …).
    public func named(_ l4t: String) -> Release? {
        guard let wanted = VersionCompare.components(l4t), wanted.count == 2 else { return nil }
        let same = releases.filter { Array((VersionCompare.components($0.l4t) ?? []).prefix(2)) == wanted }
        return same.count == 1 ? same[0] : nil
    }

    /// The listed release nearest to `l4t` in its family, for reference: the newest of the same major.minor, else
    /// the newest older release of the major, else the oldest newer one.
    public func nearest(_ l4t: String) -> Release? {
        guard let parts = VersionCompare.components(l4t), let major = parts.first else { return nil }
        let sameMajor = releases.filter { $0.l4tMajor == major }
        if parts.count >= 2, let newest = sameMajor.last(where: { VersionCompare.components($0.l4t)?[1] == parts[1] }) {
            return newest
        }
        let older = sameMajor.filter { (VersionCompare.compare($0.l4t, l4t) ?? 1) <= 0 }
        return older.last ?? sameMajor.first
    }

    /// The family of an L4T major (`36`).
    public func family(major: Int) -> Family? { families.first { $0.l4tMajor == major } }

    /// The family of an L4T release (`36.9.1` → R36).
    public func family(of l4t: String) -> Family? {
        VersionCompare.components(l4t)?.first.flatMap { family(major: $0) }
    }

    // MARK: - Lookups by JetPack and by shipped component

    /// Releases of exactly this JetPack (`4.5.1` → 32.5.1, 32.5.2; `6.0 DP` → 36.2.0). Case and spacing of a
    /// suffix do not matter (`6.0dp`, `6.0 DP`).
    public func releases(jetpack: String) -> [Release] {
        let key = Self.jetpackKey(jetpack)
        return releases.filter { Self.jetpackKey($0.jetpack) == key }
    }

    /// Releases whose JetPack lies in `family` (`6` → every JetPack 6 release; `6.2` → 6.2, 6.2.1, 6.2.2…).
    public func releases(jetpackFamily family: String) -> [Release] {
        releases.filter { VersionCompare.isInFamily($0.jetpack, family) }
    }

    /// Releases that ship `version` of `component`; either may be the more precise one (`8.5` and `8.5.2.2` both
    /// find the releases shipping TensorRT 8.5.2).
    public func releases(shipping component: Component, version: String) -> [Release] {
        guard let wanted = VersionCompare.components(version) else { return [] }
        return releases.filter { release in
            guard let shipped = VersionCompare.components(release.version(of: component)) else { return false }
            let n = min(shipped.count, wanted.count)
            return Array(shipped.prefix(n)) == Array(wanted.prefix(n))
        }
    }

    // MARK: - TensorRT and the DLA

    /// Whether TensorRT `version` can build and run DLA engines on a Jetson with `jetpack` and `module` (P-number).
    public func tensorrtDLA(version: String, jetpack: String?, module: String?) -> DLASupport {
        guard VersionCompare.components(version) != nil,
            let range = tensorrtRanges.first(where: { $0.contains(version) })
        else {
            return .unknown("TensorRT \(version) is outside the versions nvdla-doctor knows")
        }
        guard range.dla else { return .no(range.why) }
        if let modules = range.needsModules {
            guard let module else { return .unknown(range.why + "; the module is not known") }
            if !modules.contains(where: { module.hasPrefix($0) }) { return .no(range.why) }
        }
        if let needed = range.needsJetPack {
            guard let jetpack, let order = VersionCompare.compare(jetpack, needed) else {
                return .unknown(range.why + "; the JetPack release is not known")
            }
            if order < 0 { return .no(range.why + " (this is JetPack \(jetpack))") }
        }
        return .yes(range.why)
    }

    /// Whether the TensorRT a release ships drives the DLA on `module` (R38/R39: no; R32–R36: yes on Xavier/Orin).
    public func shippedTensorRTDLA(_ release: Release, module: String?) -> DLASupport {
        tensorrtDLA(version: release.tensorrt, jetpack: release.jetpack, module: module)
    }

    // MARK: - Helpers

    /// `5.15.148` → `5.15`; `4.9` → `4.9`.
    static func series(_ kernel: String) -> String {
        guard let parts = VersionCompare.components(kernel) else { return kernel }
        return parts.prefix(2).map(String.init).joined(separator: ".")
    }

    /// `6.0 DP` → `6.0dp`; `4.5.1` → `4.5.1`.
    static func jetpackKey(_ text: String) -> String {
        text.lowercased().filter { !$0.isWhitespace && $0 != "-" }
    }
}

extension ReleaseTable.Release {
    /// The shipped version of `component`.
    public func version(of component: ReleaseTable.Component) -> String {
        switch component {
        case .cuda: return cuda
        case .cudnn: return cudnn
        case .tensorrt: return tensorrt
        }
    }
}
