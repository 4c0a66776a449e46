import NvdlaRules

/// Swift source text for decoded rules, log signals and file contents: what the EmbedResources plugin compiles
/// into NvdlaProbe, so the binary starts with its rules already decoded.
enum SwiftSource {
    /// The whole generated file: the file texts by path, and the rules and signals of `ruleSet`.
    static func file(
        rules: [(name: String, text: String)], pages: [(name: String, text: String)],
        data: [(name: String, text: String)], ruleSet: RuleSet
    ) -> String {
        var out = """
            // Generated at build time by the EmbedResources plugin (nvdla-embed) from Rules/, Docs/remedies/ and
            // Data/. Not committed, never edited: change those files and build.
            import NvdlaRules

            /// Rule files, remedy pages and data tables compiled into the binary, so it runs without the source tree.
            enum EmbeddedFiles {
                /// `Rules/*.yaml`, by path, in name order, as written.
                static let rules: [(name: String, text: String)] = [

            """
        for (name, text) in rules { out += "        (\(string(name)), \(string(text))),\n" }
        out += "    ]\n\n    /// `Docs/remedies/<ID>.md`, by path.\n"
        out += "    static let remedies: [String: String] = \(dictionary(pages))\n\n"
        out += "    /// Every file under `Data/` (tables the probes and commands read), by path.\n"
        out += "    static let data: [String: String] = \(dictionary(data))\n\n"
        out += "    /// The rules of `rules`, decoded and linted at build time, by ID.\n"
        out += "    static let compiledRules: [Rule] = [\n"
        for rule in ruleSet.rules { out += "        \(self.rule(rule)),\n" }
        out += "    ]\n\n    /// The log signals of `rules`, decoded at build time, in declaration order.\n"
        out += "    static let compiledSignals: [LogSignal] = [\n"
        for signal in ruleSet.signals { out += "        \(self.signal(signal)),\n" }
        out += "    ]\n}\n"
        out += FieldTableSource.source(yaml: data.first { $0.name == "Data/fields.yaml" }?.text)
        return out
    }

    static func dictionary(_ entries: [(name: String, text: String)]) -> String {
        guard !entries.isEmpty else { return "[:]" }
        return "[\n" + entries.map { "        \(string($0.name)): \(string($0.text)),\n" }.joined() + "    ]"
    }

    static func rule(_ rule: Rule) -> String {
        let evidence = rule.evidence.map { "EvidenceSpec(key: \(string($0.key)), expected: \(optional($0.expected)))" }
        return "Rule(id: \(string(rule.id)), area: \(member(rule.area)), severity: \(member(rule.severity)), "
            + "each: \(optional(rule.each)), applies: \(rule.applies.map(condition) ?? "nil"), "
            + "when: \(condition(rule.when)), title: \(string(rule.title)), subject: \(optional(rule.subject)), "
            + "message: \(string(rule.message)), evidence: [\(evidence.joined(separator: ", "))], "
            + "remedy: Remedy(summary: \(string(rule.remedy.summary)), commands: \(list(rule.remedy.commands))), "
            + "origin: \(string(rule.origin)))"
    }

    static func condition(_ condition: Condition) -> String {
        switch condition {
        case .all(let parts): return "Condition.all([\(parts.map(self.condition).joined(separator: ", "))])"
        case .any(let parts): return "Condition.any([\(parts.map(self.condition).joined(separator: ", "))])"
        case .not(let inner): return "Condition.not(\(self.condition(inner)))"
        case .compare(let key, let op, let operand, let regex):
            return "Condition.compare(key: \(string(key)), op: \(member(op)), operand: \(self.operand(operand)), "
                + "regex: \(regex.map(self.regex) ?? "nil"))"
        }
    }

    static func operand(_ operand: Operand) -> String {
        switch operand {
        case .literal(let value): return "Operand.literal(\(self.value(value)))"
        case .fact(let key): return "Operand.fact(\(string(key)))"
        }
    }

    static func value(_ value: FactValue) -> String {
        switch value {
        case .string(let text): return "FactValue.string(\(string(text)))"
        case .int(let number): return "FactValue.int(\(number))"
        case .bool(let flag): return "FactValue.bool(\(flag))"
        case .list(let items): return "FactValue.list(\(list(items)))"
        }
    }

    static func regex(_ regex: Regex2) -> String {
        "Regex2(checked: \(string(regex.pattern)), caseless: \(regex.caseless))"
    }

    static func signal(_ signal: LogSignal) -> String {
        let attribute = signal.attribute.map { attribution in
            let instances = attribution.instances.map { "(index: \(string($0.index)), pattern: \(regex($0.pattern)))" }
            return "LogSignal.Attribution(key: \(string(attribution.key)), "
                + "instances: [\(instances.joined(separator: ", "))])"
        }
        let unless = signal.unless.map { cancel in
            "LogSignal.Cancel(pattern: \(regex(cancel.pattern)), literals: \(list(cancel.literals)), "
                + "within: \(cancel.within))"
        }
        return "LogSignal(name: \(string(signal.name)), literals: \(list(signal.literals)), "
            + "regex: \(regex(signal.regex)), caseless: \(signal.caseless), attribute: \(attribute ?? "nil"), "
            + "unless: \(unless ?? "nil"), sentence: \(signal.sentence), origin: \(string(signal.origin)))"
    }

    /// `.caseName` of a payload-free enum case, in backticks so a keyword name (`in`) stays a name.
    static func member(_ value: some Any) -> String { ".`\(value)`" }

    static func optional(_ text: String?) -> String { text.map(string) ?? "nil" }

    static func list(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }

    /// A Swift string literal of `text`: quotes, backslashes and control characters escaped, the rest verbatim.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
