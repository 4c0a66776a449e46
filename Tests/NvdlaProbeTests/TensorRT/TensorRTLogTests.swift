import Foundation
import Testing

@testable import NvdlaProbe

/// TensorRT logs in, placement facts and findings out (`TensorRTLog`, `TensorRTFacts`, Rules/95-tensorrt.yaml).
@Suite("TensorRT logs")
struct TensorRTLogTests {
    static func analyze(_ text: String) -> Report { ArtifactAnalysisTests.analyze(text) }

    @Test("TensorRT 7 groups count DLA layers exactly; the GPU share follows")
    func trt7Counts() {
        let facts = Self.analyze(TensorRTFixtures.trt7GroupsAndGPUList.text).facts
        #expect(facts.int("trt.layers.dla") == 17)
        #expect(facts.bool("trt.layers.dla_exact") == true)
        #expect(facts.int("trt.layers.gpu") == 3)
        #expect(facts.int("trt.layers.gpu_pct") == 15)
        #expect(facts.int("trt.subgraphs.dla") == 2)
        #expect(facts.int("trt.dla_core") == 1)
        #expect(facts.bool("trt.gpu_fallback") == true)
        #expect(facts.string("trt.precision") == "fp32+fp16")
        #expect(facts.bool("trt.precision.reduced") == true)
        #expect(facts.string("trt.io_format.input") == "default")
        #expect(facts.list("trt.fallback.reason_list")?.contains(FallbackReason.dynamicShapes.rawValue) == true)
        #expect(facts.string("trt.fallback.summary") == "Concat ×1, Resize ×1, Transpose ×1")
    }

    @Test("TensorRT 7 lists wrapped by the terminal are joined before they are counted")
    func wrappedLists() {
        let facts = Self.analyze(TensorRTFixtures.wrappedGroups.text).facts
        #expect(facts.int("trt.subgraphs.dla") == 3)
        #expect(facts.int("trt.layers.dla") == 11)
        #expect(facts.int("trt.layers.gpu") == 8)
        #expect(facts.int("trt.layers.gpu_pct") == 42)
        #expect(facts.string("trt.placement") == "split")
    }

    @Test("an empty DLA list is nothing without a DLA request (TensorRT 8.2 prints it for GPU-only builds)")
    func emptyListWithoutRequest() {
        let report = Self.analyze(
            """
            [TensorRT] WARNING: DLA requests all profiles have same min, max, and opt value. All dla layers are falling back to GPU
            [TensorRT] INFO: ---------- Layers Running on DLA ----------
            [TensorRT] INFO: ---------- Layers Running on GPU ----------
            [TensorRT] INFO: [GpuLayer] Conv_0
            [TensorRT] INFO: [GpuLayer] Relu_1
            """)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.id))")
        // Where the layers went is still a fact (all on the GPU); no rule speaks of it without a DLA request.
        #expect(report.facts.string("trt.placement") == "all_gpu")
        #expect(report.facts.bool("trt.no_dla_layer") == false)
        #expect(report.facts.bool("trt.dla_requested") == nil)
        #expect(report.facts.int("trt.layers.gpu") == 2)
    }

    @Test("TensorRT 10 option echo, banner and name-last profile")
    func trt10Profile() {
        let facts = Self.analyze(TensorRTFixtures.trt10ProfileReformats.text).facts
        #expect(facts.string("trt.version") == "10.3.0")
        #expect(facts.string("versions.tensorrt") == "10.3.0")
        #expect(facts.int("versions.tensorrt_major") == 10)
        #expect(facts.string("trt.precision") == "fp32+fp16+int8")
        #expect(facts.bool("trt.gpu_fallback") == true)
        #expect(facts.bool("trt.standalone") == false)
        #expect(facts.int("trt.reformats.count") == 2)
        #expect(facts.int("trt.reformats.time_pct") == 26)
        #expect(facts.int("trt.profile.dla_time_pct") == 75)
        #expect(facts.string("trt.placement") == "all_dla")
        #expect(facts.int("trt.builds") == 1)
    }

    @Test("a profile table alone gives subgraphs and NVM copies, nothing more")
    func profileOnly() {
        let facts = Self.analyze(TensorRTFixtures.trt82NvmProfileOnly.text).facts
        #expect(facts.int("trt.subgraphs.dla") == 1)
        #expect(facts.int("trt.reformats.count") == 3)
        #expect(facts.int("trt.profile.dla_time_pct") == 99)
        #expect(facts.string("trt.version") == nil)
        #expect(facts.int("trt.layers.network") == nil)
        #expect(facts.string("trt.precision") == nil)
    }

    @Test("the placement summary line comes before the findings")
    func summaryLine() {
        let report = Self.analyze(TensorRTFixtures.trt85MostlyGPU.text)
        let text = TextRenderer(color: false, verbose: false, titles: [:]).render(report)
        let placement = text.range(of: "placement: DLA 1 subgraph (≈ 4 of 8 layers) · GPU 4 layers")
        let finding = text.range(of: "NVDLA-TRT-001")
        #expect(placement != nil, "\(text)")
        #expect(finding != nil)
        if let placement, let finding { #expect(placement.lowerBound < finding.lowerBound) }
        #expect(text.contains("(Constant ×1, Pointwise ×1, Shuffle ×1, Slice ×1)"), "\(text)")
        #expect(text.contains("fallback: 4 layer(s) switched to GPU"), "\(text)")
        #expect(text.contains("most in /model.22 (4 of 4)"), "\(text)")
        #expect(report.facts.string("trt.fallback.summary") == "Constant ×1, Div ×1, Shuffle ×1, Slice ×1")
    }

    @Test("interleaved output of two builds is counted once per layer and said to be two runs")
    func interleavedBuilds() {
        let first = TensorRTFixtures.trt84TutorialLists.text.split(separator: "\n")
        let second = TensorRTFixtures.trt84TutorialLists.text.split(separator: "\n")
        var mixed = ["&&&& RUNNING TensorRT.trtexec [TensorRT v8401] # trtexec --onnx=a.onnx --useDLACore=0 --fp16"]
        mixed.append("&&&& RUNNING TensorRT.trtexec [TensorRT v8401] # trtexec --onnx=a.onnx --useDLACore=1 --fp16")
        for (a, b) in zip(first, second) { mixed += [String(a), String(b)] }
        let report = Self.analyze(mixed.joined(separator: "\n"))
        #expect(report.facts.int("trt.builds") == 2)
        #expect(report.facts.int("trt.fallback.count") == 2)
        #expect(report.facts.int("trt.subgraphs.dla") == 5)
        let text = TextRenderer(color: false, verbose: false, titles: [:]).render(report)
        #expect(text.contains("2 runs in the input"))
    }

    @Test("TensorRT 8.0–8.2 fallback lines without a layer type count, with the operator from the name or detail")
    func fallbackWithoutType() {
        let text = """
            [11/20/2022-14:02:10] [W] [TRT] Mul_41: DLA cores do not support MUL ElementWise operation.
            [11/20/2022-14:02:10] [W] [TRT] Layer 'Mul_41': Unsupported on DLA. Switching this layer's device type to GPU.
            [11/20/2022-14:02:10] [W] [TRT] Layer 'ReduceMean_7': Unsupported on DLA. Switching this layer's device type to GPU.
            """
        let facts = Self.analyze(text).facts
        #expect(facts.int("trt.fallback.count") == 2)
        #expect(facts.bool("trt.dla_requested") == true)
        #expect(facts.string("trt.fallback.summary")?.contains("Mul") == true)
    }

    @Test("a log pasted as a markdown list is read as the log; a task list stays a task list")
    func bulletedLog() {
        let text = """
            - [11/20/2022-14:02:10] [W] [TRT] Layer 'Mul_41': Unsupported on DLA. Switching this layer's device type to GPU.
            * [11/20/2022-14:02:10] [W] [TRT] Layer 'Pow_9': Unsupported on DLA. Switching this layer's device type to GPU.
            """
        #expect(Self.analyze(text).facts.int("trt.fallback.count") == 2)
        let checklist = "- [x] I have searched the issues\n- [ ] I am using the latest release"
        #expect(Self.analyze(checklist).facts.int("trt.log.lines") == nil)
    }

    @Test("a build whose command asks for no DLA core is all on the GPU, and nothing is said about it")
    func gpuOnlyPlacement() {
        let report = Self.analyze(TensorRTFixtures.gpuOnlyBuild.text)
        #expect(report.facts.bool("trt.dla_requested") == false)
        #expect(report.facts.string("trt.placement") == "all_gpu")
        #expect(report.facts.bool("trt.no_dla_layer") == false)
        #expect(report.findings.isEmpty)
    }

    @Test("a DLA build that finished with GPU fallback off is all on the DLA; a failed or fallback build is not")
    func builtWithoutFallback() {
        func log(_ flags: String, _ end: String) -> String {
            """
            &&&& RUNNING TensorRT.trtexec [TensorRT v8602] # trtexec --onnx=seg.onnx --useDLACore=1 --int8\(flags)
            [03/14/2026-09:00:01] [I] Allow GPU fallback for DLA: \(flags.isEmpty ? "Disabled" : "Enabled")
            [03/14/2026-09:00:01] [I] DLACore: 1
            [03/14/2026-09:00:09] [I] Engine built in 8.4 sec.
            \(end) TensorRT.trtexec [TensorRT v8602] # trtexec --onnx=seg.onnx --useDLACore=1 --int8\(flags)
            """
        }
        let built = Self.analyze(log("", "&&&& PASSED"))
        #expect(built.facts.string("trt.placement") == "all_dla")
        #expect(built.facts.string("trt.placement.summary")?.contains("GPU fallback off") == true)
        #expect(built.findings.map(\.id).contains("NVDLA-TRT-016"))
        #expect(Self.analyze(log("", "&&&& FAILED")).facts.string("trt.placement") == nil)
        #expect(Self.analyze(log(" --allowGPUFallback", "&&&& PASSED")).facts.string("trt.placement") == nil)
    }

    @Test("grep's file-name prefix (-H, -n) is dropped before a stamp or &&&&; a kernel device name is kept")
    func grepPrefix() {
        let report = Self.analyze(
            """
            $ grep -Hn -E 'DLACore|fallback|PASSED|Error' runs/*.log
            runs/det-dla1.log:14:[05/02/2026-08:10:12] [I] Allow GPU fallback for DLA: Enabled
            runs/det-dla1.log:15:[05/02/2026-08:10:12] [I] DLACore: 1
            runs/det-dla1.log:88:[05/02/2026-08:10:40] [W] [TRT] Layer '/head/Resize' (RESIZE): Unsupported on DLA. Switching this layer's device type to GPU.
            runs/det-dla1.log:141:&&&& PASSED TensorRT.trtexec [TensorRT v8602] # trtexec --onnx=det.onnx --useDLACore=1 --allowGPUFallback
            """)
        #expect(report.facts.bool("trt.dla_requested") == true)
        #expect(report.facts.int("trt.dla_core") == 1)
        #expect(report.facts.int("trt.fallback.count") == 1)
        #expect(report.facts.string("versions.tensorrt") == "8.6.2")
        let stripped = Array("ab/c.log:[x".utf8).withUnsafeBufferPointer { Array(GrepPrefix.strip($0)) }
        #expect(stripped == Array("[x".utf8))
        let kernel = Array("15880000.nvdla0: [DLA] fw".utf8).withUnsafeBufferPointer { Array(GrepPrefix.strip($0)) }
        #expect(kernel == Array("15880000.nvdla0: [DLA] fw".utf8))
        let url = Array("http://example.org/x".utf8).withUnsafeBufferPointer { Array(GrepPrefix.strip($0)) }
        #expect(url == Array("http://example.org/x".utf8))
    }

    @Test("a kernel log or a jetson_release alone sets no TensorRT fact")
    func silentWithoutTensorRT() {
        for item in ArtifactFixtures.cases {
            let report = Self.analyze(item.text)
            #expect(
                report.facts.int("trt.log.lines") == nil, "\(item.name) \(report.facts["trt.log.lines"]?.source ?? "")")
            #expect(!report.findings.contains { $0.area == .tensorrt }, "\(item.name)")
        }
    }

    @Test("header comments that quote DLA messages are not layer details")
    func commentsAreNotDetails() {
        let report = Self.analyze(
            """
            # source: https://example.invalid/issue (DLA on Orin): DLA only supports concatenation on the C dimension
            Notes: the DLA was slow
            """)
        #expect(report.facts.int("trt.fallback.count") == nil)
    }
}
