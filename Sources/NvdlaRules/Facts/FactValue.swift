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
