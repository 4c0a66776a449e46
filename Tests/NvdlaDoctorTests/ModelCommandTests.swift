import Foundation
import Testing

/// `nvdla-doctor model` through the built binary: exit statuses, the JSON contract, messages, hostile input.
@Suite("model command")
struct ModelCommandTests {
    static func model(_ name: String) -> String {
        Binary.packageRoot.appendingPathComponent("Tests/OnnxModels/\(name).onnx").path
    }

    @Test("exit status: all on DLA 0, some on GPU 1, nothing on DLA 2, not ONNX 3, usage 64")
    func exitStatus() throws {
        #expect(try Binary.run(["model", Self.model("conv-kernel-32")]).status == 0)
        #expect(try Binary.run(["model", Self.model("tutorial-model-bn"), "--shapes", "input:32x3x32x32"]).status == 1)
        #expect(try Binary.run(["model", Self.model("conv-kernel-33")]).status == 2)
        #expect(try Binary.run(["model", Self.model("relu"), "--jetpack", "7.2"]).status == 2)
        #expect(try Binary.run(["model", Self.model("relu"), "--jetpack", "7.2.2"]).status == 3)
        let text = try Binary.run(["model", Binary.packageRoot.appendingPathComponent("README.md").path])
        #expect(text.status == 3)
        #expect(text.stderr.contains("not an ONNX model"))
        #expect(text.stdout.isEmpty)
        let missing = try Binary.run(["model", "/nonexistent/model.onnx"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("No such file"))
        let dir = try Binary.run(["model", Binary.packageRoot.path])
        #expect(dir.status == 3 && dir.stderr.contains("not a regular file"))
        #expect(try Binary.run(["model"]).status == 64)
        let xavier = try Binary.run(["model", Self.model("relu"), "--jetpack", "6.0", "--platform", "xavier"])
        #expect(xavier.status == 64)
        #expect(xavier.stderr.contains("JetPack 6.0 (TensorRT 8.6.2) does not run on xavier"))
        #expect(try Binary.run(["model", Self.model("relu"), "--shapes", "x:1xq"]).status == 64)
        #expect(try Binary.run(["model", Self.model("relu"), "--precision", "fp32"]).status == 64)
    }

    @Test("JSON: schemaVersion 1, target, summary, nodes with placement/reason/rule/source, loadables, boundaries")
    func json() throws {
        let run = try Binary.run([
            "model", Self.model("tutorial-model-bn"), "--jetpack", "5.1.2", "--platform", "xavier", "--precision",
            "int8", "--shapes", "input:32x3x32x32", "--format", "json",
        ])
        #expect(run.status == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(doc["schemaVersion"] as? Int == 1)
        #expect(doc["kind"] as? String == "model")
        #expect(doc["status"] as? String == "warning")
        let target = try #require(doc["target"] as? [String: Any])
        #expect(target["platform"] as? String == "xavier")
        #expect(target["tensorrt"] as? String == "8.5.2")
        #expect(target["jetpack"] as? String == "5.1.2")
        #expect(target["precision"] as? String == "int8")
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect(summary["dla"] as? Int == 9)
        #expect(summary["gpu"] as? Int == 1)
        #expect(summary["unknown"] as? Int == 1)
        #expect(summary["loadables"] as? Int == 2)
        #expect(summary["limit"] as? Int == 16)
        let nodes = try #require(doc["nodes"] as? [[String: Any]])
        #expect(nodes.count == 16)
        let gap = try #require(nodes.first { $0["name"] as? String == "GlobalAveragePool_8" })
        #expect(gap["placement"] as? String == "gpu")
        #expect(gap["layer"] as? String == "REDUCE")
        #expect(gap["rule"] as? String == "reduce-gpu")
        #expect((gap["source"] as? String)?.contains("Deep-Learning-Accelerator-SW") == true)
        #expect((gap["fix"] as? String)?.contains("AveragePool") == true)
        let loadables = try #require(doc["loadables"] as? [[String: Any]])
        #expect(loadables.map { $0["first"] as? String } == ["Conv_0", "Gemm_15"])
        let model = try #require(doc["model"] as? [String: Any])
        #expect(model["opset"] as? Int == 11)
        #expect((model["inputs"] as? [[String: Any]])?.first?["shape"] as? String == "32x3x32x32")
    }

    @Test("text: the target line, GPU layers grouped with reason, fix and source, the summary line")
    func text() throws {
        let run = try Binary.run(["model", Self.model("div-constant"), "--tensorrt", "8.6"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("target: orin, TensorRT 8.6.2, FP16 · rules Data/dla/tensorrt-8.6.yaml"))
        #expect(run.stdout.contains("gpu     ELEMENTWISE ×1: div-constant"))
        #expect(run.stdout.contains("div-constant: DLA cores do not support DIV ElementWise operation."))
        #expect(run.stdout.contains("fix:  Replace Div by a constant with Mul by its reciprocal"))
        #expect(run.stdout.contains("status: error · 0 of 1 layers on the DLA in 0 loadables"))
        let dynamic = try Binary.run(["model", Self.model("relu-dynamic")])
        #expect(dynamic.stdout.contains("note: input x has dynamic dims [N, 4, 16, 16]"))
        #expect(dynamic.stdout.contains("--shapes x:1x3x640x640"))
    }

    @Test("hostile files: binary garbage and a truncated model exit 3 with a message, never a crash")
    func hostile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let garbage = dir.appendingPathComponent("garbage.onnx")
        try Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }).write(to: garbage)
        let run = try Binary.run(["model", garbage.path])
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("nvdla-doctor model: "))
        let whole = try Data(contentsOf: URL(fileURLWithPath: Self.model("tutorial-model-gn")))
        let cut = dir.appendingPathComponent("cut.onnx")
        try whole.prefix(whole.count / 2).write(to: cut)
        let truncated = try Binary.run(["model", cut.path])
        #expect(truncated.status == 3)
        #expect(truncated.stderr.contains("malformed ONNX model"))
    }
}
