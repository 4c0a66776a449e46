/// The formats of `analyze` and `diff` (text or json; only `check` speaks Prometheus).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json
}
