/// How serious a finding is (Docs/rules.md).
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    package var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The areas a rule belongs to, with the code used in finding IDs (Docs/architecture.md).
public enum Area: String, Sendable, Codable, CaseIterable {
    case platform, driver, devnodes, devicetree, memory, smmu, clocks, power, firmware, versions, userspace,
        tensorrt

    /// The `CODE` part of `<PREFIX>-<CODE>-<NNN>` (`NVDLA-DRV-001`, a site's `ACME-DRV-001`).
    public var code: String {
        switch self {
        case .platform: return "PLAT"
        case .driver: return "DRV"
        case .devnodes: return "DEV"
        case .devicetree: return "DT"
        case .memory: return "MEM"
        case .smmu: return "SMMU"
        case .clocks: return "CLK"
        case .power: return "PWR"
        case .firmware: return "FW"
        case .versions: return "VER"
        case .userspace: return "USR"
        case .tensorrt: return "TRT"
        }
    }

    /// Order in reports: the presence chain first, then what explains a misbehaving DLA.
    public var order: Int { Area.allCases.firstIndex(of: self) ?? 0 }
}

/// The right-hand side of a comparison: a literal or another fact.
public enum Operand: Sendable, Equatable {
    case literal(FactValue)
    case fact(String)
}

/// A comparison operator of a leaf condition.
public enum Comparison: String, Sendable, CaseIterable {
    case eq, ne, lt, le, gt, ge
    case `in`, notIn = "not_in"
    case exists, missing, known
    case matches
    case versionEq = "version_eq", versionNe = "version_ne", versionLt = "version_lt"
    case versionLe = "version_le", versionGt = "version_gt", versionGe = "version_ge"
}

/// A rule condition: a tree of all/any/not over leaf comparisons of facts.
public indirect enum Condition: Sendable, Equatable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// `{fact: key, <op>: operand}`; for `in`/`not_in` the operand is a list; for `matches` a regex.
    case compare(key: String, op: Comparison, operand: Operand, regex: Regex2?)
}

/// A fact to show as evidence, with an explicit healthy value when the conditions do not imply one.
public struct EvidenceSpec: Sendable, Equatable {
    public let key: String
    public let expected: String?

    package init(key: String, expected: String?) {
        self.key = key
        self.expected = expected
    }
}

/// What to tell the user to do about a finding.
public struct Remedy: Sendable, Equatable {
    public let summary: String
    /// Safe, non-destructive commands; anything risky stays in prose on the remedy page.
    public let commands: [String]

    package init(summary: String, commands: [String]) {
        self.summary = summary
        self.commands = commands
    }
}

/// One declarative rule from `Rules/*.yaml`.
public struct Rule: Sendable, Equatable {
    public let id: String
    public let area: Area
    public let severity: Severity
    /// Instance family to iterate over (`dla`), or nil for a system-wide rule.
    public let each: String?
    /// When false the rule is not applicable (not reported as passed nor inconclusive).
    public let applies: Condition?
    public let when: Condition
    public let title: String
    /// Subject template for system-wide rules (default `system`).
    public let subject: String?
    public let message: String
    public let evidence: [EvidenceSpec]
    public let remedy: Remedy
    /// The file and line the rule was read from.
    public let origin: String

    package init(
        id: String, area: Area, severity: Severity, each: String?, applies: Condition?, when: Condition,
        title: String, subject: String?, message: String, evidence: [EvidenceSpec], remedy: Remedy, origin: String
    ) {
        self.id = id
        self.area = area
        self.severity = severity
        self.each = each
        self.applies = applies
        self.when = when
        self.title = title
        self.subject = subject
        self.message = message
        self.evidence = evidence
        self.remedy = remedy
        self.origin = origin
    }

    /// The remedy page path, relative to the repository (and embedded in the binary).
    public var doc: String { "Docs/remedies/\(id).md" }
}
