import Foundation
import Testing

@testable import NvdlaProbe

/// Loads test models and analyses them for a target.
enum ModelSupport {
    static let models = Fixtures.packageRoot.appendingPathComponent("Tests/OnnxModels")

    static func model(_ name: String) throws -> OnnxModel {
        try OnnxModel.read(path: models.appendingPathComponent(name + ".onnx").path).get()
    }

    static func target(
        jetpack: String? = nil, tensorrt: String? = nil, platform: String? = nil, precision: String? = nil
    )
        throws -> DlaTarget
    {
        try DlaTargets.resolve(jetpack: jetpack, tensorrt: tensorrt, platform: platform, precision: precision).get()
    }

    static func analyse(
        _ name: String, tensorrt: String = "8.6", platform: String? = nil, precision: String? = nil,
        shapes: [String: [Int64]] = [:]
    ) throws -> ModelAnalysis {
        ModelAnalysis(
            model: try model(name), target: try target(tensorrt: tensorrt, platform: platform, precision: precision),
            shapes: shapes, modelDirectory: models.path)
    }
}

extension DlaTargets.UsageError: CustomStringConvertible {
    public var description: String { message }
}
