/// Limits for writing and for reading untrusted bundles (documented in `Docs/support-bundles.md`).
public enum BundleLimits {
    /// Most bytes stored per captured file; longer files are cut and flagged `truncated` in the manifest.
    public static let perFileBytes = 16 * 1024 * 1024
    /// Most file bytes stored in one bundle; later files are recorded as `skipped` in the manifest.
    public static let totalBytes = 256 * 1024 * 1024
    /// Most members a bundle may have when read.
    public static let maxEntries = 100_000
    /// Most bytes a bundle may unpack to.
    public static let maxUnpackedBytes: Int64 = 512 * 1024 * 1024
    /// Most bytes one member may unpack to.
    public static let maxEntryBytes: Int64 = 64 * 1024 * 1024
    /// Highest ratio of unpacked bytes to compressed bytes read so far (checked past `ratioFloorBytes`).
    public static let maxCompressionRatio: Int64 = 200
    /// Unpacked size below which the ratio is not checked (tiny archives compress tar padding very well).
    public static let ratioFloorBytes: Int64 = 1024 * 1024
    /// Longest member path or link target, in bytes.
    public static let maxPathBytes = 4096
    /// Deepest member path, in components.
    public static let maxDepth = 64
}
