import Yams

/// Decodes one rule file (`Rules/*.yaml`, schema 1) into rules; every unknown key or bad value is an error
/// naming the file and line.
public struct RuleDecoder {
    public static let schemaVersion = 1
    static let ruleKeys: Set<String> = [
        "id", "area", "severity", "each", "applies", "when", "title", "subject", "message", "evidence", "remedy",
    ]

    /// The prefix of shipped rule IDs; site rules may use it only to replace a shipped rule.
    public static let shippedPrefix = "NVDLA"

    /// Whether `id` has the form `<PREFIX>-<CODE>-<NNN>`: a prefix of 1–16 upper-case letters and digits starting
    /// with a letter (`NVDLA` for shipped rules, a site's own such as `ACME`), a known area code, three digits.
    static func isWellFormed(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let first = parts[0].first, first.isASCII, first.isUppercase,
            (1...16).contains(parts[0].count),
            parts[0].allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
        else { return false }
        return Area.allCases.contains { $0.code == parts[1] } && parts[2].count == 3
            && parts[2].allSatisfy { $0.isASCII && $0.isNumber }
    }

    let file: String

    public init(file: String) { self.file = file }

    /// Decodes the rules of `text`; throws the first problem found.
    public func decode(_ text: String) throws(RuleFileError) -> [Rule] {
        try decodeFile(text).rules
    }

    /// Decodes `text` into its rules and log signals; throws the first problem found.
    public func decodeFile(_ text: String) throws(RuleFileError) -> (rules: [Rule], signals: [LogSignal]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)  // no regex tag resolution: values are typed below
        } catch {
            throw RuleFileError(file: file, line: Self.line(of: error), "not valid YAML: \(Self.describe(error))")
        }
        guard let root, case .mapping(let rawTop) = root else {
            throw RuleFileError(file: file, line: nil, "expected a mapping with `schema` and `rules`")
        }
        let top = Fields(rawTop)
        try checkKeys(top, allowed: ["schema", "rules", "signals"], what: "rule file")
        guard let schemaNode = top["schema"] else {
            throw RuleFileError(file: file, line: root.mark?.line, "missing `schema: 1`")
        }
        guard schemaNode.scalar.flatMap({ Int($0.string) }) == Self.schemaVersion else {
            throw err(schemaNode, "unsupported schema `\(schemaNode.string ?? "?")` (this version reads schema 1)")
        }
        var signals: [LogSignal] = []
        if let signalsNode = top["signals"] {
            guard case .sequence(let list) = signalsNode else { throw err(signalsNode, "`signals` must be a list") }
            signals = try list.map { node throws(RuleFileError) in try signal(node) }
        }
        guard let rulesNode = top["rules"] else { return ([], signals) }
        guard case .sequence(let list) = rulesNode else { throw err(rulesNode, "`rules` must be a list") }
        return (try list.map { node throws(RuleFileError) in try rule(node) }, signals)
    }

    // MARK: - Rules

    func rule(_ node: Node) throws(RuleFileError) -> Rule {
        guard case .mapping(let rawMap) = node else { throw err(node, "a rule must be a mapping") }
        let map = Fields(rawMap)
        try checkKeys(map, allowed: Self.ruleKeys, what: "rule")
        let id = try string(map, "id", in: node)
        guard Self.isWellFormed(id) else {
            throw err(
                map["id"] ?? node,
                "rule id `\(id)` is not of the form <PREFIX>-<CODE>-<NNN> (NVDLA-… for shipped rules, your own "
                    + "prefix for site rules, e.g. ACME-CLK-001)")
        }
        let areaText = try string(map, "area", in: node)
        guard let area = Area(rawValue: areaText) else {
            throw err(
                map["area"] ?? node,
                "unknown area `\(areaText)` (one of \(Area.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard id.split(separator: "-")[1] == area.code else {
            throw err(
                map["id"] ?? node, "rule id `\(id)` does not carry the code of area `\(area.rawValue)` (\(area.code))")
        }
        let severityText = try string(map, "severity", in: node)
        guard let severity = Severity(rawValue: severityText) else {
            throw err(map["severity"] ?? node, "unknown severity `\(severityText)` (info, warning or error)")
        }
        var each: String?
        if let eachNode = map["each"] {
            guard let family = eachNode.scalar?.string, FactCatalogue.instanceFamilies.contains(family) else {
                throw err(eachNode, "`each` must be one of: \(FactCatalogue.instanceFamilies.joined(separator: ", "))")
            }
            each = family
        }
        let applies = try map["applies"].map { node throws(RuleFileError) in try condition(node) }
        guard let whenNode = map["when"] else { throw err(node, "rule \(id) has no `when`") }
        let when = try condition(whenNode)
        let evidence: [EvidenceSpec]
        if let evidenceNode = map["evidence"] {
            guard case .sequence(let items) = evidenceNode else { throw err(evidenceNode, "`evidence` must be a list") }
            evidence = try items.map { item throws(RuleFileError) in try self.evidence(item) }
        } else {
            evidence = []
        }
        guard let remedyNode = map["remedy"], case .mapping(let rawRemedy) = remedyNode else {
            throw err(map["remedy"] ?? node, "rule \(id) needs a `remedy` mapping with `summary`")
        }
        let remedyMap = Fields(rawRemedy)
        try checkKeys(remedyMap, allowed: ["summary", "commands"], what: "remedy")
        let summary = try string(remedyMap, "summary", in: remedyNode)
        var commands: [String] = []
        if let commandsNode = remedyMap["commands"] {
            guard case .sequence(let items) = commandsNode else { throw err(commandsNode, "`commands` must be a list") }
            commands = try items.map { item throws(RuleFileError) in
                guard let text = item.scalar?.string else { throw err(item, "commands are strings") }
                return text
            }
        }
        return Rule(
            id: id, area: area, severity: severity, each: each, applies: applies, when: when,
            title: try string(map, "title", in: node), subject: map["subject"]?.scalar?.string,
            message: try string(map, "message", in: node), evidence: evidence,
            remedy: Remedy(summary: summary, commands: commands),
            origin: "\(file):\(node.mark?.line ?? 0)")
    }

    /// `KEY` or `{fact: KEY, expected: TEXT}`.
    func evidence(_ item: Node) throws(RuleFileError) -> EvidenceSpec {
        if let key = item.scalar?.string { return EvidenceSpec(key: key, expected: nil) }
        guard case .mapping(let rawMap) = item else {
            throw err(item, "evidence entries are KEY or {fact: KEY, expected: TEXT}")
        }
        let map = Fields(rawMap)
        try checkKeys(map, allowed: ["fact", "expected"], what: "evidence")
        guard let key = map["fact"]?.scalar?.string else { throw err(item, "evidence mapping needs `fact: KEY`") }
        return EvidenceSpec(key: key, expected: map["expected"]?.scalar?.string)
    }

    // MARK: - Conditions

    func condition(_ node: Node) throws(RuleFileError) -> Condition {
        guard case .mapping(let rawMap) = node else {
            throw err(node, "a condition is a mapping: {all: […]}, {any: […]}, {not: …} or {fact: KEY, OP: VALUE}")
        }
        let map = Fields(rawMap)
        if let list = map["all"] ?? map["any"] {
            try checkKeys(map, allowed: ["all", "any"], what: "condition")
            guard map.count == 1 else { throw err(node, "use either `all` or `any`, not both") }
            guard case .sequence(let items) = list, !items.isEmpty else {
                throw err(list, "`all`/`any` take a non-empty list of conditions")
            }
            let parts = try items.map { item throws(RuleFileError) in try condition(item) }
            return map["all"] != nil ? .all(parts) : .any(parts)
        }
        if let inner = map["not"] {
            try checkKeys(map, allowed: ["not"], what: "condition")
            return .not(try condition(inner))
        }
        guard let keyNode = map["fact"], let key = keyNode.scalar?.string else {
            throw err(node, "a leaf condition needs `fact: KEY`")
        }
        let ops = map.names.filter { $0 != "fact" }
        try checkKeys(map, allowed: Set(Comparison.allCases.map(\.rawValue) + ["fact"]), what: "condition")
        guard ops.count == 1, let opText = ops.first, let op = Comparison(rawValue: opText),
            let valueNode = map[opText]
        else {
            throw err(
                node,
                "a leaf condition has exactly one operator (\(Comparison.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        let operand = try self.operand(valueNode, op: op)
        var regex: Regex2?
        if op == .matches {
            guard case .literal(.string(let pattern)) = operand else {
                throw err(valueNode, "`matches` takes a regex string")
            }
            do {
                regex = try Regex2(pattern)
            } catch {
                throw err(valueNode, "bad regex `\(pattern)`: \(error)")
            }
        }
        return .compare(key: key, op: op, operand: operand, regex: regex)
    }

    func operand(_ node: Node, op: Comparison) throws(RuleFileError) -> Operand {
        switch op {
        case .exists, .missing, .known:
            guard let text = node.scalar?.string, text == "true" || text == "false" else {
                throw err(node, "`\(op.rawValue)` takes true or false")
            }
            return .literal(.bool(text == "true"))
        case .in, .notIn:
            guard case .sequence(let items) = node else { throw err(node, "`\(op.rawValue)` takes a list") }
            return .literal(
                .list(
                    try items.map { item throws(RuleFileError) in
                        guard let text = item.scalar?.string else { throw err(item, "list items are scalars") }
                        return text
                    }))
        default:
            if case .mapping(let rawMap) = node {
                let map = Fields(rawMap)
                try checkKeys(map, allowed: ["fact"], what: "operand")
                guard let key = map["fact"]?.scalar?.string else {
                    throw err(node, "an operand mapping is {fact: KEY}")
                }
                return .fact(key)
            }
            guard let scalar = node.scalar else { throw err(node, "`\(op.rawValue)` takes a scalar or {fact: KEY}") }
            return .literal(Self.value(of: scalar))
        }
    }

    /// A plain YAML scalar becomes an int or bool when it reads as one; quoted scalars stay text.
    static func value(of scalar: Node.Scalar) -> FactValue {
        if scalar.style == .plain || scalar.style == .any {
            if let number = Int64(scalar.string) { return .int(number) }
            if scalar.string == "true" { return .bool(true) }
            if scalar.string == "false" { return .bool(false) }
        }
        return .string(scalar.string)
    }

    // MARK: - Helpers

    /// A YAML mapping with its string keys in a dictionary. Yams' own `Mapping` subscript builds a node for the key
    /// and compares it with every key in turn, which made decoding the shipped rules the largest cost of `check`.
    struct Fields {
        let keyNodes: [Node]
        let values: [String: Node]
        /// The string keys, in file order.
        let names: [String]

        init(_ mapping: Node.Mapping) {
            var keyNodes: [Node] = []
            var values: [String: Node] = [:]
            var names: [String] = []
            for (key, value) in mapping {
                keyNodes.append(key)
                if let name = key.scalar?.string {
                    values[name] = value
                    names.append(name)
                }
            }
            self.keyNodes = keyNodes
            self.values = values
            self.names = names
        }

        subscript(key: String) -> Node? { values[key] }
        var count: Int { keyNodes.count }
    }

    func checkKeys(_ map: Fields, allowed: Set<String>, what: String) throws(RuleFileError) {
        for key in map.keyNodes {
            guard let name = key.scalar?.string else { throw err(key, "\(what) keys must be strings") }
            guard allowed.contains(name) else {
                throw err(
                    key, "unknown key `\(name)` in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    func string(_ map: Fields, _ key: String, in node: Node) throws(RuleFileError) -> String {
        guard let value = map[key] else { throw err(node, "missing `\(key)`") }
        guard let text = value.scalar?.string, !text.isEmpty else {
            throw err(value, "`\(key)` must be a non-empty string")
        }
        return text
    }

    func err(_ node: Node, _ message: String) -> RuleFileError {
        RuleFileError(file: file, line: node.mark?.line, message)
    }

    static func line(of error: Error) -> Int? {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                return mark.line
            default: return nil
            }
        }
        return nil
    }

    static func describe(_ error: Error) -> String {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
                return problem
            default: return String(describing: yaml).split(separator: "\n").first.map(String.init) ?? "error"
            }
        }
        return String(describing: error)
    }
}
