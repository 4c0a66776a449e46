/// Turns what a `TensorRTLog` read into `trt.*` facts (Docs/facts.md, "tensorrt").
///
/// Counts are set to 0 when the log was seen and showed none, so rules decide; values the log does not show stay
/// unset (never guessed).
public enum TensorRTFacts {
    /// Records the facts of `log` when it saw any TensorRT output.
    public static func record(_ log: TensorRTLog, into facts: inout FactTable) {
        guard log.seen else { return }
        log.finish()
        let source = log.location
        facts.set("trt.log.lines", .int(log.lines), source: source)
        if let version = log.version {
            facts.set("trt.version", .string(version), source: source, raw: version)
            if facts.string("versions.tensorrt") == nil {
                VersionsProbe.setVersion("tensorrt", version, source: source, raw: "TensorRT log", into: &facts)
            }
        }
        facts.set("trt.builds", .int(Int64(max(log.builds, log.buildOptionBlocks))), source: source)
        recordOptions(log, source: source, into: &facts)
        recordPlacement(log, source: source, into: &facts)
        recordFallback(log, source: source, into: &facts)
        recordProfile(log, source: source, into: &facts)
        if let summary = Glance.placementLine(facts) {
            facts.set("trt.placement.summary", .string(summary), source: source)
        } else if log.fallbackCount > 0 {
            let text = "\(log.fallbackCount) layer(s) switched to GPU; the log has no placement list"
            facts.set("trt.placement.summary", .string(text), source: source)
        } else if log.placement == "all_dla" {
            let text = "DLA all: the engine was built with GPU fallback off; the log has no placement list"
            facts.set("trt.placement.summary", .string(text), source: source)
        }
    }

    static func recordOptions(_ log: TensorRTLog, source: String, into facts: inout FactTable) {
        if let requested = log.dlaRequested {
            facts.set("trt.dla_requested", .bool(requested), source: source)
        }
        if let core = log.command?.dlaCore ?? log.optionDLACore, core >= 0 {
            facts.set("trt.dla_core", .int(Int64(core)), source: source)
        }
        // A run that loads an engine says nothing about how it was built.
        let command = log.command.flatMap { $0.loadEngine != nil && $0.model == nil ? nil : $0 }
        if let fallback = log.optionFallback ?? command?.allowGPUFallback {
            facts.set("trt.gpu_fallback", .bool(fallback), source: source, raw: "trtexec options")
        }
        if let standalone = log.optionStandalone ?? command?.standalone {
            facts.set("trt.standalone", .bool(standalone), source: source, raw: "trtexec options")
        }
        // `Precision: FP32+INT8` (the option echo) wins over the flags: it is what the builder was given.
        // trtexec turns FP16 on for a DLA build without --int8 but still echoes `Precision: FP32`.
        var precision = log.optionPrecision ?? command?.precision
        if precision == "fp32", (log.command?.dlaCore ?? log.optionDLACore) != nil { precision = "fp16" }
        if let precision {
            facts.set("trt.precision", .string(precision), source: source, raw: precision)
            let reduced = ["fp16", "int8", "best"].contains { precision.contains($0) }
            facts.set("trt.precision.reduced", .bool(reduced), source: source, raw: precision)
        }
        if let input = command?.inputFormats ?? log.optionInputFormat {
            facts.set("trt.io_format.input", .string(input), source: source, raw: input)
        } else if command != nil {
            facts.set("trt.io_format.input", .string("default"), source: source, raw: "no --inputIOFormats")
        }
        if let output = command?.outputFormats ?? log.optionOutputFormat {
            facts.set("trt.io_format.output", .string(output), source: source, raw: output)
        } else if command != nil {
            facts.set("trt.io_format.output", .string("default"), source: source, raw: "no --outputIOFormats")
        }
        if command?.dynamicShapes == true || log.dynamicShapesFallback {
            facts.set("trt.dynamic_shapes", .bool(true), source: source)
        }
        facts.set("trt.dynamic_shapes.fallback", .bool(log.dynamicShapesFallback), source: source)
    }

    static func recordPlacement(_ log: TensorRTLog, source: String, into facts: inout FactTable) {
        if let network = log.networkLayers {
            facts.set("trt.layers.network", .int(Int64(network)), source: source, raw: "Original: \(network) layers")
        }
        if let gpu = log.gpuLayers { facts.set("trt.layers.gpu", .int(Int64(gpu)), source: source) }
        if let dla = log.dlaLayers {
            let raw = dla.exact ? "TensorRT 7 DLA list" : "network layers less those switched to GPU"
            facts.set("trt.layers.dla", .int(Int64(dla.count)), source: source, raw: raw)
            facts.set("trt.layers.dla_exact", .bool(dla.exact), source: source, raw: raw)
        }
        if let share = log.gpuShare { facts.set("trt.layers.gpu_pct", .int(Int64(share)), source: source) }
        if let placement = log.placement {
            facts.set("trt.placement", .string(placement), source: source)
            facts.set("trt.placement.stated", .bool(false), source: source)
        } else if (facts.int("log.trt_device_type_rejected.count") ?? 0) > 0 {
            // The builder refused every setDeviceType(…, kDLA): whatever the log shows next, no layer is on the DLA.
            let rejected = facts["log.trt_device_type_rejected.first"]?.source ?? source
            facts.set(
                "trt.placement", .string("all_gpu"), source: rejected, raw: "the builder rejected the DLA device type")
            facts.set("trt.placement.stated", .bool(false), source: rejected)
        }
        if let subgraphs = log.dlaSubgraphs { facts.set("trt.subgraphs.dla", .int(Int64(subgraphs)), source: source) }
        facts.set("trt.subgraph_splits", .int(Int64(log.splits)), source: source)
        facts.set("trt.subgraph_limit.layers", .int(Int64(log.subgraphLimitLayers)), source: source)
        if let limit = log.subgraphLimit {
            facts.set("trt.subgraph_limit", .int(Int64(limit)), source: source)
        }
        if let first = log.subgraphLimitFirst {
            facts.set("trt.subgraph_limit.first", .string(first), source: source)
        }
        // A builder that refused the DLA device type (NVDLA-TRT-019) says nothing of what the network could run there.
        let rejected = (facts.int("log.trt_device_type_rejected.count") ?? 0) > 0
        facts.set(
            "trt.no_dla_layer", .bool(log.dlaRequested == true && log.placement == "all_gpu" && !rejected),
            source: source)
        if let reformats = log.reformats { facts.set("trt.reformats.count", .int(Int64(reformats)), source: source) }
        if log.gpuOps.keys.contains(where: { $0 != "(type not shown)" }) {
            facts.set("trt.gpu.summary", .string(summary(log.gpuOps)), source: source)
        }
        if let pools = log.memoryPools { facts.set("trt.dla.memory_pools", .string(pools), source: source) }
    }

    static func recordFallback(_ log: TensorRTLog, source: String, into facts: inout FactTable) {
        facts.set("trt.fallback.count", .int(Int64(log.fallbackCount)), source: source)
        guard log.fallbackCount > 0 else {
            facts.set("trt.fallback.reasons", .string("none shown in the log"), source: source)
            facts.set("trt.fallback.reason_list", .list([]), source: source)
            facts.set("trt.fallback.where", .string("the log has no per-layer fallback warnings"), source: source)
            return
        }
        var byOp: [String: TensorRTLog.Group] = [:]
        for groups in log.fallbacks.values {
            for (op, group) in groups {
                byOp[op, default: TensorRTLog.Group()].count += group.count
            }
        }
        facts.set("trt.fallback.summary", .string(summary(byOp)), source: source)
        facts.set("trt.fallback.reasons", .string(reasons(log.fallbacks)), source: source)
        facts.set("trt.fallback.reason_list", .list(log.fallbacks.keys.sorted().map(\.rawValue)), source: source)
        if let first = log.firstFallback { facts.set("trt.fallback.first", .string(first), source: source) }
        let top = log.regions.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
        if let (region, count) = top, count >= 2, count * 2 > log.fallbackCount {
            facts.set(
                "trt.fallback.region", .string("\(region) (\(count) of \(log.fallbackCount))"), source: source,
                raw: region)
            facts.set(
                "trt.fallback.where", .string("most of them in \(region) (\(count) of \(log.fallbackCount))"),
                source: source)
        } else if top != nil {
            facts.set("trt.fallback.where", .string("spread over \(log.regions.count) modules"), source: source)
        } else {
            facts.set("trt.fallback.where", .string("the layer names carry no module path"), source: source)
        }
    }

    static func recordProfile(_ log: TensorRTLog, source: String, into facts: inout FactTable) {
        facts.set("trt.profile.present", .bool(log.profileRows > 0), source: source)
        guard log.profileRows > 0 else { return }
        facts.set("trt.profile.dla_time_pct", .int(Int64(log.profileDLAPercent.rounded())), source: source)
        facts.set("trt.profile.gpu_time_pct", .int(Int64(log.profileGPUPercent.rounded())), source: source)
        facts.set("trt.reformats.time_pct", .int(Int64(log.profileReformatPercent.rounded())), source: source)
    }

    /// `Shuffle ×6, Constant ×5, Div ×3`: operators by count, most first, at most eight.
    static func summary(_ groups: [String: TensorRTLog.Group]) -> String {
        let sorted = groups.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        var parts = sorted.prefix(8).map { "\($0.key) ×\($0.value.count)" }
        if sorted.count > 8 { parts.append("\(sorted.count - 8) more types") }
        return parts.joined(separator: ", ")
    }

    /// `concatenation not on the channel axis: Concat ×2 (/model.23/Concat_4, /model.23/Concat_5); …`.
    static func reasons(_ fallbacks: [FallbackReason: [String: TensorRTLog.Group]]) -> String {
        fallbacks.sorted { $0.key < $1.key }.map { reason, groups in
            let ops = groups.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(6).map {
                op, group in "\(op) ×\(group.count) (\(group.examples.joined(separator: ", ")))"
            }
            return "\(reason.rawValue): " + ops.joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
