/// Derives the "expected" text of an evidence item from the rule's conditions on that fact.
enum ExpectationText {
    /// What the rule's `when` treats as healthy for `key`: the negation of what fires, in words.
    static func expected(for key: String, in condition: Condition, scope: Evaluator.Scope, table: FactTable) -> String?
    {
        var parts: [String] = []
        collect(condition, key: key, negated: false, scope: scope, table: table, into: &parts)
        let unique = parts.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return unique.isEmpty ? nil : unique.joined(separator: " and ")
    }

    static func collect(
        _ condition: Condition, key: String, negated: Bool, scope: Evaluator.Scope, table: FactTable,
        into parts: inout [String]
    ) {
        switch condition {
        case .all(let list), .any(let list):
            for item in list { collect(item, key: key, negated: negated, scope: scope, table: table, into: &parts) }
        case .not(let inner):
            collect(inner, key: key, negated: !negated, scope: scope, table: table, into: &parts)
        case .compare(let leafKey, let op, let operand, _):
            guard scope.resolve(leafKey) == key else { return }
            let value: String
            switch operand {
            case .literal(let literal): value = literal.description
            case .fact(let other): value = table.value(scope.resolve(other))?.description ?? other
            }
            // The condition describes the faulty state; the healthy expectation is its opposite.
            parts.append(words(op, value, healthy: !negated))
        }
    }

    static func words(_ op: Comparison, _ value: String, healthy: Bool) -> String {
        let flipped: Comparison
        if healthy {
            switch op {
            case .eq: flipped = .ne
            case .ne: flipped = .eq
            case .lt: flipped = .ge
            case .le: flipped = .gt
            case .gt: flipped = .le
            case .ge: flipped = .lt
            case .in: flipped = .notIn
            case .notIn: flipped = .in
            case .exists: flipped = .missing
            case .missing: flipped = .exists
            case .known: return value == "true" ? "not shown" : "shown"
            case .versionEq: flipped = .versionNe
            case .versionNe: flipped = .versionEq
            case .versionLt: flipped = .versionGe
            case .versionLe: flipped = .versionGt
            case .versionGt: flipped = .versionLe
            case .versionGe: flipped = .versionLt
            case .matches: return "not matching /\(value)/"
            }
        } else {
            flipped = op
        }
        if value == "true" || value == "false", flipped == .ne || flipped == .eq {
            let wanted = (flipped == .eq) == (value == "true")
            return wanted ? "true" : "false"
        }
        switch flipped {
        case .eq, .versionEq: return value
        case .ne, .versionNe: return "not \(value)"
        case .lt, .versionLt: return "< \(value)"
        case .le, .versionLe: return "≤ \(value)"
        case .gt, .versionGt: return "> \(value)"
        case .ge, .versionGe: return "≥ \(value)"
        case .in: return "one of \(value)"
        case .notIn: return "none of \(value)"
        case .exists: return value == "true" ? "present" : "absent"
        case .missing: return value == "true" ? "absent" : "present"
        case .known: return value == "true" ? "shown" : "not shown"
        case .matches: return "matching /\(value)/"
        }
    }
}
