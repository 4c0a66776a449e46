/// Static shape inference and constant folding over an ONNX graph, for the operators CNN exports use.
///
/// Follows the operator definitions of https://github.com/onnx/onnx/blob/main/docs/Operators.md (opsets 7–21):
/// Conv/ConvTranspose/pools (explicit pads, `auto_pad`, `ceil_mode`), Resize/Upsample, Concat, Reshape, Flatten,
/// Transpose, Squeeze/Unsqueeze (axes as attribute before opset 13, input after), Slice (attributes before opset 10),
/// Split, Gemm/MatMul, reductions, element-wise broadcasting, and the Shape→Gather→Unsqueeze→Concat chains exporters
/// write for `view`/`reshape`. A node whose inputs are all build-time constants is folded (TensorRT's parser does the
/// same); its values are computed when they are small. What cannot be inferred stays unknown — never guessed.
public struct ShapeInference {
    public private(set) var facts: [String: TensorFacts] = [:]
    /// Indices of nodes folded at build time (all inputs constant).
    public private(set) var folded: Set<Int> = []
    /// Node indices in an order where producers come before consumers.
    public private(set) var order: [Int] = []
    let model: OnnxModel
    var opset: Int64 { model.opset }

    /// Runs inference; `shapes` overrides graph-input dims (`--shapes`), as trtexec's `--shapes` does.
    public init(model: OnnxModel, shapes: [String: [Int64]] = [:], modelDirectory: String? = nil) {
        self.model = model
        for var tensor in model.graph.initializers {
            if tensor.external != nil, let directory = modelDirectory {
                _ = OnnxExternalData.load(&tensor, modelDirectory: directory)
            }
            facts[tensor.name] = Self.constant(tensor)
        }
        for input in model.graph.inputs where facts[input.name] == nil {
            var dims = input.dims.map { $0.map(Self.dim) }
            if let given = shapes[input.name] { dims = given.map { .known($0) } }
            facts[input.name] = TensorFacts(dims: dims, elemType: input.elemType)
        }
        // Declared shapes of intermediate values fill what inference cannot compute.
        var declared: [String: TensorFacts] = [:]
        for info in model.graph.valueInfo + model.graph.outputs {
            declared[info.name] = TensorFacts(dims: info.dims.map { $0.map(Self.dim) }, elemType: info.elemType)
        }
        order = Self.topologicalOrder(model.graph.nodes)
        for index in order {
            let node = model.graph.nodes[index]
            let inputs = node.inputs.map { $0.isEmpty ? nil : facts[$0] }
            let hasInputs = node.inputs.contains { !$0.isEmpty }
            let constantInputs = node.inputs.allSatisfy { $0.isEmpty || facts[$0]?.constant == true }
            var outputs = infer(node, inputs)
            // Folded: a Constant, a node of constants only, or one whose every output inference made constant
            // (Shape of a tensor whose dims are all known).
            let isFolded =
                node.op == "Constant" || (hasInputs && constantInputs && !Self.neverFolded.contains(node.op))
                || (!outputs.isEmpty && outputs.allSatisfy(\.constant) && outputs.count >= node.outputs.count)
            if isFolded {
                folded.insert(index)
                for i in outputs.indices { outputs[i].constant = true }
            }
            for (i, name) in node.outputs.enumerated() where !name.isEmpty {
                var out = i < outputs.count ? outputs[i] : TensorFacts(dims: nil, elemType: 0)
                if let d = declared[name] {
                    if out.dims == nil || (out.knownDims == nil && d.knownDims != nil) { out.dims = d.dims }
                    if out.elemType == 0 { out.elemType = d.elemType }
                }
                facts[name] = out
            }
        }
    }

    /// Operators never folded even with constant inputs (their output depends on more than the values).
    static let neverFolded: Set<String> = ["RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike"]

    static func dim(_ d: OnnxDim) -> Dim {
        switch d {
        case .value(let v): return v >= 0 ? .known(v) : .unknown
        case .symbol(let s): return s.isEmpty ? .unknown : .symbol(s)
        case .unknown: return .unknown
        }
    }

    static func constant(_ tensor: OnnxTensor) -> TensorFacts {
        var facts = TensorFacts(dims: tensor.dims.map { .known($0) }, elemType: tensor.dataType, constant: true)
        facts.ints = tensor.ints
        facts.floats = tensor.floats
        return facts
    }

    /// Kahn's order over tensor names; nodes in a cycle or fed by nothing known keep their file order at the end.
    static func topologicalOrder(_ nodes: [OnnxNode]) -> [Int] {
        var producer: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            for output in node.outputs where !output.isEmpty && producer[output] == nil { producer[output] = i }
        }
        var pending = [Int](repeating: 0, count: nodes.count)
        var consumers: [[Int]] = Array(repeating: [], count: nodes.count)
        for (i, node) in nodes.enumerated() {
            for input in Set(node.inputs) where !input.isEmpty {
                if let p = producer[input], p != i {
                    pending[i] += 1
                    consumers[p].append(i)
                }
            }
        }
        var ready = (0..<nodes.count).filter { pending[$0] == 0 }
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        var head = 0
        while head < ready.count {
            let n = ready[head]
            head += 1
            order.append(n)
            for c in consumers[n] {
                pending[c] -= 1
                if pending[c] == 0 { ready.append(c) }
            }
        }
        if order.count < nodes.count {
            let placed = Set(order)
            order += (0..<nodes.count).filter { !placed.contains($0) }
        }
        return order
    }

    // MARK: - Per-operator inference

    func infer(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> [TensorFacts] {
        let x = inputs.first ?? nil
        let type = x?.elemType ?? 0
        let a = node.attributes
        func same() -> [TensorFacts] { [TensorFacts(dims: x?.dims, elemType: type)] }
        switch node.op {
        case "Constant":
            if case .tensor(let t)? = a["value"] { return [Self.constant(t)] }
            if let v = a["value_int"]?.int { return [.ints([v], dims: [])] }
            if let v = a["value_ints"]?.ints { return [.ints(v)] }
            if let v = a["value_float"]?.float { return [.floats([v], dims: [])] }
            if let v = a["value_floats"]?.floats { return [.floats(v, dims: [Int64(v.count)])] }
            return [TensorFacts(dims: nil, elemType: 0, constant: true)]
        case "Identity", "Dropout":
            var out = x ?? TensorFacts(dims: nil, elemType: 0)
            out.constant = false
            return [out, TensorFacts(dims: x?.dims, elemType: 9)]
        case "Relu", "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Selu", "Softplus", "Softsign", "HardSigmoid", "HardSwish",
            "Mish", "Gelu", "Erf", "Abs", "Neg", "Exp", "Log", "Sqrt", "Reciprocal", "Floor", "Ceil", "Round", "Sign",
            "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh", "Not",
            "ThresholdedRelu", "Celu", "Shrink", "BatchNormalization", "InstanceNormalization", "LRN", "Softmax",
            "LogSoftmax", "Hardmax", "LayerNormalization", "GroupNormalization", "LpNormalization",
            "MeanVarianceNormalization", "Clip", "PRelu", "QuantizeLinear", "DequantizeLinear", "CumSum", "IsNaN",
            "IsInf":
            var out = same()[0]
            if node.op == "QuantizeLinear" { out.elemType = 3 }
            if node.op == "DequantizeLinear" { out.elemType = 1 }
            if ["Not", "IsNaN", "IsInf"].contains(node.op) { out.elemType = 9 }
            return [fold(node, inputs, out)]
        case "Cast":
            var out = TensorFacts(dims: x?.dims, elemType: Int32(truncatingIfNeeded: a["to"]?.int ?? 0))
            if let x {
                if OnnxDataType.isInteger(out.elemType) {
                    out.ints =
                        x.integers
                        ?? x.floats.flatMap { f in
                            let whole = f.compactMap { ShapeMath.int($0.rounded(.towardZero)) }
                            return whole.count == f.count ? whole : nil
                        }
                } else {
                    out.floats = x.numbers
                }
            }
            return [out]
        case "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean", "Equal", "Greater", "Less",
            "GreaterOrEqual", "LessOrEqual", "And", "Or", "Xor", "Mod", "BitShift", "Where":
            let dims = Self.broadcast(inputs.map { $0?.dims })
            let comparison = ["Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "And", "Or", "Xor"]
            var outType = type
            if comparison.contains(node.op) { outType = 9 }
            if node.op == "Where" { outType = (inputs.count > 1 ? inputs[1]?.elemType : nil) ?? 0 }
            return [fold(node, inputs, TensorFacts(dims: dims, elemType: outType))]
        case "Conv", "ConvInteger", "QLinearConv":
            return [
                TensorFacts(dims: convDims(node, x?.dims, weight: inputs.count > 1 ? inputs[1] : nil), elemType: type)
            ]
        case "ConvTranspose":
            return [
                TensorFacts(dims: deconvDims(node, x?.dims, weight: inputs.count > 1 ? inputs[1] : nil), elemType: type)
            ]
        case "MaxPool", "AveragePool", "LpPool":
            return [TensorFacts(dims: poolDims(node, x?.dims), elemType: type), TensorFacts(dims: nil, elemType: 7)]
        case "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool":
            guard let dims = x?.dims, dims.count >= 3 else { return same() }
            return [
                TensorFacts(
                    dims: Array(dims.prefix(2)) + Array(repeating: .known(1), count: dims.count - 2), elemType: type)
            ]
        case "Concat":
            return [concat(node, inputs)]
        case "Shape":
            guard let dims = x?.dims else { return [TensorFacts(dims: [.unknown], elemType: 7)] }
            let rank = Int64(dims.count)
            var start = a["start"]?.int ?? 0
            var end = a["end"]?.int ?? rank
            if start < 0 { start += rank }
            if end < 0 { end += rank }
            start = max(0, min(start, rank))
            end = max(start, min(end, rank))
            let slice = Array(dims[Int(start)..<Int(end)])
            var out = TensorFacts(dims: [.known(Int64(slice.count))], elemType: 7)
            if slice.allSatisfy({ $0.value != nil }) {
                out.ints = slice.compactMap(\.value)
                out.constant = true
            }
            return [out]
        case "Size":
            var out = TensorFacts(dims: [], elemType: 7)
            if let known = x?.knownDims, let size = ShapeMath.product(known) {
                out.ints = [size]
                out.constant = true
            }
            return [out]
        case "Gather":
            return [gather(node, inputs)]
        case "GatherElements":
            return [TensorFacts(dims: inputs.count > 1 ? inputs[1]?.dims : nil, elemType: type)]
        case "Unsqueeze":
            return [unsqueeze(node, inputs)]
        case "Squeeze":
            return [squeeze(node, inputs)]
        case "Reshape":
            return [reshape(node, inputs)]
        case "Flatten":
            guard let x, let dims = x.dims else { return same() }
            var axis = a["axis"]?.int ?? 1
            if axis < 0 { axis += Int64(dims.count) }
            guard axis >= 0, axis <= Int64(dims.count) else { return same() }
            let outer = Self.product(Array(dims[..<Int(axis)]))
            let inner = Self.product(Array(dims[Int(axis)...]))
            var out = TensorFacts(dims: [outer, inner], elemType: type)
            out.ints = x.ints
            out.floats = x.floats
            return [out]
        case "Transpose":
            guard let x, let dims = x.dims else { return same() }
            let perm = a["perm"]?.ints ?? Array((0..<Int64(dims.count)).reversed())
            guard perm.count == dims.count, Set(perm) == Set(0..<Int64(dims.count)) else { return same() }
            var out = TensorFacts(dims: perm.map { dims[Int($0)] }, elemType: type)
            if dims.count <= 1 {
                out.ints = x.ints
                out.floats = x.floats
            }
            return [out]
        case "Slice":
            return [slice(node, inputs)]
        case "Split":
            return split(node, inputs)
        case "Resize", "Upsample":
            return [resize(node, inputs)]
        case "Gemm":
            guard inputs.count >= 2, let ad = x?.dims, let bd = inputs[1]?.dims, ad.count == 2, bd.count == 2 else {
                return [TensorFacts(dims: nil, elemType: type)]
            }
            let m = (a["transA"]?.int ?? 0) != 0 ? ad[1] : ad[0]
            let n = (a["transB"]?.int ?? 0) != 0 ? bd[0] : bd[1]
            return [TensorFacts(dims: [m, n], elemType: type)]
        case "MatMul", "MatMulInteger":
            return [TensorFacts(dims: matmul(x?.dims, inputs.count > 1 ? inputs[1]?.dims : nil), elemType: type)]
        case "ReduceMean", "ReduceMax", "ReduceMin", "ReduceSum", "ReduceProd", "ReduceL1", "ReduceL2",
            "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare", "ArgMax", "ArgMin":
            return [reduce(node, inputs)]
        case "ConstantOfShape":
            guard let shape = x?.integers else {
                return [
                    TensorFacts(
                        dims: x?.knownDims.map { [$0.first.map { _ in Dim.unknown } ?? .unknown] } ?? nil, elemType: 1)
                ]
            }
            var valueType: Int32 = 1
            var fill: TensorFacts?
            if case .tensor(let t)? = a["value"] {
                valueType = t.dataType
                fill = Self.constant(t)
            }
            var out = TensorFacts(dims: shape.map(ShapeMath.dim), elemType: valueType)
            let count = shape.allSatisfy { $0 >= 0 } ? ShapeMath.product(shape) ?? -1 : -1
            if count >= 0, count <= Int64(OnnxModel.valueCap) {
                if OnnxDataType.isInteger(valueType) {
                    out.ints = Array(repeating: fill?.integers?.first ?? 0, count: Int(count))
                } else {
                    out.floats = Array(repeating: fill?.numbers?.first ?? 0, count: Int(count))
                }
            }
            return [out]
        case "Range":
            guard inputs.count == 3, let s = inputs[0]?.numbers?.first, let l = inputs[1]?.numbers?.first,
                let d = inputs[2]?.numbers?.first, d != 0
            else { return [TensorFacts(dims: [.unknown], elemType: type)] }
            guard let steps = ShapeMath.int(((l - s) / d).rounded(.up)) else {
                return [TensorFacts(dims: [.unknown], elemType: type)]
            }
            let n = max(0, steps)
            var out = TensorFacts(dims: [ShapeMath.dim(n)], elemType: type)
            if n <= Int64(OnnxModel.valueCap) {
                let values = (0..<n).map { s + Double($0) * d }
                if OnnxDataType.isInteger(type) {
                    out.ints = values.compactMap(ShapeMath.int)
                } else {
                    out.floats = values
                }
            }
            return [out]
        case "Expand":
            guard inputs.count == 2, let shape = inputs[1]?.integers else {
                return [TensorFacts(dims: nil, elemType: type)]
            }
            return [TensorFacts(dims: Self.broadcast([x?.dims, shape.map(ShapeMath.dim)]), elemType: type)]
        case "Tile":
            guard inputs.count == 2, let dims = x?.dims, let repeats = inputs[1]?.integers, repeats.count == dims.count
            else { return [TensorFacts(dims: x?.dims.map { $0.map { _ in .unknown } }, elemType: type)] }
            return [
                TensorFacts(
                    dims: zip(dims, repeats).map { d, r in
                        d.value.flatMap { v in ShapeMath.product([v, r]).map(ShapeMath.dim) } ?? .unknown
                    }, elemType: type)
            ]
        case "Pad":
            guard let dims = x?.dims else { return same() }
            let pads = inputs.count > 1 ? inputs[1]?.integers : a["pads"]?.ints
            guard let pads, pads.count == 2 * dims.count else {
                return [TensorFacts(dims: dims.map { _ in .unknown }, elemType: type)]
            }
            return [
                TensorFacts(
                    dims: dims.indices.map { i in
                        dims[i].value.map { ShapeMath.dim($0 &+ pads[i] &+ pads[i + dims.count]) } ?? .unknown
                    }, elemType: type)
            ]
        case "DepthToSpace", "SpaceToDepth":
            guard let d = x?.knownDims, d.count == 4, let b = a["blocksize"]?.int, b > 0, b < 65536 else {
                return [TensorFacts(dims: nil, elemType: type)]
            }
            if node.op == "DepthToSpace" {
                return [
                    TensorFacts(dims: [d[0], d[1] / (b * b), d[2] &* b, d[3] &* b].map(ShapeMath.dim), elemType: type)
                ]
            }
            return [TensorFacts(dims: [d[0], d[1] &* b &* b, d[2] / b, d[3] / b].map(ShapeMath.dim), elemType: type)]
        case "TopK":
            guard let dims = x?.dims else {
                return [TensorFacts(dims: nil, elemType: type), TensorFacts(dims: nil, elemType: 7)]
            }
            var axis = a["axis"]?.int ?? -1
            if axis < 0 { axis += Int64(dims.count) }
            var out = dims
            if axis >= 0, Int(axis) < dims.count {
                out[Int(axis)] =
                    (inputs.count > 1 ? inputs[1]?.integers?.first : a["k"]?.int).map { .known($0) } ?? .unknown
            }
            return [TensorFacts(dims: out, elemType: type), TensorFacts(dims: out, elemType: 7)]
        default:
            return node.outputs.map { _ in TensorFacts(dims: nil, elemType: 0) }
        }
    }

    // MARK: - Helpers

    static func product(_ dims: [Dim]) -> Dim {
        var values: [Int64] = []
        for d in dims {
            guard let v = d.value else { return .unknown }
            values.append(v)
        }
        return ShapeMath.product(values).map(ShapeMath.dim) ?? .unknown
    }

    /// Numpy-style multidirectional broadcasting (ONNX Broadcasting.md).
    static func broadcast(_ shapes: [[Dim]?]) -> [Dim]? {
        var result: [Dim] = []
        for shape in shapes {
            guard let shape else { return nil }
            let rank = max(result.count, shape.count)
            let a = Array(repeating: Dim.known(1), count: rank - result.count) + result
            let b = Array(repeating: Dim.known(1), count: rank - shape.count) + shape
            result = zip(a, b).map { x, y in
                if x == .known(1) { return y }
                if y == .known(1) { return x }
                if x == y { return x }
                if case .known = x, case .known = y { return .unknown }
                if case .known = x { return x }
                if case .known = y { return y }
                return .unknown
            }
        }
        return result
    }

    func ints(_ name: String, _ node: OnnxNode) -> [Int64]? { node.attributes[name]?.ints }

    /// Explicit pads (`pads`, begins then ends), or those `auto_pad` implies for `input` dims.
    func pads(_ node: OnnxNode, spatial: Int, input: [Dim], kernel: [Int64], strides: [Int64], dilations: [Int64])
        -> [Int64]?
    {
        let autoPad = node.attributes["auto_pad"]?.string ?? "NOTSET"
        switch autoPad {
        case "SAME_UPPER", "SAME_LOWER":
            var begins: [Int64] = []
            var ends: [Int64] = []
            for i in 0..<spatial {
                guard let size = input[i].value else { return nil }
                let out = (size + strides[i] - 1) / strides[i]
                let total = max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - size)
                let small = total / 2
                let large = total - small
                begins.append(autoPad == "SAME_UPPER" ? small : large)
                ends.append(autoPad == "SAME_UPPER" ? large : small)
            }
            return begins + ends
        case "VALID": return Array(repeating: 0, count: 2 * spatial)
        default:
            let p = ints("pads", node) ?? Array(repeating: 0, count: 2 * spatial)
            return p.count == 2 * spatial ? p : nil
        }
    }

    func convDims(_ node: OnnxNode, _ input: [Dim]?, weight: TensorFacts?) -> [Dim]? {
        guard let input, input.count >= 3 else { return nil }
        let spatial = input.count - 2
        let wdims = weight?.dims
        let kernel =
            ints("kernel_shape", node)
            ?? wdims.flatMap { w in
                w.count == input.count ? w.dropFirst(2).compactMap(\.value) : nil
            }
        let outChannels = wdims?.first ?? .unknown
        guard let kernel, kernel.count == spatial else {
            return [input[0], outChannels] + Array(repeating: .unknown, count: spatial)
        }
        let strides = ints("strides", node) ?? Array(repeating: 1, count: spatial)
        let dilations = ints("dilations", node) ?? Array(repeating: 1, count: spatial)
        guard strides.count == spatial, dilations.count == spatial, strides.allSatisfy({ $0 > 0 }),
            let p = pads(
                node, spatial: spatial, input: Array(input.dropFirst(2)), kernel: kernel, strides: strides,
                dilations: dilations)
        else { return [input[0], outChannels] + Array(repeating: .unknown, count: spatial) }
        var out: [Dim] = [input[0], outChannels]
        for i in 0..<spatial {
            guard let size = input[2 + i].value else {
                out.append(.unknown)
                continue
            }
            let effective = (kernel[i] &- 1) &* dilations[i] &+ 1
            out.append(ShapeMath.dim((size &+ p[i] &+ p[i + spatial] &- effective) / strides[i] &+ 1))
        }
        return out
    }

    func deconvDims(_ node: OnnxNode, _ input: [Dim]?, weight: TensorFacts?) -> [Dim]? {
        guard let input, input.count >= 3 else { return nil }
        let spatial = input.count - 2
        let group = node.attributes["group"]?.int ?? 1
        let outChannels: Dim =
            weight?.dims.flatMap { $0.count > 1 ? $0[1].value.map { ShapeMath.dim($0 &* group) } : nil } ?? .unknown
        if let shape = ints("output_shape", node), shape.count == spatial {
            return [input[0], outChannels] + shape.map(ShapeMath.dim)
        }
        let kernel =
            ints("kernel_shape", node)
            ?? weight?.dims.flatMap { w in w.count == input.count ? w.dropFirst(2).compactMap(\.value) : nil }
        let strides = ints("strides", node) ?? Array(repeating: 1, count: spatial)
        let dilations = ints("dilations", node) ?? Array(repeating: 1, count: spatial)
        let outputPadding = ints("output_padding", node) ?? Array(repeating: 0, count: spatial)
        let p = ints("pads", node) ?? Array(repeating: 0, count: 2 * spatial)
        guard let kernel, kernel.count == spatial, strides.count == spatial, dilations.count == spatial,
            outputPadding.count == spatial, p.count == 2 * spatial
        else { return [input[0], outChannels] + Array(repeating: .unknown, count: spatial) }
        var out: [Dim] = [input[0], outChannels]
        for i in 0..<spatial {
            guard let size = input[2 + i].value else {
                out.append(.unknown)
                continue
            }
            out.append(
                ShapeMath.dim(
                    strides[i] &* (size &- 1) &+ outputPadding[i] &+ (kernel[i] &- 1) &* dilations[i] &+ 1 &- p[i]
                        &- p[i + spatial]))
        }
        return out
    }

    func poolDims(_ node: OnnxNode, _ input: [Dim]?) -> [Dim]? {
        guard let input, input.count >= 3 else { return nil }
        let spatial = input.count - 2
        guard let kernel = ints("kernel_shape", node), kernel.count == spatial else { return nil }
        let strides = ints("strides", node) ?? Array(repeating: 1, count: spatial)
        let dilations = ints("dilations", node) ?? Array(repeating: 1, count: spatial)
        let ceil = (node.attributes["ceil_mode"]?.int ?? 0) != 0
        guard strides.count == spatial, dilations.count == spatial, strides.allSatisfy({ $0 > 0 }),
            let p = pads(
                node, spatial: spatial, input: Array(input.dropFirst(2)), kernel: kernel, strides: strides,
                dilations: dilations)
        else { return Array(input.prefix(2)) + Array(repeating: .unknown, count: spatial) }
        var out = Array(input.prefix(2))
        for i in 0..<spatial {
            guard let size = input[2 + i].value else {
                out.append(.unknown)
                continue
            }
            let span = size &+ p[i] &+ p[i + spatial] &- ((kernel[i] &- 1) &* dilations[i] &+ 1)
            var n = (ceil ? (span &+ strides[i] &- 1) / strides[i] : span / strides[i]) &+ 1
            // With ceil_mode the last window must start inside the input or its begin padding (ONNX reference).
            if ceil, (n &- 1) &* strides[i] >= size &+ p[i] { n &-= 1 }
            out.append(ShapeMath.dim(n))
        }
        return out
    }

    func concat(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> TensorFacts {
        let present = inputs.compactMap { $0 }
        let type = present.first?.elemType ?? 0
        guard present.count == inputs.count, let rank = present.first?.rank, present.allSatisfy({ $0.rank == rank })
        else {
            return TensorFacts(dims: present.first?.rank.map { Array(repeating: .unknown, count: $0) }, elemType: type)
        }
        var axis = node.attributes["axis"]?.int ?? 0
        if axis < 0 { axis += Int64(rank) }
        guard axis >= 0, axis < Int64(rank) else { return TensorFacts(dims: nil, elemType: type) }
        var dims = present[0].dims ?? []
        dims[Int(axis)] = Self.sum(present.map { $0.dims?[Int(axis)] ?? .unknown })
        for i in dims.indices where i != Int(axis) {
            if dims[i].value == nil, let known = present.compactMap({ $0.dims?[i].value }).first {
                dims[i] = .known(known)
            }
        }
        var out = TensorFacts(dims: dims, elemType: type)
        if rank == 1 {
            if present.allSatisfy({ $0.ints != nil }) {
                out.ints = present.flatMap { $0.ints ?? [] }
            } else if present.allSatisfy({ $0.numbers != nil }) {
                out.floats = present.flatMap { $0.numbers ?? [] }
            }
        }
        return out
    }

    static func sum(_ dims: [Dim]) -> Dim {
        var total: Int64 = 0
        for d in dims {
            guard let v = d.value else { return .unknown }
            total &+= v
        }
        return ShapeMath.dim(total)
    }

    func gather(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> TensorFacts {
        guard inputs.count == 2, let data = inputs[0], let indices = inputs[1], let dims = data.dims,
            let idims = indices.dims
        else { return TensorFacts(dims: nil, elemType: inputs.first??.elemType ?? 0) }
        var axis = node.attributes["axis"]?.int ?? 0
        if axis < 0 { axis += Int64(dims.count) }
        guard axis >= 0, axis < Int64(dims.count) else { return TensorFacts(dims: nil, elemType: data.elemType) }
        var out = TensorFacts(
            dims: Array(dims[..<Int(axis)]) + idims + Array(dims[(Int(axis) + 1)...]), elemType: data.elemType)
        if dims.count == 1, let index = indices.integers, let axisSize = dims[0].value {
            let picked = index.map { $0 < 0 ? $0 &+ axisSize : $0 }
            if picked.allSatisfy({ $0 >= 0 && $0 < axisSize }) {
                if let values = data.ints, values.count == Int(axisSize) {
                    out.ints = picked.map { values[Int($0)] }
                } else if let values = data.floats, values.count == Int(axisSize) {
                    out.floats = picked.map { values[Int($0)] }
                }
            }
        }
        return out
    }

    /// Axes from the attribute (before opset 13) or the second input.
    func axes(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> [Int64]? {
        if let attr = node.attributes["axes"]?.ints { return attr }
        if inputs.count > 1 { return inputs[1]?.integers }
        return nil
    }

    func unsqueeze(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> TensorFacts {
        guard let x = inputs.first ?? nil else { return TensorFacts(dims: nil, elemType: 0) }
        guard let dims = x.dims, let axes = axes(node, inputs) else {
            return TensorFacts(dims: nil, elemType: x.elemType)
        }
        let rank = dims.count + axes.count
        let normal = Set(axes.map { $0 < 0 ? $0 + Int64(rank) : $0 })
        guard normal.count == axes.count, normal.allSatisfy({ $0 >= 0 && $0 < Int64(rank) }) else {
            return TensorFacts(dims: nil, elemType: x.elemType)
        }
        var out: [Dim] = []
        var source = dims.makeIterator()
        for i in 0..<rank { out.append(normal.contains(Int64(i)) ? .known(1) : (source.next() ?? .unknown)) }
        var facts = TensorFacts(dims: out, elemType: x.elemType)
        facts.ints = x.ints
        facts.floats = x.floats
        return facts
    }

    func squeeze(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> TensorFacts {
        guard let x = inputs.first ?? nil, let dims = x.dims else {
            return TensorFacts(dims: nil, elemType: inputs.first??.elemType ?? 0)
        }
        var out: [Dim]
        if let axes = axes(node, inputs) {
            let normal = Set(axes.map { $0 < 0 ? $0 + Int64(dims.count) : $0 })
            out = dims.enumerated().filter { !normal.contains(Int64($0.offset)) }.map(\.element)
        } else {
            guard dims.allSatisfy({ $0.value != nil }) else { return TensorFacts(dims: nil, elemType: x.elemType) }
            out = dims.filter { $0 != .known(1) }
        }
        var facts = TensorFacts(dims: out, elemType: x.elemType)
        facts.ints = x.ints
        facts.floats = x.floats
        return facts
    }

    func reshape(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> TensorFacts {
        let x = inputs.first ?? nil
        let type = x?.elemType ?? 0
        let target = inputs.count > 1 ? inputs[1]?.integers : node.attributes["shape"]?.ints
        guard let target else {
            let rank = (inputs.count > 1 ? inputs[1]?.knownDims?.first : nil).flatMap {
                (0...64).contains($0) ? $0 : nil
            }
            return TensorFacts(dims: rank.map { Array(repeating: .unknown, count: Int($0)) }, elemType: type)
        }
        let allowZero = (node.attributes["allowzero"]?.int ?? 0) != 0
        var out: [Dim] = []
        var inferred: Int?
        for (i, v) in target.enumerated() {
            if v == 0, !allowZero {
                out.append(x?.dims.flatMap { i < $0.count ? $0[i] : nil } ?? .unknown)
            } else if v == -1 {
                inferred = i
                out.append(.unknown)
            } else {
                out.append(ShapeMath.dim(v))
            }
        }
        if let inferred, let total = x?.knownDims.flatMap({ ShapeMath.product($0) }) {
            let rest = out.enumerated().filter { $0.offset != inferred }.map(\.element)
            let values = rest.compactMap(\.value)
            if values.count == rest.count, let known = ShapeMath.product(values), known > 0 {
                out[inferred] = ShapeMath.dim(total / known)
            }
        }
        var facts = TensorFacts(dims: out, elemType: type)
        facts.ints = x?.ints
        facts.floats = x?.floats
        return facts
    }

    func slice(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> TensorFacts {
        guard let x = inputs.first ?? nil, let dims = x.dims else {
            return TensorFacts(dims: nil, elemType: inputs.first??.elemType ?? 0)
        }
        let starts: [Int64]?
        let ends: [Int64]?
        var axes: [Int64]?
        var steps: [Int64]?
        if opset < 10 {
            starts = node.attributes["starts"]?.ints
            ends = node.attributes["ends"]?.ints
            axes = node.attributes["axes"]?.ints
        } else {
            starts = inputs.count > 1 ? inputs[1]?.integers : nil
            ends = inputs.count > 2 ? inputs[2]?.integers : nil
            axes = inputs.count > 3 ? (inputs[3].flatMap { $0.integers }) : nil
            steps = inputs.count > 4 ? (inputs[4].flatMap { $0.integers }) : nil
            if inputs.count > 3, inputs[3] != nil, axes == nil { return unknownDims(x) }
            if inputs.count > 4, inputs[4] != nil, steps == nil { return unknownDims(x) }
        }
        guard let starts, let ends, starts.count == ends.count else { return unknownDims(x) }
        let axisList = axes ?? Array(0..<Int64(starts.count))
        let stepList = steps ?? Array(repeating: 1, count: starts.count)
        guard axisList.count == starts.count, stepList.count == starts.count else { return unknownDims(x) }
        var out = dims
        var range: (Int64, Int64, Int64)?
        for i in starts.indices {
            var axis = axisList[i]
            if axis < 0 { axis += Int64(dims.count) }
            guard axis >= 0, axis < Int64(dims.count), stepList[i] != 0 else { return unknownDims(x) }
            guard let size = dims[Int(axis)].value else {
                out[Int(axis)] = .unknown
                continue
            }
            let step = stepList[i]
            func clamp(_ v: Int64, _ lo: Int64, _ hi: Int64) -> Int64 { max(lo, min(v, hi)) }
            var s = starts[i] < 0 ? starts[i] &+ size : starts[i]
            var e = ends[i] < 0 ? ends[i] &+ size : ends[i]
            if step > 0 {
                s = clamp(s, 0, size)
                e = clamp(e, 0, size)
                out[Int(axis)] = ShapeMath.dim(max(0, (e &- s &+ step &- 1) / step))
            } else {
                s = clamp(s, 0, size - 1)
                e = clamp(e, -1, size - 1)
                out[Int(axis)] =
                    step == Int64.min ? .unknown : ShapeMath.dim(max(0, (s &- e &+ (-step) &- 1) / (-step)))
            }
            if dims.count == 1 { range = (s, e, step) }
        }
        var facts = TensorFacts(dims: out, elemType: x.elemType)
        if let (s, e, step) = range, step == 1, s <= e {
            if let values = x.ints, Int(e) <= values.count { facts.ints = Array(values[Int(s)..<Int(e)]) }
            if let values = x.floats, Int(e) <= values.count { facts.floats = Array(values[Int(s)..<Int(e)]) }
        }
        return facts
    }

    func unknownDims(_ x: TensorFacts) -> TensorFacts {
        TensorFacts(dims: x.dims.map { $0.map { _ in .unknown } }, elemType: x.elemType)
    }

    func split(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> [TensorFacts] {
        let count = node.outputs.count
        guard let x = inputs.first ?? nil, let dims = x.dims else {
            return Array(repeating: TensorFacts(dims: nil, elemType: inputs.first??.elemType ?? 0), count: count)
        }
        var axis = node.attributes["axis"]?.int ?? 0
        if axis < 0 { axis += Int64(dims.count) }
        guard axis >= 0, axis < Int64(dims.count), count > 0 else {
            return Array(repeating: TensorFacts(dims: nil, elemType: x.elemType), count: count)
        }
        let sizes = node.attributes["split"]?.ints ?? (inputs.count > 1 ? inputs[1]?.integers : nil)
        return (0..<count).map { i in
            var out = dims
            if let sizes, sizes.count == count {
                out[Int(axis)] = .known(sizes[i])
            } else if let total = dims[Int(axis)].value {
                let chunk = (total + Int64(count) - 1) / Int64(count)
                out[Int(axis)] = .known(i == count - 1 ? total - chunk * Int64(count - 1) : chunk)
            } else {
                out[Int(axis)] = .unknown
            }
            return TensorFacts(dims: out, elemType: x.elemType)
        }
    }

    /// Resize (scales or sizes input; opset 10 has only scales) and Upsample (scales attribute before opset 9).
    func resize(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> TensorFacts {
        guard let x = inputs.first ?? nil, let dims = x.dims else {
            return TensorFacts(dims: nil, elemType: inputs.first??.elemType ?? 0)
        }
        if let sizes = Self.resizeSizes(node, inputs, opset: opset), sizes.count == dims.count {
            return TensorFacts(dims: sizes.map(ShapeMath.dim), elemType: x.elemType)
        }
        guard let scales = Self.resizeScales(node, inputs, opset: opset), scales.count == dims.count else {
            return unknownDims(x)
        }
        return TensorFacts(
            dims: zip(dims, scales).map { d, s in
                d.value.flatMap { ShapeMath.int((Double($0) * s).rounded(.down)) }.map(ShapeMath.dim) ?? .unknown
            },
            elemType: x.elemType)
    }

    /// The scales of a Resize or Upsample node, when constant and given.
    static func resizeScales(_ node: OnnxNode, _ inputs: [TensorFacts?], opset: Int64) -> [Double]? {
        if node.op == "Upsample" {
            if let attr = node.attributes["scales"]?.floats { return attr }
            return inputs.count > 1 ? inputs[1]?.numbers : nil
        }
        let index = opset <= 10 ? 1 : 2
        guard inputs.count > index, let scales = inputs[index], let values = scales.numbers, !values.isEmpty else {
            return nil
        }
        return values
    }

    /// The `sizes` input of a Resize node (opset 11+), when constant and given.
    static func resizeSizes(_ node: OnnxNode, _ inputs: [TensorFacts?], opset: Int64) -> [Int64]? {
        guard node.op == "Resize", opset >= 11, inputs.count > 3, let sizes = inputs[3]?.integers, !sizes.isEmpty
        else { return nil }
        return sizes
    }

    func matmul(_ a: [Dim]?, _ b: [Dim]?) -> [Dim]? {
        guard var a, var b, !a.isEmpty, !b.isEmpty else { return nil }
        let aVector = a.count == 1
        let bVector = b.count == 1
        if aVector { a = [.known(1)] + a }
        if bVector { b = b + [.known(1)] }
        guard let batch = Self.broadcast([Array(a.dropLast(2)), Array(b.dropLast(2))]) else { return nil }
        var out = batch + [a[a.count - 2], b[b.count - 1]]
        if aVector { out.remove(at: out.count - 2) }
        if bVector { out.removeLast() }
        return out
    }

    func reduce(_ node: OnnxNode, _ inputs: [TensorFacts?]) -> TensorFacts {
        guard let x = inputs.first ?? nil, let dims = x.dims else {
            return TensorFacts(dims: nil, elemType: inputs.first??.elemType ?? 0)
        }
        let type: Int32 = node.op.hasPrefix("Arg") ? 7 : x.elemType
        let keep = (node.attributes["keepdims"]?.int ?? 1) != 0
        var axesList: [Int64]?
        if node.op.hasPrefix("Arg") {
            axesList = [node.attributes["axis"]?.int ?? 0]
        } else if let attr = node.attributes["axes"]?.ints {
            axesList = attr
        } else if inputs.count > 1, let given = inputs[1] {
            guard let values = given.integers else { return TensorFacts(dims: nil, elemType: type) }
            axesList = values
        }
        let all = Set(0..<Int64(dims.count))
        var axes = Set((axesList ?? []).map { $0 < 0 ? $0 + Int64(dims.count) : $0 })
        if axes.isEmpty && (node.attributes["noop_with_empty_axes"]?.int ?? 0) == 0 { axes = all }
        let out: [Dim] = dims.enumerated().compactMap { i, d in
            axes.contains(Int64(i)) ? (keep ? .known(1) : nil) : d
        }
        return TensorFacts(dims: out, elemType: type)
    }

    /// Values of an element-wise result when all inputs are small constants of the same length or scalars.
    func fold(_ node: OnnxNode, _ inputs: [TensorFacts?], _ out: TensorFacts) -> TensorFacts {
        var result = out
        let present = inputs.compactMap { $0 }
        guard present.count == inputs.count, !present.isEmpty, present.allSatisfy({ $0.numbers != nil }) else {
            return result
        }
        let values = present.compactMap(\.numbers)
        let n = values.map(\.count).max() ?? 0
        guard n <= OnnxModel.valueCap, values.allSatisfy({ $0.count == n || $0.count == 1 }) else { return result }
        func at(_ v: [Double], _ i: Int) -> Double { v.count == 1 ? v[0] : v[i] }
        var computed: [Double] = []
        for i in 0..<n {
            let a = at(values[0], i)
            let b = values.count > 1 ? at(values[1], i) : 0
            let integer = OnnxDataType.isInteger(present[0].elemType)
            switch node.op {
            case "Add", "Sum": computed.append(values.reduce(0) { $0 + at($1, i) })
            case "Sub": computed.append(a - b)
            case "Mul": computed.append(a * b)
            case "Div":
                guard b != 0 else { return result }
                computed.append(integer ? (a / b).rounded(.towardZero) : a / b)
            case "Max": computed.append(values.map { at($0, i) }.max() ?? a)
            case "Min": computed.append(values.map { at($0, i) }.min() ?? a)
            case "Neg": computed.append(-a)
            case "Abs": computed.append(Swift.abs(a))
            case "Floor": computed.append(a.rounded(.down))
            case "Ceil": computed.append(a.rounded(.up))
            case "Sqrt": computed.append(a.squareRoot())
            case "Equal": computed.append(a == b ? 1 : 0)
            case "Greater": computed.append(a > b ? 1 : 0)
            case "Less": computed.append(a < b ? 1 : 0)
            case "Where":
                guard values.count == 3 else { return result }
                computed.append(a != 0 ? at(values[1], i) : at(values[2], i))
            default: return result
            }
        }
        if OnnxDataType.isInteger(result.elemType) {
            result.ints = computed.map { $0.isFinite && Swift.abs($0) < 9.0e18 ? Int64($0) : 0 }
        } else {
            result.floats = computed
        }
        return result
    }
}
