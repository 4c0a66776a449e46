/// What the watcher compares between checks: the status and the set of findings (ID and subject).
public struct WatchState: Sendable, Equatable {
    public var status: String
    /// `ID:subject`, sorted.
    public var findings: [String]

    public init(status: String, findings: [String]) {
        self.status = status
        self.findings = findings.sorted()
    }

    public init(_ report: Report) {
        self.init(status: report.status.rawValue, findings: report.findings.map { "\($0.id):\($0.subject)" })
    }
}
