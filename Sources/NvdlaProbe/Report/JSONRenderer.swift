import Foundation

/// Renders a report as the JSON of Docs/output-schema.md (`schemaVersion: 1`).
public enum JSONRenderer {
    struct Document: Encodable {
        let schemaVersion = 1
        let tool: Tool
        let source: Source
        let platform: Platform
        let status: String
        let findings: [FindingJSON]
        let inconclusive: [InconclusiveJSON]
        let summary: Summary
        let message: String?
        /// The TensorRT placement summary (`analyze` of a TensorRT log).
        let tensorrt: TensorRTSummary?
        let facts: [String: FactJSON]?
        let reads: [ReadRecord]?
    }
    struct Tool: Encodable {
        let name = "nvdla-doctor"
        let version: String
    }
    struct Source: Encodable {
        let kind: String
        let path: String
        /// Where the kernel log was read (`/dev/kmsg`, `journal`, `/var/log/kern.log`, `/var/log/syslog`), when it was.
        let kernelLog: String?
    }
    struct Platform: Encodable {
        let soc, module, model, l4t, jetpack: String?
        let dlaExpected, dlaPresent: Int?
    }
    struct FindingJSON: Encodable {
        let id, area, severity, subject, title, message: String
        let evidence: [EvidenceJSON]
        let remedy: FindingRemedy
    }
    struct EvidenceJSON: Encodable {
        let source: String
        let fact: String
        let observed: String
        let expected: String?
    }
    struct InconclusiveJSON: Encodable {
        let rule, subject, severity, reason, hint: String
        let blockedBy: [String]
        /// It could hide an error or a warning: the status is at least `unknown`.
        let important: Bool
    }
    struct Summary: Encodable {
        let errors, warnings, infos, inconclusive, passed: Int
    }
    struct FactJSON: Encodable {
        let state: String
        let value: FactValueJSON?
        let source: String
        let raw: String?
        let detail: String?
    }
    enum FactValueJSON: Encodable {
        case string(String), int(Int64), bool(Bool), list([String])
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let s): try container.encode(s)
            case .int(let i): try container.encode(i)
            case .bool(let b): try container.encode(b)
            case .list(let l): try container.encode(l)
            }
        }
    }

    /// The JSON text of `report`; with `includeFacts` the fact table is added under `facts` and the read trail
    /// (every path read, its outcome and size) under `reads`.
    public static func render(_ report: Report, includeFacts: Bool = false) -> String {
        let p = report.platform
        let document = Document(
            tool: Tool(version: ToolInfo.version),
            source: Source(
                kind: report.source.kind, path: report.source.path,
                kernelLog: report.facts.string("kernel_log.source")),
            platform: Platform(
                soc: p.soc, module: p.module, model: p.model, l4t: p.l4t, jetpack: p.jetpack,
                dlaExpected: p.dlaExpected, dlaPresent: p.dlaPresent),
            status: report.status.rawValue,
            findings: report.findings.map {
                FindingJSON(
                    id: $0.id, area: $0.area.rawValue, severity: $0.severity.rawValue, subject: $0.subject,
                    title: $0.title, message: $0.message,
                    evidence: $0.evidence.map {
                        EvidenceJSON(source: $0.source, fact: $0.fact, observed: $0.observed, expected: $0.expected)
                    },
                    remedy: $0.remedy)
            },
            inconclusive: report.inconclusive.map {
                InconclusiveJSON(
                    rule: $0.rule, subject: $0.subject, severity: $0.severity.rawValue, reason: $0.reason,
                    hint: $0.hint(live: report.isLive), blockedBy: $0.blockedBy, important: $0.isImportant)
            },
            summary: Summary(
                errors: report.count(.error), warnings: report.count(.warning), infos: report.count(.info),
                inconclusive: report.inconclusive.count, passed: report.passed.count),
            message: report.unassessable,
            tensorrt: TensorRTSummary(report.facts),
            facts: includeFacts ? facts(report.facts) : nil,
            reads: includeFacts ? report.reads : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func facts(_ table: FactTable) -> [String: FactJSON] {
        var out: [String: FactJSON] = [:]
        for key in table.keys {
            guard let state = table[key] else { continue }
            switch state {
            case .known(let value, let provenance):
                let json: FactValueJSON
                switch value {
                case .string(let s): json = .string(s)
                case .int(let i): json = .int(i)
                case .bool(let b): json = .bool(b)
                case .list(let l): json = .list(l)
                }
                out[key] = FactJSON(
                    state: "known", value: json, source: provenance.source, raw: provenance.raw, detail: nil)
            case .missing(let source):
                out[key] = FactJSON(state: "missing", value: nil, source: source, raw: nil, detail: nil)
            case .unreadable(let why, let source):
                out[key] = FactJSON(state: "unreadable", value: nil, source: source, raw: nil, detail: why.rawValue)
            case .malformed(let source, let detail):
                out[key] = FactJSON(state: "malformed", value: nil, source: source, raw: nil, detail: detail)
            }
        }
        return out
    }
}

/// The tool's name and version, as reports and bundles carry them.
public enum ToolInfo {
    public static let version = "0.1.0"
}
