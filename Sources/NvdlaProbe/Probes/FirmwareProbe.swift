/// The DLA firmware file the driver requests, under `/lib/firmware` (and `firmware_class.path`), and with
/// `--deep` only the version the engine reports in `/sys/kernel/debug/nvdla<N>/firmware/version`.
///
/// The built-in nvhost driver (JP4, JP5) asks for `nvhost_nvdla020.fw` (T234) / `nvhost_nvdla010.fw` (T194) and
/// retries in the SoC subdirectory (`tegra23x/`, `tegra19x/`); R32's firmware package installs it only under
/// `tegra19x/`. JP6's out-of-tree driver asks for `nvidia/tegra234/nvdla.bin` with no retry (Docs/platform.md
/// §7.3). Reading `firmware/version` powers the DLA on, so it is read only with `--deep` (§2.5).
public struct FirmwareProbe: Probe {
    public var area: Area { .firmware }

    public init() {}

    /// The kernel's default firmware search path after `firmware_class.path` (`drivers/base/firmware_loader`).
    static func searchPath(release: String?, custom: String?) -> [String] {
        var dirs: [String] = []
        if let custom, custom.hasPrefix("/") { dirs.append(custom) }
        if let release { dirs.append("/lib/firmware/updates/\(release)") }
        dirs.append("/lib/firmware/updates")
        if let release { dirs.append("/lib/firmware/\(release)") }
        dirs.append("/lib/firmware")
        return dirs
    }

    /// The names the nvdla driver looks for, in order (`nvdla.h`: GRHOST on JP4/JP5, OOT on JP6); the first is the
    /// one it requests. The nvhost falcon loader retries in the SoC subdirectory; the R32 driver asks for that
    /// path first, as R32 installs the file only there.
    static func requestedFiles(soc: String, outOfTree: Bool, l4tMajor: Int?) -> [String] {
        switch (soc, outOfTree) {
        case ("tegra234", false): return ["nvhost_nvdla020.fw", "tegra23x/nvhost_nvdla020.fw"]
        case ("tegra194", false):
            let names = ["nvhost_nvdla010.fw", "tegra19x/nvhost_nvdla010.fw"]
            return l4tMajor == 32 ? names.reversed() : names
        case ("tegra234", true): return ["nvidia/tegra234/nvdla.bin"]
        case ("tegra194", true): return ["nvidia/tegra194/nvdla.bin"]
        default: return []
        }
    }

    /// major.minor the kernel compares with the engine (`dla_t23x_fw_version.h` 2.1, `dla_t19x_…` 1.2) [SRC].
    static func expectedVersion(soc: String) -> String? {
        ["tegra234": "2.1", "tegra194": "1.2"][soc]
    }

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        facts.set("check.deep", .bool(root.policy.deep), source: "--deep")
        guard let soc = facts.string("platform.soc") else {
            let state = facts["platform.soc"] ?? .missing(source: DeviceTree.base + "/compatible")
            facts.set("firmware.file", state: state)
            facts.set("firmware.present", state: state)
            return
        }
        let outOfTree: Bool? =
            facts.int("versions.l4t_major").map { $0 >= 36 } ?? facts.bool("driver.module.expected")
        let major = facts.int("versions.l4t_major").map(Int.init)
        let names = outOfTree.map { Self.requestedFiles(soc: soc, outOfTree: $0, l4tMajor: major) } ?? []
        guard let outOfTree, let file = names.first else {
            // Which file the driver requests depends on the release: without it, say why it is unknown.
            let state = facts["versions.l4t"] ?? .missing(source: "/etc/nv_tegra_release")
            let blocked: FactState = state.value == nil ? state : .missing(source: "/etc/nv_tegra_release")
            facts.set("firmware.file", state: blocked)
            facts.set("firmware.present", state: blocked)
            return
        }
        let releaseSource = facts["versions.l4t_major"]?.source ?? "/etc/nv_tegra_release"
        facts.set(
            "firmware.file", .string(file), source: releaseSource, raw: outOfTree ? "out-of-tree driver" : "nvhost")
        facts.set("firmware.candidates", .list(names), source: releaseSource)
        let custom = root.readText("/proc/cmdline", cap: SystemRoot.attributeCap).value.flatMap {
            ProcCmdline.parse($0).value("firmware_class.path")
        }
        let release = facts.string("versions.kernel_release")
        var found: (path: String, size: Int64, target: String)?
        var blocked: ReadResult<Bool>?
        // The kernel tries every search directory for one name before the driver retries with the next name.
        for name in names {
            for dir in Self.searchPath(release: release, custom: custom) {
                let path = dir + "/" + name
                let read = root.readBytes(path, cap: 64 << 20)
                switch read {
                case .value(let content):
                    found = (path, Int64(content.bytes.count), root.resolve(path).value ?? path)
                case .missing: continue
                case .unreadable(let why): blocked = blocked ?? .unreadable(why)
                case .malformed(let why): blocked = blocked ?? .malformed(why)
                }
                if found != nil { break }
            }
            if found != nil { break }
        }
        if let found {
            let raw = found.target == found.path ? nil : "→ \(found.target)"
            facts.set("firmware.present", .bool(true), source: found.path, raw: raw)
            facts.set("firmware.path", .string(found.path), source: found.path, raw: raw)
            facts.set("firmware.size", .int(found.size), source: found.path, raw: "\(found.size) bytes")
        } else if let blocked {
            facts.set("firmware.present", from: blocked, source: "/lib/firmware/" + file) { .bool($0) }
        } else {
            facts.set("firmware.present", .bool(false), source: "/lib/firmware/" + file, raw: "not in the search path")
        }
        collectVersions(root, soc: soc, into: &facts)
    }

    /// `--deep` only: the firmware version each bound DLA reports, and the major.minor the kernel expects.
    func collectVersions(_ root: SystemRoot, soc: String, into facts: inout FactTable) {
        guard let expected = Self.expectedVersion(soc: soc) else { return }
        for index in facts.instances["dla"] ?? [] where facts.bool("dla.\(index).driver.bound") == true {
            let key = "dla.\(index).fw"
            facts.set("\(key).expected", .string(expected), source: "nvdla driver (\(soc))")
            // Named after of_node->name before the single-DLA rename (JP6) or the probe order (JP5) (§2.5).
            let path = "/sys/kernel/debug/nvdla\(index)/firmware/version"
            guard root.policy.deep else {
                facts.set("\(key).version", state: .unreadable(.blocked, source: path))
                facts.set("\(key).major_minor", state: .unreadable(.blocked, source: path))
                continue
            }
            let version = root.readAttribute(path)
            facts.set("\(key).version", from: version, source: path) { text in
                text.split(separator: ".").count == 3 ? .string(text) : nil
            }
            facts.set("\(key).major_minor", from: version, source: path, raw: { $0 }) { text in
                let parts = text.split(separator: ".")
                return parts.count == 3 ? .string("\(parts[0]).\(parts[1])") : nil
            }
        }
    }
}
