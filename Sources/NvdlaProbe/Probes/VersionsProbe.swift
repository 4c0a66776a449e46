/// Reads the L4T release and the installed stack (kernel, CUDA, cuDNN, TensorRT) and what L4T expects of them.
///
/// Reads `etc/nv_tegra_release`, `var/lib/dpkg/status`, `proc/sys/kernel/osrelease` (or `proc/version`),
/// `usr/include/aarch64-linux-gnu/NvInferVersion.h`, `usr/include/cudnn_version.h`,
/// `usr/local/cuda/version.json` (or `version.txt`).
public struct VersionsProbe: Probe {
    public var area: Area { .versions }

    static let releasePath = "/etc/nv_tegra_release"
    static let dpkgPath = "/var/lib/dpkg/status"
    static let tensorrtHeaders = [
        "/usr/include/aarch64-linux-gnu/NvInferVersion.h", "/usr/include/NvInferVersion.h",
        "/usr/local/tensorrt/include/NvInferVersion.h",
    ]
    static let cudnnHeaders = [
        "/usr/include/cudnn_version.h", "/usr/include/aarch64-linux-gnu/cudnn_version.h",
        "/usr/include/aarch64-linux-gnu/cudnn_version_v9.h", "/usr/include/aarch64-linux-gnu/cudnn_version_v8.h",
    ]

    public init() {}

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        let packages = readPackages(root, into: &facts)
        collectL4T(root, packages: packages, into: &facts)
        collectKernel(root, into: &facts)
        collectTensorRT(root, packages: packages, into: &facts)
        collectCudnn(root, packages: packages, into: &facts)
        collectCuda(root, packages: packages, into: &facts)
        Self.deriveStack(into: &facts)
    }

    // MARK: - dpkg

    func readPackages(_ root: SystemRoot, into facts: inout FactTable) -> [String: String]? {
        let text = root.readText(Self.dpkgPath)
        guard case .value(let body) = text else {
            facts.set("versions.dpkg_present", .bool(false), source: Self.dpkgPath, raw: text.outcomeWord)
            for key in [
                "versions.pkg.l4t_core", "versions.pkg.l4t_firmware", "versions.pkg.jetpack",
                "versions.pkg.dla_compiler",
            ] {
                facts.set(key, from: text, source: Self.dpkgPath) { _ in nil }
            }
            return nil
        }
        facts.set("versions.dpkg_present", .bool(true), source: Self.dpkgPath)
        var installed: [String: String] = [:]
        for package in DpkgStatus.parse(body).packages where package.isInstalled {
            installed[package.name] = package.version
        }
        let source = Self.dpkgPath
        for (key, name) in [
            ("versions.pkg.l4t_core", "nvidia-l4t-core"), ("versions.pkg.l4t_firmware", "nvidia-l4t-firmware"),
            ("versions.pkg.jetpack", "nvidia-jetpack"), ("versions.pkg.dla_compiler", "nvidia-l4t-dla-compiler"),
        ] {
            if let version = installed[name] {
                facts.set(key, .string(Self.l4tPart(version)), source: source, raw: "\(name) \(version)")
            } else {
                facts.set(key, state: .missing(source: source))
            }
        }
        return installed
    }

    /// `36.4.3-20250107174145` → `36.4.3`; `6.2+b77` → `6.2`.
    static func l4tPart(_ version: String) -> String {
        let cut = version.firstIndex(where: { $0 == "-" || $0 == "+" || $0 == "~" }) ?? version.endIndex
        return String(version[..<cut])
    }

    // MARK: - L4T and JetPack

    func collectL4T(_ root: SystemRoot, packages: [String: String]?, into facts: inout FactTable) {
        let text = root.readText(Self.releasePath, cap: 1024 * 1024)
        var l4t: String?
        var source = Self.releasePath
        switch text {
        case .value(let body):
            if let release = NvTegraRelease.parse(body) {
                l4t = release.release
                let firstLine = body.split(separator: "\n").first.map(String.init)
                facts.set("versions.l4t", .string(release.release), source: source, raw: firstLine)
                facts.set("versions.l4t_major", .int(Int64(release.major)), source: source, raw: firstLine)
                if let board = release.board { facts.set("versions.l4t_board", .string(board), source: source) }
                facts.set(
                    "versions.kernel_variant", .string(release.kernelVariant ?? "builtin"), source: source,
                    raw: release.kernelVariant)
            } else {
                facts.set("versions.l4t", state: .malformed(source: source, detail: "not an nv_tegra_release header"))
            }
        case .missing:
            if let core = packages?["nvidia-l4t-core"] {
                source = Self.dpkgPath
                l4t = Self.l4tPart(core)
                facts.set("versions.l4t", .string(Self.l4tPart(core)), source: source, raw: "nvidia-l4t-core \(core)")
                if let major = VersionCompare.components(core)?.first {
                    facts.set("versions.l4t_major", .int(Int64(major)), source: source)
                }
            } else {
                facts.set("versions.l4t", state: .missing(source: Self.releasePath))
            }
        default:
            facts.set("versions.l4t", from: text, source: source) { _ in nil }
        }
        guard let l4t else {
            // Everything derived from the release shares its state, so rules name the real blocker.
            let state = facts["versions.l4t"] ?? .missing(source: Self.releasePath)
            for key in [
                "versions.l4t_known", "versions.jetpack", "versions.expected.kernel_series",
                "versions.expected.cuda_major", "versions.expected.cudnn_major", "versions.expected.tensorrt_major",
                "versions.cuda_upgrades",
            ] {
                facts.set(key, state: state)
            }
            return
        }
        Self.recordRelease(l4t, source: source, into: &facts)
    }

    /// What the L4T release implies: whether it is known, its JetPack, and the versions it ships.
    ///
    /// A listed release sets `versions.expected.*`, which the version rules compare against. A release the table
    /// does not list is never judged wrong: it gets its family's JetPack major, the JetPack of the installed
    /// `nvidia-jetpack` package (when its major agrees), and the nearest listed release as a reference only.
    static func recordRelease(_ l4t: String, source: String, into facts: inout FactTable) {
        let table = ReleaseTable.shipped
        let family = table.family(of: l4t)
        if let family {
            if let upgrades = family.cudaUpgrades {
                facts.set(
                    "versions.cuda_upgrades", .bool(upgrades), source: source,
                    raw: "L4T R\(family.l4tMajor) (\(family.source))")
            } else {
                facts.set("versions.cuda_upgrades", state: .missing(source: source))
            }
        }
        if let exact = table.exact(l4t) {
            facts.set("versions.l4t_known", .bool(true), source: source, raw: l4t)
            facts.set("versions.jetpack", .string(exact.jetpack), source: source, raw: "L4T \(l4t)")
            facts.set("versions.jetpack_major", .int(Int64(exact.jetpackMajor)), source: source, raw: exact.jetpack)
            record(expectations: exact, source: source, into: &facts)
            return
        }
        facts.set("versions.l4t_known", .bool(false), source: source, raw: l4t)
        if let family {
            facts.set(
                "versions.jetpack_major", .int(Int64(family.jetpackMajor)), source: source,
                raw: "L4T R\(family.l4tMajor)")
        }
        if let jetpack = facts.string("versions.pkg.jetpack"), let major = VersionCompare.components(jetpack)?.first,
            family == nil || family?.jetpackMajor == major
        {
            let package = facts["versions.pkg.jetpack"]
            var raw: String?
            if case .known(_, let provenance)? = package { raw = provenance.raw }
            facts.set("versions.jetpack", .string(jetpack), source: package?.source ?? dpkgPath, raw: raw)
        }
        if let reference = table.nearest(l4t) {
            facts.set("versions.reference_l4t", .string(reference.l4t), source: source, raw: l4t)
            facts.set("versions.reference_jetpack", .string(reference.jetpack), source: source, raw: l4t)
        }
    }

    static func record(expectations release: ReleaseTable.Release, source: String, into facts: inout FactTable) {
        let raw = "L4T \(release.l4t) (JetPack \(release.jetpack)): \(release.source)"
        facts.set("versions.expected.kernel_series", .string(release.kernelSeries), source: source, raw: raw)
        facts.set("versions.expected.cuda_major", .int(Int64(release.cudaMajor)), source: source, raw: raw)
        facts.set("versions.expected.cudnn_major", .int(Int64(release.cudnnMajor)), source: source, raw: raw)
        facts.set("versions.expected.tensorrt_major", .int(Int64(release.tensorrtMajor)), source: source, raw: raw)
        facts.set("versions.expected.cuda", .string(release.cuda), source: source, raw: raw)
        facts.set("versions.expected.cudnn", .string(release.cudnn), source: source, raw: raw)
        facts.set("versions.expected.tensorrt", .string(release.tensorrt), source: source, raw: raw)
    }

    /// What follows from the release and the installed stack together (run once every version is known, by
    /// `check` and by `analyze`): whether the installed TensorRT can drive the DLA here, and for a release the table
    /// does not list, how the stack differs from the nearest listed release.
    public static func deriveStack(into facts: inout FactTable) {
        deriveTensorRTDLA(into: &facts)
        deriveReferenceDifferences(into: &facts)
    }

    static func deriveTensorRTDLA(into facts: inout FactTable) {
        guard let version = facts.string("versions.tensorrt") else {
            if let state = facts["versions.tensorrt"] { facts.set("versions.tensorrt_dla", state: state) }
            return
        }
        let source = facts["versions.tensorrt"]?.source ?? tensorrtHeaders[0]
        let jetpack = facts.string("versions.jetpack")
        let module = facts.string("platform.module")
        switch ReleaseTable.shipped.tensorrtDLA(version: version, jetpack: jetpack, module: module) {
        case .yes(let why):
            facts.set("versions.tensorrt_dla", .bool(true), source: source, raw: why)
            facts.set("versions.tensorrt_dla_reason", .string(why), source: ReleaseTable.path)
        case .no(let why):
            facts.set("versions.tensorrt_dla", .bool(false), source: source, raw: why)
            facts.set("versions.tensorrt_dla_reason", .string(why), source: ReleaseTable.path)
        case .unknown(let why):
            facts.set("versions.tensorrt_dla", state: .missing(source: ReleaseTable.path))
            facts.set("versions.tensorrt_dla_reason", .string(why), source: ReleaseTable.path)
        }
    }

    /// For a release missing from the table: which installed components differ from the nearest listed release.
    static func deriveReferenceDifferences(into facts: inout FactTable) {
        guard facts.bool("versions.l4t_known") == false, let l4t = facts.string("versions.reference_l4t"),
            let reference = ReleaseTable.shipped.exact(l4t)
        else { return }
        var differences: [String] = []
        if let series = facts.string("versions.kernel_series"), series != reference.kernelSeries {
            differences.append("kernel \(series) (L4T \(l4t) ships \(reference.kernelSeries))")
        }
        for (name, label, shipped) in [
            ("tensorrt", "TensorRT", reference.tensorrt), ("cudnn", "cuDNN", reference.cudnn),
            ("cuda", "CUDA", reference.cuda),
        ] {
            if let major = facts.int("versions.\(name)_major"),
                let shippedMajor = VersionCompare.components(shipped)?.first, major != Int64(shippedMajor)
            {
                differences.append(
                    "\(label) \(facts.string("versions.\(name)") ?? String(major)) (L4T \(l4t) ships \(shipped))")
            }
        }
        let source = facts["versions.l4t"]?.source ?? releasePath
        facts.set("versions.reference_differences", .int(Int64(differences.count)), source: source, raw: l4t)
        if !differences.isEmpty {
            facts.set(
                "versions.reference_difference_list", .string(differences.joined(separator: "; ")), source: source)
        }
    }

    // MARK: - Kernel

    func collectKernel(_ root: SystemRoot, into facts: inout FactTable) {
        var release: String?
        var source = "/proc/sys/kernel/osrelease"
        let osrelease = root.readAttribute(source)
        if case .value(let text) = osrelease, !text.isEmpty, text.count < 128, !text.contains(" ") {
            release = text
        } else {
            source = "/proc/version"
            if case .value(let text) = root.readText(source, cap: 4096) {
                release = ProcVersion.parse(text)?.release
            }
        }
        guard let release else {
            facts.set("versions.kernel_release", state: .missing(source: source))
            return
        }
        facts.set("versions.kernel_release", .string(release), source: source, raw: release)
        if let parts = VersionCompare.components(release), parts.count >= 2 {
            facts.set("versions.kernel_series", .string("\(parts[0]).\(parts[1])"), source: source, raw: release)
        }
    }

    // MARK: - TensorRT, cuDNN, CUDA

    func collectTensorRT(_ root: SystemRoot, packages: [String: String]?, into facts: inout FactTable) {
        for path in Self.tensorrtHeaders {
            if case .value(let text) = root.readText(path, cap: 256 * 1024),
                let version = NvInferVersionHeader.parse(text)?.version
            {
                Self.setVersion("tensorrt", version, source: path, raw: version, into: &facts)
                return
            }
        }
        for name in ["libnvinfer10", "libnvinfer8", "libnvinfer7", "tensorrt", "tensorrt-libs"] {
            if let version = packages?[name] {
                Self.setVersion(
                    "tensorrt", Self.l4tPart(version), source: Self.dpkgPath, raw: "\(name) \(version)", into: &facts)
                return
            }
        }
        facts.set("versions.tensorrt", state: .missing(source: Self.tensorrtHeaders[0]))
    }

    func collectCudnn(_ root: SystemRoot, packages: [String: String]?, into facts: inout FactTable) {
        for path in Self.cudnnHeaders {
            if case .value(let text) = root.readText(path, cap: 256 * 1024),
                let version = CudnnVersionHeader.parse(text)?.version
            {
                Self.setVersion("cudnn", version, source: path, raw: version, into: &facts)
                return
            }
        }
        let names = (packages ?? [:]).keys.filter { $0.hasPrefix("libcudnn") && !$0.contains("-dev") }.sorted()
        if let name = names.last, let version = packages?[name] {
            Self.setVersion(
                "cudnn", Self.l4tPart(version), source: Self.dpkgPath, raw: "\(name) \(version)", into: &facts)
            return
        }
        facts.set("versions.cudnn", state: .missing(source: Self.cudnnHeaders[0]))
    }

    func collectCuda(_ root: SystemRoot, packages: [String: String]?, into facts: inout FactTable) {
        let json = "/usr/local/cuda/version.json"
        if case .value(let text) = root.readText(json, cap: 1024 * 1024),
            let version = CudaVersionJSON.parse(text)?.version
        {
            Self.setVersion("cuda", version, source: json, raw: version, into: &facts)
            return
        }
        let txt = "/usr/local/cuda/version.txt"
        if case .value(let text) = root.readText(txt, cap: 4096), let version = CudaVersionTxt.parse(text) {
            Self.setVersion("cuda", version, source: txt, raw: version, into: &facts)
            return
        }
        let toolkits = (packages ?? [:]).keys.filter { $0.hasPrefix("cuda-toolkit-") || $0.hasPrefix("cuda-runtime-") }
        if let name = toolkits.sorted().last, let parsed = Self.cudaVersion(fromPackage: name) {
            Self.setVersion("cuda", parsed, source: Self.dpkgPath, raw: name, into: &facts)
            return
        }
        facts.set("versions.cuda", state: .missing(source: json))
    }

    /// `cuda-toolkit-12-6` → `12.6`.
    static func cudaVersion(fromPackage name: String) -> String? {
        let parts = name.split(separator: "-").suffix(2)
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        return parts.joined(separator: ".")
    }

    static func setVersion(_ name: String, _ version: String, source: String, raw: String, into facts: inout FactTable)
    {
        facts.set("versions.\(name)", .string(version), source: source, raw: raw)
        if let major = VersionCompare.components(version)?.first {
            facts.set("versions.\(name)_major", .int(Int64(major)), source: source, raw: raw)
        }
    }
}
