import ArgumentParser
import NvdlaProbe

/// `nvdla-doctor model`: which layers of an ONNX model run on the DLA, offline.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Will this ONNX network run on the DLA? Layer placement, loadables and reasons, offline.",
        discussion: """
            Judges each node by the DLA restrictions of a TensorRT release (Data/dla/), maps it to the layer
            TensorRT's ONNX parser makes, and splits the DLA layers into loadables. Default: TensorRT 10.3
            (JetPack 6.1/6.2), Orin, FP16. Exit status: 0 all on the DLA, 1 some layers on the GPU or undecided,
            2 nothing can run on the DLA, 3 not an ONNX model, 64 usage.
            """)

    @Argument(help: "The ONNX model.")
    var file: String

    @Option(name: .long, help: "JetPack release (5.1.2, 6.0, 6.2, 7.2, …); implies the TensorRT release.")
    var jetpack: String?

    @Option(name: .long, help: "TensorRT release: 8.5, 8.6 or 10.3.")
    var tensorrt: String?

    @Option(name: .long, help: "orin or xavier.")
    var platform: String?

    @Option(name: .long, help: "fp16 or int8.")
    var precision: String?

    @Option(name: .long, help: "Fixed shapes for dynamic inputs, as trtexec takes them: NAME:1x3x640x640,…")
    var shapes: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(name: .shortAndLong, help: "List every node and crossing.")
    var verbose = false

    func run() throws {
        var job = ModelJob()
        job.path = file
        job.jetpack = jetpack
        job.tensorrt = tensorrt
        job.platform = platform
        job.precision = precision
        job.shapes = shapes
        job.format = format
        job.verbose = verbose
        let status = job.run(.standard)
        if status != 0 { throw ExitCode(status) }
    }
}
