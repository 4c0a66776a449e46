/// The placement summary of a TensorRT log, shown before the findings of `analyze`.
///
/// Reads the `trt.*` facts (Docs/facts.md, "tensorrt"), e.g.
/// `tensorrt 8.5.2 · DLA core 0 · int8+fp16 · GPU fallback allowed`, then
/// `placement: DLA 3 subgraphs (≈ 92 of 106 layers) · GPU 14 layers (Shuffle ×6, Constant ×5, Div ×3) · 4 reformats`.
/// Prints only what the log showed, or a placement a person stated, marked as such.
extension Glance {
    public static func tensorrtLines(_ facts: FactTable) -> [String] {
        guard facts.int("trt.log.lines") != nil || facts.bool("trt.placement.stated") == true else { return [] }
        var lines: [String] = []
        var build: [String] = []
        if let version = facts.string("trt.version") { build.append("tensorrt \(version)") }
        if let core = facts.int("trt.dla_core") {
            build.append("DLA core \(core)")
        } else if facts.bool("trt.dla_requested") == true {
            build.append("DLA requested")
        }
        if let precision = facts.string("trt.precision") { build.append(precision) }
        if facts.bool("trt.gpu_fallback") == true { build.append("GPU fallback allowed") }
        if facts.bool("trt.standalone") == true { build.append("DLA standalone loadable") }
        if let builds = facts.int("trt.builds"), builds > 1 {
            build.append("\(builds) runs in the input (counts cover all)")
        }
        if !build.isEmpty { lines.append("  " + build.joined(separator: " · ")) }
        if let placement = placementLine(facts) { lines.append("  placement: " + placement) }
        if let fallback = facts.int("trt.fallback.count"), fallback > 0 {
            var text = "fallback: \(fallback) layer(s) switched to GPU"
            if let summary = facts.string("trt.fallback.summary"), !summary.hasPrefix("(type not shown)") {
                text += " (\(summary))"
            }
            if let region = facts.string("trt.fallback.region") { text += ", most in \(region)" }
            lines.append("  " + text)
        }
        return lines
    }

    /// `DLA 3 subgraphs (≈ 92 of 106 layers) · GPU 14 layers (Shuffle ×6, …) · 4 reformats (12% of profiled time)`.
    static func placementLine(_ facts: FactTable) -> String? {
        if facts.bool("trt.placement.stated") == true, let placement = facts.string("trt.placement") {
            // A person's words, not a log: say whose they are.
            var words = ""
            if case .known(_, let provenance) = facts["trt.placement"] { words = provenance.raw ?? "" }
            return "\(placement == "all_dla" ? "DLA all" : "GPU all") as the text says (“\(words)”); no log shows it"
        }
        var parts: [String] = []
        if facts.bool("trt.no_dla_layer") == true || facts.int("trt.subgraphs.dla") == 0 {
            parts.append("DLA none")
        } else if let subgraphs = facts.int("trt.subgraphs.dla") {
            var text = "DLA \(subgraphs) subgraph\(subgraphs == 1 ? "" : "s")"
            if let dla = facts.int("trt.layers.dla") {
                let approx = facts.bool("trt.layers.dla_exact") == true ? "" : "≈ "
                let total = facts.int("trt.layers.network").map { " of \($0)" } ?? ""
                text += " (\(approx)\(dla)\(total) layers)"
            }
            parts.append(text)
        }
        if let gpu = facts.int("trt.layers.gpu") {
            var text = gpu == 0 ? "GPU none" : "GPU \(gpu) layer\(gpu == 1 ? "" : "s")"
            if let summary = facts.string("trt.gpu.summary") { text += " (\(summary))" }
            parts.append(text)
        } else if facts.string("trt.placement") == "all_gpu" {
            parts.append("GPU all")
        }
        if let reformats = facts.int("trt.reformats.count"), reformats > 0 {
            var text = "\(reformats) reformat\(reformats == 1 ? "" : "s")"
            if let pct = facts.int("trt.reformats.time_pct") { text += " (\(pct)% of profiled time)" }
            parts.append(text)
        }
        if let dla = facts.int("trt.profile.dla_time_pct"), let gpu = facts.int("trt.profile.gpu_time_pct") {
            parts.append("profile DLA \(dla)% / GPU \(gpu)%")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
