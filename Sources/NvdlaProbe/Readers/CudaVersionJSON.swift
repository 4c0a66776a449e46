import Foundation

/// Parses `/usr/local/cuda/version.json` (CUDA ≥ 11.1) for the toolkit and component versions.
///
/// Shape: `{"cuda": {"name": "CUDA SDK", "version": "12.6.11"}, "cuda_cudart": {…}, …}`.
public struct CudaVersionJSON: Sendable, Equatable {
    /// The toolkit version from the `cuda` entry, e.g. `12.6.11`.
    public let version: String
    /// Every component entry that has a `version` (e.g. `cuda_cudart` → `12.6.68`), including `cuda`.
    public let components: [String: String]

    /// Parses `version.json` text; `nil` when it is not a JSON object with a string `cuda.version`.
    public static func parse(_ text: String) -> CudaVersionJSON? {
        guard text.utf8.count <= 16 * 1024 * 1024,
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            let root = object as? [String: Any]
        else { return nil }
        var components: [String: String] = [:]
        for (key, value) in root {
            if let entry = value as? [String: Any], let version = entry["version"] as? String {
                components[key] = version
            }
        }
        guard let version = components["cuda"], !ReaderLex.trimmed(version).isEmpty else { return nil }
        return CudaVersionJSON(version: String(ReaderLex.trimmed(version)), components: components)
    }
}
