/// The verdict for one ONNX node.
public struct NodeVerdict: Sendable, Equatable {
    public var index: Int
    public var name: String
    public var op: String
    /// TensorRT layer type (`CONVOLUTION`), `NONE` for folded nodes.
    public var layer: String
    public var placement: Placement
    /// Why it is on the GPU or unknown (TensorRT's wording where TensorRT has one); nil on the DLA.
    public var reason: String?
    /// The rule (`elementwise-operation`) that decided it.
    public var rule: String?
    /// Where the rule comes from.
    public var source: String?
    public var fix: String?
    /// The parser's mapping when it is not one-to-one.
    public var note: String?
}

/// Decides each node's placement by the rules of a `DlaRuleTable`: the layer type's rule, its checks, then the
/// general restrictions (dynamic shapes, precision, batch and dimension limits).
public struct PlacementEvaluator {
    public let table: DlaRuleTable
    public let platform: String
    public let precision: String

    public init(table: DlaRuleTable, platform: String, precision: String) {
        self.table = table
        self.platform = platform
        self.precision = precision
    }

    /// The parameters every layer has: shapes, types, batch, platform, precision.
    func generalParams(inputs: [TensorFacts?], outputs: [TensorFacts?]) -> [String: LayerParam] {
        var params: [String: LayerParam] = ["platform": .word(platform), "precision": .word(precision)]
        let data = inputs.compactMap { $0 }.filter { !$0.constant } + outputs.compactMap { $0 }
        var dynamic = false
        var unknownWhy: String?
        var batch: Int64 = 1
        var largest: Int64 = 0
        var rank: Int?
        for t in data {
            guard let dims = t.dims else {
                unknownWhy = unknownWhy ?? "a tensor shape could not be inferred"
                continue
            }
            rank = rank ?? dims.count
            for d in dims {
                switch d {
                case .symbol: dynamic = true
                case .unknown: unknownWhy = unknownWhy ?? "a tensor shape could not be inferred"
                case .known: break
                }
            }
            if let known = t.knownDims {
                let leading = known.count > 3 ? ShapeMath.product(known.dropLast(3)) ?? Int64.max : 1
                batch = max(batch, leading)
                largest = max(largest, known.suffix(3).max() ?? 0)
            }
        }
        if dynamic {
            params["dynamic"] = .word("true")
        } else if let unknownWhy {
            params["dynamic"] = .unknown(unknownWhy)
        } else {
            params["dynamic"] = .word("false")
        }
        if unknownWhy == nil, !dynamic {
            params["batch"] = .ints([batch])
            params["dimension"] = .ints([max(1, largest)])
        } else {
            params["batch"] = .unknown(dynamic ? "dynamic shapes" : "shape unknown")
            params["dimension"] = .unknown(dynamic ? "dynamic shapes" : "shape unknown")
        }
        let types = data.map(\.elemType)
        if types.contains(0) {
            params["data_type"] = .unknown("an element type could not be inferred")
        } else if let other = types.first(where: { !OnnxDataType.isFloat($0) }) {
            params["data_type"] = .word(OnnxDataType.name(other))
        } else {
            params["data_type"] = .word("float")
        }
        params["rank"] = rank.map { .ints([Int64($0)]) } ?? .unknown("input rank unknown")
        return params
    }

    /// The verdict of a mapped layer.
    public func verdict(
        index: Int, node: OnnxNode, layer: MappedLayer, inputs: [TensorFacts?], outputs: [TensorFacts?],
        folded: Bool
    ) -> NodeVerdict {
        let name = node.name.isEmpty ? "\(node.op)_\(index)" : node.name
        var verdict = NodeVerdict(
            index: index, name: name, op: node.op, layer: layer.type, placement: .dla, note: layer.note)
        if folded || layer.type == "CONSTANT" {
            verdict.layer = "NONE"
            verdict.placement = .folded
            verdict.reason = "all inputs are build-time constants: folded, no layer"
            return verdict
        }
        // A comparison's bool output is judged by its own rule (the output must be cast right away), not by the
        // general precision rule.
        let comparisons: [LayerParam] = [.word("EQUAL"), .word("GREATER"), .word("LESS")]
        let judged =
            layer.type == "ELEMENTWISE" && comparisons.contains(layer.params["operation"] ?? .word(""))
            ? outputs.map { $0?.elemType == 9 ? nil : $0 } : outputs
        var params = generalParams(inputs: inputs, outputs: judged)
        params.merge(layer.params) { _, new in new }
        params["type"] = .word(layer.type)
        var failures: [(DlaCheck, String)] = []
        if let rule = table.layers[layer.type] {
            if let fixed = rule.fixed {
                failures.append((fixed, render(fixed, name: name, type: layer.type, value: layer.type)))
            }
            for check in rule.checks {
                if let f = evaluate(check, params, name: name, type: layer.type) { failures.append(f) }
            }
        } else {
            failures.append(
                (table.unsupported, render(table.unsupported, name: name, type: layer.type, value: layer.type)))
        }
        for check in table.general {
            if let f = evaluate(check, params, name: name, type: layer.type) { failures.append(f) }
        }
        let decisive = failures.first { $0.0.verdict == .gpu } ?? failures.first
        if let (check, text) = decisive {
            verdict.placement = check.verdict
            verdict.reason = text
            verdict.rule = check.id
            verdict.source = table.citation(check.source)
            verdict.fix = check.fix
        }
        return verdict
    }

    /// nil when the check passes or does not apply; else the check and its message.
    func evaluate(_ check: DlaCheck, _ params: [String: LayerParam], name: String, type: String) -> (DlaCheck, String)?
    {
        if let platforms = check.platforms, !platforms.contains(platform) { return nil }
        if let precisions = check.precisions, !precisions.contains(precision) { return nil }
        guard let value = params[check.param] else { return nil }
        switch value {
        case .unknown(let why):
            var undecided = check
            undecided.verdict = .unknown
            return (
                undecided,
                "\(name): \(check.param.replacingOccurrences(of: "_", with: " ")) unknown (\(why)); rule: \(render(check, name: name, type: type, value: "?"))"
            )
        case .ints(let numbers):
            if let range = check.range, !numbers.allSatisfy({ range.contains($0) }) {
                return (check, render(check, name: name, type: type, value: value.text))
            }
            if let allow = check.allow, !numbers.allSatisfy({ allow.contains(String($0)) }) {
                return (check, render(check, name: name, type: type, value: value.text))
            }
            return nil
        case .word(let word):
            if let allow = check.allow, !allow.contains(word) {
                return (check, render(check, name: name, type: type, value: word))
            }
            return nil
        }
    }

    func render(_ check: DlaCheck, name: String, type: String, value: String) -> String {
        var allowed = ""
        if let range = check.range { allowed = "[\(range.lowerBound), \(range.upperBound)]" }
        if let allow = check.allow { allowed = allow.joined(separator: ", ") }
        return check.says.replacingOccurrences(of: "{name}", with: name)
            .replacingOccurrences(of: "{type}", with: type)
            .replacingOccurrences(of: "{value}", with: value)
            .replacingOccurrences(of: "{allowed}", with: allowed)
    }
}
