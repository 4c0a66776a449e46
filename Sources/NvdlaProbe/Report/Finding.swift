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
    public let blockers: Set<Blocker>

    /// The most telling reason: an unreadable class before `missing`, `malformed`, `not collected`.
    public var reason: String {
        let order = ["permission", "blocked", "busy", "io", "unsupported", "malformed", "missing", "not collected"]
        let reasons = Set(blockers.map(\.reason))
        return order.first(where: reasons.contains) ?? reasons.sorted().first ?? "unknown"
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
