/// The TensorRT placement summary of the JSON report (`tensorrt`, Docs/output-schema.md): what `analyze` found in a
/// TensorRT build or run log, from the `trt.*` facts, without `--facts`. Absent when the input had no TensorRT
/// output; every field the log did not show is omitted.
struct TensorRTSummary: Encodable, Equatable {
    struct DLA: Encodable, Equatable {
        /// DLA subgraphs (loadables) in the engine.
        let subgraphs: Int64?
        /// Network layers on the DLA; `layersExact` false when derived (network less fallbacks).
        let layers: Int64?
        let layersExact: Bool?
        /// N of "DLA supports only N subgraphs per DLA core", and the layers that limit sent to the GPU.
        let subgraphLimit: Int64?
        let layersOverLimit: Int64?
    }
    struct GPU: Encodable, Equatable {
        /// Engine layers on the GPU (reformats and copies not counted), their share of the network, by operator.
        let layers: Int64?
        let percent: Int64?
        let operators: String?
    }
    struct Fallback: Encodable, Equatable {
        /// Layers TensorRT switched from the DLA to the GPU, by operator, by reason, and where most are.
        let count: Int64
        let operators: String?
        let reasons: [String]?
        let region: String?
    }
    struct Reformats: Encodable, Equatable {
        let count: Int64
        let timePercent: Int64?
    }
    struct Profile: Encodable, Equatable {
        let dlaTimePercent: Int64?
        let gpuTimePercent: Int64?
    }

    let version: String?
    /// trtexec runs in the input (counts cover all of them); omitted when no run header was seen.
    let runs: Int64?
    let dlaRequested: Bool?
    let dlaCore: Int64?
    let precision: String?
    let gpuFallback: Bool?
    let standalone: Bool?
    /// `all_dla`, `mostly_dla`, `split`, `mostly_gpu`, `all_gpu` or `some_gpu`.
    let placement: String?
    let networkLayers: Int64?
    let dla: DLA?
    let gpu: GPU?
    let fallback: Fallback?
    let reformats: Reformats?
    let profile: Profile?

    /// The summary of `facts`, or nil when they hold no TensorRT output.
    init?(_ facts: FactTable) {
        guard facts.int("trt.log.lines") != nil else { return nil }
        version = facts.string("trt.version")
        runs = facts.int("trt.builds").flatMap { $0 > 0 ? $0 : nil }
        dlaRequested = facts.bool("trt.dla_requested")
        dlaCore = facts.int("trt.dla_core")
        precision = facts.string("trt.precision")
        gpuFallback = facts.bool("trt.gpu_fallback")
        standalone = facts.bool("trt.standalone")
        placement = facts.string("trt.placement")
        networkLayers = facts.int("trt.layers.network")
        let dlaLayers = facts.bool("trt.no_dla_layer") == true ? 0 : facts.int("trt.layers.dla")
        let dla = DLA(
            subgraphs: facts.int("trt.subgraphs.dla"), layers: dlaLayers,
            layersExact: dlaLayers == nil ? nil : facts.bool("trt.layers.dla_exact") ?? false,
            subgraphLimit: facts.int("trt.subgraph_limit"), layersOverLimit: facts.int("trt.subgraph_limit.layers"))
        self.dla =
            dla == DLA(subgraphs: nil, layers: nil, layersExact: nil, subgraphLimit: nil, layersOverLimit: nil)
            ? nil : dla
        let gpu = GPU(
            layers: facts.int("trt.layers.gpu"), percent: facts.int("trt.layers.gpu_pct"),
            operators: facts.string("trt.gpu.summary"))
        self.gpu = gpu == GPU(layers: nil, percent: nil, operators: nil) ? nil : gpu
        fallback = facts.int("trt.fallback.count").map {
            Fallback(
                count: $0, operators: facts.string("trt.fallback.summary"),
                reasons: facts.list("trt.fallback.reason_list"), region: facts.string("trt.fallback.region"))
        }
        reformats = facts.int("trt.reformats.count").map {
            Reformats(count: $0, timePercent: facts.int("trt.reformats.time_pct"))
        }
        let profile = Profile(
            dlaTimePercent: facts.int("trt.profile.dla_time_pct"),
            gpuTimePercent: facts.int("trt.profile.gpu_time_pct"))
        self.profile = profile == Profile(dlaTimePercent: nil, gpuTimePercent: nil) ? nil : profile
    }
}
