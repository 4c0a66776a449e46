import Yams

/// Decodes the `signals:` entries of a rule file (grammar in Docs/rules.md, "Log signals").
extension RuleDecoder {
    static let signalKeys: Set<String> = ["signal", "literals", "match", "caseless", "attribute", "unless", "sentence"]

    /// `{signal: NAME, literals: [TEXT…], match: REGEX, caseless: BOOL, attribute: {…}, unless: {…}, sentence: BOOL}`.
    func signal(_ node: Node) throws(RuleFileError) -> LogSignal {
        guard case .mapping(let rawMap) = node else { throw err(node, "a signal must be a mapping") }
        let map = Fields(rawMap)
        try checkKeys(map, allowed: Self.signalKeys, what: "signal")
        let name = try string(map, "signal", in: node)
        guard name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }) else {
            throw err(map["signal"] ?? node, "signal name `\(name)` must be lower_snake_case")
        }
        let caseless = map["caseless"]?.scalar?.string == "true"
        let literals = try literalList(map["literals"], in: node)
        let regex = try compile(map, "match", in: node, caseless: caseless)
        var attribution: LogSignal.Attribution?
        if let attributeNode = map["attribute"] {
            guard case .mapping(let rawAttr) = attributeNode else {
                throw err(attributeNode, "`attribute` is {key: TEMPLATE, dla0: REGEX, dla1: REGEX}")
            }
            let attrMap = Fields(rawAttr)
            try checkKeys(attrMap, allowed: ["key", "dla0", "dla1"], what: "attribute")
            let key = try string(attrMap, "key", in: attributeNode)
            let captureNames = Set(regex.names.map(\.name))
            for used in Template.names(in: key) where !captureNames.contains(used) {
                throw err(attributeNode, "attribute key uses `{\(used)}`, which `match` does not capture")
            }
            for filter in Template.filters(in: key) where !Template.knownFilters.contains(filter) {
                throw err(attributeNode, "attribute key uses unknown filter `|\(filter)`")
            }
            var instances: [(String, Regex2)] = []
            for index in ["0", "1"] where attrMap["dla" + index] != nil {
                instances.append((index, try compile(attrMap, "dla" + index, in: attributeNode, caseless: true)))
            }
            guard !instances.isEmpty else { throw err(attributeNode, "`attribute` needs `dla0` and/or `dla1`") }
            attribution = LogSignal.Attribution(key: key, instances: instances)
        }
        var cancel: LogSignal.Cancel?
        if let unlessNode = map["unless"] {
            guard case .mapping(let rawUnless) = unlessNode else {
                throw err(unlessNode, "`unless` is {followed_by: REGEX, literals: [TEXT…], within: LINES}")
            }
            let unlessMap = Fields(rawUnless)
            try checkKeys(unlessMap, allowed: ["followed_by", "literals", "within"], what: "unless")
            let pattern = try compile(unlessMap, "followed_by", in: unlessNode, caseless: caseless)
            guard let withinText = unlessMap["within"]?.scalar?.string, let within = Int(withinText),
                (1...1000).contains(within)
            else {
                throw err(unlessMap["within"] ?? unlessNode, "`within` is a number of lines, 1…1000")
            }
            cancel = LogSignal.Cancel(
                pattern: pattern, literals: try literalList(unlessMap["literals"], in: unlessNode), within: within)
        }
        let sentence = map["sentence"]?.scalar?.string == "true"
        if sentence, literals.isEmpty || caseless || attribution != nil || cancel != nil {
            throw err(
                map["sentence"] ?? node,
                "a `sentence` signal needs literals and takes no `caseless`, `attribute` or `unless`")
        }
        return LogSignal(
            name: name, literals: literals, regex: regex, caseless: caseless, attribute: attribution, unless: cancel,
            sentence: sentence, origin: "\(file):\(node.mark?.line ?? 0)")
    }

    func literalList(_ node: Node?, in parent: Node) throws(RuleFileError) -> [String] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else { throw err(node, "`literals` must be a list of strings") }
        return try items.map { item throws(RuleFileError) in
            guard let text = item.scalar?.string, !text.isEmpty else {
                throw err(item, "literals are non-empty strings")
            }
            return text
        }
    }

    func compile(_ map: Fields, _ key: String, in node: Node, caseless: Bool) throws(RuleFileError) -> Regex2 {
        let pattern = try string(map, key, in: node)
        do {
            return try Regex2(pattern, caseless: caseless)
        } catch {
            throw err(map[key] ?? node, "bad regex `\(pattern)`: \(error)")
        }
    }
}
