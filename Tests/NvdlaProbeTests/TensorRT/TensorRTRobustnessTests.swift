import Foundation
import Testing

@testable import NvdlaProbe

/// Inputs found in review that once crashed, blew up or raised false alarms; each now gives a sane answer.
@Suite("TensorRT robustness")
struct TensorRTRobustnessTests {
    static func analyze(_ text: String) -> Report { ArtifactAnalysisTests.analyze(text) }

    @Test("empty layer names in fallback and detail lines do not trap")
    func emptyNames() {
        let report = Self.analyze(
            """
            [W] [TRT] Default DLA is enabled but layer is not supported on DLA, falling back to GPU.
            [W] [TRT] DLA Layer does not support dynamic shapes in any dimension.
            [W] [TRT] Layer '' (SHUFFLE): Unsupported on DLA. Switching this layer's device type to GPU.
            [W] [TRT] Validation failed for DLA layer: . Switching to GPU fallback.
            """)
        #expect(report.facts.int("trt.log.lines") == 4)
    }

    @Test("a brace flood in a TensorRT 7 list is read in linear time and counts what closes")
    func braceFlood() {
        var text = "[I] [TRT] --------------- Layers running on DLA:\n"
        text += "[I] [TRT] {" + String(repeating: "a,", count: 10_000) + "\n"
        text += "[I] [TRT] " + String(repeating: "}", count: 5_000) + ",\n"
        text += "[I] [TRT] --------------- Layers running on GPU:\n[I] [TRT] prob,\n[I] [TRT] Detected 1 inputs.\n"
        let facts = Self.analyze(text).facts
        #expect(facts.int("trt.subgraphs.dla") == 1)
        #expect(facts.int("trt.layers.dla") == 10_000)
    }

    @Test("a GPU-only verbose build with the placement headers raises nothing")
    func gpuOnlyVerbose() {
        var lines = [
            "&&&& RUNNING TensorRT.trtexec [TensorRT v8205] # trtexec --onnx=resnet.onnx --fp16",
            "[I] === System Options ===", "[I] DLACore:", "[V] [TRT] Original: 200 layers",
            "[V] [TRT] ---------- Layers Running on DLA ----------", "[V] [TRT] No layer is running on DLA",
            "[V] [TRT] ---------- Layers Running on GPU ----------",
        ]
        lines += (0..<120).map { "[V] [TRT] [GpuLayer] CONVOLUTION: Conv_\($0)" }
        let report = Self.analyze(lines.joined(separator: "\n"))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.id))")
        #expect(report.facts.bool("trt.dla_requested") == false)
        #expect(report.facts.string("trt.placement") == "all_gpu")
        #expect(report.facts.bool("trt.no_dla_layer") == false)
        #expect(report.facts.int("trt.layers.gpu_pct") == nil)
    }

    @Test("Myelin ForeignNodes in a GPU-only profile are not DLA subgraphs")
    func myelinProfile() {
        let report = Self.analyze(
            """
            &&&& RUNNING TensorRT.trtexec [TensorRT v100300] # trtexec --onnx=vit.onnx --fp16 --dumpProfile
            [I] === Profile (512 iterations ) ===
            [I]    Time(ms)     Avg.(ms)   Median(ms)   Time(%)   Layer
            [I]       90.00       0.1758       0.1750      12.0   Reformatting CopyNode for Input Tensor 0 to {ForeignNode[/patch_embed/proj/Conv.../head/Gemm]}
            [I]      660.00       1.2891       1.2890      88.0   {ForeignNode[/patch_embed/proj/Conv.../head/Gemm]}
            [I]      750.00       1.4648       1.4640     100.0   Total
            """)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.id))")
        #expect(report.facts.int("trt.subgraphs.dla") == nil)
        #expect(report.facts.bool("trt.dla_requested") == false)
    }

    @Test("a name-last profile pasted from its column header is read")
    func profileFromHeader() {
        let facts = Self.analyze(
            """
            [I]    Time(ms)     Avg.(ms)   Median(ms)   Time(%)   Layer
            [I]       10.00       0.0200       0.0200      10.0   images to nvm
            [I]       90.00       0.1800       0.1800      90.0   {ForeignNode[conv1...fc8]}
            [I]      100.00       0.2000       0.2000     100.0   Total
            """
        ).facts
        #expect(facts.bool("trt.profile.present") == true)
        #expect(facts.int("trt.subgraphs.dla") == 1)
        #expect(facts.int("trt.reformats.time_pct") == 10)
    }

    @Test("what follows a TensorRT 7 GPU list is read as itself: dpkg rows, fences, banners")
    func listDoesNotSwallow() {
        let report = Self.analyze(
            """
            [I] [TRT] --------------- Layers running on GPU:
            [I] [TRT] conv1 + relu1, prob,
            ```
            $ dpkg -l | grep nvinfer
            ii  libnvinfer8    8.5.2-1+cuda11.4   arm64   TensorRT runtime libraries
            ii  tensorrt       8.5.2.2-1+cuda11.4 arm64   Meta package for TensorRT
            === uname -a ===
            """)
        #expect(report.facts.int("trt.layers.gpu") == 2)
        #expect(report.notes.contains { $0.contains("recognised: dpkg -l") }, "\(report.notes)")
        #expect(report.notes.contains { $0.contains("TensorRT log (paste.txt lines 1–2)") }, "\(report.notes)")
    }

    @Test("an `=== X ===` banner that is not trtexec's is not a TensorRT log")
    func foreignBanner() {
        let report = Self.analyze("=== uname -a ===\nLinux orin 5.15.148-tegra\n")
        #expect(report.facts.int("trt.log.lines") == nil)
    }

    @Test("prose that mentions a trtexec command is not the command")
    func proseIsNotCommand() {
        #expect(TrtexecCommand.parse("the reporter then ran trtexec --loadEngine=x.engine") == nil)
        #expect(TrtexecCommand.parse("$ trtexec --onnx=m.onnx --fp16") != nil)
        #expect(TrtexecCommand.parse("user@orin:~$ sudo /usr/src/tensorrt/bin/trtexec --onnx=m.onnx") != nil)
        #expect(TrtexecCommand.parse("/usr/src/tensorrt/bin/trtexec --onnx=m.onnx")?.model == "m.onnx")
    }

    @Test("distinct operator types and module paths are capped; names are kept short")
    func boundedGroups() {
        var lines = ["[I] [TRT] ---------- Layers Running on DLA ----------", "[I] [TRT] [DlaLayer] {ForeignNode[a]}"]
        lines.append("[I] [TRT] ---------- Layers Running on GPU ----------")
        lines += (0..<2_000).map { "[I] [TRT] [GpuLayer] TYPE_\($0): /m\($0)/x" }
        lines += (0..<2_000).map {
            "[W] [TRT] Layer '/mod\($0)/\(String(repeating: "n", count: 2_000))' (TYPE_\($0)): Unsupported on DLA."
        }
        let log = TensorRTLog()
        for line in lines {
            var copy = line
            copy.withUTF8 { _ = log.consume($0, input: "x", line: 1) }
        }
        log.finish()
        #expect(log.gpuOps.count <= TensorRTLog.groupCap + 1)
        #expect(log.regions.count <= TensorRTLog.groupCap + 1)
        #expect(log.fallbacks.values.allSatisfy { $0.count <= TensorRTLog.groupCap + 1 })
        #expect(log.fallbackCount == 2_000)
        #expect(log.fallbackNames.allSatisfy { $0.count <= TensorRTLog.nameKeyCap })
    }
}
