/// Parses cuDNN's `cudnn_version.h` (`/usr/include/cudnn_version.h`, older releases `cudnn.h`).
///
/// Reads `#define CUDNN_MAJOR 9`, `#define CUDNN_MINOR 3` and `#define CUDNN_PATCHLEVEL 0`.
public struct CudnnVersionHeader: Sendable, Equatable {
    /// `CUDNN_MAJOR`.
    public let major: Int
    /// `CUDNN_MINOR`.
    public let minor: Int
    /// `CUDNN_PATCHLEVEL`.
    public let patch: Int
    /// `major.minor.patch`, e.g. `9.3.0`.
    public let version: String

    /// Parses `cudnn_version.h` text; `nil` unless all three macros resolve to integers.
    public static func parse(_ text: String) -> CudnnVersionHeader? {
        let defines = ReaderLex.cDefines(text)
        guard let major = ReaderLex.resolveInt("CUDNN_MAJOR", in: defines),
            let minor = ReaderLex.resolveInt("CUDNN_MINOR", in: defines),
            let patch = ReaderLex.resolveInt("CUDNN_PATCHLEVEL", in: defines)
        else { return nil }
        return CudnnVersionHeader(
            major: major, minor: minor, patch: patch, version: "\(major).\(minor).\(patch)")
    }
}
