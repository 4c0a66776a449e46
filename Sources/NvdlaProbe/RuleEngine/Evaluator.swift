/// Evaluates rules against a fact table with three-valued logic, once per instance for `each` rules.
public struct Evaluator: Sendable {
    public let table: FactTable

    public init(table: FactTable) { self.table = table }

    /// The evaluation scope: which instance (if any) `dla.` keys refer to, and captures gathered so far.
    struct Scope {
        var family: String?
        var index: String?
        var captures: [String: String] = [:]

        func resolve(_ key: String) -> String {
            guard let family, let index, key.hasPrefix(family + ".") else { return key }
            return family + "." + index + key.dropFirst(family.count)
        }

        var subject: String {
            guard let family, let index else { return "system" }
            return family + index
        }
    }

    /// Evaluates `rule` for every subject it covers.
    public func evaluate(_ rule: Rule) -> [RuleOutcome] {
        guard let family = rule.each else {
            return [evaluate(rule, in: Scope())]
        }
        let indices = table.instances[family] ?? []
        return indices.map { evaluate(rule, in: Scope(family: family, index: $0)) }
    }

    func evaluate(_ rule: Rule, in start: Scope) -> RuleOutcome {
        var scope = start
        if let applies = rule.applies {
            var throwaway = scope
            switch truth(applies, &throwaway) {
            case .no: return .notApplicable(rule: rule.id, subject: scope.subject)
            case .unknown(let blockers):
                return .inconclusive(
                    Inconclusive(rule: rule.id, subject: scope.subject, severity: rule.severity, blockers: blockers))
            case .yes: break
            }
        }
        switch truth(rule.when, &scope) {
        case .no:
            return .passed(rule: rule.id, subject: subject(rule, scope))
        case .unknown(let blockers):
            return .inconclusive(
                Inconclusive(
                    rule: rule.id, subject: subject(rule, scope), severity: rule.severity, blockers: blockers))
        case .yes:
            return .fired(finding(rule, scope))
        }
    }

    func subject(_ rule: Rule, _ scope: Scope) -> String {
        if let template = rule.subject { return render(template, scope) }
        return scope.subject
    }

    // MARK: - Conditions

    func truth(_ condition: Condition, _ scope: inout Scope) -> Truth {
        switch condition {
        case .all(let parts):
            var results: [Truth] = []
            for part in parts {
                let t = truth(part, &scope)
                results.append(t)
                if t == .no { return .no }
            }
            return Truth.all(results)
        case .any(let parts):
            var results: [Truth] = []
            for part in parts {
                var branch = scope
                let t = truth(part, &branch)
                if t == .yes {
                    scope = branch
                    return .yes
                }
                results.append(t)
            }
            return Truth.any(results)
        case .not(let inner):
            var branch = scope
            return truth(inner, &branch).negated
        case .compare(let key, let op, let operand, let regex):
            return compare(scope.resolve(key), op, operand, regex, &scope)
        }
    }

    func blocker(_ key: String) -> Blocker {
        guard let state = table[key] else {
            return Blocker(key: key, source: FactCatalogue.spec(for: key)?.source ?? key, reason: "not collected")
        }
        switch state {
        case .known(_, let p): return Blocker(key: key, source: p.source, reason: "unknown")
        case .missing(let s): return Blocker(key: key, source: s, reason: "missing")
        case .unreadable(let why, let s): return Blocker(key: key, source: s, reason: why.rawValue)
        case .malformed(let s, _): return Blocker(key: key, source: s, reason: "malformed")
        }
    }

    func compare(_ key: String, _ op: Comparison, _ operand: Operand, _ regex: Regex2?, _ scope: inout Scope) -> Truth {
        let state = table[key]
        switch op {
        case .exists, .missing:
            guard case .literal(.bool(let wanted)) = operand else { return .unknown([blocker(key)]) }
            let present: Bool
            switch state {
            case .known?: present = true
            case .missing?: present = false
            default: return .unknown([blocker(key)])
            }
            let isTrue = (op == .exists) ? (present == wanted) : (present != wanted)
            return isTrue ? .yes : .no
        case .known:
            // Decides on every state: a fact that is missing, unreadable, malformed or never collected is not known.
            guard case .literal(.bool(let wanted)) = operand else { return .unknown([blocker(key)]) }
            let isKnown: Bool
            if case .known? = state { isKnown = true } else { isKnown = false }
            return isKnown == wanted ? .yes : .no
        default: break
        }
        guard let value = state?.value else { return .unknown([blocker(key)]) }
        let right: FactValue
        switch operand {
        case .literal(let literal): right = literal
        case .fact(let other):
            let otherKey = scope.resolve(other)
            guard let otherValue = table.value(otherKey) else { return .unknown([blocker(otherKey)]) }
            right = otherValue
        }
        let malformed = Truth.unknown([Blocker(key: key, source: state?.source ?? key, reason: "malformed")])
        switch op {
        case .eq: return Self.equal(value, right) ? .yes : .no
        case .ne: return Self.equal(value, right) ? .no : .yes
        case .lt, .le, .gt, .ge:
            guard let a = Self.number(value), let b = Self.number(right) else { return malformed }
            let result: Bool
            switch op {
            case .lt: result = a < b
            case .le: result = a <= b
            case .gt: result = a > b
            default: result = a >= b
            }
            return result ? .yes : .no
        case .in, .notIn:
            guard case .list(let options) = right else { return malformed }
            let values: [String]
            if case .list(let list) = value { values = list } else { values = [value.description] }
            let hit = values.contains(where: options.contains)
            return (hit == (op == .in)) ? .yes : .no
        case .matches:
            guard let regex, let captures = regex.captures(in: value.description) else { return .no }
            for (name, text) in captures where name != "0" { scope.captures[name] = text }
            return .yes
        case .versionEq, .versionNe, .versionLt, .versionLe, .versionGt, .versionGe:
            guard let order = VersionCompare.compare(value.description, right.description) else { return malformed }
            let result: Bool
            switch op {
            case .versionEq: result = order == 0
            case .versionNe: result = order != 0
            case .versionLt: result = order < 0
            case .versionLe: result = order <= 0
            case .versionGt: result = order > 0
            default: result = order >= 0
            }
            return result ? .yes : .no
        case .exists, .missing, .known:
            return .unknown([blocker(key)])
        }
    }

    static func equal(_ a: FactValue, _ b: FactValue) -> Bool {
        if a == b { return true }
        if let x = number(a), let y = number(b) { return x == y }
        return a.description == b.description
    }

    static func number(_ value: FactValue) -> Int64? {
        switch value {
        case .int(let i): return i
        case .string(let s): return Int64(s)
        default: return nil
        }
    }

    // MARK: - Findings

    func finding(_ rule: Rule, _ scope: Scope) -> Finding {
        Finding(
            id: rule.id, area: rule.area, severity: rule.severity, subject: subject(rule, scope),
            title: rule.title, message: render(rule.message, scope),
            evidence: rule.evidence.compactMap { spec in
                let key = scope.resolve(spec.key)
                // A kernel-log line cited as corroboration is shown only when the log had one.
                if key.contains("log.") && table.value(key) == nil { return nil }
                return evidence(key, explicit: spec.expected, rule: rule, scope: scope)
            },
            remedy: FindingRemedy(
                summary: render(rule.remedy.summary, scope), commands: rule.remedy.commands.map { command($0, scope) },
                doc: rule.doc))
    }

    func evidence(_ key: String, explicit: String?, rule: Rule, scope: Scope) -> Evidence {
        let state = table[key]
        let observed: String
        switch state {
        case .known(let value, let provenance)?:
            // A kernel-log fact is best shown as the line that proved it.
            if SystemRoot.isKernelLogLocation(provenance.source), let line = provenance.raw {
                observed = line
            } else {
                observed = value.description
            }
        case .missing?: observed = "missing"
        case .unreadable(let why, _)?: observed = "unreadable (\(why.rawValue))"
        case .malformed(_, let detail)?: observed = "malformed (\(detail))"
        case nil: observed = "not collected"
        }
        // Info findings describe a state, not a fault: there is no "expected" to contrast, unless stated.
        let expected =
            explicit.map { render($0, scope) }
            ?? (rule.severity == .info
                ? nil : ExpectationText.expected(for: key, in: rule.when, scope: scope, table: table))
        return Evidence(source: state?.source ?? key, fact: key, observed: observed, expected: expected)
    }

    /// A remedy command with its templates filled: by the subject's facts, else by a glob (`CommandTemplate`).
    func command(_ template: String, _ scope: Scope) -> String {
        CommandTemplate.render(template) { name in
            if name == "subject" { return scope.subject }
            if let capture = scope.captures[name] { return .some(capture) }
            return table.value(scope.resolve(name))?.description
        }
    }

    /// Interpolates `{key}`, `{key|filter}`, `{capture}` and `{subject}` in `template`.
    func render(_ template: String, _ scope: Scope) -> String {
        Template.render(template) { name in
            if name == "subject" { return scope.subject }
            if let capture = scope.captures[name] { return .some(capture) }
            return table.value(scope.resolve(name))?.description
        }
    }
}
