/// Maps each DLA instance to its nvhost class devices and checks the `/dev` nodes behind them.
///
/// Class devices: JP6 `/sys/class/nvdla<N>/nvhost-ctrl-nvdla<N>`, JP5 `/sys/class/<host1x>/nvhost-nvdla<N>` and
/// `nvhost-ctrl-nvdla<N>`; each has a `dev` file (`MAJ:MIN`, the major is dynamic) and a `device` link to the
/// platform device. Names follow probe order, not hardware: with one DLA it is `nvdla0` whatever the instance.
/// Nodes: `/dev/<name>` (type, mode, owner from `stat`), udev database `/run/udev/data/c<MAJ>:<MIN>`, and L4T's
/// rule file `99-tegra-devices.rules` (`KERNEL=="nvhost*" GROUP="video" MODE="0660"`; Docs/platform.md §2.1).
/// Also the nodes every DLA job needs beside the DLA's own: `/dev/nvmap` (buffers) and, with the out-of-tree
/// driver of JetPack 6 and later, `/dev/host1x-fence` (job fences); a container must be given them too (§2.1).
public struct DevnodesProbe: Probe {
    public var area: Area { .devnodes }

    public static let ruleFiles = [
        "/etc/udev/rules.d/99-tegra-devices.rules", "/lib/udev/rules.d/99-tegra-devices.rules",
        "/usr/lib/udev/rules.d/99-tegra-devices.rules",
    ]

    public init() {}

    struct ClassDevice {
        let name: String
        let path: String
        let owner: String?
    }

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        collectRuleFile(root, into: &facts)
        let classDevices = findClassDevices(root)
        let builtin = facts.bool("driver.module.expected") == false
        var present = 0
        var nodesFound = 0
        for index in facts.instances["dla"] ?? [] {
            let key = "dla.\(index)"
            let enabled = facts.bool("\(key).dt.enabled") == true
            let bound = facts.bool("\(key).driver.bound") == true
            let expected = enabled && bound
            facts.set("\(key).node.expected", .bool(expected), source: "/sys/bus/platform/devices", raw: nil)
            guard expected else { continue }
            let platformPath = facts.string("\(key).sysfs.path").flatMap { root.resolve($0).value }
            let mine = classDevices.filter { $0.owner != nil && $0.owner == platformPath }
            var kinds: [(String, String)] = [("ctrl", "nvhost-ctrl-nvdla")]
            if builtin { kinds.append(("chan", "nvhost-nvdla")) }
            var ctrlPresent = false
            for (kind, prefix) in kinds {
                let device = mine.first {
                    $0.name.hasPrefix(prefix) && $0.name.dropFirst(prefix.count).allSatisfy(\.isNumber)
                }
                let name = device?.name ?? "\(prefix)\(index)"
                let found = collectNode(
                    root, key: "\(key).node.\(kind)", name: name, classPath: device?.path, into: &facts)
                if found { nodesFound += 1 }
                if kind == "ctrl" { ctrlPresent = found }
            }
            if ctrlPresent { present += 1 }
        }
        facts.set("devnodes.found", .int(Int64(nodesFound)), source: "/dev")
        collectSupportNodes(root, outOfTree: facts.bool("driver.module.expected"), into: &facts)
        if facts.value("platform.dla_nodes_in_dt") != nil {
            facts.set("platform.dla_present", .int(Int64(present)), source: "/dev", raw: "enabled, bound, node present")
        }
    }

    /// Records one node; returns whether `/dev/<name>` exists as a character device.
    func collectNode(_ root: SystemRoot, key: String, name: String, classPath: String?, into facts: inout FactTable)
        -> Bool
    {
        let devPath = "/dev/\(name)"
        facts.set("\(key).name", .string(name), source: classPath ?? devPath)
        var classDev: (Int, Int)?
        if let classPath {
            let dev = root.readAttribute(classPath + "/dev")
            facts.set("\(key).class_dev", from: dev, source: classPath + "/dev") {
                Self.devnum($0) == nil ? nil : .string($0)
            }
            classDev = dev.value.flatMap(Self.devnum)
        } else {
            facts.set("\(key).class_dev", state: .missing(source: "/sys/class"))
        }
        let stat = root.stat(devPath)
        switch stat {
        case .value(let st) where st.kind == .characterDevice:
            facts.set("\(key).present", .bool(true), source: devPath, raw: "c \(st.octalMode)")
            facts.set("\(key).mode", .string(st.octalMode), source: devPath)
            facts.set("\(key).owner", .string("\(st.user ?? "?"):\(st.group ?? "?")"), source: devPath)
            let groupAccess = (st.mode & 0o060 == 0o060 && st.group == "video") || st.mode & 0o006 == 0o006
            facts.set(
                "\(key).video_access", .bool(groupAccess), source: devPath,
                raw: "\(st.octalMode) \(st.user ?? "?"):\(st.group ?? "?")")
            if let major = st.major, let minor = st.minor {
                facts.set("\(key).devnum", .string("\(major):\(minor)"), source: devPath)
                if let classDev {
                    facts.set(
                        "\(key).devnum_matches", .bool(classDev == (major, minor)), source: devPath,
                        raw: "\(major):\(minor)")
                }
                let udev = "/run/udev/data/c\(major):\(minor)"
                facts.set("\(key).udev_db", .bool(root.exists(udev) == true), source: udev)
            }
            return true
        case .value(let st):
            facts.set(
                "\(key).present", .bool(false), source: devPath, raw: "not a character device (\(st.kind.rawValue))")
            return false
        case .missing:
            facts.set("\(key).present", .bool(false), source: devPath)
            return false
        default:
            facts.set("\(key).present", from: stat, source: devPath) { _ in nil }
            return false
        }
    }

    /// `/dev/nvmap` always, `/dev/host1x-fence` with the out-of-tree driver: which of them are not character devices.
    func collectSupportNodes(_ root: SystemRoot, outOfTree: Bool?, into facts: inout FactTable) {
        guard let outOfTree else {
            facts.set("devnodes.support_missing", state: .missing(source: "/etc/nv_tegra_release"))
            return
        }
        let names = ["nvmap"] + (outOfTree ? ["host1x-fence"] : [])
        var missing: [String] = []
        for name in names {
            let path = "/dev/" + name
            switch root.stat(path) {
            case .value(let st) where st.kind == .characterDevice: continue
            case .value, .missing: missing.append(path)
            case .unreadable(let why):
                facts.set("devnodes.support_missing", state: .unreadable(why, source: path))
                return
            case .malformed(let detail):
                facts.set("devnodes.support_missing", state: .malformed(source: path, detail: detail))
                return
            }
        }
        facts.set(
            "devnodes.support_missing", .int(Int64(missing.count)), source: "/dev",
            raw: missing.isEmpty ? names.map { "/dev/" + $0 }.joined(separator: ", ") + " present" : nil)
        facts.set(
            "devnodes.support_missing_names",
            .string(missing.isEmpty ? "none" : missing.joined(separator: ", ")), source: "/dev")
    }

    func collectRuleFile(_ root: SystemRoot, into facts: inout FactTable) {
        for path in Self.ruleFiles {
            if case .value(let text) = root.readText(path, cap: 1024 * 1024) {
                let grants = text.split(separator: "\n").contains { line in
                    !line.hasPrefix("#") && line.contains("nvhost") && line.contains("video")
                }
                facts.set(
                    "devnodes.udev_rule", .bool(grants), source: path,
                    raw: grants ? "nvhost* → video" : "no nvhost rule")
                return
            }
        }
        facts.set("devnodes.udev_rule", .bool(false), source: Self.ruleFiles[0], raw: "absent")
    }

    /// Every `nvhost-nvdla*` / `nvhost-ctrl-nvdla*` class device under `/sys/class`, with its platform device.
    func findClassDevices(_ root: SystemRoot) -> [ClassDevice] {
        guard let classes = root.list("/sys/class").value else { return [] }
        var found: [ClassDevice] = []
        for cls in classes where cls.hasPrefix("nvdla") || cls.hasSuffix(".host1x") || cls == "nvhost" {
            for entry in root.list("/sys/class/\(cls)").value ?? [] where Self.isDlaNode(entry) {
                let path = "/sys/class/\(cls)/\(entry)"
                var owner = root.linkTarget(path + "/device").value
                if owner == nil, let resolved = root.resolve(path).value {
                    // The class device sits in a glue directory below its parent platform device.
                    owner = resolved.split(separator: "/").dropLast(2).joined(separator: "/")
                    owner = owner.map { "/" + $0 }
                }
                found.append(ClassDevice(name: entry, path: path, owner: owner))
            }
        }
        return found
    }

    static func isDlaNode(_ name: String) -> Bool {
        for prefix in ["nvhost-ctrl-nvdla", "nvhost-nvdla"] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            return !rest.isEmpty && rest.allSatisfy(\.isNumber)
        }
        return false
    }

    /// `492:0` → (492, 0).
    static func devnum(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        return (major, minor)
    }
}
