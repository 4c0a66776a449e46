import Testing

@testable import NvdlaProbe

/// Static shape inference and constant folding on small graphs built here and on the test models.
@Suite("Shape inference")
struct ShapeInferenceTests {
    static func graph(
        _ nodes: [OnnxNode], inputs: [(String, [OnnxDim])], initializers: [OnnxTensor] = [], opset: Int64 = 17
    ) -> OnnxModel {
        var model = OnnxModel()
        model.irVersion = 8
        model.opsets[""] = opset
        model.graph.nodes = nodes
        model.graph.inputs = inputs.map { OnnxValueInfo(name: $0.0, elemType: 1, dims: $0.1) }
        model.graph.initializers = initializers
        return model
    }

    static func node(_ op: String, _ inputs: [String], _ outputs: [String], _ attributes: [String: OnnxAttribute] = [:])
        -> OnnxNode
    {
        OnnxNode(name: op, op: op, domain: "", inputs: inputs, outputs: outputs, attributes: attributes)
    }

    static func ints(_ name: String, _ values: [Int64], dims: [Int64]? = nil) -> OnnxTensor {
        var t = OnnxTensor()
        t.name = name
        t.dataType = 7
        t.dims = dims ?? [Int64(values.count)]
        t.ints = values
        return t
    }

    static func weight(_ name: String, _ dims: [Int64]) -> OnnxTensor {
        var t = OnnxTensor()
        t.name = name
        t.dataType = 1
        t.dims = dims
        return t
    }

    static let image: [(String, [OnnxDim])] = [("x", [.value(1), .value(3), .value(640), .value(640)])]

    @Test("convolution and pooling: explicit pads, SAME_UPPER, dilation, ceil_mode")
    func convPool() {
        let model = Self.graph(
            [
                Self.node("Conv", ["x", "w"], ["a"], ["strides": .ints([2, 2]), "pads": .ints([1, 1, 1, 1])]),
                Self.node("Conv", ["a", "w2"], ["b"], ["auto_pad": .string("SAME_UPPER"), "strides": .ints([2, 2])]),
                Self.node("Conv", ["b", "w3"], ["c"], ["dilations": .ints([2, 2])]),
                Self.node(
                    "MaxPool", ["c", ""], ["d"],
                    ["kernel_shape": .ints([3, 3]), "strides": .ints([2, 2]), "ceil_mode": .int(1)]),
                Self.node("GlobalAveragePool", ["d"], ["e"]),
            ], inputs: Self.image,
            initializers: [
                Self.weight("w", [16, 3, 3, 3]), Self.weight("w2", [32, 16, 3, 3]), Self.weight("w3", [8, 32, 3, 3]),
            ])
        let facts = ShapeInference(model: model).facts
        #expect(facts["a"]?.knownDims == [1, 16, 320, 320])
        #expect(facts["b"]?.knownDims == [1, 32, 160, 160])
        #expect(facts["c"]?.knownDims == [1, 8, 156, 156])
        #expect(facts["d"]?.knownDims == [1, 8, 78, 78])
        #expect(facts["e"]?.knownDims == [1, 8, 1, 1])
    }

    @Test("Shape→Gather→Unsqueeze→Concat→Reshape folds to constants; Reshape with 0 and -1")
    func shapeChain() throws {
        let model = try ModelSupport.model("shape-chain")
        let inference = ShapeInference(model: model)
        #expect(inference.facts["s"]?.ints == [1, 4, 8, 8])
        #expect(inference.facts["n1"]?.ints == [1])
        #expect(inference.facts["target"]?.ints == [1, -1])
        #expect(inference.facts["y"]?.knownDims == [1, 256])
        let folded = Set(inference.folded.map { model.graph.nodes[$0].op })
        #expect(folded == ["Shape", "Gather", "Unsqueeze", "Concat"])
    }

    @Test("Resize by scales and by sizes, Upsample by attribute, Concat on an axis, Split sizes, Slice with negatives")
    func shapes() {
        let model = Self.graph(
            [
                Self.node("Resize", ["x", "", "scales"], ["r"], ["mode": .string("nearest")]),
                Self.node("Resize", ["x", "", "", "sizes"], ["s"]),
                Self.node("Concat", ["x", "x"], ["c"], ["axis": .int(1)]),
                Self.node("Split", ["x", "split"], ["p", "q"], ["axis": .int(1)]),
                Self.node("Slice", ["x", "starts", "ends", "axes"], ["l"]),
                Self.node("Transpose", ["x"], ["t"], ["perm": .ints([0, 2, 3, 1])]),
                Self.node("Flatten", ["x"], ["f"], ["axis": .int(2)]),
            ], inputs: Self.image,
            initializers: [
                {
                    var t = OnnxTensor()
                    t.name = "scales"
                    t.dataType = 1
                    t.dims = [4]
                    t.floats = [1, 1, 2, 2]
                    return t
                }(), Self.ints("sizes", [1, 3, 320, 320]), Self.ints("split", [1, 2]), Self.ints("starts", [-100]),
                Self.ints("ends", [Int64.max]), Self.ints("axes", [-1]),
            ])
        let facts = ShapeInference(model: model).facts
        #expect(facts["r"]?.knownDims == [1, 3, 1280, 1280])
        #expect(facts["s"]?.knownDims == [1, 3, 320, 320])
        #expect(facts["c"]?.knownDims == [1, 6, 640, 640])
        #expect(facts["p"]?.knownDims == [1, 1, 640, 640])
        #expect(facts["q"]?.knownDims == [1, 2, 640, 640])
        #expect(facts["l"]?.knownDims == [1, 3, 640, 100])
        #expect(facts["t"]?.knownDims == [1, 640, 640, 3])
        #expect(facts["f"]?.knownDims == [3, 409_600])
    }

    @Test("dynamic dims stay symbolic until --shapes fixes them; unknown stays unknown, never guessed")
    func dynamic() {
        let model = Self.graph(
            [Self.node("Relu", ["x"], ["a"]), Self.node("Reshape", ["a", "computed"], ["b"])],
            inputs: [("x", [.symbol("batch"), .value(3), .symbol("h"), .symbol("w")]), ("computed", [.value(2)])])
        let free = ShapeInference(model: model).facts
        #expect(free["a"]?.dims == [.symbol("batch"), .known(3), .symbol("h"), .symbol("w")])
        #expect(free["b"]?.dims == [.unknown, .unknown])
        let fixed = ShapeInference(model: model, shapes: ["x": [2, 3, 64, 64]]).facts
        #expect(fixed["a"]?.knownDims == [2, 3, 64, 64])
    }
}
