/// Turns the values `analyze` saw (`IdentityEvidence`) into version and identity facts, and derives what the tables
/// make certain: JetPack from L4T (the release table `check` uses too), SoC and DLA count from the module P-number,
/// the board name, the CUDA architecture, the Tegra chip id or the BOARD config.
///
/// Facts set by other readers of the same input (the TensorRT banner) are kept when this has nothing better.
enum IdentityFacts {
    static let versionFacts = ["versions.tensorrt", "versions.cuda", "versions.cudnn"]
    static let displayNames = ["tensorrt": "TensorRT", "cuda": "CUDA", "cudnn": "cuDNN"]

    static func record(_ evidence: IdentityEvidence, table: FieldTable, into facts: inout FactTable) {
        var jetson = false
        if let l4t = evidence.best("versions.l4t") {
            let raw = l4t.raw
            // A two-part release name (`R35.1`) means its one listed release, when it has only one, or the one of them
            // the JetPack named beside it ships with (`L4T R39.2` with JetPack 7.2 is 39.2.0, not 39.2.1).
            let release =
                ReleaseTable.shipped.named(l4t.value)?.l4t
                ?? namedByJetPack(l4t.value, evidence.best("versions.jetpack")?.value) ?? l4t.value
            facts.set("versions.l4t", .string(release), source: l4t.source, raw: raw)
            if let major = VersionCompare.components(release)?.first {
                facts.set("versions.l4t_major", .int(Int64(major)), source: l4t.source, raw: raw)
            }
            VersionsProbe.recordRelease(release, source: l4t.source, into: &facts)
            jetson = jetson || l4t.rank >= 2
        }
        if let jetpack = evidence.best("versions.jetpack") {
            // A JetPack named beside an L4T release of another JetPack: a partial upgrade, or a wrong belief.
            if let derived = facts.string("versions.jetpack"), let l4t = facts.string("versions.l4t") {
                let agree =
                    VersionCompare.isInFamily(derived, jetpack.value)
                    || VersionCompare.isInFamily(jetpack.value, derived)
                facts.set("versions.jetpack_conflict", .bool(!agree), source: jetpack.source, raw: jetpack.raw)
                if !agree {
                    facts.set(
                        "versions.jetpack_stated", .string(jetpack.value), source: jetpack.source,
                        raw: "\(jetpack.raw) (L4T \(l4t) is JetPack \(derived))")
                }
            }
            // A JetPack stated by a tool or file wins over one derived from L4T only when L4T was not known exactly.
            if facts.value("versions.jetpack") == nil || jetpack.rank >= 3 {
                facts.set("versions.jetpack", .string(jetpack.value), source: jetpack.source, raw: jetpack.raw)
                if let major = VersionCompare.components(jetpack.value)?.first {
                    facts.set("versions.jetpack_major", .int(Int64(major)), source: jetpack.source, raw: jetpack.raw)
                }
            }
            jetson = jetson || jetpack.rank >= 2
        }
        // A desktop GPU, another architecture, or text that names no Jetson at all: the Jetson bounds of `plausible`
        // do not hold (cuDNN 4 on a GTX 960, "CUDA Toolkit 1.1" in 2008); jetson_release's mislabelled Vulkan number
        // comes with its JetPack and L4T lines.
        let jetsonNamed = ["versions.l4t", "versions.jetpack", "platform.soc", "platform.module", "platform.model"]
            .contains { evidence.best($0) != nil }
        let elsewhere =
            evidence.best("identity.desktop_gpu") != nil || evidence.best("identity.arch") != nil || !jetsonNamed
        // Components whose version only a person's words give (rank 1 or 0): the version checks judge a belief there,
        // not what is installed (NVDLA-VER-012 instead of VER-004 to VER-007).
        var stated: [(name: String, shown: String)] = []
        for key in versionFacts {
            // A value within the bounds is preferred everywhere; one outside them is kept only elsewhere.
            guard let best = evidence.best(key, prefer: { plausible(key, $0) }), elsewhere || plausible(key, best.value)
            else {
                continue
            }
            if facts.value(key) != nil, best.rank < 3 { continue }
            let name = String(key.dropFirst("versions.".count))
            VersionsProbe.setVersion(name, best.value, source: best.source, raw: best.raw, into: &facts)
            if best.rank <= 1 { stated.append((name, "\(displayNames[name] ?? name) \(best.value)")) }
        }
        if let kernel = evidence.best("versions.kernel_release") {
            if kernel.rank <= 1 { stated.append(("kernel", "kernel \(kernel.value)")) }
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
        // A JetPack a person only asked about (rank 0: "must I use JetPack 4.4?") sets no release to check against.
        if facts.value("versions.l4t") == nil, let jetpack = facts.string("versions.jetpack"),
            (evidence.best("versions.jetpack")?.rank ?? 1) > 0,
            case let matching = ReleaseTable.shipped.releases(jetpack: jetpack), matching.count == 1,
            let only = matching.first?.l4t
        {
            let source = facts["versions.jetpack"]?.source ?? ""
            facts.set("versions.l4t", .string(only), source: source, raw: "JetPack \(jetpack)")
            VersionsProbe.recordRelease(only, source: source, into: &facts)
        }
        if let missing = evidence.candidates["identity.not_installed"], !missing.isEmpty {
            // A component the same text also shows with a version (the host, next to a bare container) is installed.
            let names = missing.sorted { $0.order < $1.order }.map(\.value).filter {
                !evidence.has("versions.\($0.lowercased())")
            }
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
        facts.set("versions.stated_only", .list(stated.map(\.name)), source: "analyze input")
        if !stated.isEmpty {
            facts.set(
                "versions.stated_text", .string(stated.map(\.shown).joined(separator: ", ")), source: "analyze input")
        }
        if let container = evidence.best("identity.container") {
            facts.set("platform.container_hint", .string(container.value), source: container.source, raw: container.raw)
        }
        jetson = recordIdentity(evidence, table: table, into: &facts) || jetson
        recordForeign(evidence, table: table, jetson: jetson, into: &facts)
        if jetson { SegmentRecognisers.markJetson(source: "analyze input", into: &facts) }
    }

    /// A DLA asked for in code or on a command line the TensorRT log reader did not see (`config.DLA_core = 0`,
    /// `device="dla:0"`, `--useDLACore=0` in a pasted command).
    static func recordRequest(_ evidence: IdentityEvidence, into facts: inout FactTable) {
        guard facts.bool("trt.dla_requested") != true else { return }
        if let request = evidence.best("identity.dla_request") {
            facts.set("trt.dla_requested", .bool(true), source: request.source, raw: request.raw)
            return
        }
        // Errors only a DLA build or run can print say a DLA was asked for.
        for signal in dlaOnlySignals where (facts.int("log.\(signal).count") ?? 0) > 0 {
            let first = facts["log.\(signal).first"]
            facts.set(
                "trt.dla_requested", .bool(true), source: first?.source ?? "analyze input",
                raw: facts.string("log.\(signal).first"))
            return
        }
    }

    /// A person's words that layers did not run on the DLA (`Data/fields.yaml` shapes `off-dla-claim`,
    /// `fallback-claim`), kept only where nothing better tells the placement: no TensorRT log gave `trt.placement`, the
    /// board is not known to lack a DLA and the text is not from another system. A fallback without the word DLA
    /// counts only where the text asked for a DLA; TensorRT's own "not supported on DLA" line quoted without a placement
    /// list says the same. Where a DLA was asked for and nothing of this counts, the fact is empty: known, and nothing
    /// said.
    static func recordStatedPlacement(_ evidence: IdentityEvidence, into facts: inout FactTable) {
        let requested = facts.bool("trt.dla_requested") == true
        let open =
            facts.value("trt.placement") == nil && facts.int("platform.dla_expected") != 0
            && facts.bool("platform.not_jetson") != true
        if open, (facts.int("log.trt_dla_unsupported.count") ?? 0) > 0,
            let line = facts.string("log.trt_dla_unsupported.first")
        {
            // TensorRT's own refusal names the layer: it is quoted before a person's retelling.
            let source = facts["log.trt_dla_unsupported.first"]?.source ?? "analyze input"
            facts.set("trt.stated_off_dla", .string(line), source: source, raw: line)
        } else if open,
            let claim = evidence.best("identity.stated_off_dla")
                ?? (requested ? evidence.best("identity.stated_fallback") : nil)
        {
            facts.set("trt.stated_off_dla", .string(claim.value), source: claim.source, raw: claim.raw)
        } else if requested {
            let source = facts["trt.dla_requested"]?.source ?? "analyze input"
            facts.set("trt.stated_off_dla", .string(""), source: source, raw: "no words on where layers ran")
        }
        if open { recordStatedWholePlacement(evidence, requested: requested, into: &facts) }
    }

    /// A TensorRT log from a Jetson whose board has no DLA (Nano, TX2, Orin Nano, Thor: `platform.dla_expected` 0,
    /// from the board table): whatever the log asked for, no layer ran on a DLA, so where the log itself does not tell,
    /// the placement is the GPU's, with the board as the reason. Not for other systems (no Jetson placement there).
    static func recordBoardPlacement(into facts: inout FactTable) {
        guard facts.int("trt.log.lines") != nil, facts.value("trt.placement") == nil,
            facts.int("platform.dla_expected") == 0, facts.bool("platform.not_jetson") != true
        else { return }
        let board = facts.string("platform.model") ?? facts.string("platform.soc") ?? "the board"
        let source = facts["platform.dla_expected"]?.source ?? "analyze input"
        let reason = "\(board) has no DLA"
        facts.set("trt.placement", .string("all_gpu"), source: source, raw: reason)
        facts.set("trt.placement.stated", .bool(false), source: source, raw: reason)
        facts.set("trt.placement.summary", .string("GPU all: \(reason)"), source: source, raw: reason)
    }

    /// A person's words on where the whole network ran (`Data/fields.yaml` shapes `all-gpu-claim`, `all-dla-claim`:
    /// "every layer is running on GPU", "no layer is running on GPU") as `trt.placement`, marked as stated. Used only
    /// where no log gives the placement; claims that contradict each other give nothing, and "all on the GPU" counts
    /// only where the text asked for a DLA (a GPU-only build says the same without anything being wrong).
    static func recordStatedWholePlacement(
        _ evidence: IdentityEvidence, requested: Bool, into facts: inout FactTable
    ) {
        guard let claims = evidence.candidates["identity.stated_placement"], let first = claims.first,
            claims.allSatisfy({ $0.value == first.value }), first.value == "all_dla" || requested
        else { return }
        facts.set("trt.placement", .string(first.value), source: first.source, raw: first.raw)
        facts.set("trt.placement.stated", .bool(true), source: first.source, raw: first.raw)
        facts.set(
            "trt.placement.summary", .string("as the text says: “\(first.raw)”"), source: first.source, raw: first.raw)
    }

    /// The TensorRT version the log's own banner gives (`[TensorRT v8400]`, `trt.version`) as `versions.tensorrt` where
    /// no file or package manager gave one: it wins over a person's or a summary tool's version of another release, and
    /// gives way to a fuller version of the same release (`8.5.2.2` for the banner's `8.5.2`).
    static func recordLogVersion(_ evidence: IdentityEvidence, into facts: inout FactTable) {
        guard let version = facts.string("trt.version"), VersionCompare.components(version) != nil else { return }
        if let stated = evidence.best("versions.tensorrt") {
            let same =
                VersionCompare.isInFamily(stated.value, version) || VersionCompare.isInFamily(version, stated.value)
            guard stated.rank < 3, !same else { return }
        }
        let source = facts["trt.version"]?.source ?? "analyze input"
        VersionsProbe.setVersion(
            "tensorrt", version, source: source, raw: "TensorRT log banner \(version)", into: &facts)
    }

    /// The release of a two-part L4T name (`39.2`) that the stated JetPack (`7.2`) ships with, when exactly one does.
    static func namedByJetPack(_ l4t: String, _ jetpack: String?) -> String? {
        guard let jetpack, let wanted = VersionCompare.components(l4t), wanted.count == 2 else { return nil }
        let matching = ReleaseTable.shipped.releases(jetpack: jetpack).filter {
            Array((VersionCompare.components($0.l4t) ?? []).prefix(2)) == wanted
        }
        return matching.count == 1 ? matching[0].l4t : nil
    }

    /// The board a tool printed under a label (`Model: NVIDIA Jetson Orin Nano Engineering Reference Developer Kit
    /// Super`), which says more than the same rank's board name in running output (a title's "Jetson Orin Nano Super").
    static func labelledModel(_ evidence: IdentityEvidence) -> IdentityEvidence.Candidate? {
        guard let all = evidence.candidates["platform.model"], let top = all.map(\.rank).max() else { return nil }
        return all.filter { $0.rank == top && $0.shape == "field:platform.model" }.min { $0.order < $1.order }
    }

    /// Whether `value` can be a version of `key` on a Jetson: cuDNN there starts at 5 (JetPack 2.3), TensorRT at 1,
    /// CUDA at 6. A "cuDNN: 1.2.70" is another tool's number under the wrong label (jetson_release's Vulkan). `record`
    /// keeps a value outside these bounds only for text from a desktop GPU, another architecture or no Jetson at all.
    static func plausible(_ key: String, _ value: String) -> Bool {
        guard let major = VersionCompare.components(value)?.first else { return true }
        switch key {
        case "versions.cudnn": return major >= 5
        case "versions.cuda": return major >= 6
        default: return true
        }
    }

    /// TensorRT signals that only a DLA build or run prints.
    static let dlaOnlySignals = [
        "trt_no_dla_engine", "trt_standalone_runtime", "trt_dla_runtime_error", "trt_builder_defect",
        "trt_standalone_not_all_dla",
    ]

    /// A board name as the family table spells it: lower case, `_` and `-` as spaces, the common misspelling
    /// "Orion" as Orin (the shapes take it only beside AGX, IGX, Jetson, NX or Nano).
    static func boardWords(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "orion", with: "orin").replacingOccurrences(of: "xaiver", with: "xavier")
    }

    /// A derived identity value and how sure its source is.
    struct Derived {
        let value: String
        let source: String
        let raw: String
        let rank: Int
        /// Other values the same words can mean, for a bound (the L4T release) to choose from.
        var alternatives: [String] = []
    }

    /// Module, board, SoC and DLA count; returns whether they show a Jetson (only tools and files count, not a
    /// person naming a board in a sentence).
    static func recordIdentity(_ evidence: IdentityEvidence, table: FieldTable, into facts: inout FactTable) -> Bool {
        let document = table.document
        var jetson = false
        let known: (String) -> Bool = {
            ModuleTable.modules[$0] != nil || document.module_socs[String($0.prefix(5))] != nil
        }
        var soc: Derived?
        var dla: Derived?
        func offer(_ candidate: Derived, to slot: inout Derived?) {
            if let current = slot, candidate.rank <= current.rank { return }
            slot = candidate
        }
        if let module = evidence.best("platform.module", prefer: known), known(module.value) || module.rank >= 3 {
            facts.set("platform.module", .string(module.value), source: module.source, raw: module.raw)
            if let entry = ModuleTable.modules[module.value] {
                facts.set("platform.module_name", .string(entry.name), source: module.source)
            }
            if let family = document.module_socs[String(module.value.prefix(5))] {
                offer(Derived(value: family, source: module.source, raw: module.value, rank: module.rank), to: &soc)
            }
            if let count = ModuleTable.expectedDLA(module: module.value, soc: nil) {
                offer(Derived(value: "\(count)", source: module.source, raw: module.value, rank: module.rank), to: &dla)
            }
            jetson = jetson || (known(module.value) && module.rank >= 2)
        }
        if let stated = evidence.best("platform.soc") {
            offer(Derived(value: stated.value, source: stated.source, raw: stated.raw, rank: stated.rank), to: &soc)
        }
        let model = labelledModel(evidence) ?? evidence.best("platform.model")
        if let model, model.rank >= 2 {
            facts.set("platform.model", .string(model.value), source: model.source, raw: model.raw)
            // A module P-number a tool printed names what sits on the carrier; a model string of another family names
            // the configuration the board was flashed with (an Orin Nano module flashed as the Orin NX developer kit,
            // which shares its carrier): the module wins, and the model string is kept beside it.
            if let module = evidence.best("platform.module", prefer: known), module.rank >= 2,
                let entry = ModuleTable.modules[module.value],
                let moduleFamily = bestBoard([boardWords(entry.name)], document.boards)?.0,
                let modelFamily = bestBoard([boardWords(model.value)], document.boards)?.0,
                moduleFamily.name != modelFamily.name
            {
                facts.set(
                    "platform.model", .string("\(entry.name) (the model string says \(model.value))"),
                    source: module.source, raw: "\(module.value); \(model.raw)")
            }
        }
        // Board names from tools, GPU names and mentions, surest first: each names a family (the longest family name
        // in it: Orin NX before Orin); a family that leaves the DLA count open (Orin, Orin NX without its memory size)
        // is refined by a more specific one of the same SoC named elsewhere in the text.
        var named: [IdentityEvidence.Candidate] = []
        for key in ["platform.model", "identity.gpu_name", "identity.board_mention"] {
            named += evidence.candidates[key] ?? []
        }
        named += powerModeBoards(evidence, document.power_modes ?? [:])
        named.sort { (a: IdentityEvidence.Candidate, b: IdentityEvidence.Candidate) -> Bool in
            a.rank != b.rank ? a.rank > b.rank : a.order < b.order
        }
        let names: [String] = named.map { boardWords($0.value) }
        let families = names.map { bestBoard([$0], document.boards)?.0 }
        func count(_ board: FieldTable.Board) -> Int? {
            if let dla = board.dla { return dla }
            // The memory size may be written in another mention of the same board (`Orin NX 16GB`).
            let mentions = names.filter { $0.contains(board.name) }
            return board.memory?.first { size in mentions.contains { $0.contains(size.key) } }?.value
        }
        var namedBoard: (board: FieldTable.Board, from: IdentityEvidence.Candidate)?
        if let first = families.firstIndex(where: { $0 != nil }), let board = families[first] {
            let from = named[first]
            namedBoard = (board, from)
            offer(
                Derived(
                    value: board.soc, source: from.source, raw: names[first], rank: from.rank,
                    alternatives: board.also ?? []),
                to: &soc)
            var found = count(board).map { (value: $0, index: first) }
            if found == nil {
                for (i, other) in families.enumerated() where i != first {
                    if let other, other.soc == board.soc, other.name.contains(board.name), let n = count(other) {
                        found = (n, i)
                        break
                    }
                }
            }
            if let found {
                let at = named[found.index]
                offer(
                    Derived(value: "\(found.value)", source: at.source, raw: names[found.index], rank: at.rank),
                    to: &dla)
            }
        }
        for (fact, map) in [
            ("identity.gpu_arch", document.gpu_archs), ("identity.cuda_arch", document.cuda_arch),
            ("identity.chip_id", document.chip_ids), ("identity.board_config", document.board_configs),
        ] {
            if let seen = evidence.best(fact), let derived = map[seen.value] {
                let raw = "\(fact.dropFirst("identity.".count)) \(seen.value)"
                offer(Derived(value: derived, source: seen.source, raw: raw, rank: seen.rank), to: &soc)
            }
        }
        // The DLA cores a program saw (TensorRT's getNbDLACores, printed by the program): one or two only.
        if let seen = evidence.best("identity.dla_cores") {
            offer(Derived(value: seen.value, source: seen.source, raw: seen.raw, rank: seen.rank), to: &dla)
        }
        // The L4T release bounds the SoC (Data/releases.yaml: R36 runs on Orin only, R38 on Thor only): a SoC its
        // family does not support, named no more surely than the release, gives way with the DLA count read from the
        // same words (a host called `jetson-nano-2` on R36 is an Orin); a family of one SoC names it.
        // A JetPack version bounds it the same way, through the L4T release it maps to, but overrules a board named as
        // surely as itself only where the same words also name a board of the release's SoC.
        let release = evidence.best("versions.l4t")
        if let bound = release ?? evidence.best("versions.jetpack"),
            let socs = Self.socs(l4t: facts.string("versions.l4t"), jetpack: release == nil ? bound.value : nil)
        {
            let named = release != nil ? "L4T \(bound.value)" : "JetPack \(bound.value)"
            if let current = soc, !socs.contains(current.value), current.rank <= bound.rank {
                if let other = current.alternatives.first(where: socs.contains) {
                    // The same words name a board of this release's SoC ("nano" on R36 is an Orin Nano): the DLA
                    // count read from them holds for both.
                    soc = Derived(
                        value: other, source: current.source, raw: "\(current.raw) on \(named)", rank: current.rank)
                } else if release != nil || current.rank < bound.rank {
                    if let count = dla, count.source == current.source { dla = nil }
                    soc = nil
                }
            }
            if socs.count == 1 {
                let only = Derived(value: socs[0], source: bound.source, raw: named, rank: bound.rank)
                offer(only, to: &soc)
            }
        }
        if let soc {
            facts.set("platform.soc", .string(soc.value), source: soc.source, raw: soc.raw)
            if let count = document.soc_dla[soc.value] {
                offer(Derived(value: "\(count)", source: soc.source, raw: soc.value, rank: soc.rank), to: &dla)
            }
            jetson = jetson || (document.jetson_socs.contains(soc.value) && soc.rank >= 2)
        }
        if let dla, let count = Int64(dla.value) {
            facts.set("platform.dla_expected", .int(count), source: dla.source, raw: dla.raw)
        }
        if (model?.rank ?? 0) < 2, let namedBoard, let soc,
            let name = statedModel(
                namedBoard.board, soc: soc.value, boards: document.boards, named: families.compactMap { $0 })
        {
            facts.set("platform.model", .string(name), source: namedBoard.from.source, raw: namedBoard.from.raw)
            facts.set("platform.model.stated", .bool(true), source: namedBoard.from.source, raw: namedBoard.from.raw)
        }
        jetson = jetson || (model?.rank ?? 0) >= 2
        return jetson
    }

    /// Board names that nvpmodel power modes imply (`identity.power_mode` is `NAME#ID`, the ID empty when not printed):
    /// the name alone where one family ships it, else the name with its ID.
    static func powerModeBoards(
        _ evidence: IdentityEvidence, _ table: [String: String]
    ) -> [IdentityEvidence.Candidate] {
        (evidence.candidates["identity.power_mode"] ?? []).compactMap { mode in
            let name = String(mode.value.prefix { $0 != "#" })
            guard let board = table[name] ?? table[mode.value] else { return nil }
            return IdentityEvidence.Candidate(
                value: board, rank: mode.rank, order: mode.order, source: mode.source,
                raw: "nvpmodel mode \(mode.value.hasSuffix("#") ? name : mode.value) (\(board))", shape: mode.shape,
                alternatives: false)
        }
    }

    /// The SoCs an L4T release runs on, or, for a JetPack major alone, those of every family of that major (JetPack 5
    /// is R34 and R35: Xavier and Orin; JetPack 6 is R36: Orin only).
    static func socs(l4t: String?, jetpack: String?) -> [String]? {
        let table = ReleaseTable.shipped
        if let l4t, let family = table.family(of: l4t) { return family.socs }
        guard let jetpack, let major = VersionCompare.components(jetpack)?.first else { return nil }
        var socs: [String] = []
        for family in table.families where family.jetpackMajor == major {
            socs += family.socs.filter { !socs.contains($0) }
        }
        return socs.isEmpty ? nil : socs
    }

    /// The name to report for a board only a person or a host name named (`tx2` → `Jetson TX2`), when the SoC the
    /// text settled on is that board's: its own, or one of its alternatives' (a bare "nano" on R36 is an Orin Nano).
    /// A family the text names more precisely elsewhere ("Xavier", then "Xavier NX") is shown by that name when
    /// only one such name is given.
    static func statedModel(
        _ board: FieldTable.Board, soc: String, boards: [FieldTable.Board], named: [FieldTable.Board]
    ) -> String? {
        if board.soc == soc {
            let finer = Set(
                named.filter { $0.soc == soc && $0.name != board.name && $0.name.contains(board.name) }
                    .compactMap(\.display))
            return finer.count == 1 ? finer.first : board.display
        }
        guard board.also?.contains(soc) == true else { return nil }
        return boards.first { $0.soc == soc && $0.name != board.name && $0.name.contains(board.name) }?.display
    }

    /// The board family named in any of `names` (lower case), longest name first.
    static func bestBoard(_ names: [String], _ boards: [FieldTable.Board]) -> (FieldTable.Board, String)? {
        for board in boards.sorted(by: { $0.name.count > $1.name.count }) {
            if let name = names.first(where: { $0.contains(board.name) }) { return (board, name) }
        }
        return nil
    }

    /// What shows the text is not from a Jetson: another CPU architecture, a desktop GPU, an older Tegra (phones and
    /// tablets), the open-source NVDLA. Such a system has no Jetson DLA: its expected DLA count is 0 unless a tool
    /// showed a Jetson too.
    static func recordForeign(
        _ evidence: IdentityEvidence, table: FieldTable, jetson: Bool, into facts: inout FactTable
    ) {
        var reasons: [String] = []
        var source = "analyze input"
        func add(_ reason: String, _ from: String) {
            if reasons.isEmpty { source = from }
            reasons.append(reason)
        }
        if let open = evidence.best("identity.open_nvdla") {
            add(
                "the open-source NVDLA (\(open.value)), which runs on FPGAs and simulators, not on a Jetson",
                open.source)
        }
        if let soc = facts.string("platform.soc"), soc.hasPrefix("tegra"), !table.document.jetson_socs.contains(soc) {
            add(
                "a \(soc) system (an older Tegra of phones and tablets, not a Jetson)",
                facts["platform.soc"]?.source ?? "")
        }
        if !jetson, let gpu = evidence.best("identity.desktop_gpu") {
            add("a desktop or datacentre GPU (\(gpu.value))", gpu.source)
        }
        if !jetson, let arch = evidence.best("identity.arch") {
            // "an x86_64", "an i386", "an amd64"; "a riscv64", "a ppc64le", "a WSL2".
            let article = arch.value.first.map { "aeiox".contains($0) } == true ? "an" : "a"
            add("\(article) \(arch.value) system (Jetson is aarch64)", arch.source)
        }
        guard !reasons.isEmpty else {
            facts.set("platform.not_jetson", .bool(false), source: "analyze input", raw: "nothing shows another system")
            return
        }
        facts.set("platform.foreign", .string(reasons.joined(separator: "; ")), source: source)
        guard !jetson || evidence.has("identity.open_nvdla") else {
            facts.set("platform.not_jetson", .bool(false), source: source, raw: "a Jetson is shown too")
            return
        }
        facts.set("platform.not_jetson", .bool(true), source: source, raw: reasons[0])
        if !evidence.has("identity.open_nvdla") {
            facts.set("platform.dla_expected", .int(0), source: source, raw: reasons[0])
        }
    }
}
