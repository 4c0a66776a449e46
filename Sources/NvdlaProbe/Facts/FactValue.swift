/// A typed fact value: text, integer, boolean or list of text.
public enum FactValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case list([String])

    /// The value as text, as messages show it (lists joined with ", ").
    public var description: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .list(let l): return l.joined(separator: ", ")
        }
    }

    /// The type name used in the catalogue.
    public var type: FactType {
        switch self {
        case .string: return .string
        case .int: return .int
        case .bool: return .bool
        case .list: return .list
        }
    }
}

/// The declared type of a catalogued fact.
public enum FactType: String, Sendable, Codable, CaseIterable {
    case string, int, bool, list
    /// A dotted version held as a string (`36.4.3`, `10.3.0.30`); compared with the `version_*` operators.
    case version
}

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
