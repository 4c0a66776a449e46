/// `nvdla-doctor rules list|lint` and `nvdla-doctor explain ID`.
public enum RulesJob {
    /// The rules in force, or nil after telling stderr which rule file is broken and where.
    public static func load(directories: [String], includeSite: Bool, _ output: Output) -> RuleSet? {
        do {
            return try RuleSet.load(directories: directories, includeSite: includeSite)
        } catch {
            output.stderr("nvdla-doctor: rule file error: \(error)\n")
            return nil
        }
    }

    /// Prints one line per rule (ID, severity, area, title, where it came from), then one per log signal.
    public static func list(directories: [String], includeSite: Bool = true, _ output: Output) -> Int32 {
        guard let rules = load(directories: directories, includeSite: includeSite, output) else {
            return ExitStatus.unknown
        }
        var text = ""
        for rule in rules.rules {
            let origin = rules.origins[rule.id] ?? "embedded"
            let pad = String(repeating: " ", count: max(1, 8 - rule.severity.rawValue.count))
            text += "\(rule.id)  \(rule.severity.rawValue)\(pad)\(rule.area.rawValue)  \(rule.title)"
            text += origin == "embedded" ? "\n" : "  [\(origin)]\n"
        }
        for signal in rules.signals.sorted(by: { $0.name < $1.name }) {
            let scope = signal.attribute != nil ? "per DLA" : "system"
            text +=
                "signal \(signal.name)  \(scope)\(signal.unless != nil ? ", benign follow-up" : "")  (\(signal.origin))\n"
        }
        output.stdout(text)
        return ExitStatus.ok
    }

    /// Lints the embedded rules and every `directories` rule file; exit 0 when clean, 2 when not.
    public static func lint(directories: [String], includeSite: Bool = true, _ output: Output) -> Int32 {
        let rules: RuleSet
        do {
            rules = try RuleSet.load(directories: directories, includeSite: includeSite)
        } catch {
            output.stdout("\(error)\n")
            output.stderr("rules lint: 1 problem\n")
            return ExitStatus.error
        }
        // Site and --rules rules need no remedy page; one that replaces a shipped rule keeps the shipped page, so
        // that page is not an orphan (the override of Docs/rules.md, "Site rules").
        let embeddedIDs = Set(rules.origins.filter { $0.value == "embedded" }.keys)
        let pages = Dictionary(uniqueKeysWithValues: EmbeddedFiles.remedies.map { ($0.key, $0.value) })
        var problems = RuleLint.lint(
            rules.rules.filter { embeddedIDs.contains($0.id) }, pages: pages, checkOrphans: false)
        problems += RuleLint.orphans(pages: pages, ids: Set(rules.rules.map(\.id)))
        problems += RuleLint.lint(signals: rules.signals)
        let shipped = Set(RuleSet.embedded().rules.map(\.id))
        for rule in rules.rules where !embeddedIDs.contains(rule.id) {
            if rule.id.hasPrefix(RuleDecoder.shippedPrefix + "-") && !shipped.contains(rule.id) {
                problems.append(
                    RuleLint.Problem(
                        subject: "\(rule.id) (\(rule.origin))",
                        message: "new site rules need their own ID prefix (e.g. ACME-\(rule.area.code)-001): "
                            + "\(RuleDecoder.shippedPrefix)- IDs are kept for shipped rules",
                        location: rule.origin))
            }
        }
        problems += RuleLint.lint(
            rules.rules.filter { !embeddedIDs.contains($0.id) }, pages: pages, checkOrphans: false
        ).filter { !$0.message.hasPrefix("no remedy page") }
        for problem in problems { output.stdout("\(problem)\n") }
        output.stderr(
            "rules lint: \(rules.rules.count) rules, \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
        return problems.isEmpty ? ExitStatus.ok : ExitStatus.error
    }

    /// Prints a rule and its remedy page (symbols in ASCII unless `style` is UTF-8).
    public static func explain(
        _ id: String, directories: [String] = [], includeSite: Bool = true, style: TextStyle = .plain,
        _ output: Output
    ) -> Int32 {
        guard let rules = load(directories: directories, includeSite: includeSite, output) else {
            return ExitStatus.unknown
        }
        let wanted = id.uppercased()
        guard let rule = rules.rule(wanted) else {
            output.stderr("nvdla-doctor: no rule \(id) (see `nvdla-doctor rules list`)\n")
            return ExitStatus.usage
        }
        var text = "\(rule.id)  \(rule.severity.rawValue)  \(rule.area.rawValue)\n\(rule.title)\n\n"
        text += "Remedy: \(rule.remedy.summary)\n"
        for command in rule.remedy.commands { text += "  $ \(CommandTemplate.generic(command))\n" }
        if rule.remedy.commands.contains(where: { !Template.names(in: $0).isEmpty }) {
            text += "  (shown for every DLA instance; `check` names the one it found)\n"
        }
        text += "\n"
        if let page = EmbeddedFiles.remedies[rule.doc] {
            text += page
        } else if let origin = rules.origins[rule.id], origin != "embedded" {
            text += "(a site rule from \(origin); site rules have no remedy page)\n"
        } else {
            text += "(no remedy page \(rule.doc) in this build)\n"
        }
        output.stdout(style.draw(text))
        return ExitStatus.ok
    }

    /// Prints the Markdown catalogue of the embedded rules.
    public static func catalogue(_ output: Output) -> Int32 {
        output.stdout(CatalogueJob.rulesMarkdown(RuleSet.embedded()))
        return ExitStatus.ok
    }
}
