/// What kept a condition from being decided: the fact, its source and why.
public struct Blocker: Sendable, Hashable, Comparable {
    public let key: String
    public let source: String
    /// `missing`, `not collected`, `malformed`, or an unreadable class (`permission`, `busy`…).
    public let reason: String

    public static func < (lhs: Blocker, rhs: Blocker) -> Bool {
        (lhs.source, lhs.key, lhs.reason) < (rhs.source, rhs.key, rhs.reason)
    }
}

/// Three-valued truth (Kleene): true, false, or unknown with what blocked it.
public enum Truth: Sendable, Equatable {
    case yes
    case no
    case unknown(Set<Blocker>)

    static func all(_ parts: [Truth]) -> Truth {
        if parts.contains(.no) { return .no }
        var blockers = Set<Blocker>()
        for case .unknown(let b) in parts { blockers.formUnion(b) }
        return blockers.isEmpty
            && !parts.contains(where: { if case .unknown = $0 { return true } else { return false } })
            ? .yes : .unknown(blockers)
    }

    static func any(_ parts: [Truth]) -> Truth {
        if parts.contains(.yes) { return .yes }
        var blockers = Set<Blocker>()
        var sawUnknown = false
        for case .unknown(let b) in parts {
            sawUnknown = true
            blockers.formUnion(b)
        }
        return sawUnknown ? .unknown(blockers) : .no
    }

    var negated: Truth {
        switch self {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return self
        }
    }
}
