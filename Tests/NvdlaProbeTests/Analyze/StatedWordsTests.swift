import Testing

@testable import NvdlaProbe

/// What people write around their pastes: that layers did not run on the DLA (NVDLA-TRT-025), a loader error retold
/// in a sentence, and sentences that carry a machine token. Wordings written for these tests, not the corpus's.
@Suite("Stated words")
struct StatedWordsTests {
    static func analyze(_ text: String) -> Report {
        AnalyzeJob.analyze(text: text, name: "paste.txt", rules: Fixtures.rules)
    }

    static func ids(_ report: Report) -> [String] { report.findings.map(\.id) }

    @Test(
        "a person saying layers did not run on the DLA gets TRT-025 with the words quoted",
        arguments: [
            (
                "I build with trtexec --onnx=unet.onnx --useDLACore=1 --fp16 --allowGPUFallback\n\n"
                    + "After the build the Concat layers were placed on the GPU instead of the DLA.",
                "placed on the GPU instead of the DLA"
            ),
            (
                "config.default_device_type = trt.DeviceType.DLA\n\nWhy can't my deconvolution run on the DLA?",
                "can't my deconvolution run on the DLA"
            ),
            (
                "The ResNet head does not use the DLA at all, even with DLA core 1 set in the builder config.",
                "does not use the DLA"
            ),
            (
                "trtexec --onnx=m.onnx --useDLACore=0 --int8 --allowGPUFallback\n\n"
                    + "Half of the operators fall back to the GPU and the rest stay where they are.",
                "operators fall back to the GPU"
            ),
            (
                "When I build yolo_v5.onnx with trtexec the Resize layers are running on GPU and not on DLA in my tests",
                "running on GPU and not on DLA"
            ),
        ])
    func claimFires(_ text: String, _ quoted: String) throws {
        let report = Self.analyze(text)
        let finding = try #require(report.findings.first { $0.id == "NVDLA-TRT-025" })
        #expect(finding.severity == .info)
        #expect(finding.message.contains(quoted))
        #expect(report.facts.string("trt.stated_off_dla") == quoted)
    }

    @Test(
        "no TRT-025 where the words do not claim it, or something better tells the placement",
        arguments: [
            // A question, not a claim.
            "trtexec --onnx=m.onnx --useDLACore=0 --fp16\n\nCan the LSTM layers run on the DLA with TensorRT 8.6?",
            // A fallback without any DLA in the text is about something else.
            "The CPU path is used and everything falls back to the GPU decoder after a while.",
            // A board without a DLA: the claim is explained by the board.
            "Model: NVIDIA Jetson Nano Developer Kit\n\nWhy can't my layers run on the DLA?",
            // The log shows the placement: the log's rules speak.
            TensorRTFixtures.trt85MostlyGPU.text + "\n\nThe Div layers are running on GPU and not DLA.",
        ])
    func claimSilent(_ text: String) {
        #expect(!Self.ids(Self.analyze(text)).contains("NVDLA-TRT-025"))
    }

    @Test(
        "a release a person left behind counts below the one they run now, on one line or two",
        arguments: [
            (
                "Previously, on DeepStream 6.0 and JetPack 4.6 (CUDA 10.2), it ran.\n"
                    + "After updating to JetPack 5.1 and CUDA 11.4 it fails.", "5.1", "11.4"
            ),
            (
                "I used to run JetPack 4.4 with CUDA 10.2, but now I am on JetPack 4.6.1 and CUDA 10.2 too.", "4.6.1",
                "10.2"
            ),
            ("Before upgrading, JetPack 5.0.2 built it; JetPack 5.1.2 does not.", "5.1.2", nil),
        ])
    func pastRelease(_ text: String, _ jetpack: String, _ cuda: String?) {
        let report = Self.analyze(text)
        #expect(report.facts.string("versions.jetpack") == jetpack)
        if let cuda { #expect(report.facts.string("versions.cuda") == cuda) }
    }

    @Test(
        "a version a person says a field was changed to, or is now, is read",
        arguments: [
            (
                "After the image update our TensorRT version was changed to 8.6.2 (from 8.5.2).", "versions.tensorrt",
                "8.6.2"
            ),
            ("Since the reflash our JetPack is now 5.1.3.", "versions.jetpack", "5.1.3"),
            ("cuDNN got upgraded to 8.9.4 by apt.", "versions.cudnn", "8.9.4"),
        ])
    func changedTo(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test(
        "the word for version and the verb in Chinese, Japanese or Korean, and the full-width colon",
        arguments: [
            ("设备是Orin NX，jetpack版本为6.0，转换失败", "versions.jetpack", "6.0"),
            ("TensorRTのバージョンは8.6.2です。", "versions.tensorrt", "8.6.2"),
            ("젯팩 설치 후 CUDA 버전은 12.2 입니다", "versions.cuda", "12.2"),
            ("cuDNN版本：8.6.0", "versions.cudnn", "8.6.0"),
        ])
    func otherLanguages(_ text: String, _ fact: String, _ value: String) {
        #expect(Self.analyze(text).facts.string(fact) == value)
    }

    @Test("a release named only in the past is still the one the text gives; present words undo the past")
    func pastOnly() {
        #expect(Self.analyze("Previously it worked on JetPack 4.6.").facts.string("versions.jetpack") == "4.6")
        #expect(
            Self.analyze("Previously fine; we now run JetPack 5.1.2 and JetPack 4.6 is gone.").facts.string(
                "versions.jetpack") == "5.1.2")
    }

    @Test("a loader error retold in a sentence names the library (USR-001)")
    func retoldLoaderError() throws {
        let report = Self.analyze(
            """
            Building inside the l4t-base container fails. I cannot find libnvdla_compiler.so anywhere in the container,
            and libnvinfer.so.8 needs it.
            """)
        let finding = try #require(report.findings.first { $0.id == "NVDLA-USR-001" })
        #expect(finding.message.contains("libnvdla_compiler.so"))
    }

    @Test(
        "a sentence with a machine token or two is still a person's words",
        arguments: [
            "When I ran the model on tensorrt's DLA0 and DLA1 we saw GR3D_FREQ 40% in tegrastats for the whole time",
            "This builds, but pre_trained.log says the deconv layers are running on GPU and not on the DLA here",
            "From what I read in [the layer docs](https://example.com/dla) they should fit the requirements of DLA",
        ])
    func looseSentence(_ text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { LooseSentence.test($0) })
    }

    @Test(
        "log lines, fields and short lines are not loose sentences",
        arguments: [
            "[W] [TRT] Layer conv1 is not supported on DLA, falling back to GPU because of the kernel size",
            "WARNING: Layer conv1 is not supported on DLA, falling back to GPU because of the kernel size",
            "Model: NVIDIA Jetson AGX Orin Developer Kit with the production module and a big fan on top",
            "Running inference on DLA core 0",
            "12:01:02 the engine was built and the layers are running on GPU and not on DLA cores today",
            "/usr/src/tensorrt/bin/trtexec --onnx=a.onnx --useDLACore=0 --fp16 --allowGPUFallback --verbose --dumpProfile",
        ])
    func notLooseSentence(_ text: String) {
        #expect(!Array(text.utf8).withUnsafeBufferPointer { LooseSentence.test($0) })
    }

    @Test("a sentence with a machine token is read for the DLA request but stays output for the signals")
    func looseSentenceKeepsSignals() {
        let report = Self.analyze(
            "Every time I run on the DLA the app dies with error while loading shared libraries: "
                + "libcudla.so.1: cannot open shared object file: No such file or directory")
        #expect(report.facts.bool("trt.dla_requested") == true)
        #expect(Self.ids(report).contains("NVDLA-USR-001"))
    }

    @Test("TensorRT's refusal quoted in a sentence, without the log, is passed on like a person's words (TRT-025)")
    func quotedRefusal() throws {
        let report = Self.analyze(
            """
            build: `trtexec --onnx=round.onnx --useDLACore=1 --fp16`
            it prints `[W] [TRT] node_of_R: Unary operation: ROUND is not supported on DLA.` and nothing more
            """)
        let finding = try #require(report.findings.first { $0.id == "NVDLA-TRT-025" })
        #expect(finding.message.contains("ROUND is not supported on DLA"))
    }

    @Test("docker compose service prefixes are dropped before a log line, not before a table's first column")
    func composePrefix() {
        let report = Self.analyze(
            """
            detector-1  | [11/02/2025-08:01:12] [TRT] [W] Layer '/head/Resize' (RESIZE): Unsupported on DLA. Switching this layer's device type to GPU.
            detector-1  | [11/02/2025-08:01:12] [TRT] [W] Layer '/head/Split' (SLICE): Unsupported on DLA. Switching this layer's device type to GPU.
            """)
        #expect(report.facts.int("trt.fallback.count") == 2)
        let table = Self.analyze("CUDA      | 12.6.68\ncuDNN     | 9.3.0.75\n")
        #expect(table.facts.string("versions.cuda") == "12.6.68")
        let bytes = Array("name | [x]".utf8)
        #expect(bytes.withUnsafeBufferPointer { ComposePrefix.strip($0).count } == 3)
        let noSpace = Array("name| [x]".utf8)
        #expect(noSpace.withUnsafeBufferPointer { ComposePrefix.strip($0).count } == noSpace.count)
    }

    @Test(
        "a person's words on where the whole network ran give a stated placement",
        arguments: [
            (
                "trtexec --onnx=det.onnx --useDLACore=0 --fp16 --allowGPUFallback\n\n"
                    + "After building, every layer is running on the GPU and none on the DLA.",
                "all_gpu"
            ),
            (
                "I set builder config to DLA core 1 with GPU fallback. All of the conv layers got placed on GPU.",
                "all_gpu"
            ),
            (
                "trtexec --onnx=seg.onnx --useDLACore=1 --int8\n\nThe verbose log says no layers are running on the DLA.",
                "all_gpu"
            ),
            ("Per the verbose output all 74 layers are placed on DLA0 and no layer is running on GPU.", "all_dla"),
            ("With --useDLACore=0 everything runs on the DLA now that the Resize is gone.", "all_dla"),
        ])
    func statedWholePlacement(_ text: String, _ placement: String) throws {
        let report = Self.analyze(text)
        #expect(report.facts.string("trt.placement") == placement)
        #expect(report.facts.bool("trt.placement.stated") == true)
        #expect(Glance.tensorrtLines(report.facts).contains { $0.contains("as the text says") })
        // A person's words are not a log: no "whole network on the DLA, nothing to fix" finding.
        #expect(!Self.ids(report).contains("NVDLA-TRT-016"))
    }

    @Test(
        "no stated placement from wishes, questions, exceptions, GPU-only builds or next to a log",
        arguments: [
            "trtexec --onnx=m.onnx --useDLACore=0 --fp16\n\nI want all layers to run on the DLA.",
            "trtexec --onnx=m.onnx --useDLACore=0 --fp16\n\nDo all layers run on DLA when GPU fallback is off?",
            "All layers run on the DLA except the final Softmax, which goes to the GPU.",
            "We do not use the DLA on this project; all layers run on the GPU and that is fine.",
            "All layers run on DLA. Then, in the next test, every layer is running on the GPU.",
            TensorRTFixtures.trt85MostlyGPU.text + "\n\nEvery layer is running on GPU!",
        ])
    func statedWholePlacementSilent(_ text: String) {
        let report = Self.analyze(text)
        #expect(report.facts.bool("trt.placement.stated") != true)
    }

}
