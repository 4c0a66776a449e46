import Foundation

/// `.nvdla-doctor/manifest.json`: what a bundle holds and how each path was captured.
public struct BundleManifest: Codable, Sendable {
    /// Where a bundle holds its manifest, relative to the bundle's root.
    public static let path = ".nvdla-doctor/manifest.json"

    /// One captured path.
    public struct Entry: Codable, Sendable, Equatable {
        /// The path the probes asked for (redacted when redaction is on).
        public var path: String
        /// What the probes did with it: `file`, `link`, `directory`, `stat`, `kmsg`, `exists`, or `listed` (a
        /// directory entry created so listings match; its content was not read).
        public var access: String
        /// Where it is stored in the bundle, when that differs from `path` (links resolved).
        public var stored: String?
        /// Bytes stored (after truncation and redaction).
        public var size: Int
        /// SHA-256 of the stored bytes (files and the kernel log).
        public var sha256: String?
        /// The per-file cap (or the total cap) cut the content.
        public var truncated: Bool
        /// Redaction changed the content or the path.
        public var redacted: Bool
        /// The read outcome: `ok`, `missing`, `permission`, `unsupported`, `busy`, `blocked`, `io`,
        /// `malformed`, or `skipped` (the total cap was reached).
        public var outcome: String
    }

    /// Size caps in force when the bundle was made.
    public struct Limits: Codable, Sendable, Equatable {
        public var perFileBytes: Int
        public var totalBytes: Int
    }

    /// The values redaction replaced: each token with its category and a keyed hash of the original value
    /// (HMAC-SHA256 under a key kept only in the private map), so the manifest holds no original value and cannot be
    /// used to test guesses; nil when the bundle is not redacted.
    public struct Redaction: Codable, Sendable, Equatable {
        /// One replaced value.
        public struct Value: Codable, Sendable, Equatable {
            public var token: String
            public var category: String
            /// Lower-case hex HMAC-SHA256 of `category`, a NUL byte and the original value.
            public var hmac: String
        }
        /// `hmac-sha256`.
        public var scheme: String
        public var values: [Value]
    }

    public var schemaVersion = 1
    public var tool: [String: String]
    /// Capture time, ISO 8601 UTC.
    public var capturedAt: String
    /// `live` or `snapshot`, and the root path (redacted).
    public var source: [String: String]
    public var redacted: Bool
    public var limits: Limits
    /// Bytes of file content stored.
    public var totalBytes: Int
    public var entries: [Entry]
    public var redaction: Redaction?
}
