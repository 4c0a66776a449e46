/// Runs probes and rules: the whole of `check` below the command line.
public enum Diagnosis {
    /// Evaluates every rule of `rules` (limited to `areas` when given) against `facts`.
    public static func evaluate(_ rules: RuleSet, facts: FactTable, areas: Set<Area>? = nil) -> [RuleOutcome] {
        let evaluator = Evaluator(table: facts)
        return rules.rules.filter { areas == nil || areas?.contains($0.area) == true }.flatMap(evaluator.evaluate)
    }

    /// Collects facts from `root` and evaluates `rules`: the report of `nvdla-doctor check`.
    public static func check(
        root: SystemRoot, rules: RuleSet, areas: Set<Area>? = nil, sourceKind: String? = nil, displayPath: String? = nil
    ) -> Report {
        var facts = ProbeSuite.collect(root, signals: rules.signals)
        let source = ReportSource(
            kind: sourceKind ?? (root.isLive ? "live" : "snapshot"), path: displayPath ?? root.hostPath)
        if facts.bool("platform.tegra") != true {
            if let denied = permissionDenied(facts) {
                let reason =
                    "Cannot tell whether \(source.path) is a Jetson: reading \(denied) was refused (permission "
                    + "denied). Run as root, or as the owner of the tree."
                return Report(source: source, facts: facts, outcomes: [], unassessable: reason, reads: root.trail.all)
            }
            let compatible = facts.list("platform.compatible").map {
                " (device-tree compatible: \($0.joined(separator: ", ")))"
            }
            let reason =
                "No NVIDIA Tegra SoC found under \(source.path)\(compatible ?? ""): nvdla-doctor checks Jetson "
                + "systems (Xavier, Orin) only."
            return Report(source: source, facts: facts, outcomes: [], unassessable: reason, reads: root.trail.all)
        }
        facts.set("platform.jetson_evidence", .bool(true), source: "\(FactCatalogue.dtBase)/compatible")
        facts.set("source.artifacts", .bool(false), source: source.path)
        // A root with a Tegra SoC is a Jetson (or DRIVE) system; only pasted text can show otherwise.
        facts.set("platform.not_jetson", .bool(false), source: "\(FactCatalogue.dtBase)/compatible")
        return Report(
            source: source, facts: facts, outcomes: evaluate(rules, facts: facts, areas: areas),
            reads: root.trail.all)
    }

    /// The source of the platform facts that a permission error hid, if any: then "not a Tegra" would be a guess.
    static func permissionDenied(_ facts: FactTable) -> String? {
        for key in ["platform.compatible", "platform.model"] {
            if case .unreadable(.permission, let source)? = facts[key] { return source }
        }
        return nil
    }
}
