extension FactCatalogue {
    /// Where TensorRT facts come from: a pasted TensorRT/trtexec log (`analyze`).
    static let trtSource = "TensorRT log (analyze input)"

    /// What a TensorRT build or run log says about DLA placement (`TensorRTLog`, `TensorRTFacts`).
    static let tensorrtFacts: [FactSpec] = [
        FactSpec("trt.log.lines", .int, trtSource, "Lines taken as TensorRT output"),
        FactSpec("trt.version", .version, trtSource, "TensorRT version the log names (banner, `TensorRT version:`)"),
        FactSpec("trt.builds", .int, trtSource, "trtexec runs in the input (`&&&& RUNNING`, `=== Build Options ===`)"),
        FactSpec("trt.dla_requested", .bool, trtSource, "The build targeted a DLA core (option or DLA messages)"),
        FactSpec("trt.dla_core", .int, trtSource, "DLA core requested (`--useDLACore`, `DLACore:`)"),
        FactSpec("trt.gpu_fallback", .bool, trtSource, "`--allowGPUFallback` was given (trtexec command seen)"),
        FactSpec("trt.standalone", .bool, trtSource, "`--buildDLAStandalone` was given (trtexec command seen)"),
        FactSpec("trt.precision", .string, trtSource, "Precision asked for: fp32, fp16, int8, int8+fp16, best"),
        FactSpec("trt.precision.reduced", .bool, trtSource, "FP16 or INT8 was enabled (DLA runs nothing else)"),
        FactSpec("trt.io_format.input", .string, trtSource, "`--inputIOFormats` (default when the command had none)"),
        FactSpec("trt.io_format.output", .string, trtSource, "`--outputIOFormats` (default when the command had none)"),
        FactSpec("trt.dynamic_shapes", .bool, trtSource, "Dynamic shapes were used (shape options or DLA message)"),
        FactSpec(
            "trt.dynamic_shapes.fallback", .bool, trtSource,
            "`DLA requests all profiles have same min, max, and opt value`: DLA layers fell back"),
        FactSpec("trt.layers.network", .int, trtSource, "Layers of the network (`Original: N layers`, verbose)"),
        FactSpec("trt.layers.gpu", .int, trtSource, "Engine layers on the GPU, without reformats and copies"),
        FactSpec("trt.layers.dla", .int, trtSource, "Network layers on the DLA (exact, or network less fallbacks)"),
        FactSpec("trt.layers.dla_exact", .bool, trtSource, "`trt.layers.dla` was listed (TensorRT 7), not derived"),
        FactSpec("trt.layers.gpu_pct", .int, trtSource, "Share of the network on the GPU, percent"),
        FactSpec(
            "trt.placement", .string, trtSource,
            "all_dla, mostly_dla (≤10% GPU), split, mostly_gpu (≥50%), all_gpu (also a GPU-only build or a board without a DLA), some_gpu"
        ),
        FactSpec(
            "trt.stated_off_dla", .string, trtSource,
            "A person's words that layers did not run on the DLA, where no log shows the placement (empty: none)"),
        FactSpec(
            "trt.placement.stated", .bool, trtSource,
            "`trt.placement` comes from a person's words (\"every layer runs on the GPU\"), not from a log"),
        FactSpec("trt.placement.summary", .string, trtSource, "DLA subgraphs · GPU layers by operator · reformats"),
        FactSpec("trt.subgraphs.dla", .int, trtSource, "DLA subgraphs (ForeignNodes / loadables) in the engine"),
        FactSpec("trt.subgraph_splits", .int, trtSource, "`Splitting DLA subgraph at:` lines"),
        FactSpec("trt.subgraph_limit", .int, trtSource, "N of `DLA supports only N subgraphs per DLA core`"),
        FactSpec("trt.subgraph_limit.layers", .int, trtSource, "Layers sent to the GPU because the limit was reached"),
        FactSpec("trt.subgraph_limit.first", .string, trtSource, "First layer sent to the GPU by the limit"),
        FactSpec("trt.no_dla_layer", .bool, trtSource, "No layer of the network runs on the DLA"),
        FactSpec("trt.fallback.count", .int, trtSource, "Distinct layers TensorRT switched from DLA to GPU"),
        FactSpec("trt.fallback.summary", .string, trtSource, "Switched layers by operator (`Shuffle ×6, Div ×3`)"),
        FactSpec("trt.fallback.reasons", .string, trtSource, "Switched layers by reason and operator, with names"),
        FactSpec("trt.fallback.reason_list", .list, trtSource, "The reasons seen (FallbackReason names)"),
        FactSpec("trt.fallback.first", .string, trtSource, "First layer switched to GPU"),
        FactSpec(
            "trt.fallback.region", .string, trtSource, "Module holding most switched layers (`/model.23 (9 of 12)`)"),
        FactSpec(
            "trt.fallback.where", .string, trtSource,
            "Where the switched layers are: one module holding most, spread over modules, or names without a path"),
        FactSpec("trt.gpu.summary", .string, trtSource, "GPU layers of the placement list by operator"),
        FactSpec("trt.reformats.count", .int, trtSource, "Reformat/copy layers at DLA boundaries"),
        FactSpec("trt.reformats.time_pct", .int, trtSource, "Reformat layers' share of profiled time, percent"),
        FactSpec("trt.profile.present", .bool, trtSource, "A `--dumpProfile` table was in the log"),
        FactSpec("trt.profile.dla_time_pct", .int, trtSource, "DLA subgraphs' share of profiled time, percent"),
        FactSpec("trt.profile.gpu_time_pct", .int, trtSource, "GPU layers' share of profiled time, percent"),
        FactSpec("trt.dla.memory_pools", .string, trtSource, "`DLA Memory Pool Sizes:` (SRAM, local and global DRAM)"),
    ]
}
