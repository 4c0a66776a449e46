/// One catalogued fact key: its type, where it is read from and what it means.
public struct FactSpec: Sendable, Equatable {
    /// The key; per-instance keys use `*` for the index (`dla.*.dt.status`).
    public let key: String
    public let type: FactType
    /// The kernel path, file or artefact it is read from.
    public let source: String
    /// One line: what it means.
    public let meaning: String

    public init(_ key: String, _ type: FactType, _ source: String, _ meaning: String) {
        self.key = key
        self.type = type
        self.source = source
        self.meaning = meaning
    }
}

/// Every fact key the probes and recognisers may set; rules may reference only these.
public enum FactCatalogue {
    /// The whole catalogue, sorted by key.
    public static let all: [FactSpec] =
        (platformFacts + versionFacts + presenceFacts + chainFacts + resourceFacts + logFacts + tensorrtFacts
        + artifactFacts).sorted {
            $0.key < $1.key
        }

    private static let byKey: [String: FactSpec] = Dictionary(
        all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    /// The spec for `key`, with instance indices (`dla.0.`) normalised to `dla.*.`.
    public static func spec(for key: String) -> FactSpec? {
        byKey[pattern(of: key)]
    }

    /// `dla.1.dt.status` → `dla.*.dt.status`; keys without an index are returned as they are.
    public static func pattern(of key: String) -> String {
        var parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 2, let family = instanceFamilies.first(where: { $0 == parts[0] }), !family.isEmpty,
            parts[1].allSatisfy(\.isNumber), !parts[1].isEmpty
        {
            parts[1] = "*"
        }
        return parts.joined(separator: ".")
    }

    /// Families whose keys carry an instance index.
    public static let instanceFamilies = ["dla"]
}
