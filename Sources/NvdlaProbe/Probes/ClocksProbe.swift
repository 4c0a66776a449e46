import Foundation

/// DLA clocks and nvpmodel caps: `/sys/kernel/debug/clk/dla<N>_{core,falcon}/{clk_rate,clk_max_rate,
/// clk_min_rate,clk_enable_count}` (else the `clk/clk_summary` row), `/var/lib/nvpmodel/status` and
/// `/etc/nvpmodel.conf`.
///
/// Clock names follow the hardware instance (`dla1_core` is the DLA at 158c0000); nvpmodel's `DLA<N>_CORE`
/// `MAX_FREQ` of the current mode is the cap, `-1` meaning none (Docs/platform.md §4.1, §4.3).
public struct ClocksProbe: Probe {
    public var area: Area { .clocks }

    public init() {}

    static let clkDir = "/sys/kernel/debug/clk"
    static let summaryPath = "/sys/kernel/debug/clk/clk_summary"
    static let statusPath = "/var/lib/nvpmodel/status"
    static let confPath = "/etc/nvpmodel.conf"

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        let dlas = (facts.instances["dla"] ?? []).filter { facts.bool("dla.\($0).driver.bound") == true }
        var summary: ReadResult<ClkSummary>?
        for index in dlas {
            for clock in ["core", "falcon"] {
                let name = "dla\(index)_\(clock)"
                let dir = Self.clkDir + "/" + name
                let prefix = "dla.\(index).clk.\(clock)"
                collectBpmp(root, name: name, prefix: prefix, into: &facts)
                if root.exists(dir) == false, root.exists(Self.clkDir) == true {
                    if summary == nil {
                        summary = root.readBytes(Self.summaryPath).map { ClkSummary.parse($0.bytes) }
                    }
                    if let summary { fromSummary(summary, name: name, prefix: prefix, into: &facts) }
                    continue
                }
                for (fact, file) in [
                    ("rate", "clk_rate"), ("max_rate", "clk_max_rate"), ("min_rate", "clk_min_rate"),
                    ("enable_count", "clk_enable_count"),
                ] {
                    facts.set("\(prefix).\(fact)", from: root.readAttribute(dir + "/" + file), source: dir + "/" + file)
                    {
                        Int64($0).map { .int($0) }
                    }
                }
            }
        }
        collectNvpmodel(root, dlas: dlas, into: &facts)
    }

    /// BPMP's view of a DLA clock, where its debugfs exists: `/sys/kernel/debug/bpmp/debug/clk/<name>/max_rate`
    /// (the hardware ceiling) and `mrq_rate_locked` (Docs/platform.md §4.1: confirmed for `emc`, by analogy for DLA
    /// [INF]).
    func collectBpmp(_ root: SystemRoot, name: String, prefix: String, into facts: inout FactTable) {
        let dir = "/sys/kernel/debug/bpmp/debug/clk/" + name
        let maxRate = root.readAttribute(dir + "/max_rate")
        facts.set("\(prefix).bpmp_max_rate", from: maxRate, source: dir + "/max_rate") { Int64($0).map { .int($0) } }
        let locked = root.readAttribute(dir + "/mrq_rate_locked")
        facts.set("\(prefix).rate_locked", from: locked, source: dir + "/mrq_rate_locked", raw: { $0 }) {
            Int64($0).map { .bool($0 != 0) }
        }
    }

    /// A DLA clock from its `clk_summary` row (rate and enable count only; min/max are not in the summary).
    func fromSummary(_ summary: ReadResult<ClkSummary>, name: String, prefix: String, into facts: inout FactTable) {
        let row = summary.parse("no \(name) row") { $0.clock(named: name) }
        facts.set("\(prefix).rate", from: row, source: Self.summaryPath) {
            $0.rate.flatMap { Int64(exactly: $0) }.map { .int($0) }
        }
        facts.set("\(prefix).enable_count", from: row, source: Self.summaryPath) {
            $0.enableCount.map { .int(Int64($0)) }
        }
    }

    /// The current nvpmodel mode and, per DLA, the core-clock cap it sets and whether another mode lifts it.
    func collectNvpmodel(_ root: SystemRoot, dlas: [String], into facts: inout FactTable) {
        let status = root.readAttribute(Self.statusPath).parse("no pmode:", NvpmodelStatus.parse)
        facts.set("clocks.nvpmodel.mode_id", from: status, source: Self.statusPath) { .int(Int64($0)) }
        let conf = root.readText(Self.confPath, cap: 1 << 20).map(NvpmodelConf.parse)
        let confSource = root.resolve(Self.confPath).value ?? Self.confPath
        guard let parsed = conf.value, let modeID = status.value else {
            let failed: ReadResult<Int> = status.value == nil ? status : conf.map { _ in 0 }
            facts.set("clocks.nvpmodel.mode_name", from: failed, source: confSource) { _ in nil }
            for index in dlas {
                facts.set("dla.\(index).nvpmodel.core_cap", from: failed, source: confSource) { _ in nil }
                facts.set("dla.\(index).nvpmodel.core_capped", from: failed, source: confSource) { _ in nil }
            }
            return
        }
        guard let mode = parsed.powerModel(id: modeID) else {
            facts.set("clocks.nvpmodel.mode_name", state: .malformed(source: confSource, detail: "no mode \(modeID)"))
            return
        }
        facts.set("clocks.nvpmodel.mode_name", .string(mode.name), source: confSource, raw: "POWER_MODEL ID=\(modeID)")
        // The mode a board boots in until someone runs nvpmodel -m (AGX Orin: MODE_30W, Docs/platform.md §4.3).
        if let defaultID = parsed.defaultModeID, let defaultMode = parsed.powerModel(id: defaultID) {
            facts.set(
                "clocks.nvpmodel.default_mode", .string("\(defaultMode.name) (ID \(defaultID))"), source: confSource,
                raw: "PM_CONFIG DEFAULT=\(defaultID)")
            facts.set("clocks.nvpmodel.is_default", .bool(defaultID == modeID), source: confSource)
            let note =
                defaultID == modeID
                ? "\(defaultMode.name) (ID \(defaultID)) is this module's default power mode, the one it boots in."
                : "The module boots in \(defaultMode.name) (ID \(defaultID)) until another mode is chosen."
            facts.set("clocks.nvpmodel.default_note", .string(note), source: confSource)
        } else {
            for key in ["clocks.nvpmodel.default_mode", "clocks.nvpmodel.is_default", "clocks.nvpmodel.default_note"] {
                facts.set(key, state: .missing(source: confSource))
            }
        }
        for index in dlas {
            let param = "DLA\(index)_CORE"
            let key = "dla.\(index).nvpmodel"
            guard let cap = mode.value(param: param, argument: "MAX_FREQ") else {
                facts.set("\(key).core_cap", state: .missing(source: confSource))
                facts.set("\(key).core_capped", state: .missing(source: confSource))
                continue
            }
            facts.set("\(key).core_cap", .int(cap), source: confSource, raw: "\(mode.name): \(param) MAX_FREQ \(cap)")
            // The least restrictive mode: -1 (no cap) beats any number, else the highest cap.
            let caps = parsed.powerModels.compactMap { model in
                model.value(param: param, argument: "MAX_FREQ").map { (model, $0 < 0 ? Int64.max : $0) }
            }
            let effective = cap < 0 ? Int64.max : cap
            let best = caps.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.id > $1.0.id) }
            let capped = best.map { $0.1 > effective } ?? false
            facts.set("\(key).core_capped", .bool(capped), source: confSource, raw: "\(mode.name): \(cap)")
            if let best, capped {
                let lift = best.1 == Int64.max ? "no cap" : Format.mhz(best.1)
                facts.set(
                    "\(key).lifting_mode", .string("\(best.0.name) (ID \(best.0.id), \(lift))"), source: confSource)
            }
        }
    }
}
