import Foundation

/// `nvdla-doctor model FILE.onnx`: will this network run on the DLA? Reads the model, resolves the target, renders.
///
/// Exit status (DESIGN.md convention): 0 every layer on the DLA · 1 some layers fall back to the GPU or are
/// undecided, or the loadables exceed the per-core limit · 2 nothing can run on the DLA (no layer, or a TensorRT
/// release without DLA) · 3 not an ONNX file, unreadable, or no rule table for the release · 64 usage.
public struct ModelJob: Sendable {
    public var path = ""
    public var jetpack: String?
    public var tensorrt: String?
    public var platform: String?
    public var precision: String?
    public var shapes: String?
    public var format: ReportFormat = .text
    public var verbose = false

    public init() {}

    public func run(_ output: Output) -> Int32 {
        let target: DlaTarget
        switch DlaTargets.resolve(jetpack: jetpack, tensorrt: tensorrt, platform: platform, precision: precision) {
        case .failure(let error):
            output.stderr("nvdla-doctor model: \(error.message)\n")
            return ExitStatus.usage
        case .success(let t): target = t
        }
        let parsedShapes: [String: [Int64]]
        switch Self.parseShapes(shapes ?? "") {
        case .failure(let error):
            output.stderr("nvdla-doctor model: \(error.message)\n")
            return ExitStatus.usage
        case .success(let s): parsedShapes = s
        }
        let model: OnnxModel
        switch OnnxModel.read(path: path) {
        case .failure(.notOnnx(let why)), .failure(.malformed(let why)):
            output.stderr("nvdla-doctor model: \(path): \(why)\n")
            return ExitStatus.unknown
        case .success(let m): model = m
        }
        let directory = (path as NSString).deletingLastPathComponent
        let analysis = ModelAnalysis(
            model: model, target: target, shapes: parsedShapes, modelDirectory: directory.isEmpty ? "." : directory)
        switch format {
        case .json: output.stdout(ModelRenderer.json(analysis, path: path) + "\n")
        case .text: output.stdout(ModelRenderer.text(analysis, path: path, verbose: verbose))
        }
        return analysis.status.exitCode
    }

    /// A `--shapes` value it cannot read.
    public struct ShapesError: Error, Equatable {
        public let message: String
    }

    /// `--shapes images:1x3x640x640,mask:1x1x640x640` as trtexec takes it (names may be quoted with `'`; a name may
    /// contain `:`, the shape follows the last one).
    public static func parseShapes(_ text: String) -> Result<[String: [Int64]], ShapesError> {
        var result: [String: [Int64]] = [:]
        guard !text.isEmpty else { return .success([:]) }
        for item in text.split(separator: ",") {
            guard let colon = item.lastIndex(of: ":") else {
                return .failure(ShapesError(message: "--shapes: `\(item)` is not NAME:DIMS (e.g. images:1x3x640x640)"))
            }
            var name = String(item[..<colon])
            if name.hasPrefix("'"), name.hasSuffix("'"), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            let dims = item[item.index(after: colon)...].split(separator: "x", omittingEmptySubsequences: false)
            var values: [Int64] = []
            for d in dims {
                guard let v = Int64(d), v > 0, v <= 1 << 31 else {
                    return .failure(
                        ShapesError(message: "--shapes: `\(item)` has a dimension that is not a positive number"))
                }
                values.append(v)
            }
            guard !name.isEmpty, !values.isEmpty, values.count <= 8 else {
                return .failure(ShapesError(message: "--shapes: `\(item)` is not NAME:DIMS (e.g. images:1x3x640x640)"))
            }
            result[name] = values
        }
        return .success(result)
    }
}
