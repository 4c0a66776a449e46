import Foundation

/// Renders a `SnapshotDiff` as text or as JSON (`schemaVersion` 1 with a `diff` object).
public enum DiffRenderer {
    struct Document: Encodable {
        let schemaVersion = 1
        let tool: [String: String]
        let a: Side
        let b: Side
        let status: String
        let diff: Body
    }
    struct Side: Encodable {
        let kind, path, status: String
        let message: String?
    }
    struct Body: Encodable {
        let findings: Findings
        let facts: [FactJSON]
    }
    struct Findings: Encodable {
        let added: [FindingJSON]
        let resolved: [FindingJSON]
        let changed: [ChangeJSON]
    }
    struct FindingJSON: Encodable {
        let id, area, severity, subject, title, message: String
    }
    struct ChangeJSON: Encodable {
        let id, subject: String
        let before: FindingJSON
        let after: FindingJSON
    }
    struct FactJSON: Encodable {
        let key: String
        let a: String?
        let b: String?
    }

    /// The JSON text of `diff`.
    public static func json(_ diff: SnapshotDiff) -> String {
        func finding(_ f: Finding) -> FindingJSON {
            FindingJSON(
                id: f.id, area: f.area.rawValue, severity: f.severity.rawValue, subject: f.subject, title: f.title,
                message: f.message)
        }
        func side(_ r: Report) -> Side {
            Side(kind: r.source.kind, path: r.source.path, status: r.status.rawValue, message: r.unassessable)
        }
        let document = Document(
            tool: ["name": "nvdla-doctor", "version": ToolInfo.version], a: side(diff.a), b: side(diff.b),
            status: diff.status.rawValue,
            diff: Body(
                findings: Findings(
                    added: diff.added.map(finding), resolved: diff.resolved.map(finding),
                    changed: diff.changed.map {
                        ChangeJSON(
                            id: $0.after.id, subject: $0.after.subject, before: finding($0.before),
                            after: finding($0.after))
                    }),
                facts: diff.facts.map { FactJSON(key: $0.key, a: $0.a, b: $0.b) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The text form: one section per kind of change, `+` added, `-` resolved, `~` changed.
    public static func text(_ diff: SnapshotDiff) -> String {
        var out = "nvdla-doctor diff\n  A: \(diff.a.source.path) (\(diff.a.status.rawValue))\n"
        out += "  B: \(diff.b.source.path) (\(diff.b.status.rawValue))\n"
        for (label, report) in [("A", diff.a), ("B", diff.b)] {
            if let reason = report.unassessable { out += "  \(label) could not be assessed: \(reason)\n" }
        }
        if diff.added.isEmpty && diff.resolved.isEmpty && diff.changed.isEmpty && diff.facts.isEmpty {
            return out + "\nNo differences in findings or in the facts compared.\n"
        }
        if !diff.added.isEmpty {
            out += "\nFindings new in B (\(diff.added.count)):\n"
            for f in diff.added { out += "  + [\(f.severity.rawValue)] \(f.id) \(f.subject): \(f.title)\n" }
        }
        if !diff.resolved.isEmpty {
            out += "\nFindings resolved in B (\(diff.resolved.count)):\n"
            for f in diff.resolved { out += "  - [\(f.severity.rawValue)] \(f.id) \(f.subject): \(f.title)\n" }
        }
        if !diff.changed.isEmpty {
            out += "\nFindings changed (\(diff.changed.count)):\n"
            for c in diff.changed {
                out += "  ~ [\(c.before.severity.rawValue)→\(c.after.severity.rawValue)] \(c.after.id) "
                out += "\(c.after.subject): \(c.after.message)\n"
            }
        }
        if !diff.facts.isEmpty {
            out += "\nFacts changed (\(diff.facts.count)):\n"
            for f in diff.facts { out += "  \(f.key): \(f.a ?? "(absent)") → \(f.b ?? "(absent)")\n" }
        }
        return out
    }
}
