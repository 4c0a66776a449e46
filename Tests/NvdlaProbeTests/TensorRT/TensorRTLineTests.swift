import Testing

@testable import NvdlaProbe

/// The pieces of a TensorRT log line: prefixes, versions, trtexec options, profile rows, layer names, reasons.
@Suite("TensorRT line readers")
struct TensorRTLineTests {
    struct Prefixed: Sendable, CustomTestStringConvertible {
        let line: String
        let severity: Character?
        let tagged: Bool
        let message: String
        var testDescription: String { line }
    }

    static let prefixed: [Prefixed] = [
        Prefixed(
            line: "[08/17/2023-14:54:41] [I] [TRT] Loaded engine size: 0 MiB", severity: "I", tagged: true,
            message: "Loaded engine size: 0 MiB"),
        Prefixed(
            line: "[12/04/2024-11:57:45] [TRT] [W] Splitting DLA subgraph at: x", severity: "W", tagged: true,
            message: "Splitting DLA subgraph at: x"),
        Prefixed(
            line: " [W] [TRT] setDefaultDeviceType was called", severity: "W", tagged: true,
            message: "setDefaultDeviceType was called"),
        Prefixed(
            line: "> [09/29/2020-17:08:38] [E] Engine set up failed", severity: "E", tagged: true,
            message: "Engine set up failed"),
        Prefixed(
            line: "[TensorRT] WARNING: Default DLA is enabled", severity: "W", tagged: true,
            message: "Default DLA is enabled"),
        Prefixed(
            line: "WARNING: DLA supports only 8 subgraphs per DLA core.", severity: "W", tagged: false,
            message: "DLA supports only 8 subgraphs per DLA core."),
        Prefixed(
            line: "WARNING: [TRT]: DLA supports only 8 subgraphs", severity: "W", tagged: true,
            message: "DLA supports only 8 subgraphs"),
        Prefixed(
            line: " [TRT] [E] 3: [builderConfig.cpp::canRunOnDLA::382] Error Code 3", severity: "E", tagged: true,
            message: "3: [builderConfig.cpp::canRunOnDLA::382] Error Code 3"),
        Prefixed(
            line: "2024-05-01 10:00:00.1 [W:onnxruntime:Default, tensorrt_execution_provider.h:83 log] "
                + "[2024-05-01 10:00:00 WARNING] Layer 'x' (SHUFFLE): Unsupported on DLA.",
            severity: nil, tagged: false,
            message: "2024-05-01 10:00:00.1 [W:onnxruntime:Default, tensorrt_execution_provider.h:83 log] "
                + "[2024-05-01 10:00:00 WARNING] Layer 'x' (SHUFFLE): Unsupported on DLA."),
        Prefixed(
            line:
                "[W:onnxruntime:Default, tensorrt_execution_provider.h:83 log] [2024-05-01 10:00:00 WARNING] Layer 'x'",
            severity: "W", tagged: false, message: "Layer 'x'"),
        Prefixed(
            line: "[DlaLayer] {ForeignNode[a...b]}", severity: nil, tagged: false,
            message: "[DlaLayer] {ForeignNode[a...b]}"),
    ]

    @Test("prefixes are taken off every form", arguments: prefixed)
    func prefixes(_ item: Prefixed) {
        let line = TensorRTLine.parse(item.line)
        #expect(line.severity == item.severity)
        #expect(line.tagged == item.tagged)
        #expect(line.message == item.message[...])
    }

    @Test("trtexec banner numbers decode by their width")
    func versions() {
        #expect(TensorRTVersion.banner("8502") == "8.5.2")
        #expect(TensorRTVersion.banner("8401") == "8.4.1")
        #expect(TensorRTVersion.banner("7103") == "7.1.3")
        #expect(TensorRTVersion.banner("100300") == "10.3.0")
        #expect(TensorRTVersion.banner("101300") == "10.13.0")
        #expect(TensorRTVersion.banner("85") == nil)
        #expect(TensorRTVersion.banner("0000") == nil)
        #expect(TensorRTVersion.find(in: "&&&& PASSED TensorRT.trtexec [TensorRT v8601] # trtexec") == "8.6.1")
        #expect(TensorRTVersion.find(in: "TensorRT version: 8502") == "8.5.2")
        #expect(TensorRTVersion.find(in: "TensorRT version: 8.6.2") == "8.6.2")
        #expect(TensorRTVersion.find(in: "TensorRT version: unknown") == nil)
    }

    @Test("trtexec options: DLA core, precision, formats, standalone, dynamic shapes")
    func command() throws {
        let command = try #require(
            TrtexecCommand.parse(
                "/usr/src/tensorrt/bin/trtexec --onnx=m.onnx --useDLACore=1 --int8 --fp16 --allowGPUFallback "
                    + "--inputIOFormats=int8:dla_linear --outputIOFormats='fp16:chw16' --minShapes=x:1x3x8x8"))
        #expect(command.dlaCore == 1)
        #expect(command.precision == "int8+fp16")
        #expect(command.allowGPUFallback)
        #expect(command.inputFormats == "int8:dla_linear")
        #expect(command.outputFormats == "fp16:chw16")
        #expect(command.dynamicShapes)
        #expect(command.model == "m.onnx")
        #expect(!command.standalone)
        #expect(TrtexecCommand.parse("trtexec --best --buildDLAStandalone")?.precision == "best")
        #expect(TrtexecCommand.parse("trtexec --best --buildDLAStandalone")?.standalone == true)
        #expect(TrtexecCommand.parse("trtexec --onnx=m.onnx")?.precision == "fp32")
        #expect(TrtexecCommand.parse("trtexec --onnx=m.onnx --useDLACore=0")?.precision == "fp16")
        #expect(TrtexecCommand.parse("python3 run.py --fp16") == nil)
        #expect(TrtexecCommand.parse("Building trtexec from source") == nil)
    }

    @Test("profile rows of the three table layouts")
    func profileRows() throws {
        let old = try #require(ProfileRow.layout(ofHeader: "Layer   Time (ms)   Avg. Time (ms)   Time %"))
        #expect(old == ProfileRow.Layout(numbers: 3, nameFirst: true))
        let median = try #require(
            ProfileRow.layout(ofHeader: "Layer   Time (ms)   Avg. Time (ms)   Median Time (ms)   Time %"))
        #expect(median.numbers == 4)
        let new = try #require(ProfileRow.layout(ofHeader: "Time(ms)     Avg.(ms)   Median(ms)   Time(%)   Layer"))
        #expect(new == ProfileRow.Layout(numbers: 4, nameFirst: false))
        #expect(ProfileRow.layout(ofHeader: "=== Performance summary ===") == nil)

        let a = try #require(ProfileRow.parse(" {ForeignNode[Conv_0...Concat_198]}   3.38   0.0085   0.1", layout: old))
        #expect(a.kind == .dla)
        #expect(a.percent == 0.1)
        let b = try #require(
            ProfileRow.parse(
                "Reformatting CopyNode for Input Tensor 0 to conv 1   12.3   0.02   0.02   4.5", layout: median))
        #expect(b.kind == .reformat)
        #expect(b.name == "Reformatting CopyNode for Input Tensor 0 to conv 1")
        let c = try #require(ProfileRow.parse("  1.5   0.1   0.1   3.0   Conv_3 + Relu_4", layout: new))
        #expect(c.kind == .gpu)
        #expect(c.name == "Conv_3 + Relu_4")
        #expect(ProfileRow.parse("  4462.73   4.3581   4.3550   100.0   Total", layout: new)?.kind == .total)
        #expect(ProfileRow.parse("head_3 from nvm   3069.55   7.6931   98.4", layout: old)?.kind == .dla)
        #expect(ProfileRow.parse("images to nvm   33.99   0.0852   1.1", layout: old)?.kind == .reformat)
        #expect(ProfileRow.parse("Throughput: 649.723 qps", layout: old) == nil)
        #expect(ProfileRow.parse("x 1 2 300", layout: old) == nil)
    }

    @Test("operators from TensorRT types and ONNX names")
    func operators() {
        #expect(LayerNames.op(name: "/model.23/Concat_4", type: "CONCATENATION") == "Concat")
        #expect(LayerNames.op(name: "/model.22/Div", type: "ELEMENTWISE") == "Div")
        #expect(LayerNames.op(name: "/model.22/Gather_output_0", type: "CONSTANT") == "Constant")
        #expect(LayerNames.op(name: "(Unnamed Layer* 388) [Shuffle]", type: nil) == "Shuffle")
        #expect(LayerNames.op(name: "Resize_42", type: nil) == "Resize")
        #expect(LayerNames.op(name: "LSTM encoder", type: nil) == nil)
        #expect(LayerNames.op(name: "Concatenated_thing", type: nil) == nil)
        #expect(LayerNames.op(name: "x", type: "SOME_NEW_TYPE") == "SomeNewType")
        #expect(LayerNames.region(of: "/model.10/m/m.0/attn/Reshape") == "/model.10")
        #expect(LayerNames.region(of: "layer61-conv") == nil)
        #expect(LayerNames.short(Substring(String(repeating: "a", count: 60) + "/Conv")).hasSuffix("a/Conv"))
    }

    @Test("validation details map to reasons")
    func reasons() {
        #expect(FallbackReason.classify("DLA only supports concatenation on the C dimension.") == .concatAxis)
        #expect(
            FallbackReason.classify("This version of DLA does not support reshape layers directly connected to Slice")
                == .reshapeNextToSliceConcat)
        #expect(FallbackReason.classify("DLA only supports slicing 4 dimensional tensors.") == .dimensions)
        #expect(FallbackReason.classify("does not support dynamic shapes in any dimension.") == .dynamicShapes)
        #expect(FallbackReason.classify("FP16 and Int8 precision") == .precision)
        #expect(FallbackReason.classify("DLA does not support out-of-bounds slice operation.") == .parameters)
        #expect(FallbackReason.classify("DLA cores do not support DIV ElementWise operation.") == .unsupportedLayer)
        #expect(FallbackReason.classify(nil) == .unsupportedLayer)
        #expect(FallbackReason.classify("subgraphs per DLA core") == .subgraphLimit)
    }
}
