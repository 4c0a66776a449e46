import Foundation

/// Recognises a block of pasted non-kernel-log text and records the facts it shows.
///
/// Each recogniser wraps a reader of `Readers/` (`NvTegraRelease`, `JetsonRelease`, `JetsonClocksShow`,
/// `NvpmodelQuery`, `AptList`, `DpkgList`, `AptShow`, `LsDevListing`, `Lsmod`, `ProcMeminfo`, `Tegrastats`) and
/// fills the same fact keys the probes fill from a root, so the same rules run. Nothing is set that the text
/// does not show.
enum SegmentRecognisers {
    /// Words one of which a block must contain before any recogniser parses it (each recogniser needs one of them):
    /// blocks of other text cost a literal scan, not ten parses.
    static let triggers = LiteralIndex(groups: [
        [
            "(release)", "Jetpack", "JetPack", "L4T", "P-Number", "jetson-stats", "jetson_stats", "Jetson", "699-level",
            "SOC family", "Online=", "MinFreq", "MaxFreq", "CurrentFreq", "NV Power Mode", "Power Mode", "[installed",
            "ii ", "Desired=", "Package:", "crw", "brw", "lrw", "MemTotal", "CmaTotal", "CmaFree", "Used by", "Module ",
            "RAM ", " => ", "[TRT]", "&&&& ", "TensorRT", "trtexec", "Switching to GPU", "falling back to GPU",
            "GPU fallback", "onnxruntime", "Failed to load library", "EP Error", "nvidia-container", "CONTAINER_IMAGE",
            "nvidia-ctk", "docker run", "l4t-jetpack:", "L4T BSP Version", "reading L4T version",
        ]
    ])

    /// Recognises `text` as a whole; nil when no whole-block format fits.
    static func recognise(_ text: String, source: String, into facts: inout FactTable) -> SegmentKind? {
        if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("# R") }),
            let release = NvTegraRelease.parse(String(line) + "\n")
        {
            record(release, source: source, into: &facts)
            return .nvTegraRelease
        }
        if let release = JetsonRelease.parse(text),
            release.l4t != nil || release.pNumber != nil || release.jetsonStatsVersion != nil
                || release.model?.contains("Jetson") == true
        {
            record(release, source: source, into: &facts)
            return .jetsonRelease
        }
        if let clocks = JetsonClocksShow.parse(text), !clocks.engines.isEmpty || clocks.socFamily != nil {
            record(clocks, source: source, into: &facts)
            return .jetsonClocks
        }
        if let query = NvpmodelQuery.parse(text) {
            facts.set("clocks.nvpmodel.mode", .string(query.name), source: source, raw: "NV Power Mode: \(query.name)")
            return .nvpmodel
        }
        let apt = AptList.parse(text).filter(\.isInstalled)
        if !apt.isEmpty {
            record(packages: apt.map { ($0.name, $0.version) }, source: source, into: &facts)
            return .aptList
        }
        let dpkg = DpkgList.parse(text).filter(\.isInstalled)
        if !dpkg.isEmpty {
            record(packages: dpkg.map { ($0.name, $0.version) }, source: source, into: &facts)
            return .dpkgList
        }
        let show = AptShow.parse(text)
        if !show.isEmpty {
            record(packages: show.map { ($0.name, $0.version) }, source: source, into: &facts)
            return .aptShow
        }
        let listing = LsDevListing.parse(text)
        if !listing.entries.isEmpty, listing.entries.count >= listing.malformedLines.count,
            listing.entries.contains(where: { $0.type == "c" || $0.type == "b" })
        {
            record(listing, source: source, into: &facts)
            return .devListing
        }
        let meminfo = ProcMeminfo.parse(text)
        if meminfo.values["MemTotal"] != nil || meminfo.values["CmaTotal"] != nil {
            if let total = meminfo.values["CmaTotal"] {
                facts.set("memory.cma_total_kb", .int(total / 1024), source: source, raw: "CmaTotal")
            }
            if let free = meminfo.values["CmaFree"] {
                facts.set("memory.cma_free_kb", .int(free / 1024), source: source, raw: "CmaFree")
            }
            return .meminfo
        }
        let lsmod = Lsmod.parse(text)
        if !lsmod.modules.isEmpty, text.hasPrefix("Module") || lsmod.modules.count >= 3,
            lsmod.malformedLines.count * 4 <= lsmod.modules.count
        {
            let names = Set(lsmod.modules.map(\.name))
            if names.contains("nvhost_nvdla") {
                facts.set("driver.module.listed", .bool(true), source: source, raw: "nvhost_nvdla")
            }
            if !names.isDisjoint(with: ["nvgpu", "nvmap", "host1x", "host1x_nvhost", "nvhost_nvdla"]) {
                facts.set("platform.jetson_evidence", .bool(true), source: source, raw: "lsmod")
            }
            return .lsmod
        }
        return nil
    }

    /// Recognises one line on its own (formats that come a line at a time); `identified` when a version or identity
    /// field was read from it, so that a line that only names TensorRT (`TensorRT: 8.5.2.2`, `trtexec 10.3`) is version
    /// output, and only a logger's marks (`[TRT]`, `&&&&`, a GPU fallback) make a TensorRT log of it.
    static func recogniseLine(
        _ line: String, identified: Bool = false, source: String, into facts: inout FactTable
    ) -> SegmentKind? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("RAM ") || line.contains(" RAM "), line.contains("CPU ["), Tegrastats.parse(trimmed) != nil
        {
            facts.set("platform.jetson_evidence", .bool(true), source: source, raw: "tegrastats")
            return .tegrastats
        }
        if line.contains(" => ") && (line.contains(".so") || line.contains("not found")) { return .ldd }
        if line.contains("[TRT]") || line.hasPrefix("&&&& ") || line.contains("Switching to GPU")
            || line.contains("falling back to GPU") || line.contains("GPU fallback")
        {
            return .tensorrtLog
        }
        if line.contains("TensorRT") || line.contains("trtexec") { return identified ? .versionOutput : .tensorrtLog }
        if line.contains("onnxruntime") || line.contains("Failed to load library") || line.contains("EP Error") {
            return .applicationLog
        }
        if line.contains("nvidia-container") || line.contains("libnvidia-container") || line.contains("CONTAINER_IMAGE")
            || line.contains("nvidia-ctk") || line.contains("docker run") || line.contains("l4t-jetpack:")
            || line.contains("L4T BSP Version") || line.contains("reading L4T version")
        {
            return .containerLog
        }
        return nil
    }

    // MARK: - Facts

    static func record(_ release: NvTegraRelease, source: String, into facts: inout FactTable) {
        if let board = release.board { facts.set("versions.l4t_board", .string(board), source: source) }
        markJetson(source: source, into: &facts)
    }

    /// jetson_release: the power mode (versions and identity come from `Data/fields.yaml`, line by line).
    static func record(_ release: JetsonRelease, source: String, into facts: inout FactTable) {
        markJetson(source: source, into: &facts)
        if let mode = release.powerModeName {
            facts.set("clocks.nvpmodel.mode", .string(mode), source: source, raw: "NV Power Mode: \(mode)")
        }
    }

    static func record(_ clocks: JetsonClocksShow, source: String, into facts: inout FactTable) {
        markJetson(source: source, into: &facts)
        if let mode = clocks.powerMode {
            facts.set("clocks.nvpmodel.mode", .string(mode), source: source, raw: "NV Power Mode: \(mode)")
        }
    }

    /// Package versions from apt/dpkg output: the same `versions.pkg.*` keys as `/var/lib/dpkg/status` (the installed
    /// versions themselves come from `Data/fields.yaml`).
    static func record(packages: [(String, String)], source: String, into facts: inout FactTable) {
        let installed = Dictionary(packages, uniquingKeysWith: { a, _ in a })
        for (key, name) in [
            ("versions.pkg.l4t_core", "nvidia-l4t-core"), ("versions.pkg.l4t_firmware", "nvidia-l4t-firmware"),
            ("versions.pkg.jetpack", "nvidia-jetpack"), ("versions.pkg.dla_compiler", "nvidia-l4t-dla-compiler"),
        ] {
            if let version = installed[name] {
                facts.set(key, .string(VersionsProbe.l4tPart(version)), source: source, raw: "\(name) \(version)")
            }
        }
        if installed.keys.contains(where: { $0.hasPrefix("nvidia-l4t-") }) { markJetson(source: source, into: &facts) }
    }

    /// Device nodes from `ls -l /dev`: the `dla.<i>.node.ctrl.*` keys for `nvhost-ctrl-nvdla<i>`.
    static func record(_ listing: LsDevListing, source: String, into facts: inout FactTable) {
        for entry in listing.entries {
            let name = entry.baseName
            guard name.hasPrefix("nvhost-ctrl-nvdla"), let last = name.last, last == "0" || last == "1",
                name.count == "nvhost-ctrl-nvdla0".count
            else { continue }
            let index = String(last)
            facts.addInstance("dla", index)
            let key = "dla.\(index).node.ctrl"
            let mode = String(format: "%04o", entry.mode & 0o7777)
            let raw = "\(entry.type) \(mode) \(entry.user):\(entry.group) \(entry.name)"
            facts.set("\(key).name", .string(name), source: source, raw: raw)
            facts.set("\(key).present", .bool(entry.type == "c"), source: source, raw: raw)
            facts.set("\(key).mode", .string(mode), source: source, raw: raw)
            facts.set("\(key).owner", .string("\(entry.user):\(entry.group)"), source: source, raw: raw)
            let groupAccess = entry.group == "video" && entry.mode & 0o060 == 0o060
            let worldAccess = entry.mode & 0o006 == 0o006
            facts.set("\(key).video_access", .bool(groupAccess || worldAccess), source: source, raw: raw)
            if let major = entry.major, let minor = entry.minor {
                facts.set("\(key).devnum", .string("\(major):\(minor)"), source: source, raw: raw)
            }
            facts.set("devnodes.from_listing", .bool(true), source: source)
        }
        if listing.entries.contains(where: { $0.baseName.hasPrefix("nvhost") || $0.baseName.hasPrefix("nvmap") }) {
            markJetson(source: source, into: &facts)
        }
    }

    static func markJetson(source: String, into facts: inout FactTable) {
        facts.set("platform.jetson_evidence", .bool(true), source: source)
        facts.set("platform.tegra", .bool(true), source: source)
    }
}
