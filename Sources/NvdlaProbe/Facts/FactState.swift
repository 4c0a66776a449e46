/// Where a fact came from: the path read (inside the root, or an artefact name) and the raw text seen.
public struct Provenance: Sendable, Equatable {
    public let source: String
    public let raw: String?

    public init(source: String, raw: String? = nil) {
        self.source = source
        self.raw = raw
    }
}

/// The state of one fact key: known, or why it is not.
public enum FactState: Sendable, Equatable {
    case known(FactValue, Provenance)
    /// The source does not exist (a missing file is sometimes the answer: rules may test `exists`).
    case missing(source: String)
    /// The source exists but could not be read.
    case unreadable(Unreadable, source: String)
    /// The source was read but did not parse.
    case malformed(source: String, detail: String)

    public var value: FactValue? {
        if case .known(let value, _) = self { return value }
        return nil
    }

    public var source: String {
        switch self {
        case .known(_, let p): return p.source
        case .missing(let s), .unreadable(_, let s), .malformed(let s, _): return s
        }
    }
}
