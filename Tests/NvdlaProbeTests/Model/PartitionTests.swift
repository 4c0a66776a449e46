import Testing

@testable import NvdlaProbe

/// Loadables, the per-core limit, DLA↔GPU boundaries, the summary line and the status.
@Suite("Model partition")
struct PartitionTests {
    @Test(
        "18 DLA regions between GPU layers: 16 loadables, the layers of the last two fall back with TensorRT's reason")
    func loadableLimit() throws {
        let a = try ModelSupport.analyse("loadable-limit", tensorrt: "10.3")
        #expect(a.summary.loadables == 16)
        #expect(a.summary.limit == 16)
        let limited = a.nodes.filter { $0.rule == "loadable-limit" }
        #expect(limited.map(\.name) == ["Conv_32", "Conv_34"])
        #expect(
            limited.first?.reason == "DLA supports only 16 subgraphs per DLA core. Switching to GPU for layer Conv_32")
        #expect(a.status == .warning)
        #expect(a.notes.contains { $0.contains("18 DLA loadables") })
    }

    @Test("a path that leaves a DLA region through the GPU and comes back splits it")
    func reentry() {
        // a -> b(GPU) -> c, and a -> c directly: c cannot join a's loadable.
        var model = ShapeInferenceTests.graph(
            [
                ShapeInferenceTests.node("Relu", ["x"], ["a"]),
                ShapeInferenceTests.node("Neg", ["a"], ["b"]),
                ShapeInferenceTests.node("Add", ["a", "b"], ["c"]),
            ], inputs: ShapeInferenceTests.image)
        model.graph.outputs = [OnnxValueInfo(name: "c", elemType: 1, dims: nil)]
        let a = ModelAnalysis(model: model, target: try! ModelSupport.target(tensorrt: "8.6"))
        #expect(a.nodes.map(\.placement) == [.dla, .gpu, .dla])
        #expect(a.summary.loadables == 2)
        let crossings = a.partition?.boundaries.filter { $0.from != "network input" && $0.to != "network output" }
        let seen = crossings?.map { "\($0.tensor): \($0.from) → \($0.to)" }.sorted()
        #expect(seen == ["a: DLA loadable 1 → DLA loadable 2", "a: DLA loadable 1 → GPU", "b: GPU → DLA loadable 2"])
    }

    @Test("jetson_dla_tutorial ModelBN: convolutions on the DLA, GlobalAveragePool on the GPU, 2 loadables")
    func tutorialBN() throws {
        let a = try ModelSupport.analyse(
            "tutorial-model-bn", tensorrt: "8.5", precision: "int8", shapes: ["input": [32, 3, 32, 32]])
        let byName = Dictionary(uniqueKeysWithValues: a.nodes.map { ($0.name, $0) })
        #expect(byName["Conv_0"]?.placement == .dla)
        #expect(byName["Relu_7"]?.placement == .dla)
        #expect(byName["GlobalAveragePool_8"]?.placement == .gpu)
        #expect(byName["Gemm_15"]?.placement == .dla)
        #expect(byName["Shape_9"]?.placement == .folded)
        #expect(byName["Reshape_14"]?.placement == .unknown)
        #expect(a.summary.loadables == 2)
        #expect(a.line.hasPrefix("9 of 11 layers on the DLA in 2 loadables (limit 16 per core), 1 undecided"))
        #expect(a.line.contains("GlobalAveragePool_8"))
    }

    @Test("a graph where every layer runs on the DLA is ok; one where none can is an error")
    func status() throws {
        let ok = try ModelSupport.analyse("conv-kernel-32")
        #expect(ok.status == .ok)
        #expect(ok.line.hasSuffix("every layer runs on the DLA"))
        let none = try ModelSupport.analyse("nms")
        #expect(none.status == .error)
        #expect(none.summary.dla == 0 && none.summary.loadables == 0)
    }

    @Test("a TensorRT release without DLA is an error; one without a table cannot be assessed")
    func noDLA() throws {
        let model = try ModelSupport.model("relu")
        let thor = ModelAnalysis(model: model, target: try ModelSupport.target(jetpack: "7.2"))
        #expect(thor.status == .error)
        #expect(thor.line.contains("no DLA support"))
        let future = ModelAnalysis(model: model, target: try ModelSupport.target(jetpack: "7.2.2"))
        #expect(future.status == .unknown)
        #expect(future.line.contains("no DLA restriction table"))
    }

    @Test("back-to-back Reshape and Transpose are fused: both take the worse verdict")
    func shuffleFusion() throws {
        var model = ShapeInferenceTests.graph(
            [
                ShapeInferenceTests.node("Reshape", ["x", "shape"], ["r"]),
                ShapeInferenceTests.node("Transpose", ["r"], ["t"], ["perm": .ints([0, 2, 1, 3])]),
            ], inputs: [("x", [.value(1), .value(64), .value(2100)])],
            initializers: [ShapeInferenceTests.ints("shape", [1, 4, 16, 2100])])
        model.graph.outputs = [OnnxValueInfo(name: "t", elemType: 1, dims: nil)]
        let a = ModelAnalysis(model: model, target: try ModelSupport.target(tensorrt: "8.6"))
        #expect(a.nodes.map(\.placement) == [.gpu, .gpu])
        #expect(a.nodes[1].reason?.hasPrefix("fused with Reshape into one Shuffle layer") == true)
    }
}
