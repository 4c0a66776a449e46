/// Records whether the DLA driver is built in (JetPack 5) or a loadable module (JetPack 6), and for the module:
/// its `/proc/modules` state, `/sys/module/nvhost_nvdla`, and the `.modinfo` of the file on disk.
///
/// Reads `/proc/modules`, `/sys/module/nvhost_nvdla/{initstate,srcversion,taint}`,
/// `/lib/modules/<release>/modules.dep` (to find `nvhost-nvdla.ko`) and the `.ko` itself (Docs/platform.md §1).
public struct ModuleProbe: Probe {
    public var area: Area { .driver }

    public static let moduleName = "nvhost_nvdla"
    public static let fileName = "nvhost-nvdla.ko"

    public init() {}

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        guard let expected = moduleExpected(facts) else {
            facts.set("driver.module.expected", state: .missing(source: "/etc/nv_tegra_release"))
            return
        }
        let (isModule, why) = expected
        facts.set("driver.module.expected", .bool(isModule), source: "/etc/nv_tegra_release", raw: why)
        let modulesText = root.readText("/proc/modules", cap: 4 * 1024 * 1024)
        // A kernel with loadable modules always lists some; an empty table is a truncated or bad capture.
        let loaded = modulesText.parse("empty or without module lines") { text -> ProcModules.Module?? in
            let table = ProcModules.parse(text)
            return table.modules.isEmpty ? nil : .some(table.module(named: Self.moduleName))
        }
        facts.set("driver.module.loaded", from: loaded, source: "/proc/modules", raw: { $0.map(Self.line) }) {
            .bool($0 != nil)
        }
        if case .value(let module?) = loaded {
            facts.set(
                "driver.module.state", .string(Self.state(module.state)), source: "/proc/modules",
                raw: Self.line(module))
            facts.set("driver.module.taints", .string(module.taints), source: "/proc/modules")
            if let refcount = module.refcount {
                facts.set("driver.module.refcount", .int(Int64(refcount)), source: "/proc/modules")
            }
            let sys = "/sys/module/\(Self.moduleName)"
            facts.set(
                "driver.module.initstate", from: root.readAttribute(sys + "/initstate"), source: sys + "/initstate"
            ) {
                .string($0)
            }
            facts.set(
                "driver.module.srcversion_loaded", from: root.readAttribute(sys + "/srcversion"),
                source: sys + "/srcversion"
            ) { $0.isEmpty ? nil : .string($0) }
        }
        let available: Bool?
        switch (isModule, loaded.value) {
        case (false, _): available = true
        case (true, let module??): available = Self.state(module.state) == "Live"
        case (true, .some(.none)): available = false
        default: available = nil
        }
        if let available {
            facts.set(
                "driver.available", .bool(available), source: isModule ? "/proc/modules" : "/etc/nv_tegra_release")
        } else {
            facts.set("driver.available", from: modulesText, source: "/proc/modules") { _ in nil }
        }
        guard isModule else { return }
        inspectFile(root, facts: &facts)
    }

    /// JetPack 6 (L4T R36, KERNEL_VARIANT oot) loads nvhost_nvdla; JetPack 5 builds the driver in.
    func moduleExpected(_ facts: FactTable) -> (Bool, String)? {
        if let major = facts.int("versions.l4t_major") {
            return (major >= 36, "L4T R\(major)")
        }
        if let series = facts.string("versions.kernel_series"), let order = VersionCompare.compare(series, "5.15") {
            return (order >= 0, "kernel \(series)")
        }
        return nil
    }

    /// Finds the module file through modules.dep and reads its vermagic, srcversion and depends.
    func inspectFile(_ root: SystemRoot, facts: inout FactTable) {
        guard let release = facts.string("versions.kernel_release") else {
            facts.set("driver.module.file", state: .missing(source: "/proc/sys/kernel/osrelease"))
            return
        }
        let base = "/lib/modules/\(release)"
        let depPath = base + "/modules.dep"
        var candidates: [String] = []
        if case .value(let dep) = root.readText(depPath, cap: 16 * 1024 * 1024) {
            for line in dep.split(separator: "\n") {
                let file = line.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
                if file.hasSuffix("/" + Self.fileName) || file == Self.fileName {
                    candidates.append(file.hasPrefix("/") ? file : base + "/" + file)
                }
            }
        }
        candidates += [
            base + "/updates/drivers/video/tegra/host/nvdla/\(Self.fileName)",
            base + "/extra/drivers/video/tegra/host/nvdla/\(Self.fileName)",
            base + "/updates/\(Self.fileName)",
        ]
        guard let file = candidates.first(where: { root.exists($0) == true }) else {
            facts.set("driver.module.file", state: .missing(source: depPath))
            return
        }
        facts.set("driver.module.file", .string(file), source: file)
        let bytes = root.readBytes(file, cap: 64 * 1024 * 1024)
        let info = bytes.parse("not an ELF kernel module with a .modinfo section") { ModuleInfo.parse(elf: $0.bytes) }
        facts.set("driver.module.vermagic", from: info, source: file, raw: { $0.vermagic }) { info in
            info.kernelRelease.map { .string($0) }
        }
        facts.set("driver.module.srcversion_file", from: info, source: file) { info in
            info.srcversion.map { .string($0) }
        }
        facts.set("driver.module.depends", from: info, source: file) { .list($0.depends) }
    }

    static func state(_ state: ProcModules.State) -> String {
        switch state {
        case .live: return "Live"
        case .loading: return "Loading"
        case .unloading: return "Unloading"
        case .other(let text): return text
        }
    }

    static func line(_ module: ProcModules.Module) -> String {
        let users = module.users.isEmpty ? "-" : module.users.joined(separator: ",") + ","
        return
            "\(module.name) \(module.size) \(module.refcount.map(String.init) ?? "-") \(users) \(state(module.state))"
            + (module.taints.isEmpty ? "" : " (\(module.taints))")
    }
}
