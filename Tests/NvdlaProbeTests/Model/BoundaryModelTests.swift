import Testing

@testable import NvdlaProbe

/// Every rule boundary model of `Tests/OnnxModels/` (one operator, one side of a documented DLA limit) gives the
/// documented verdict for each TensorRT release and platform it is judged on.
@Suite("DLA rule boundaries")
struct BoundaryModelTests {
    struct Case: CustomStringConvertible, Sendable {
        let model: String
        let tensorrt: String
        let platform: String
        let placement: Placement
        let rule: String?
        var precision = "fp16"
        var shapes: [String: [Int64]] = [:]
        var description: String { "\(model) on TensorRT \(tensorrt) \(platform) \(precision)" }
    }

    /// (model, expected placement, rule) for all three releases on Orin.
    static let everywhere: [(String, Placement, String?)] = [
        ("conv-kernel-32", .dla, nil), ("conv-kernel-33", .gpu, "conv-kernel"),
        ("conv-stride-8", .dla, nil), ("conv-stride-9", .gpu, "conv-stride"),
        ("conv-padding-31", .dla, nil), ("conv-padding-32", .gpu, "conv-padding"),
        ("conv-dilation-32", .dla, nil), ("conv-dilation-33", .gpu, "conv-dilation"),
        ("conv-groups-8192", .dla, nil), ("conv-output-maps-8193", .gpu, "conv-output-maps"),
        ("deconv-padding-0", .dla, nil), ("deconv-padding-1", .gpu, "deconv-padding"),
        ("pool-window-8", .dla, nil), ("pool-window-9", .gpu, "pool-window"),
        ("pool-stride-16", .dla, nil), ("pool-stride-17", .gpu, "pool-stride"),
        ("pool-padding-7", .dla, nil), ("pool-padding-8", .gpu, "pool-padding"),
        ("avgpool-exclusive", .dla, nil), ("avgpool-inclusive", .dla, nil),
        ("resize-nearest-32", .dla, nil), ("resize-nearest-33", .gpu, "resize-scale"),
        ("resize-linear-4", .dla, nil), ("resize-linear-5", .gpu, "resize-scale-linear"),
        ("resize-linear-asymmetric", .gpu, "resize-transform"), ("resize-cubic", .gpu, "resize-mode"),
        ("resize-sizes", .unknown, "resize-sizes"),
        ("concat-channel", .dla, nil), ("concat-height", .gpu, "concat-axis"),
        ("softmax-channel", .dla, nil), ("softmax-spread-1024", .dla, nil),
        ("softmax-spread-1025", .gpu, "softmax-size-spread"),
        ("mul-constant", .dla, nil), ("add-3d", .unknown, "elementwise-4d"),
        ("reshape-4d", .dla, nil), ("flatten", .gpu, "shuffle-output-rank"),
        ("transpose-batch", .gpu, "shuffle-batch"), ("transpose-hw", .dla, nil),
        ("slice-channel", .dla, nil), ("slice-step-2", .gpu, "slice-stride"), ("slice-3d", .gpu, "slice-rank"),
        ("slice-batch", .gpu, "slice-batch"), ("expand", .gpu, "slice-mode"),
        ("relu", .dla, nil), ("leaky-relu", .dla, nil), ("hard-swish", .gpu, "activation-type"),
        ("clip-0-6", .dla, nil), ("clip-minus-1-1", .gpu, "clip-min"),
        ("abs", .dla, nil), ("neg", .gpu, "unary-operation"),
        ("lrn-5", .dla, nil), ("lrn-11", .gpu, "lrn-window"), ("prelu", .dla, nil), ("batchnorm", .dla, nil),
        ("gemm-constant", .dla, nil), ("matmul-tensors", .gpu, "matmul-constant"),
        ("add-int32", .gpu, "precision"), ("relu-dynamic", .gpu, "dynamic-shapes"),
        ("nms", .gpu, "nms-gpu"), ("opset7-upsample", .dla, nil), ("opset9-slice", .dla, nil),
        ("external-data", .dla, nil),
    ]

    /// Where the releases and platforms differ.
    static let differing: [Case] = [
        // Division: NvInfer.h 8.5/8.6 and the real JetPack 6.0 log say GPU; 10.3's sources disagree.
        Case(model: "div-constant", tensorrt: "8.5", platform: "orin", placement: .gpu, rule: "elementwise-operation"),
        Case(model: "div-constant", tensorrt: "8.6", platform: "orin", placement: .gpu, rule: "elementwise-operation"),
        Case(
            model: "div-constant", tensorrt: "10.3", platform: "orin", placement: .unknown, rule: "elementwise-div-pow"),
        Case(model: "pow-constant", tensorrt: "8.6", platform: "orin", placement: .gpu, rule: "elementwise-operation"),
        Case(
            model: "pow-constant", tensorrt: "10.3", platform: "orin", placement: .unknown, rule: "elementwise-div-pow"),
        Case(model: "greater", tensorrt: "8.6", platform: "orin", placement: .gpu, rule: "elementwise-operation"),
        Case(model: "greater", tensorrt: "10.3", platform: "orin", placement: .unknown, rule: "elementwise-div-pow"),
        // Reduce: not through TensorRT 8.5/8.6 (DLA-SW table, tutorial log); 10.3 AVG no, MAX undecided.
        Case(model: "global-average-pool", tensorrt: "8.6", platform: "orin", placement: .gpu, rule: "reduce-gpu"),
        Case(model: "global-max-pool", tensorrt: "8.5", platform: "orin", placement: .gpu, rule: "reduce-gpu"),
        Case(
            model: "global-average-pool", tensorrt: "10.3", platform: "orin", placement: .gpu, rule: "reduce-operation"),
        Case(model: "global-max-pool", tensorrt: "10.3", platform: "orin", placement: .unknown, rule: "reduce-max"),
        // Xavier (TensorRT 8.5 only): no SoftMax, inclusive average-pool padding only.
        Case(model: "softmax-channel", tensorrt: "8.5", platform: "xavier", placement: .gpu, rule: "softmax-xavier"),
        Case(
            model: "avgpool-exclusive", tensorrt: "8.5", platform: "xavier", placement: .gpu,
            rule: "pool-exclusive-xavier"),
        Case(model: "avgpool-inclusive", tensorrt: "8.5", platform: "xavier", placement: .dla, rule: nil),
        Case(model: "conv-kernel-33", tensorrt: "8.5", platform: "xavier", placement: .gpu, rule: "conv-kernel"),
        Case(model: "conv-kernel-32", tensorrt: "8.5", platform: "xavier", placement: .dla, rule: nil),
        // Fixed shapes make a dynamic model DLA-capable; INT8 changes nothing for a ReLU.
        Case(
            model: "relu-dynamic", tensorrt: "8.6", platform: "orin", placement: .dla, rule: nil,
            shapes: ["x": [1, 4, 16, 16]]),
        Case(model: "relu", tensorrt: "10.3", platform: "orin", placement: .dla, rule: nil, precision: "int8"),
        // A batch above 4096 (leading dims multiply) is over the general limit.
        Case(
            model: "relu-dynamic", tensorrt: "8.6", platform: "orin", placement: .gpu, rule: "batch-size",
            shapes: ["x": [4097, 4, 16, 16]]),
    ]

    static var cases: [Case] {
        var all = differing
        for (model, placement, rule) in everywhere {
            for trt in ["8.5", "8.6", "10.3"] {
                all.append(Case(model: model, tensorrt: trt, platform: "orin", placement: placement, rule: rule))
            }
        }
        return all
    }

    @Test("each boundary model's operator gets its documented verdict", arguments: cases)
    func boundary(_ c: Case) throws {
        let analysis = try ModelSupport.analyse(
            c.model, tensorrt: c.tensorrt, platform: c.platform, precision: c.precision, shapes: c.shapes)
        let layers = analysis.nodes.filter { $0.placement != .folded }
        let verdict = try #require(layers.first, "\(c): no layer")
        #expect(verdict.placement == c.placement, "\(c): \(verdict.reason ?? "no reason")")
        #expect(verdict.rule == c.rule, "\(c): \(verdict.reason ?? "no reason")")
        if c.placement != .dla {
            #expect(verdict.source?.isEmpty == false, "\(c): a verdict without a source")
        }
    }

    @Test("GPU reasons are worded like TensorRT's warnings")
    func wording() throws {
        let div = try ModelSupport.analyse("div-constant", tensorrt: "8.6").nodes[0]
        #expect(div.reason == "div-constant: DLA cores do not support DIV ElementWise operation.")
        #expect(div.fix?.contains("reciprocal") == true)
        let concat = try ModelSupport.analyse("concat-height").nodes[0]
        #expect(concat.reason == "concat-height: DLA only supports concatenation on the C dimension.")
        let dynamic = try ModelSupport.analyse("relu-dynamic").nodes[0]
        #expect(dynamic.reason == "DLA Layer relu-dynamic does not support dynamic shapes in any dimension.")
        let nms = try ModelSupport.analyse("nms").nodes[0]
        #expect(nms.reason == "Layer 'nms' (NMS): Unsupported on DLA.")
        #expect(nms.fix?.contains("without the NMS head") == true)
        let hardSwish = try ModelSupport.analyse("hard-swish").nodes[0]
        #expect(
            hardSwish.reason
                == "hard-swish: DLA does not support the HARD_SIGMOID activation (ReLU, Sigmoid, TanH, Clip and Leaky ReLU only)."
        )
        #expect(hardSwish.note == "HardSwish becomes Activation (HARD_SIGMOID) and ElementWise (PROD)")
        let slice = try ModelSupport.analyse("slice-3d").nodes[0]
        #expect(slice.reason == "slice-3d: DLA only supports slicing 4 dimensional tensors.")
    }
}
