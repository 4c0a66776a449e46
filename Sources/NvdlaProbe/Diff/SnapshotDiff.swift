/// The differences between two reports (`nvdla-doctor diff A B`): findings added, resolved and changed in B, and
/// the facts that matter for the DLA that changed.
public struct SnapshotDiff: Sendable {
    /// A finding present in both with a different severity or message.
    public struct ChangedFinding: Sendable {
        public let before: Finding
        public let after: Finding
    }

    /// A fact whose value differs: the value as text in A and B (`nil` when absent from the table).
    public struct ChangedFact: Sendable, Equatable {
        public let key: String
        public let a: String?
        public let b: String?
    }

    /// Fact keys compared, as patterns (`*` is one dotted segment): versions, module, DLA presence per instance,
    /// clocks and caps, CMA sizes, device-node modes and owners.
    public static let factPatterns: [String] = [
        "platform.soc", "platform.module", "platform.dla_expected", "platform.dla_present",
        "platform.dla_enabled_in_dt", "platform.container",
        "versions.l4t", "versions.jetpack", "versions.tensorrt", "versions.cuda", "versions.cudnn",
        "versions.kernel_release", "versions.pkg.*",
        "driver.module.loaded", "driver.module.state", "driver.module.vermagic", "driver.module.srcversion_loaded",
        "driver.module.depends", "driver.available",
        "dla.*.sysfs.present", "dla.*.dt.status", "dla.*.driver.bound", "dla.*.driver.name",
        "dla.*.clk_cap.*", "dla.*.clk.*.rate", "dla.*.clk.*.max_rate", "dla.*.nvpmodel.core_cap",
        "dla.*.power.runtime_status", "dla.*.iommu_group",
        "dla.*.node.*.present", "dla.*.node.*.mode", "dla.*.node.*.owner", "dla.*.node.*.devnum",
        "memory.cma.total_bytes", "memory.cma.stock_bytes", "memory.cma.requested_bytes", "memory.cma.cmdline_bytes",
        "memory.cma.dt_bytes",
        "clocks.nvpmodel.mode_name", "firmware.present",
    ]

    public let a: Report
    public let b: Report
    public let added: [Finding]
    public let resolved: [Finding]
    public let changed: [ChangedFinding]
    public let facts: [ChangedFact]

    /// Compares `a` (before, or the good board) with `b` (after, or the bad board).
    public init(a: Report, b: Report) {
        self.a = a
        self.b = b
        func key(_ f: Finding) -> String { f.id + "\u{0}" + f.subject }
        let before = Dictionary(a.findings.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(b.findings.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        added = b.findings.filter { before[key($0)] == nil }
        resolved = a.findings.filter { after[key($0)] == nil }
        changed = b.findings.compactMap { finding in
            guard let old = before[key(finding)],
                old.severity != finding.severity || old.message != finding.message
            else { return nil }
            return ChangedFinding(before: old, after: finding)
        }
        let keys = Set(a.facts.keys + b.facts.keys).filter(Self.matters).sorted()
        facts = keys.compactMap { key in
            let left = Self.text(a.facts[key])
            let right = Self.text(b.facts[key])
            return left == right ? nil : ChangedFact(key: key, a: left, b: right)
        }
    }

    /// Whether a fact key is one of `factPatterns`.
    static func matters(_ key: String) -> Bool {
        let parts = key.split(separator: ".")
        return factPatterns.contains { pattern in
            let pieces = pattern.split(separator: ".")
            if pieces.last == "*", parts.count >= pieces.count {
                return zip(pieces.dropLast(), parts).allSatisfy { $0 == "*" || $0 == $1 }
            }
            return pieces.count == parts.count && zip(pieces, parts).allSatisfy { $0 == "*" || $0 == $1 }
        }
    }

    /// A fact state as text: the value, or `missing` / `unreadable (why)` / `malformed`.
    static func text(_ state: FactState?) -> String? {
        guard let state else { return nil }
        switch state {
        case .known(let value, _): return value.description
        case .missing: return "missing"
        case .unreadable(let why, _): return "unreadable (\(why.rawValue))"
        case .malformed: return "malformed"
        }
    }

    /// Findings new in B: added ones and those whose severity rose.
    public var newInB: [Finding] {
        added + changed.filter { $0.after.severity > $0.before.severity }.map(\.after)
    }

    /// Exit status: 3 when either side could not be assessed, else by the worst finding new in B.
    public var status: ReportStatus {
        if a.unassessable != nil || b.unassessable != nil { return .unknown }
        if newInB.contains(where: { $0.severity == .error }) { return .error }
        if newInB.contains(where: { $0.severity == .warning }) { return .warning }
        return .ok
    }
}
