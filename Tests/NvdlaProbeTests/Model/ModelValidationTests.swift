import Foundation
import Testing

@testable import NvdlaProbe

/// Validation against reality: each (model, TensorRT release, platform, precision) pair for which a real published
/// TensorRT DLA build log exists, judged by `model` and compared with what the log says — read by the project's own
/// TensorRT log reader. Per pair, never pooled: node agreement (on the nodes the log names), reason agreement (the
/// log's fallback reason class for the nodes it explains) and the loadable count. Docs/model-validation.md reports
/// the same numbers.
@Suite("Model validation against real logs")
struct ModelValidationTests {
    /// What a log says about placement, per ONNX node name.
    struct Truth {
        var gpu: Set<String> = []
        var dla: Set<String> = []
        var reasons: [String: FallbackReason] = [:]
        var loadables: Int?
    }

    /// Reads `text` with `TensorRTLog` and splits fused names (`71 + (Unnamed Layer* 16) [Shuffle] + Mul_8`) and
    /// ForeignNode ranges (`{ForeignNode[Relu_10...Conv_11]}`: both ends run on the DLA).
    static func truth(_ text: String) -> Truth {
        let log = TensorRTLog()
        var number: Int64 = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix("#") {
            number += 1
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                _ = log.consume(UnsafeBufferPointer(buffer), input: "log", line: number)
            }
        }
        log.finish()
        var truth = Truth()
        func parts(_ name: String) -> [String] {
            // The log reader keeps `PLUGIN_V2: name` whole (its type word takes no digits); drop such a type.
            var name = name
            if let colon = name.range(of: ": "),
                name[..<colon.lowerBound].allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" })
            {
                name = String(name[colon.upperBound...])
            }
            return name.components(separatedBy: " + ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        for name in log.fallbackNames { truth.gpu.formUnion(parts(name)) }
        for group in log.gpuOps.values { for name in group.examples { truth.gpu.formUnion(parts(name)) } }
        for (reason, groups) in log.fallbacks {
            for group in groups.values { for name in group.examples { truth.reasons[name] = reason } }
        }
        for node in log.dlaListNodes {
            guard let open = node.range(of: "ForeignNode["), node.hasSuffix("]}") else { continue }
            let inner = String(node[open.upperBound..<node.index(node.endIndex, offsetBy: -2)])
            for end in inner.components(separatedBy: "...") { truth.dla.formUnion(parts(end)) }
        }
        if !log.dlaListNodes.isEmpty { truth.loadables = log.dlaListNodes.count }
        return truth
    }

    struct Agreement: Equatable, CustomStringConvertible {
        var nodesCompared = 0
        var nodesAgreeing = 0
        var reasonsCompared = 0
        var reasonsAgreeing = 0
        var loadables = 0
        var logLoadables: Int?
        var description: String {
            "nodes \(nodesAgreeing)/\(nodesCompared), reasons \(reasonsAgreeing)/\(reasonsCompared), loadables "
                + "\(loadables) vs \(logLoadables.map(String.init) ?? "not shown")"
        }
    }

    /// Compares by exact node name; `rename` maps log names to the model's where two exports number nodes apart.
    static func compare(_ analysis: ModelAnalysis, _ truth: Truth, rename: [String: String] = [:]) -> Agreement {
        var result = Agreement(loadables: analysis.summary.loadables, logLoadables: truth.loadables)
        let verdicts = Dictionary(analysis.nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (names, expected) in [(truth.gpu, Placement.gpu), (truth.dla, Placement.dla)] {
            for logName in names {
                guard let v = verdicts[rename[logName] ?? logName], v.placement != .folded else { continue }
                result.nodesCompared += 1
                if v.placement == expected { result.nodesAgreeing += 1 }
            }
        }
        for (logName, reason) in truth.reasons {
            guard let v = verdicts[rename[logName] ?? logName], v.placement == .gpu else { continue }
            result.reasonsCompared += 1
            let ours = FallbackReason.classify(v.reason?[...])
            if ours == reason { result.reasonsAgreeing += 1 }
        }
        return result
    }

    static func log(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("jetson_dla_tutorial ModelBN, TensorRT 8.4 log (judged with the 8.5 table), Orin, INT8")
    func tutorialBN() throws {
        let a = try ModelSupport.analyse(
            "tutorial-model-bn", tensorrt: "8.5", platform: "orin", precision: "int8",
            shapes: ["input": [32, 3, 32, 32]])
        let agreement = Self.compare(a, Self.truth(try Self.log("Tests/OnnxModels/logs/tutorial-model-bn.txt")))
        #expect(
            agreement == Agreement(nodesCompared: 4, nodesAgreeing: 4, loadables: 2, logLoadables: 2), "\(agreement)")
    }

    @Test("jetson_dla_tutorial ModelGN, TensorRT 8.4 log (judged with the 8.5 table), Orin, INT8")
    func tutorialGN() throws {
        let a = try ModelSupport.analyse(
            "tutorial-model-gn", tensorrt: "8.5", platform: "orin", precision: "int8",
            shapes: ["input": [32, 3, 32, 32]])
        let agreement = Self.compare(a, Self.truth(try Self.log("Tests/OnnxModels/logs/tutorial-model-gn.txt")))
        // Disagreements: Mul_8 and Add_9 (per-channel Scale layers after the InstanceNormalization plugin) ran on the
        // GPU in the real build for a reason the log does not give; we place them on the DLA, which also adds a
        // loadable.
        #expect(
            agreement == Agreement(nodesCompared: 14, nodesAgreeing: 12, loadables: 6, logLoadables: 5), "\(agreement)")
    }

    static let nudenet = Fixtures.packageRoot.appendingPathComponent(".build-models/nudenet-320n.onnx")

    /// Runs scripts/fetch-models once (PyPI, checksummed); the path, or why it is missing.
    static let fetched: (path: String?, why: String) = {
        if FileManager.default.fileExists(atPath: nudenet.path) { return (nudenet.path, "") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Fixtures.packageRoot.appendingPathComponent("scripts/fetch-models").path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return (nil, "scripts/fetch-models did not start: \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: nudenet.path) else {
            return (nil, "scripts/fetch-models failed: \(message)")
        }
        return (nudenet.path, "")
    }()

    @Test(
        "real YOLOv8n export (nudenet 320n) vs the real JetPack 6.0 (TensorRT 8.6) YOLOv8m log: head explained, backbone on DLA",
        .enabled(if: fetched.path != nil, "the YOLOv8n model could not be fetched (offline?): \(fetched.why)"))
    func yolov8OnJetPack6() throws {
        let model = try OnnxModel.read(path: try #require(Self.fetched.path)).get()
        let a = ModelAnalysis(
            model: model, target: try ModelSupport.target(jetpack: "6.0"), shapes: ["images": [1, 3, 320, 320]])
        #expect(a.facts["output0"]?.knownDims == [1, 22, 2100])
        // The log's YOLOv8m export names its one Div `/model.22/Div`; this YOLOv8n export (pytorch 2.3.1) names the
        // same node `/model.22/Div_1`. The CONSTANT layers the log lists are folded constants here.
        let truth = Self.truth(try Self.log("Tests/TensorRTLogs/19-trt86-ultralytics-yolov8-dla-jp6-div-reshape.txt"))
        let agreement = Self.compare(a, truth, rename: ["/model.22/Div": "/model.22/Div_1"])
        #expect(agreement.nodesCompared == 1 && agreement.nodesAgreeing == 1, "\(agreement)")
        #expect(agreement.reasonsCompared == 1 && agreement.reasonsAgreeing == 1, "\(agreement)")
        let div = try #require(a.nodes.first { $0.name == "/model.22/Div_1" })
        #expect(div.reason == "/model.22/Div_1: DLA cores do not support DIV ElementWise operation.")
        // Backbone: every convolution before the head runs on the DLA, in one loadable.
        let backbone = a.nodes.filter { $0.op == "Conv" && !$0.name.hasPrefix("/model.22/") }
        #expect(backbone.count == 45 && backbone.allSatisfy { $0.placement == .dla })
        let gpu = a.nodes.filter { $0.placement == .gpu }
        #expect(gpu.allSatisfy { $0.name.hasPrefix("/model.22/") })
        #expect(a.partition?.loadables.first?.nodes.count ?? 0 > 200)
        #expect(a.line.contains("all in /model.22"))
        // Without --shapes the dynamic batch/height/width keep everything off the DLA, as TensorRT would.
        let dynamic = ModelAnalysis(model: model, target: try ModelSupport.target(jetpack: "6.0"))
        #expect(dynamic.summary.dla == 0)
        #expect(dynamic.notes.contains { $0.contains("--shapes images:") })
    }
}
