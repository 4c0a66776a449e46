/// Whether an ONNX model runs on the DLA for a target: a verdict per node, the loadables it splits into, the
/// DLA↔GPU boundaries, a summary line and the status (exit code) — all offline, before any engine is built.
public struct ModelAnalysis: Sendable {
    public struct Summary: Sendable, Equatable {
        public var dla = 0
        public var gpu = 0
        public var unknown = 0
        public var folded = 0
        public var loadables = 0
        public var limit = 16
        /// Loadables if every unknown node turned out to run on the DLA.
        public var loadablesIfUnknownOnDLA = 0
        public var boundaries = 0
        /// Layers: every node that is not folded.
        public var layers: Int { dla + gpu + unknown }
    }

    public var model: OnnxModel
    public var target: DlaTarget
    public var nodes: [NodeVerdict] = []
    public var partition: Partition?
    public var summary = Summary()
    public var facts: [String: TensorFacts] = [:]
    /// What the user should know besides verdicts (dynamic inputs without `--shapes`, unknown opset…).
    public var notes: [String] = []
    public var line = ""
    public var status: ReportStatus = .ok

    /// Analyses `model` for `target`; `shapes` fixes dynamic input dims like trtexec's `--shapes`.
    public init(model: OnnxModel, target: DlaTarget, shapes: [String: [Int64]] = [:], modelDirectory: String? = nil) {
        self.model = model
        self.target = target
        let opset = model.opset
        if opset != 0, opset < 7 || opset > 21 {
            notes.append("opset \(opset) is outside 7–21, the opsets this tool's shape rules follow")
        }
        let initializerNames = Set(model.graph.initializers.map(\.name))
        let realInputs = model.graph.inputs.filter { !initializerNames.contains($0.name) }
        for name in shapes.keys where !realInputs.contains(where: { $0.name == name }) {
            notes.append("--shapes names \(name), which is not an input of the model")
        }
        for input in realInputs where shapes[input.name] == nil {
            let dynamic = input.dims?.contains { if case .value = $0 { return false } else { return true } } ?? true
            if dynamic {
                let dims = (input.dims ?? []).map { d -> String in
                    switch d {
                    case .value(let v): return "\(v)"
                    case .symbol(let s): return s
                    case .unknown: return "?"
                    }
                }
                notes.append(
                    "input \(input.name) has dynamic dims [\(dims.joined(separator: ", "))]: DLA needs fixed shapes; "
                        + "give them with --shapes \(input.name):1x3x640x640 (as trtexec takes them)")
            }
        }
        let inference = ShapeInference(model: model, shapes: shapes, modelDirectory: modelDirectory)
        facts = inference.facts
        guard let table = target.table else {
            status = target.noDLA ? .error : .unknown
            line = target.noTable ?? "no DLA rule table"
            return
        }
        summary.limit = table.loadableLimit
        let evaluator = PlacementEvaluator(table: table, platform: target.platform, precision: target.precision)
        let graphNodes = model.graph.nodes
        var layers: [Int: MappedLayer] = [:]
        for i in inference.order {
            let node = graphNodes[i]
            let ins = node.inputs.map { $0.isEmpty ? nil : inference.facts[$0] }
            let outs = node.outputs.map { $0.isEmpty ? nil : inference.facts[$0] }
            layers[i] = LayerMapping.map(node, inputs: ins, outputs: outs, opset: opset)
        }
        // Context: a Shuffle directly connected to a Slice or Concatenation layer.
        var producer: [String: Int] = [:]
        var consumers: [String: [Int]] = [:]
        for i in inference.order {
            for out in graphNodes[i].outputs where !out.isEmpty { producer[out] = i }
            for input in graphNodes[i].inputs where !input.isEmpty { consumers[input, default: []].append(i) }
        }
        let foldedSet = inference.folded
        for i in inference.order where layers[i]?.type == "SHUFFLE" && !foldedSet.contains(i) {
            let near =
                graphNodes[i].inputs.compactMap { producer[$0] } + graphNodes[i].outputs.flatMap { consumers[$0] ?? [] }
            let touches = near.contains { j in
                !foldedSet.contains(j) && ["SLICE", "CONCATENATION"].contains(layers[j]?.type ?? "")
            }
            layers[i]?.params["next_to_slice_or_concat"] = .word(touches ? "true" : "false")
        }
        // A reshape feeding only a constant-weight MatMul/Gemm: TensorRT turns the product into a convolution and
        // absorbs the reshape (jetson_dla_tutorial's log shows the flatten before Gemm inside the DLA loadable).
        for i in inference.order where layers[i]?.type == "SHUFFLE" && !foldedSet.contains(i) {
            guard let out = graphNodes[i].outputs.first, let users = consumers[out], users.count == 1,
                let j = users.first, layers[j]?.type == "MATRIX_MULTIPLY",
                layers[j]?.params["second_input_constant"] == .word("true")
            else { continue }
            let why =
                "it feeds only \(graphNodes[j].name), which TensorRT turns into a convolution, usually absorbing the reshape"
            layers[i]?.params["output_rank"] = .unknown(why)
            layers[i]?.params["rank"] = .unknown(why)
        }
        var verdicts: [NodeVerdict?] = Array(repeating: nil, count: graphNodes.count)
        for i in inference.order {
            let node = graphNodes[i]
            let ins = node.inputs.map { $0.isEmpty ? nil : inference.facts[$0] }
            let outs = node.outputs.map { $0.isEmpty ? nil : inference.facts[$0] }
            verdicts[i] = evaluator.verdict(
                index: i, node: node, layer: layers[i] ?? MappedLayer(type: "UNKNOWN"), inputs: ins, outputs: outs,
                folded: foldedSet.contains(i))
        }
        let graphInputs = Set(realInputs.map(\.name))
        let graphOutputs = Set(model.graph.outputs.map(\.name))
        Self.fuseShuffles(
            &verdicts, layers: layers, nodes: graphNodes, order: inference.order, folded: foldedSet,
            consumers: consumers, graphOutputs: graphOutputs)
        func split(unknownOnDLA: Bool) -> Partition {
            Partition(
                nodes: graphNodes, order: inference.order,
                onDLA: { i in
                    let p = verdicts[i]?.placement
                    return p == .dla || (unknownOnDLA && p == .unknown)
                },
                folded: { foldedSet.contains($0) }, facts: inference.facts, graphInputs: graphInputs,
                graphOutputs: graphOutputs)
        }
        var parts = split(unknownOnDLA: false)
        // Past the per-core limit TensorRT moves the remaining subgraphs' layers to the GPU.
        if parts.loadables.count > table.loadableLimit {
            for loadable in parts.loadables.dropFirst(table.loadableLimit) {
                for n in loadable.nodes {
                    guard var v = verdicts[n] else { continue }
                    v.placement = .gpu
                    v.reason =
                        "DLA supports only \(table.loadableLimit) subgraphs per DLA core. Switching to GPU for layer \(v.name)"
                    v.rule = "loadable-limit"
                    v.source = table.citation(table.loadableSource)
                    v.fix =
                        "Make the unsupported layers between DLA regions DLA-capable so fewer, larger loadables remain"
                    verdicts[n] = v
                }
            }
            notes.append(
                "the network splits into \(parts.loadables.count) DLA loadables, more than the \(table.loadableLimit) "
                    + "a core can hold: the layers of loadables past the limit fall back to the GPU")
            parts.loadables = Array(parts.loadables.prefix(table.loadableLimit))
        }
        nodes = verdicts.compactMap { $0 }.sorted { $0.index < $1.index }
        let optimistic = split(unknownOnDLA: true)
        partition = parts
        summary.loadables = parts.loadables.count
        summary.loadablesIfUnknownOnDLA = optimistic.loadables.count
        summary.boundaries = parts.boundaries.count
        for v in nodes {
            switch v.placement {
            case .dla: summary.dla += 1
            case .gpu: summary.gpu += 1
            case .unknown: summary.unknown += 1
            case .folded: summary.folded += 1
            }
        }
        if summary.layers == 0 {
            status = .unknown
            line = "the graph has no layers to place"
        } else if summary.dla == 0 && summary.unknown == 0 {
            status = .error
        } else if summary.gpu > 0 || summary.unknown > 0 || optimistic.loadables.count > table.loadableLimit {
            status = .warning
        } else {
            status = .ok
        }
        if summary.layers > 0 { line = summaryLine() }
    }

    /// Back-to-back Shuffle layers (Reshape then Transpose, …) where the first feeds only the second: TensorRT fuses
    /// them into one Shuffle (`SHUFFLE: /model.23/dfl/Reshape + /model.23/dfl/Transpose` in real logs), which runs
    /// where the less capable of the two would, so both get the worse verdict.
    static func fuseShuffles(
        _ verdicts: inout [NodeVerdict?], layers: [Int: MappedLayer], nodes: [OnnxNode], order: [Int],
        folded: Set<Int>, consumers: [String: [Int]], graphOutputs: Set<String>
    ) {
        for i in order where layers[i]?.type == "SHUFFLE" && !folded.contains(i) {
            guard nodes[i].outputs.count == 1, let out = nodes[i].outputs.first, !graphOutputs.contains(out),
                let users = consumers[out], users.count == 1, let j = users.first, layers[j]?.type == "SHUFFLE",
                !folded.contains(j), let a = verdicts[i], let b = verdicts[j], a.placement != b.placement
            else { continue }
            let (worse, better) = a.placement > b.placement ? (a, b) : (b, a)
            var moved = verdicts[better.index] ?? better
            moved.placement = worse.placement
            moved.reason =
                "fused with \(worse.name) into one Shuffle layer ('\(a.name) + \(b.name)'): \(worse.reason ?? "")"
            moved.rule = worse.rule
            moved.source = worse.source
            moved.fix = worse.fix
            verdicts[better.index] = moved
        }
    }

    /// `212 of 233 layers on the DLA in 3 loadables (limit 16 per core); /model.22 falls back to the GPU: …`.
    func summaryLine() -> String {
        let s = summary
        var text = "\(s.dla) of \(s.layers) layers on the DLA in \(s.loadables) loadable\(s.loadables == 1 ? "" : "s")"
        text += " (limit \(s.limit) per core)"
        if s.unknown > 0 {
            text += ", \(s.unknown) undecided"
            if s.loadablesIfUnknownOnDLA != s.loadables {
                text += " (\(s.loadablesIfUnknownOnDLA) loadables if they run on the DLA)"
            }
        }
        let gpu = nodes.filter { $0.placement == .gpu }
        guard !gpu.isEmpty else {
            return s.dla == s.layers ? text + "; every layer runs on the DLA" : text
        }
        var byRegion: [String: [NodeVerdict]] = [:]
        for v in gpu { byRegion[LayerNames.region(of: v.name[...]) ?? "", default: []].append(v) }
        let (region, members) =
            byRegion.max { a, b in a.value.count < b.value.count || a.value.count == b.value.count && a.key > b.key }
            ?? ("", gpu)
        var reasons: [String: Int] = [:]
        for v in members { reasons[v.rule ?? "", default: 0] += 1 }
        let topRule = reasons.max { a, b in a.value < b.value || a.value == b.value && a.key > b.key }?.key
        let example = members.first { $0.rule == topRule } ?? members[0]
        var reason = example.reason ?? "unsupported"
        if reason.hasPrefix(example.name + ": ") { reason = String(reason.dropFirst(example.name.count + 2)) }
        let place =
            region.isEmpty ? "" : (members.count == gpu.count ? " all in \(region)" : ", \(members.count) in \(region)")
        return text + "; \(gpu.count) on the GPU\(place), mostly because: \(reason) (e.g. \(example.name))"
    }
}
