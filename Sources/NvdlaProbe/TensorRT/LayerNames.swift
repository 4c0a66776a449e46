/// Layer names and types as TensorRT logs print them.
public enum LayerNames {
    /// ONNX operator names that exporters put in layer names (`/model.23/Concat_4`, `Resize_42`, `Constant_12_output_0`).
    static let onnxOps: Set<String> = [
        "Add", "ArgMax", "AveragePool", "BatchNormalization", "Cast", "Clip", "Concat", "Constant", "ConstantOfShape",
        "Conv", "ConvTranspose", "Cos", "CumSum", "DepthToSpace", "Div", "Einsum", "Equal", "Erf", "Exp", "Expand",
        "Flatten", "Floor", "Gather", "GatherElements", "GatherND", "Gemm", "GlobalAveragePool", "GlobalMaxPool",
        "Greater", "GridSample", "HardSigmoid", "HardSwish", "Identity", "InstanceNormalization", "LRN", "LSTM",
        "LayerNormalization", "LeakyRelu", "Less", "Log", "MatMul", "Max", "MaxPool", "Min", "Mish", "Mul", "Neg",
        "NonMaxSuppression", "NonZero", "Not", "Pad", "Pow", "PRelu", "Range", "Reciprocal", "ReduceMax", "ReduceMean",
        "ReduceSum", "Relu", "Reshape", "Resize", "ScatterND", "Shape", "Sigmoid", "Sin", "Slice", "Softmax",
        "SpaceToDepth", "Split", "Sqrt", "Squeeze", "Sub", "Tanh", "Tile", "TopK", "Transpose", "Unsqueeze",
        "Upsample", "Where",
    ]

    /// Display names of TensorRT layer types (`LayerType` as the logs print it: `CONCATENATION`, `MATRIX_MULTIPLY`).
    static let typeNames: [String: String] = [
        "CONCATENATION": "Concat", "MATRIX_MULTIPLY": "MatMul", "ELEMENTWISE": "ElementWise", "SOFTMAX": "Softmax",
        "SHUFFLE": "Shuffle", "CONSTANT": "Constant", "CONVOLUTION": "Conv", "DECONVOLUTION": "Deconv",
        "POOLING": "Pooling", "ACTIVATION": "Activation", "RESIZE": "Resize", "SLICE": "Slice", "GATHER": "Gather",
        "REDUCE": "Reduce", "UNARY": "Unary", "SCALE": "Scale", "TOPK": "TopK", "PLUGIN_V2": "Plugin",
        "PLUGIN_V3": "Plugin", "PLUGIN": "Plugin", "IDENTITY": "Identity", "SHAPE": "Shape", "SELECT": "Select",
        "CAST": "Cast", "FILL": "Fill", "NORMALIZATION": "Normalization", "QUANTIZE": "Quantize",
        "DEQUANTIZE": "Dequantize", "PADDING": "Padding", "RNN_V2": "RNN", "LRN": "LRN", "COPY": "Copy",
        "REFORMAT": "Reformat", "EINSUM": "Einsum", "SCATTER": "Scatter", "ASSERTION": "Assertion",
        "FULLY_CONNECTED": "FullyConnected", "PARAMETRIC_RELU": "PReLU", "ITERATOR": "Loop", "LOOP_OUTPUT": "Loop",
        "RECURRENCE": "Loop", "TRIP_LIMIT": "Loop", "CONDITION": "Conditional", "CONDITIONAL_INPUT": "Conditional",
        "CONDITIONAL_OUTPUT": "Conditional", "GRID_SAMPLE": "GridSample", "NMS": "NMS", "NON_ZERO": "NonZero",
        "ONE_HOT": "OneHot", "REVERSE_SEQUENCE": "ReverseSequence",
    ]

    /// TensorRT types that say little on their own: the ONNX operator in the name is more telling (`ELEMENTWISE` for
    /// `/model.22/Div` → `Div`).
    static let genericTypes: Set<String> = ["ELEMENTWISE", "UNARY", "ACTIVATION", "REDUCE", "POINTWISE", "SCALE"]

    /// The operator a layer is: TensorRT's type (`SHUFFLE` → `Shuffle`), refined by the ONNX operator in its name for
    /// generic types; the name's operator when the log gives no type (`Resize_42` → `Resize`); else nil.
    public static func op(name: Substring, type: Substring?) -> String? {
        guard let type, !type.isEmpty else { return onnxOp(in: name) }
        let key = String(type).uppercased()
        if genericTypes.contains(key), let op = onnxOp(in: name) { return op }
        if let known = typeNames[key] { return known }
        return key.split(separator: "_").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined()
    }

    /// `Concat` for `/model.23/Concat_4`, `Constant_12_output_0`, `(Unnamed Layer* 388) [Shuffle]`; nil when the name
    /// names no operator.
    static func onnxOp(in name: Substring) -> String? {
        if name.hasPrefix("(Unnamed Layer"), let open = name.lastIndex(of: "["), name.last == "]" {
            let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
            return inner.isEmpty ? nil : String(inner)
        }
        let last = name.split(separator: "/").last ?? name[...]
        let head = last.prefix { $0.isLetter }
        guard !head.isEmpty, onnxOps.contains(String(head)) else { return nil }
        let tail = last.dropFirst(head.count)
        guard tail.isEmpty || tail.first == "_" || tail.first == "." else { return nil }
        return String(head)
    }

    /// The name cut to at most `limit` characters, keeping its end (`…/m.0/attn/Reshape`), which tells most.
    public static func short(_ name: Substring, limit: Int = 48) -> String {
        guard name.count > limit else { return String(name) }
        return "…" + name.suffix(limit - 1)
    }

    /// The module a layer belongs to: the first two path components of an exporter name (`/model.23/Concat_4` →
    /// `/model.23`); nil for names without a path.
    public static func region(of name: Substring) -> String? {
        guard name.hasPrefix("/") else { return nil }
        let parts = name.split(separator: "/", maxSplits: 2)
        guard parts.count >= 2 else { return nil }
        return "/" + parts[0]
    }
}
