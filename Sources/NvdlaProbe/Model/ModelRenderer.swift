import Foundation

/// Renders a `ModelAnalysis` as text or as the JSON of Docs/model-schema.md (`schemaVersion: 1`).
public enum ModelRenderer {
    struct Document: Encodable {
        let schemaVersion = 1
        let kind = "model"
        let tool: Tool
        let model: ModelJSON
        let target: TargetJSON
        let status: String
        let summary: SummaryJSON
        let nodes: [NodeJSON]
        let loadables: [LoadableJSON]
        let boundaries: [BoundaryJSON]
        let notes: [String]
    }
    struct Tool: Encodable {
        let name = "nvdla-doctor"
        let version: String
    }
    struct ModelJSON: Encodable {
        let path: String
        let irVersion: Int64
        let opset: Int64
        let producer: String
        let nodes: Int
        let inputs: [InputJSON]
    }
    struct InputJSON: Encodable {
        let name, shape: String
    }
    struct TargetJSON: Encodable {
        let platform, tensorrt, precision: String
        let jetpack: String?
        let rules: String?
        let noDLA: String?
    }
    struct SummaryJSON: Encodable {
        let dla, gpu, unknown, folded, layers, loadables, limit, loadablesIfUnknownOnDLA, boundaries: Int
        let line: String
    }
    struct NodeJSON: Encodable {
        let name, op, layer, placement: String
        let reason, rule, source, fix, note: String?
    }
    struct LoadableJSON: Encodable {
        let index: Int
        let nodes: Int
        let first, last: String
    }
    struct BoundaryJSON: Encodable {
        let tensor, from, to: String
        let elements: Int64?
    }

    public static func json(_ a: ModelAnalysis, path: String) -> String {
        let names = a.nodes.reduce(into: [Int: String]()) { $0[$1.index] = $1.name }
        let doc = Document(
            tool: Tool(version: ToolInfo.version),
            model: ModelJSON(
                path: path, irVersion: a.model.irVersion, opset: a.model.opset, producer: a.model.producer,
                nodes: a.model.graph.nodes.count,
                inputs: inputs(a).map { InputJSON(name: $0.0, shape: $0.1) }),
            target: TargetJSON(
                platform: a.target.platform, tensorrt: a.target.table?.release ?? a.target.tensorrt,
                precision: a.target.precision, jetpack: a.target.jetpack, rules: a.target.table?.path,
                noDLA: a.target.table == nil ? a.target.noTable : nil),
            status: a.status.rawValue,
            summary: SummaryJSON(
                dla: a.summary.dla, gpu: a.summary.gpu, unknown: a.summary.unknown, folded: a.summary.folded,
                layers: a.summary.layers, loadables: a.summary.loadables, limit: a.summary.limit,
                loadablesIfUnknownOnDLA: a.summary.loadablesIfUnknownOnDLA, boundaries: a.summary.boundaries,
                line: a.line),
            nodes: a.nodes.map {
                NodeJSON(
                    name: $0.name, op: $0.op, layer: $0.layer, placement: $0.placement.rawValue, reason: $0.reason,
                    rule: $0.rule, source: $0.source, fix: $0.fix, note: $0.note)
            },
            loadables: (a.partition?.loadables ?? []).enumerated().map { i, l in
                LoadableJSON(
                    index: i + 1, nodes: l.nodes.count, first: l.nodes.first.flatMap { names[$0] } ?? "",
                    last: l.nodes.last.flatMap { names[$0] } ?? "")
            },
            boundaries: (a.partition?.boundaries ?? []).map {
                BoundaryJSON(tensor: $0.tensor, from: $0.from, to: $0.to, elements: $0.elements)
            },
            notes: a.notes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(doc) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Graph inputs (not initializers) with their dims as inferred (after `--shapes`).
    static func inputs(_ a: ModelAnalysis) -> [(String, String)] {
        let initializers = Set(a.model.graph.initializers.map(\.name))
        return a.model.graph.inputs.filter { !initializers.contains($0.name) }.map {
            ($0.name, a.facts[$0.name]?.shapeText ?? "?")
        }
    }

    /// The text report: target, summary line, GPU and undecided layers grouped by reason, loadables, boundaries.
    public static func text(_ a: ModelAnalysis, path: String, verbose: Bool) -> String {
        var out = "nvdla-doctor \(ToolInfo.version) · model \(path)\n"
        let shapes = inputs(a).map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        out += "ONNX IR \(a.model.irVersion), opset \(a.model.opset)"
        if !a.model.producer.isEmpty { out += ", \(a.model.producer) \(a.model.producerVersion)" }
        out += " · \(a.model.graph.nodes.count) nodes · inputs \(shapes.isEmpty ? "none" : shapes)\n"
        var target = "target: \(a.target.platform), TensorRT \(a.target.table?.release ?? a.target.tensorrt)"
        if let jp = a.target.jetpack { target += " (JetPack \(jp))" }
        target += ", \(a.target.precision.uppercased())"
        if let table = a.target.table { target += " · rules \(table.path)" }
        out += target + "\n"
        for note in a.notes { out += "note: \(note)\n" }
        out += "\n"
        guard a.target.table != nil else {
            out += "status: \(a.status.rawValue) · \(a.line)\n"
            return out
        }
        for (title, placement) in [("GPU", Placement.gpu), ("undecided", Placement.unknown)] {
            let members = a.nodes.filter { $0.placement == placement }
            guard !members.isEmpty else { continue }
            out += "[\(title)] \(members.count) layer\(members.count == 1 ? "" : "s")\n"
            var groups: [String: [NodeVerdict]] = [:]
            var order: [String] = []
            for v in members {
                let key = "\(v.rule ?? "")|\(v.layer)"
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(v)
            }
            for key in order {
                guard let group = groups[key], let first = group.first else { continue }
                let names = group.prefix(verbose ? group.count : 3).map(\.name).joined(separator: ", ")
                let more = group.count > 3 && !verbose ? " and \(group.count - 3) more" : ""
                out +=
                    "  \(placement == .gpu ? "gpu    " : "unknown") \(first.layer) ×\(group.count): \(names)\(more)\n"
                out += "      \(first.reason ?? "")\n"
                if let note = first.note { out += "      mapping: \(note)\n" }
                if let fix = first.fix { out += "      fix:  \(fix)\n" }
                if let source = first.source { out += "      source: \(source)\n" }
            }
            out += "\n"
        }
        if let partition = a.partition, !partition.loadables.isEmpty {
            let names = a.nodes.reduce(into: [Int: String]()) { $0[$1.index] = $1.name }
            out += "[loadables] \(partition.loadables.count) of at most \(a.summary.limit) per DLA core\n"
            for (i, l) in partition.loadables.enumerated() {
                let first = l.nodes.first.flatMap { names[$0] } ?? ""
                let last = l.nodes.last.flatMap { names[$0] } ?? ""
                out += "  \(i + 1): \(l.nodes.count) layer\(l.nodes.count == 1 ? "" : "s") \(first)"
                out += l.nodes.count > 1 ? " … \(last)\n" : "\n"
            }
            let crossings = partition.boundaries.filter { $0.from != "network input" && $0.to != "network output" }
            if !crossings.isEmpty {
                let elements = crossings.compactMap(\.elements).reduce(Int64(0)) { $0 &+ $1 }
                out += "  \(crossings.count) DLA↔GPU crossing\(crossings.count == 1 ? "" : "s") (each a reformat/copy"
                out += elements > 0 ? ", \(elements) elements in all)\n" : ")\n"
                if verbose {
                    for b in crossings { out += "    \(b.tensor): \(b.from) → \(b.to)\n" }
                }
            }
            out += "\n"
        }
        if verbose {
            out += "[nodes]\n"
            for v in a.nodes {
                out +=
                    "  \(v.placement.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(v.layer.padding(toLength: 15, withPad: " ", startingAt: 0)) \(v.name)\n"
            }
            out += "\n"
        }
        out += "status: \(a.status.rawValue) · \(a.line)\n"
        return out
    }
}
