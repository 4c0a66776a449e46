/// One piece of evidence behind a finding: where it was read, what was seen, what was expected.
public struct Evidence: Sendable, Equatable, Codable {
    public let source: String
    /// The fact key this evidence is about.
    public let fact: String
    public let observed: String
    public let expected: String?
}

/// The remedy attached to a finding.
public struct FindingRemedy: Sendable, Equatable, Codable {
    public let summary: String
    public let commands: [String]
    /// Relative path of the remedy page (`Docs/remedies/<ID>.md`).
    public let doc: String
}

/// A rule that fired for a subject.
public struct Finding: Sendable, Equatable {
    public let id: String
    public let area: Area
    public let severity: Severity
    public let subject: String
    public let title: String
    public let message: String
    public let evidence: [Evidence]
    public let remedy: FindingRemedy
}

/// A rule that could not be decided for a subject, and what blocked it.
public struct Inconclusive: Sendable, Equatable {
    public let rule: String
    public let subject: String
    /// The severity the rule would have reported had it fired.
    public let severity: Severity
    public let blockers: Set<Blocker>

    public init(rule: String, subject: String, severity: Severity = .info, blockers: Set<Blocker>) {
        self.rule = rule
        self.subject = subject
        self.severity = severity
        self.blockers = blockers
    }

    /// Reasons that mean the input exists but could not be read: privileges, a busy or failing device, a file of
    /// the wrong type, a path refused because it loops or leaves the root.
    public static let accessReasons: Set<String> = ["permission", "busy", "io", "unsupported", "blocked"]

    /// The most telling reason: an unreadable class before `missing`, `malformed`, `not collected`.
    public var reason: String {
        let order = ["permission", "blocked", "busy", "io", "unsupported", "malformed", "missing", "not collected"]
        let reasons = Set(blockers.map(\.reason))
        return order.first(where: reasons.contains) ?? reasons.sorted().first ?? "unknown"
    }

    /// Whether this undecided check could hide an error or a warning because its input could not be read: such a
    /// check makes a report without error or warning findings `unknown` (exit 3), never `ok`.
    public var isImportant: Bool {
        severity >= .warning && Self.accessReasons.contains(reason)
    }

    /// Sources that blocked it, sorted.
    public var blockedBy: [String] { Array(Set(blockers.map(\.source))).sorted() }
}

/// What evaluating one rule for one subject gave.
public enum RuleOutcome: Sendable {
    case fired(Finding)
    case passed(rule: String, subject: String)
    case inconclusive(Inconclusive)
    case notApplicable(rule: String, subject: String)
}
