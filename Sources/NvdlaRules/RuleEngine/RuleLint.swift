/// Checks a rule set beyond decoding: fact keys catalogued, templates resolvable, a remedy page per rule and no
/// orphan page.
public enum RuleLint {
    /// One lint problem, naming the rule (or page) and what is wrong.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let subject: String
        public let message: String
        /// Where to fix it: `file:line` of the rule or signal, or the remedy page's path.
        public let location: String
        public var description: String { "\(subject): \(message)" }

        package init(subject: String, message: String, location: String) {
            self.subject = subject
            self.message = message
            self.location = location
        }
    }

    /// Lints `rules` against the catalogue and the remedy `pages` (path → text).
    public static func lint(_ rules: [Rule], pages: [String: String], checkOrphans: Bool = true) -> [Problem] {
        var problems: [Problem] = []
        for rule in rules {
            let where_ = "\(rule.id) (\(rule.origin))"
            var keys: [String] = []
            if let applies = rule.applies { collectKeys(applies, into: &keys) }
            collectKeys(rule.when, into: &keys)
            keys += rule.evidence.map(\.key)
            var captures = Set<String>()
            collectCaptures(rule.when, into: &captures)
            for key in keys where !known(key, rule: rule) {
                problems.append(
                    Problem(subject: where_, message: "fact `\(key)` is not in the catalogue", location: rule.origin))
            }
            for template in [rule.title, rule.message, rule.remedy.summary] + rule.remedy.commands + [
                rule.subject ?? ""
            ] {
                for name in Template.names(in: template)
                where name != "subject" && !captures.contains(name) && !known(name, rule: rule) {
                    problems.append(
                        Problem(
                            subject: where_, message: "template refers to unknown `{\(name)}`", location: rule.origin))
                }
                for filter in Template.filters(in: template) where !Template.knownFilters.contains(filter) {
                    problems.append(
                        Problem(
                            subject: where_, message: "unknown template filter `|\(filter)`", location: rule.origin))
                }
            }
            if pages[rule.doc] == nil {
                problems.append(Problem(subject: where_, message: "no remedy page \(rule.doc)", location: rule.origin))
            } else if let page = pages[rule.doc], !RemedyPage.isComplete(page) {
                problems.append(
                    Problem(
                        subject: rule.doc,
                        message: "remedy page lacks a section: \(RemedyPage.sections.joined(separator: ", "))",
                        location: rule.doc))
            }
        }
        if checkOrphans { problems += orphans(pages: pages, ids: Set(rules.map(\.id))) }
        return problems
    }

    /// Remedy pages (path → text) whose ID no rule of `ids` has.
    public static func orphans(pages: [String: String], ids: Set<String>) -> [Problem] {
        pages.keys.sorted().compactMap { path in
            let id = String(path.split(separator: "/").last?.dropLast(3) ?? "")
            return ids.contains(id) ? nil : Problem(subject: path, message: "remedy page has no rule", location: path)
        }
    }

    /// Lints log signals: each declared signal's facts are catalogued (`log.<name>.count`, and the per-DLA keys
    /// for attributed signals).
    public static func lint(signals: [LogSignal]) -> [Problem] {
        var problems: [Problem] = []
        for signal in signals {
            var keys = ["log.\(signal.name).count"]
            if signal.attribute != nil { keys += ["log.\(signal.name).other.count", "dla.*.log.\(signal.name).count"] }
            if signal.unless != nil { keys.append("log.\(signal.name).benign.count") }
            for key in keys where FactCatalogue.spec(for: key) == nil {
                problems.append(
                    Problem(
                        subject: "signal \(signal.name) (\(signal.origin))",
                        message: "fact `\(key)` is not in the catalogue", location: signal.origin))
            }
        }
        return problems
    }

    static func known(_ key: String, rule: Rule) -> Bool {
        if let family = rule.each, key.hasPrefix(family + ".") {
            return FactCatalogue.spec(for: family + ".*" + key.dropFirst(family.count)) != nil
        }
        return FactCatalogue.spec(for: key) != nil
    }

    static func collectKeys(_ condition: Condition, into keys: inout [String]) {
        switch condition {
        case .all(let list), .any(let list): for item in list { collectKeys(item, into: &keys) }
        case .not(let inner): collectKeys(inner, into: &keys)
        case .compare(let key, _, let operand, _):
            keys.append(key)
            if case .fact(let other) = operand { keys.append(other) }
        }
    }

    static func collectCaptures(_ condition: Condition, into names: inout Set<String>) {
        switch condition {
        case .all(let list), .any(let list): for item in list { collectCaptures(item, into: &names) }
        case .not(let inner): collectCaptures(inner, into: &names)
        case .compare(_, _, _, let regex):
            for entry in regex?.names ?? [] { names.insert(entry.name) }
        }
    }
}

/// The shape every remedy page `Docs/remedies/<ID>.md` must have.
public enum RemedyPage {
    /// Required second-level headings.
    public static let sections = ["## What it means", "## How to confirm", "## How to fix", "## References"]

    /// Whether `text` has every required section.
    public static func isComplete(_ text: String) -> Bool {
        sections.allSatisfy { text.contains($0) }
    }
}
