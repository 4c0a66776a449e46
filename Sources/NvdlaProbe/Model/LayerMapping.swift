/// A parameter of a TensorRT layer that a DLA rule checks: numbers, a word, or unknown with the reason.
public enum LayerParam: Sendable, Equatable {
    case ints([Int64])
    case word(String)
    case unknown(String)

    var text: String {
        switch self {
        case .ints(let v): return v.count == 1 ? "\(v[0])" : v.map(String.init).joined(separator: "x")
        case .word(let w): return w
        case .unknown(let why): return "unknown (\(why))"
        }
    }
}

/// The TensorRT layer an ONNX node becomes, with the parameters the DLA rules look at.
public struct MappedLayer: Sendable {
    /// TensorRT's layer type as its logs print it (`CONVOLUTION`, `SHUFFLE`, `REDUCE`…), or `NONE` when the node
    /// produces no layer.
    public var type: String
    public var params: [String: LayerParam] = [:]
    /// How the parser maps it, when that is not one-to-one (`GlobalAveragePool becomes a Reduce (AVG) layer`).
    public var note: String?
}

/// Maps ONNX nodes to TensorRT layers the way TensorRT's ONNX parser does.
///
/// Source: onnx/onnx-tensorrt `builtin_op_importers.cpp` on branches 8.5-GA and 8.6-GA, `onnxOpImporters.cpp` on
/// main (TensorRT 10): GlobalAveragePool/GlobalMaxPool → `addReduce` (kAVG/kMAX), BatchNormalization → `scaleHelper`
/// (a Scale layer), Split → Slice layers, Clip with constant bounds → Activation kCLIP, HardSwish → Activation
/// kHARD_SIGMOID and ElementWise kPROD, Gemm/MatMul → MatrixMultiply, Reshape/Flatten/Transpose/Squeeze/Unsqueeze →
/// Shuffle, Expand and Tile → Slice (out-of-bounds modes), GatherElements/GatherND → Gather, Resize/Upsample →
/// Resize, element-wise ops → ElementWise (TensorRT may later fuse a constant operand into a Scale layer).
public enum LayerMapping {
    /// ONNX element-wise operators and TensorRT's `ElementWiseOperation` names.
    static let elementWise: [String: String] = [
        "Add": "SUM", "Sum": "SUM", "Sub": "SUB", "Mul": "PROD", "Div": "DIV", "Pow": "POW", "Max": "MAX",
        "Min": "MIN", "Equal": "EQUAL", "Greater": "GREATER", "Less": "LESS", "And": "AND", "Or": "OR",
        "Xor": "XOR", "Mod": "FLOOR_DIV", "GreaterOrEqual": "GREATER_OR_EQUAL", "LessOrEqual": "LESS_OR_EQUAL",
        "Mean": "SUM",
    ]
    /// ONNX activations and TensorRT's `ActivationType` names.
    static let activation: [String: String] = [
        "Relu": "RELU", "Sigmoid": "SIGMOID", "Tanh": "TANH", "LeakyRelu": "LEAKY_RELU", "Elu": "ELU", "Selu": "SELU",
        "Softplus": "SOFTPLUS", "Softsign": "SOFTSIGN", "HardSigmoid": "HARD_SIGMOID",
        "ThresholdedRelu":
            "THRESHOLDED_RELU", "Celu": "CELU", "Mish": "MISH", "Gelu": "GELU_ERF",
    ]
    /// ONNX unary operators and TensorRT's `UnaryOperation` names.
    static let unary: [String: String] = [
        "Abs": "ABS", "Neg": "NEG", "Exp": "EXP", "Log": "LOG", "Sqrt": "SQRT", "Reciprocal": "RECIP",
        "Floor": "FLOOR", "Ceil": "CEIL", "Round": "ROUND", "Sign": "SIGN", "Sin": "SIN", "Cos": "COS", "Tan": "TAN",
        "Asin": "ASIN", "Acos": "ACOS", "Atan": "ATAN", "Sinh": "SINH", "Cosh": "COSH", "Asinh": "ASINH",
        "Acosh": "ACOSH", "Atanh": "ATANH", "Erf": "ERF", "Not": "NOT", "IsNaN": "ISNAN", "IsInf": "ISINF",
    ]
    /// Operators that become a layer type no DLA supports, by type.
    static let otherTypes: [String: String] = [
        "Gather": "GATHER", "GatherElements": "GATHER", "GatherND": "GATHER", "Shape": "SHAPE", "Size": "SHAPE",
        "Cast": "CAST", "ConstantOfShape": "FILL", "Range": "FILL", "Where": "SELECT", "TopK": "TOPK",
        "ArgMax": "TOPK", "ArgMin": "TOPK", "NonZero": "NON_ZERO", "NonMaxSuppression": "NMS",
        "ScatterND": "SCATTER", "ScatterElements": "SCATTER", "Scatter": "SCATTER", "GridSample": "GRID_SAMPLE",
        "Loop": "LOOP", "If": "CONDITION", "Scan": "LOOP", "Einsum": "EINSUM", "InstanceNormalization": "NORMALIZATION",
        "LayerNormalization": "NORMALIZATION", "GroupNormalization": "NORMALIZATION", "Pad": "PADDING",
        "OneHot": "ONE_HOT", "ReverseSequence": "REVERSE_SEQUENCE", "CumSum": "CUMULATIVE", "Trilu": "SELECT",
        "QuantizeLinear": "QUANTIZE", "DequantizeLinear": "DEQUANTIZE", "LSTM": "RNN", "GRU": "RNN", "RNN": "RNN",
        "RoiAlign": "PLUGIN", "LogSoftmax": "SOFTMAX", "Hardmax": "TOPK", "Compress": "GATHER", "Unique": "PLUGIN",
        "LpNormalization": "NORMALIZATION", "MeanVarianceNormalization": "NORMALIZATION", "EyeLike": "CONSTANT",
        "RandomNormal": "FILL", "RandomUniform": "FILL", "RandomNormalLike": "FILL", "RandomUniformLike": "FILL",
        "Bernoulli": "FILL", "Multinomial": "FILL", "Det": "PLUGIN", "Col2Im": "PLUGIN", "DFT": "PLUGIN",
        "STFT": "PLUGIN", "SequenceAt": "PLUGIN", "SplitToSequence": "PLUGIN", "ConcatFromSequence": "PLUGIN",
    ]

    /// The layer for node `node` given what inference knows of its inputs and outputs.
    public static func map(
        _ node: OnnxNode, inputs: [TensorFacts?], outputs: [TensorFacts?], opset: Int64
    ) -> MappedLayer {
        let a = node.attributes
        let x = inputs.first ?? nil
        let rank = x?.rank
        if !node.domain.isEmpty && node.domain != "ai.onnx" {
            return MappedLayer(
                type: "PLUGIN", note: "operator of domain \(node.domain): a plugin layer if one is registered")
        }
        if let op = elementWise[node.op] {
            var layer = MappedLayer(type: "ELEMENTWISE", params: ["operation": .word(op)])
            let constants = inputs.filter { $0?.constant == true }.count
            layer.params["constant_inputs"] = .ints([Int64(constants)])
            if node.op == "Mean" { layer.note = "Mean becomes a Sum followed by a scale" }
            return layer
        }
        if let act = activation[node.op] {
            return MappedLayer(type: "ACTIVATION", params: ["activation": .word(act)])
        }
        if let op = unary[node.op] {
            return MappedLayer(type: "UNARY", params: ["operation": .word(op)])
        }
        switch node.op {
        case "Conv", "ConvTranspose":
            return convolution(node, x: x, weight: inputs.count > 1 ? inputs[1] : nil)
        case "MaxPool", "AveragePool":
            var layer = MappedLayer(type: "POOLING")
            layer.params["pooling"] = .word(node.op == "MaxPool" ? "MAX" : "AVERAGE")
            let spatial = rank.map { Int64(max(0, $0 - 2)) }
            layer.params["spatial_dims"] = spatial.map { .ints([$0]) } ?? .unknown("input rank unknown")
            if let window = a["kernel_shape"]?.ints { layer.params["window"] = .ints(window) }
            layer.params["stride"] = .ints(a["strides"]?.ints ?? Array(repeating: 1, count: Int(spatial ?? 2)))
            layer.params["padding"] = padding(node, x: x, kernel: a["kernel_shape"]?.ints)
            layer.params["dilation"] = .ints(a["dilations"]?.ints ?? [1])
            if node.op == "AveragePool" {
                layer.params["exclusive_padding"] = .word((a["count_include_pad"]?.int ?? 0) == 0 ? "true" : "false")
                if case .ints(let p)? = layer.params["padding"], p.allSatisfy({ $0 == 0 }) {
                    layer.params["exclusive_padding"] = .word("false")
                }
            }
            return layer
        case "LpPool":
            return MappedLayer(type: "POOLING", params: ["pooling": .word("LP")])
        case "GlobalAveragePool", "GlobalMaxPool":
            let op = node.op == "GlobalMaxPool" ? "MAX" : "AVG"
            var layer = MappedLayer(type: "REDUCE", params: ["reduce": .word(op), "reduces_batch": .word("false")])
            layer.note = "\(node.op) becomes a Reduce (\(op)) layer"
            return layer
        case "GlobalLpPool":
            return MappedLayer(
                type: "REDUCE", params: ["reduce": .word("SUM")], note: "GlobalLpPool becomes Pow, Reduce (SUM), Pow")
        case "ReduceMax", "ReduceMin", "ReduceSum", "ReduceProd", "ReduceMean", "ReduceL1", "ReduceL2", "ReduceLogSum",
            "ReduceLogSumExp", "ReduceSumSquare":
            let names = [
                "ReduceMax": "MAX", "ReduceMin": "MIN", "ReduceSum": "SUM", "ReduceProd": "PROD", "ReduceMean": "AVG",
            ]
            var layer = MappedLayer(type: "REDUCE", params: ["reduce": .word(names[node.op] ?? "SUM")])
            if let dims = x?.dims, let out = outputs.first??.dims {
                let reducesBatch =
                    dims.count > 3 && out.count == dims.count && dims[0] != out[0] || out.count < dims.count
                layer.params["reduces_batch"] = .word(reducesBatch ? "true" : "false")
            }
            if names[node.op] == nil { layer.note = "\(node.op) becomes several layers around a Reduce (SUM)" }
            return layer
        case "BatchNormalization":
            return MappedLayer(
                type: "SCALE", params: ["scale_mode": .word("CHANNEL")],
                note: "BatchNormalization becomes a Scale layer")
        case "Clip":
            let low = inputs.count > 1 ? inputs[1] : nil
            let high = inputs.count > 2 ? inputs[2] : nil
            let lowValue = opset < 11 ? a["min"]?.float : low?.numbers?.first
            let highValue = opset < 11 ? a["max"]?.float : high?.numbers?.first
            let constantBounds =
                opset < 11 || ((low == nil || low?.constant == true) && (high == nil || high?.constant == true))
            guard constantBounds else {
                return MappedLayer(
                    type: "ELEMENTWISE", params: ["operation": .word("MAX")],
                    note: "Clip with computed bounds becomes ElementWise MAX and MIN")
            }
            var layer = MappedLayer(type: "ACTIVATION", params: ["activation": .word("CLIP")])
            let lowest = ShapeMath.int((lowValue ?? -Double(Float.greatestFiniteMagnitude)).rounded(.down).clamped)
            let highest = ShapeMath.int((highValue ?? Double(Float.greatestFiniteMagnitude)).rounded(.up).clamped)
            layer.params["clip_min"] = lowest.map { .ints([$0]) } ?? .word("not a number")
            layer.params["clip_max"] = highest.map { .ints([$0]) } ?? .word("not a number")
            let whole =
                (lowValue.map { $0 == $0.rounded() } ?? false) && (highValue.map { $0 == $0.rounded() } ?? false)
            layer.params["clip_integer"] = .word(whole ? "true" : "false")
            return layer
        case "HardSwish":
            return MappedLayer(
                type: "ACTIVATION", params: ["activation": .word("HARD_SIGMOID")],
                note: "HardSwish becomes Activation (HARD_SIGMOID) and ElementWise (PROD)")
        case "PRelu":
            let slope = inputs.count > 1 ? inputs[1] : nil
            return MappedLayer(
                type: "PARAMETRIC_RELU", params: ["slope_constant": .word(slope?.constant == true ? "true" : "false")])
        case "LRN":
            return MappedLayer(type: "LRN", params: ["window": .ints([a["size"]?.int ?? 0])])
        case "Concat":
            var layer = MappedLayer(type: "CONCATENATION")
            if let rank {
                var axis = a["axis"]?.int ?? 0
                if axis < 0 { axis += Int64(rank) }
                // DLA concatenates on the third axis from the end (C of NCHW).
                layer.params["axis_from_end"] = .ints([Int64(rank) - axis])
            } else {
                layer.params["axis_from_end"] = .unknown("input rank unknown")
            }
            layer.params["inputs"] = .ints([Int64(node.inputs.filter { !$0.isEmpty }.count)])
            return layer
        case "Softmax", "LogSoftmax":
            var layer = MappedLayer(type: "SOFTMAX")
            if node.op == "LogSoftmax" { layer.note = "LogSoftmax becomes Softmax and Unary (LOG)" }
            guard let dims = x?.dims else {
                layer.params["axis_size"] = .unknown("input shape unknown")
                return layer
            }
            var axis = a["axis"]?.int ?? (opset >= 13 ? -1 : 1)
            if axis < 0 { axis += Int64(dims.count) }
            let batchDims = max(0, dims.count - 3)
            layer.params["axis_is_batch"] = .word(axis < Int64(batchDims) ? "true" : "false")
            if opset < 13, axis != Int64(dims.count - 1) {
                // Before opset 13 Softmax flattens from `axis` on; TensorRT adds reshapes around it.
                layer.note = "Softmax (opset \(opset)) coerces its input to 2-D from axis \(axis)"
            }
            if axis >= 0, Int(axis) < dims.count, let size = dims[Int(axis)].value {
                let others = dims.enumerated().filter { $0.offset >= batchDims && $0.offset != Int(axis) }.map(
                    \.element)
                let allOne = others.allSatisfy { $0 == .known(1) }
                layer.params["axis_size"] = .ints([size])
                if !allOne { layer.params["axis_size_spread"] = .ints([size]) }
            } else {
                layer.params["axis_size"] = .unknown("axis dimension unknown")
            }
            return layer
        case "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose", "DepthToSpace", "SpaceToDepth":
            var layer = MappedLayer(type: "SHUFFLE")
            let out = outputs.first ?? nil
            layer.params["output_rank"] = out?.rank.map { .ints([Int64($0)]) } ?? .unknown("output rank unknown")
            if let dims = x?.dims, let outDims = out?.dims {
                var batch = false
                if node.op == "Transpose", let perm = a["perm"]?.ints, perm.first != 0 { batch = true }
                if node.op != "Transpose", !dims.isEmpty, !outDims.isEmpty, dims.count >= 4 || outDims.count >= 4,
                    dims[0] != outDims[0] || dims[0] == .unknown
                {
                    batch = true
                }
                layer.params["moves_batch"] = .word(batch ? "true" : "false")
            } else {
                layer.params["moves_batch"] = .unknown("shapes unknown")
            }
            if node.op == "DepthToSpace" || node.op == "SpaceToDepth" {
                layer.note = "\(node.op) becomes reshapes through a 6-D tensor and a transpose"
                layer.params["output_rank"] = .ints([6])
            }
            return layer
        case "Slice", "Split":
            var layer = MappedLayer(type: "SLICE")
            if node.op == "Split" { layer.note = "Split becomes one Slice layer per output" }
            layer.params["slice_mode"] = .word("DEFAULT")
            if node.op == "Slice" {
                let axesInput = inputs.count > 3 ? inputs[3] : nil
                let stepsInput = inputs.count > 4 ? inputs[4] : nil
                let constant = opset < 10 || inputs.dropFirst().allSatisfy { $0 == nil || $0?.constant == true }
                layer.params["static_params"] = .word(constant ? "true" : "false")
                let steps = stepsInput?.integers ?? (stepsInput == nil ? [1] : nil)
                layer.params["steps"] = steps.map { .ints($0) } ?? .unknown("steps not constant")
                var axes = (opset < 10 ? a["axes"]?.ints : axesInput?.integers)
                if axes == nil,
                    let starts = (opset < 10 ? a["starts"]?.ints : (inputs.count > 1 ? inputs[1]?.integers : nil))
                {
                    axes = Array(0..<Int64(starts.count))
                }
                if let axes, let rank, let dims = x?.dims, let outDims = outputs.first??.dims {
                    let normal = axes.map { $0 < 0 ? $0 + Int64(rank) : $0 }
                    let touchesFirst = normal.contains(0) && outDims.first != dims.first
                    layer.params["slices_batch"] = .word(touchesFirst ? "true" : "false")
                } else {
                    layer.params["slices_batch"] = .unknown("axes or shapes unknown")
                }
            } else {
                layer.params["static_params"] = .word(
                    inputs.count < 2 || inputs[1] == nil || inputs[1]?.constant == true ? "true" : "false")
                layer.params["steps"] = .ints([1])
                if let rank {
                    var axis = a["axis"]?.int ?? 0
                    if axis < 0 { axis += Int64(rank) }
                    layer.params["slices_batch"] = .word(axis == 0 ? "true" : "false")
                }
            }
            return layer
        case "Expand":
            return MappedLayer(
                type: "SLICE", params: ["slice_mode": .word("CLAMP")],
                note: "Expand becomes a Slice layer with stride 0 (out-of-bounds read)")
        case "Tile":
            return MappedLayer(
                type: "SLICE", params: ["slice_mode": .word("WRAP")], note: "Tile becomes a Slice layer in wrap mode")
        case "Resize", "Upsample":
            return resize(node, inputs: inputs, opset: opset)
        case "Gemm", "MatMul":
            let b = inputs.count > 1 ? inputs[1] : nil
            var layer = MappedLayer(
                type: "MATRIX_MULTIPLY",
                params: ["second_input_constant": .word(b?.constant == true ? "true" : "false")])
            if node.op == "Gemm", node.inputs.count > 2 {
                layer.note = "Gemm becomes MatrixMultiply and ElementWise (SUM) for the bias"
            }
            return layer
        case "Identity", "Dropout":
            return MappedLayer(type: "IDENTITY")
        case "Constant":
            return MappedLayer(type: "CONSTANT")
        default:
            if let type = otherTypes[node.op] { return MappedLayer(type: type) }
            return MappedLayer(
                type: "UNKNOWN",
                note: "TensorRT's ONNX parser has no importer for \(node.op) of opset \(opset) that this tool knows")
        }
    }

    static func convolution(_ node: OnnxNode, x: TensorFacts?, weight: TensorFacts??) -> MappedLayer {
        let a = node.attributes
        var layer = MappedLayer(type: node.op == "Conv" ? "CONVOLUTION" : "DECONVOLUTION")
        let w = weight ?? nil
        let wdims = w?.knownDims
        var kernel = a["kernel_shape"]?.ints
        if kernel == nil, let wdims, wdims.count > 2 { kernel = Array(wdims.dropFirst(2)) }
        let spatial = kernel.map { Int64($0.count) } ?? x?.rank.map { Int64(max(0, $0 - 2)) }
        layer.params["spatial_dims"] = spatial.map { .ints([$0]) } ?? .unknown("weight and input shapes unknown")
        layer.params["kernel"] = kernel.map { .ints($0) } ?? .unknown("kernel shape unknown")
        let n = Int(max(0, min(spatial ?? 2, 64)))
        layer.params["stride"] = .ints(a["strides"]?.ints ?? Array(repeating: 1, count: n))
        layer.params["dilation"] = .ints(a["dilations"]?.ints ?? Array(repeating: 1, count: n))
        layer.params["padding"] = padding(node, x: x, kernel: kernel)
        if case .ints(let p)? = layer.params["padding"], let kernel, p.count == 2 * kernel.count {
            let below = (0..<p.count).allSatisfy { p[$0] < kernel[$0 % kernel.count] }
            layer.params["padding_below_kernel"] = .word(below ? "true" : "false")
        }
        let group = a["group"]?.int ?? 1
        layer.params["groups"] = .ints([group])
        if let wdims, wdims.count >= 2 {
            layer.params["output_maps"] = .ints([node.op == "Conv" ? wdims[0] : wdims[1] * group])
        } else {
            layer.params["output_maps"] = .unknown("weight shape unknown")
        }
        layer.params["weights_constant"] = .word(w?.constant == true ? "true" : "false")
        if node.op == "ConvTranspose" {
            let outputPadding = a["output_padding"]?.ints ?? [0]
            layer.params["output_padding"] = .ints(outputPadding)
        }
        if spatial == 1 { layer.note = "a 1-D convolution: TensorRT's parser reshapes it to 2-D around the layer" }
        return layer
    }

    /// The largest begin and end padding per spatial axis: explicit `pads`, or those `auto_pad` implies.
    static func padding(_ node: OnnxNode, x: TensorFacts?, kernel: [Int64]?) -> LayerParam {
        let a = node.attributes
        let autoPad = a["auto_pad"]?.string ?? "NOTSET"
        if autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER" {
            guard let kernel, let dims = x?.knownDims, dims.count == kernel.count + 2 else {
                return .unknown("auto_pad \(autoPad) with an unknown input shape")
            }
            let strides = a["strides"]?.ints ?? Array(repeating: 1, count: kernel.count)
            let dilations = a["dilations"]?.ints ?? Array(repeating: 1, count: kernel.count)
            guard strides.count == kernel.count, dilations.count == kernel.count else { return .unknown("bad strides") }
            var begins: [Int64] = []
            var ends: [Int64] = []
            for i in kernel.indices {
                let size = dims[2 + i]
                let out = (size &+ strides[i] &- 1) / max(1, strides[i])
                let total = max(0, (out &- 1) &* strides[i] &+ (kernel[i] &- 1) &* dilations[i] &+ 1 &- size)
                begins.append(autoPad == "SAME_UPPER" ? total / 2 : total - total / 2)
                ends.append(autoPad == "SAME_UPPER" ? total - total / 2 : total / 2)
            }
            return .ints(begins + ends)
        }
        if autoPad == "VALID" { return .ints([0, 0, 0, 0]) }
        return .ints(a["pads"]?.ints ?? Array(repeating: 0, count: 2 * (kernel?.count ?? 2)))
    }

    static func resize(_ node: OnnxNode, inputs: [TensorFacts?], opset: Int64) -> MappedLayer {
        let a = node.attributes
        var layer = MappedLayer(type: "RESIZE")
        let mode = (a["mode"]?.string ?? "nearest").lowercased()
        layer.params["mode"] = .word(
            mode == "nearest" ? "NEAREST" : mode == "linear" || mode == "bilinear" ? "LINEAR" : mode.uppercased())
        let transform: String
        if node.op == "Upsample" || opset < 11 {
            transform = "ASYMMETRIC"
        } else {
            let names = [
                "half_pixel": "HALF_PIXEL", "pytorch_half_pixel": "HALF_PIXEL", "asymmetric": "ASYMMETRIC",
                "align_corners": "ALIGN_CORNERS", "tf_half_pixel_for_nn": "HALF_PIXEL",
                "half_pixel_symmetric": "HALF_PIXEL_SYMMETRIC", "tf_crop_and_resize": "TF_CROP_AND_RESIZE",
            ]
            let given = a["coordinate_transformation_mode"]?.string ?? "half_pixel"
            transform = names[given] ?? given.uppercased()
        }
        let nearest =
            node.op == "Upsample" || opset < 11 ? "floor" : (a["nearest_mode"]?.string ?? "round_prefer_floor")
        let rounds = [
            "floor": "FLOOR", "ceil": "CEIL", "round_prefer_floor": "HALF_DOWN", "round_prefer_ceil": "HALF_UP",
        ]
        let round = rounds[nearest] ?? nearest.uppercased()
        if mode == "nearest" {
            layer.params["transform"] = .word("\(transform)/FORMULA/\(round)")
        } else {
            layer.params["transform"] = .word("\(transform)/FORMULA")
        }
        let x = inputs.first ?? nil
        if let scales = ShapeInference.resizeScales(node, inputs, opset: opset) {
            layer.params["scale_count"] = .ints([Int64(scales.count)])
            if scales.count >= 2 {
                layer.params["batch_channel_scales_one"] = .word(scales[0] == 1 && scales[1] == 1 ? "true" : "false")
            }
            let hw = scales.suffix(2)
            if hw.allSatisfy({ $0 == $0.rounded() && $0 >= 0 && $0 < 1e6 }) {
                layer.params["scale_hw"] = .ints(hw.map { Int64($0) })
            } else {
                layer.params["scale_hw"] = .word("fractional \(hw.map { String($0) }.joined(separator: "x"))")
            }
        } else if let sizes = ShapeInference.resizeSizes(node, inputs, opset: opset) {
            layer.params["scale_count"] = .ints([Int64(sizes.count)])
            if let dims = x?.knownDims, dims.count == sizes.count, dims.allSatisfy({ $0 > 0 }) {
                let ratios = zip(sizes, dims).map { Double($0) / Double($1) }
                layer.params["batch_channel_scales_one"] = .word(
                    ratios.prefix(2).allSatisfy { $0 == 1 } ? "true" : "false")
                let hw = ratios.suffix(2)
                layer.params["scale_hw"] =
                    hw.allSatisfy({ $0 == $0.rounded() }) ? .ints(hw.map { Int64($0) }) : .word("fractional")
                layer.params["sizes_given"] = .word("true")
            } else {
                layer.params["scale_hw"] = .unknown("sizes given but the input shape is unknown")
            }
        } else {
            layer.params["scale_count"] = .unknown("scales are not build-time constants")
            layer.params["scale_hw"] = .unknown("scales are not build-time constants")
        }
        if mode == "linear" || mode == "bilinear" { layer.params["scale_hw_linear"] = layer.params["scale_hw"] }
        return layer
    }
}

extension Double {
    /// The value clamped into Int64's range, for converting bounds.
    var clamped: Double { Swift.max(-9.0e18, Swift.min(9.0e18, self)) }
}
