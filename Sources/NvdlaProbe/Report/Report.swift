/// The platform block of a report (Docs/output-schema.md); unknown fields stay nil and are omitted.
public struct PlatformSummary: Sendable, Equatable {
    public var soc: String?
    public var module: String?
    public var model: String?
    public var l4t: String?
    public var jetpack: String?
    public var dlaExpected: Int?
    public var dlaPresent: Int?

    public init(facts: FactTable) {
        soc = facts.string("platform.soc")
        module = facts.string("platform.module")
        model = facts.string("platform.model")
        l4t = facts.string("versions.l4t")
        jetpack = facts.string("versions.jetpack")
        dlaExpected = facts.int("platform.dla_expected").map { Int($0) }
        dlaPresent = facts.int("platform.dla_present").map { Int($0) }
    }
}

/// Where a report's facts came from.
public struct ReportSource: Sendable, Equatable {
    /// `live`, `snapshot`, `bundle` or `artifacts`.
    public let kind: String
    public let path: String

    public init(kind: String, path: String) {
        self.kind = kind
        self.path = path
    }
}

/// Overall state of a report, mapped onto the exit status.
public enum ReportStatus: String, Sendable {
    case ok, warning, error, unknown

    /// Exit status (README): 0 ok, 1 warnings, 2 errors, 3 nothing could be assessed.
    public var exitCode: Int32 {
        switch self {
        case .ok: return 0
        case .warning: return 1
        case .error: return 2
        case .unknown: return 3
        }
    }
}

/// The result of a diagnosis: findings, undecidable checks and the platform, sorted deterministically.
public struct Report: Sendable {
    public let source: ReportSource
    public let platform: PlatformSummary
    public let findings: [Finding]
    public let inconclusive: [Inconclusive]
    /// Checks that ran and passed, as (rule, subject) — shown with `-v`.
    public let passed: [(rule: String, subject: String)]
    /// Set when nothing could be assessed (e.g. no Tegra SoC under the root): the plain reason.
    public let unassessable: String?
    public let facts: FactTable
    /// Lines describing what was used (recognised segments for `analyze`), for the text report.
    public let notes: [String]
    /// Every read made to produce the report, in order.
    public let reads: [ReadRecord]

    public init(
        source: ReportSource, facts: FactTable, outcomes: [RuleOutcome], unassessable: String? = nil,
        notes: [String] = [], reads: [ReadRecord] = []
    ) {
        self.reads = reads
        self.source = source
        self.facts = facts
        self.platform = PlatformSummary(facts: facts)
        self.unassessable = unassessable
        self.notes = notes
        var findings: [Finding] = []
        var inconclusive: [Inconclusive] = []
        var passed: [(String, String)] = []
        for outcome in outcomes {
            switch outcome {
            case .fired(let finding): findings.append(finding)
            case .inconclusive(let item): inconclusive.append(item)
            case .passed(let rule, let subject): passed.append((rule, subject))
            case .notApplicable: break
            }
        }
        self.findings = findings.sorted { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            return (a.area.order, a.id, a.subject) < (b.area.order, b.id, b.subject)
        }
        self.inconclusive = inconclusive.sorted { ($0.rule, $0.subject) < ($1.rule, $1.subject) }
        self.passed = passed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// The verdict: `unknown` when nothing could be assessed; else `error` or `warning` by the worst finding;
    /// else `unknown` when a check that could report an error or a warning could not read its input
    /// (`Inconclusive.isImportant`: a faulty board seen without privileges is never `ok`); else `ok`. Known findings
    /// rank above unknown, as in monitoring-plugins' `max_state_alt` (OK < UNKNOWN < WARNING < CRITICAL).
    public var status: ReportStatus {
        if unassessable != nil { return .unknown }
        if findings.contains(where: { $0.severity == .error }) { return .error }
        if findings.contains(where: { $0.severity == .warning }) { return .warning }
        if inconclusive.contains(where: \.isImportant) { return .unknown }
        return .ok
    }

    /// Whether the facts come from the running system (hints then speak of sudo and groups, not of snapshots).
    public var isLive: Bool { source.kind == "live" }

    /// Count of findings per severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
