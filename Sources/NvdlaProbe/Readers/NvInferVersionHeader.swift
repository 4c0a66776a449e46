/// Parses TensorRT's `NvInferVersion.h` (`/usr/include/aarch64-linux-gnu/NvInferVersion.h`).
///
/// Handles the direct form `#define NV_TENSORRT_MAJOR 8 //!< TensorRT major version.` and the
/// TensorRT ≥ 10.11 indirection `#define TRT_MAJOR_ENTERPRISE 10` …
/// `#define NV_TENSORRT_MAJOR TRT_MAJOR_ENTERPRISE`.
public struct NvInferVersionHeader: Sendable, Equatable {
    /// `NV_TENSORRT_MAJOR`.
    public let major: Int
    /// `NV_TENSORRT_MINOR`.
    public let minor: Int
    /// `NV_TENSORRT_PATCH`.
    public let patch: Int
    /// `NV_TENSORRT_BUILD`, when defined.
    public let build: Int?
    /// `major.minor.patch[.build]`, e.g. `10.3.0.30`.
    public let version: String

    /// Parses `NvInferVersion.h` text; `nil` unless major, minor and patch all resolve to integers.
    public static func parse(_ text: String) -> NvInferVersionHeader? {
        let defines = ReaderLex.cDefines(text)
        guard let major = ReaderLex.resolveInt("NV_TENSORRT_MAJOR", in: defines),
            let minor = ReaderLex.resolveInt("NV_TENSORRT_MINOR", in: defines),
            let patch = ReaderLex.resolveInt("NV_TENSORRT_PATCH", in: defines)
        else { return nil }
        let build = ReaderLex.resolveInt("NV_TENSORRT_BUILD", in: defines)
        var version = "\(major).\(minor).\(patch)"
        if let build { version += ".\(build)" }
        return NvInferVersionHeader(major: major, minor: minor, patch: patch, build: build, version: version)
    }
}
