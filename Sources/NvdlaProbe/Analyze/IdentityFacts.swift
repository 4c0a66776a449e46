/// Turns the values `analyze` saw (`IdentityEvidence`) into version and identity facts, and derives what the tables
/// make certain: JetPack from L4T (the release table `check` uses too), SoC and DLA count from the module P-number,
/// the board name, the CUDA architecture, the Tegra chip id or the BOARD config.
///
/// Facts set by other readers of the same input (the TensorRT banner) are kept when this has nothing better.
enum IdentityFacts {
    static let versionFacts = ["versions.tensorrt", "versions.cuda", "versions.cudnn"]

    static func record(_ evidence: IdentityEvidence, table: FieldTable, into facts: inout FactTable) {
        var jetson = false
        if let l4t = evidence.best("versions.l4t") {
            let raw = l4t.raw
            facts.set("versions.l4t", .string(l4t.value), source: l4t.source, raw: raw)
            if let major = VersionCompare.components(l4t.value)?.first {
                facts.set("versions.l4t_major", .int(Int64(major)), source: l4t.source, raw: raw)
            }
            VersionsProbe.recordRelease(l4t.value, source: l4t.source, into: &facts)
            jetson = jetson || l4t.rank >= 2
        }
        if let jetpack = evidence.best("versions.jetpack") {
            // A JetPack stated by a tool or file wins over one derived from L4T only when L4T was not known exactly.
            if facts.value("versions.jetpack") == nil || jetpack.rank >= 3 {
                facts.set("versions.jetpack", .string(jetpack.value), source: jetpack.source, raw: jetpack.raw)
                if let major = VersionCompare.components(jetpack.value)?.first {
                    facts.set("versions.jetpack_major", .int(Int64(major)), source: jetpack.source, raw: jetpack.raw)
                }
            }
            jetson = jetson || jetpack.rank >= 2
        }
        for key in versionFacts {
            guard let best = evidence.best(key) else { continue }
            if facts.value(key) != nil, best.rank < 3 { continue }
            let name = String(key.dropFirst("versions.".count))
            VersionsProbe.setVersion(name, best.value, source: best.source, raw: best.raw, into: &facts)
        }
        if let kernel = evidence.best("versions.kernel_release") {
            facts.set("versions.kernel_release", .string(kernel.value), source: kernel.source, raw: kernel.raw)
            let parts = kernel.value.split(separator: ".")
            if parts.count >= 2 {
                facts.set(
                    "versions.kernel_series", .string("\(parts[0]).\(parts[1])"), source: kernel.source,
                    raw: kernel.value)
            }
            if kernel.value.contains("tegra") || kernel.value.contains("l4t") { jetson = true }
        }
        for key in ["container.l4t", "container.tensorrt", "container.image"] {
            if let best = evidence.best(key) {
                facts.set(key, .string(best.value), source: best.source, raw: best.raw)
            }
        }
        if facts.value("versions.l4t") == nil, let jetpack = facts.string("versions.jetpack"),
            let only = ReleaseTable.l4t(forJetPack: jetpack)
        {
            facts.set(
                "versions.l4t", .string(only), source: facts["versions.jetpack"]?.source ?? "",
                raw: "JetPack \(jetpack)")
        }
        if let missing = evidence.candidates["identity.not_installed"], !missing.isEmpty {
            let names = missing.sorted { $0.order < $1.order }.map(\.value)
            var unique: [String] = []
            for name in names where !unique.contains(where: { $0.lowercased() == name.lowercased() }) {
                unique.append(name)
            }
            facts.set("userspace.not_installed", .list(unique), source: missing[0].source, raw: missing[0].raw)
            facts.set(
                "userspace.not_installed_count", .int(Int64(unique.count)), source: missing[0].source,
                raw: missing[0].raw)
        } else if let shown = versionFacts.compactMap({ evidence.best($0) }).first {
            // A report that lists the libraries with versions says none of them is missing.
            facts.set("userspace.not_installed_count", .int(0), source: shown.source, raw: shown.raw)
        }
        if let container = evidence.best("identity.container") {
            facts.set("platform.container_hint", .string(container.value), source: container.source, raw: container.raw)
        }
        jetson = recordIdentity(evidence, table: table, into: &facts) || jetson
        recordForeign(evidence, jetson: jetson, into: &facts)
        if jetson { SegmentRecognisers.markJetson(source: "analyze input", into: &facts) }
    }

    /// A DLA asked for in code or on a command line the TensorRT log reader did not see (`config.DLA_core = 0`,
    /// `device="dla:0"`, `--useDLACore=0` in a pasted command).
    static func recordRequest(_ evidence: IdentityEvidence, into facts: inout FactTable) {
        guard facts.bool("trt.dla_requested") != true, let request = evidence.best("identity.dla_request") else {
            return
        }
        facts.set("trt.dla_requested", .bool(true), source: request.source, raw: request.raw)
    }

    /// Module, board, SoC and DLA count; returns whether they show a Jetson.
    static func recordIdentity(_ evidence: IdentityEvidence, table: FieldTable, into facts: inout FactTable) -> Bool {
        let document = table.document
        var jetson = false
        let known: (String) -> Bool = {
            ModuleTable.modules[$0] != nil || document.module_socs[String($0.prefix(5))] != nil
        }
        var soc: (value: String, source: String, raw: String)?
        var dla: (value: Int, source: String, raw: String)?
        if let module = evidence.best("platform.module", prefer: known), known(module.value) || module.rank >= 3 {
            facts.set("platform.module", .string(module.value), source: module.source, raw: module.raw)
            if let entry = ModuleTable.modules[module.value] {
                facts.set("platform.module_name", .string(entry.name), source: module.source)
            }
            if let family = document.module_socs[String(module.value.prefix(5))] {
                soc = (family, module.source, module.value)
            }
            if let count = ModuleTable.expectedDLA(module: module.value, soc: nil) {
                dla = (count, module.source, module.value)
            }
            jetson = jetson || known(module.value)
        }
        if let stated = evidence.best("platform.soc") {
            soc = (stated.value, stated.source, stated.raw)
            jetson = jetson || stated.rank >= 2
        }
        let model = evidence.best("platform.model")
        if let model {
            facts.set("platform.model", .string(model.value), source: model.source, raw: model.raw)
        }
        // The board name: the longest family name in it (Orin NX before Orin), with the memory size where it decides.
        let names = [
            model?.value, evidence.best("identity.gpu_name")?.value, evidence.best("identity.board_mention")?.value,
        ]
        .compactMap {
            $0?.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        }
        if let (board, name) = bestBoard(names, document.boards) {
            if soc == nil { soc = (board.soc, model?.source ?? "analyze input", name) }
            if dla == nil {
                var count = board.dla
                if count == nil, let memory = board.memory {
                    // The memory size may be written in another mention of the same board (`Orin NX 16GB`).
                    let mentions = names.filter { $0.contains(board.name) }
                    count = memory.first { size in mentions.contains { $0.contains(size.key) } }?.value
                }
                if let count { dla = (count, model?.source ?? "analyze input", name) }
            }
            jetson = jetson || (model?.rank ?? 0) >= 2
        }
        for (fact, map) in [
            ("identity.cuda_arch", document.cuda_arch), ("identity.chip_id", document.chip_ids),
            ("identity.board_config", document.board_configs),
        ] where soc == nil {
            if let seen = evidence.best(fact), let derived = map[seen.value] {
                soc = (derived, seen.source, "\(fact.dropFirst("identity.".count)) \(seen.value)")
            }
        }
        if let soc {
            facts.set("platform.soc", .string(soc.value), source: soc.source, raw: soc.raw)
            if dla == nil, let count = document.soc_dla[soc.value] { dla = (count, soc.source, soc.value) }
            jetson = jetson || soc.value.hasPrefix("tegra")
        }
        if let dla {
            facts.set("platform.dla_expected", .int(Int64(dla.value)), source: dla.source, raw: dla.raw)
        }
        return jetson
    }

    /// The board family named in any of `names` (lower case), longest name first.
    static func bestBoard(_ names: [String], _ boards: [FieldTable.Board]) -> (FieldTable.Board, String)? {
        for board in boards.sorted(by: { $0.name.count > $1.name.count }) {
            if let name = names.first(where: { $0.contains(board.name) }) { return (board, name) }
        }
        return nil
    }

    /// What shows the text is not from a Jetson: another CPU architecture, a desktop GPU, the open-source NVDLA.
    static func recordForeign(_ evidence: IdentityEvidence, jetson: Bool, into facts: inout FactTable) {
        var reasons: [String] = []
        var source = "analyze input"
        if let open = evidence.best("identity.open_nvdla") {
            reasons.append("the open-source NVDLA (\(open.value)), which runs on FPGAs and simulators, not on a Jetson")
            source = open.source
        }
        if let gpu = evidence.best("identity.desktop_gpu") {
            reasons.append("a desktop or datacentre GPU (\(gpu.value))")
            if reasons.count == 1 { source = gpu.source }
        }
        if let arch = evidence.best("identity.arch"), !jetson {
            reasons.append("a \(arch.value) system (Jetson is aarch64)")
            if reasons.count == 1 { source = arch.source }
        }
        guard !reasons.isEmpty else { return }
        facts.set("platform.foreign", .string(reasons.joined(separator: "; ")), source: source)
        if !jetson || evidence.has("identity.open_nvdla") {
            facts.set("platform.not_jetson", .bool(true), source: source, raw: reasons[0])
            // A desktop GPU or an x86/RISC-V host has no Jetson DLA (the open-source NVDLA is another design).
            if !jetson, !evidence.has("identity.open_nvdla"), facts.value("platform.dla_expected") == nil {
                facts.set("platform.dla_expected", .int(0), source: source, raw: reasons[0])
            }
        }
    }
}
