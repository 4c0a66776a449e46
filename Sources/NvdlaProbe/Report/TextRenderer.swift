import Foundation

/// Renders a report for people: a platform line, one mark per area checked, findings grouped by area, and a
/// summary line.
///
/// Colour only when asked for (see `TextStyle`); without `unicode` the symbols are spelled in ASCII. `verbose` adds
/// every inconclusive check with its blockers, the evidence trail (every path read, its outcome and size) and every
/// passed check.
public struct TextRenderer {
    public var color: Bool
    public var verbose: Bool
    /// Rule titles by ID, for naming passed and inconclusive checks.
    public var titles: [String: String]
    /// Rule areas by ID, for the per-area line of `check` (empty: no per-area line, as for `analyze`).
    public var ruleAreas: [String: Area]
    /// UTF-8 symbols; false spells them in ASCII (`TextStyle.ascii`).
    public var unicode: Bool

    public init(
        color: Bool = false, verbose: Bool = false, titles: [String: String] = [:], ruleAreas: [String: Area] = [:],
        unicode: Bool = true
    ) {
        self.color = color
        self.verbose = verbose
        self.titles = titles
        self.ruleAreas = ruleAreas
        self.unicode = unicode
    }

    /// A renderer for the rules of `rules` in `style`.
    public init(style: TextStyle, verbose: Bool = false, rules: RuleSet) {
        self.init(
            color: style.color, verbose: verbose,
            titles: Dictionary(rules.rules.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }),
            ruleAreas: Dictionary(rules.rules.map { ($0.id, $0.area) }, uniquingKeysWith: { a, _ in a }),
            unicode: style.unicode)
    }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func label(_ severity: Severity) -> String {
        switch severity {
        case .error: return paint("error  ", "1;31")
        case .warning: return paint("warning", "1;33")
        case .info: return paint("info   ", "1;36")
        }
    }

    /// The whole text report.
    public func render(_ report: Report) -> String {
        let text = renderLines(report).joined(separator: "\n") + "\n"
        return unicode ? text : TextStyle.ascii(text)
    }

    /// The findings, grouped by area in the areas' order.
    func findingLines(_ report: Report) -> [String] {
        var lines: [String] = []
        let byArea = Dictionary(grouping: report.findings, by: \.area)
        for area in Area.allCases {
            guard let findings = byArea[area], !findings.isEmpty else { continue }
            lines.append("")
            lines.append(paint("[\(area.rawValue)]", "1"))
            for finding in findings { lines += render(finding) }
        }
        return lines
    }

    func renderLines(_ report: Report) -> [String] {
        var lines: [String] = []
        lines.append(platformLine(report))
        for note in report.notes { lines.append(note) }
        if report.unassessable == nil { lines += areaLines(report) }
        lines += Glance.lines(report.facts)
        lines += Glance.tensorrtLines(report.facts)
        if let line = kernelLogLine(report.facts) { lines.append(line) }
        if let reason = report.unassessable {
            // Findings here rest on a person's words only (analyze of prose): shown, but the verdict stays unknown.
            lines += findingLines(report)
            lines.append("")
            lines.append(paint(reason, "1"))
            lines.append("")
            lines.append("status: unknown (nothing could be assessed)")
            return lines
        }
        lines += findingLines(report)
        if verbose {
            if !report.inconclusive.isEmpty {
                lines.append("")
                lines.append(paint("[inconclusive]", "1"))
                for item in report.inconclusive {
                    let title = titles[item.rule].map { " \($0)" } ?? ""
                    lines.append("  \(item.rule)  \(item.subject)\(title)")
                    for blocker in item.blockers.sorted() {
                        lines.append("      \(blocker.reason): \(blocker.source) (\(blocker.key))")
                    }
                }
            }
            if !report.reads.isEmpty {
                lines.append("")
                lines.append(paint("[reads]", "1"))
                for read in report.reads {
                    let size = read.access == .file || read.access == .kmsg ? " \(read.bytes) B" : ""
                    let cut = read.truncated ? " (truncated)" : ""
                    lines.append(
                        "  \(read.outcome.padding(toLength: 11, withPad: " ", startingAt: 0))\(read.access.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))\(read.path)\(size)\(cut)"
                    )
                }
            }
            if !report.passed.isEmpty {
                lines.append("")
                lines.append(paint("[passed]", "1"))
                for item in report.passed {
                    let title = titles[item.rule].map { " \($0)" } ?? ""
                    lines.append("  ok  \(item.rule)  \(item.subject)\(title)")
                }
            }
        }
        lines.append("")
        lines += inconclusiveLines(report)
        lines.append(summaryLine(report))
        return lines
    }

    /// `  ✓ platform  ✗ driver  ✓ nodes  ✓ device tree  ! memory …` and a blank line: one line, so it reads at once.
    func areaLines(_ report: Report) -> [String] {
        guard !ruleAreas.isEmpty else { return [] }
        let states = AreaGlance.states(report, ruleAreas: ruleAreas)
        guard !states.isEmpty else { return [] }
        let items = states.map { area, state in
            paint(state.mark(unicode: unicode), state.colorCode) + " " + AreaGlance.label(area)
        }
        return ["  " + items.joined(separator: "  "), ""]
    }

    /// Where the kernel log came from, when not from `/dev/kmsg`, or why it could not be read; with the sources
    /// tried before it, when there were several.
    func kernelLogLine(_ facts: FactTable) -> String? {
        func raw(_ key: String) -> String? {
            if case .known(_, let provenance)? = facts[key] { return provenance.raw }
            return nil
        }
        if let source = facts.string("kernel_log.source") {
            guard source != SystemRoot.kmsgPath else { return nil }
            let tried = raw("kernel_log.source").flatMap { $0.contains(", ") ? " (tried \($0))" : nil } ?? ""
            return "  kernel log from \(source == SystemRoot.journalSource ? "the systemd journal" : source)\(tried)"
        }
        guard facts.bool("kernel_log.available") == false else { return nil }
        return "  kernel log not readable" + (raw("kernel_log.available").map { " (tried \($0))" } ?? "")
    }

    /// Checks that could not run, grouped by what to do about them: count, reason and first source, then the fix.
    func inconclusiveLines(_ report: Report) -> [String] {
        var groups: [(hint: String, items: [Inconclusive])] = []
        for item in report.inconclusive.sorted(by: {
            ($0.isImportant ? 0 : 1, $0.rule) < ($1.isImportant ? 0 : 1, $1.rule)
        }) {
            let hint = item.hint(live: report.isLive)
            if let index = groups.firstIndex(where: { $0.hint == hint }) {
                groups[index].items.append(item)
            } else {
                groups.append((hint, [item]))
            }
        }
        var lines: [String] = []
        for group in groups {
            let count = group.items.count
            let reason = group.items[0].reason
            let sources = Array(Set(group.items.flatMap(\.blockedBy))).sorted()
            let shown = sources.prefix(2).joined(separator: ", ") + (sources.count > 2 ? ", …" : "")
            lines.append(
                "inconclusive: \(count) check\(count == 1 ? "" : "s") (\(reason): \(shown))")
            lines.append("    fix: \(group.hint)")
        }
        return lines
    }

    func render(_ finding: Finding) -> [String] {
        var lines = ["  \(label(finding.severity))  \(finding.id)  \(finding.subject): \(finding.title)"]
        lines.append("      \(finding.message)")
        for evidence in EvidenceText.unique(finding.evidence) {
            lines.append("      seen: \(EvidenceText.line(evidence))")
        }
        lines.append("      fix:  \(finding.remedy.summary)")
        for command in finding.remedy.commands { lines.append("            $ \(command)") }
        lines.append("      more: nvdla-doctor explain \(finding.id)")
        return lines
    }

    func platformLine(_ report: Report) -> String {
        let p = report.platform
        var parts: [String] = []
        let stated = report.facts.bool("platform.model.stated") == true ? " (as the text names it)" : ""
        let name = report.facts.string("platform.module_name") ?? p.model.map { $0 + stated }
        if let name, let module = p.module {
            parts.append("\(name) (\(module))")
        } else if let name {
            parts.append(name)
        } else if let module = p.module {
            parts.append(module)
        }
        if let soc = p.soc { parts.append(soc) }
        if let l4t = p.l4t {
            parts.append("L4T \(l4t)" + (p.jetpack.map { " (JetPack \($0))" } ?? ""))
        }
        if let expected = p.dlaExpected {
            parts.append("DLA \(p.dlaPresent.map(String.init) ?? "?") present of \(expected) expected")
        }
        let what = parts.isEmpty ? "unknown platform" : parts.joined(separator: " · ")
        return "nvdla-doctor \(ToolInfo.version) · \(report.source.kind) \(report.source.path)\n\(what)"
    }

    func summaryLine(_ report: Report) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = [
            plural(report.count(.error), "error"), plural(report.count(.warning), "warning"),
            "\(report.count(.info)) info",
        ]
        if !report.inconclusive.isEmpty {
            let reasons = Dictionary(grouping: report.inconclusive, by: \.reason).mapValues(\.count)
            let detail = reasons.sorted { $0.key < $1.key }.map { reason, n in
                switch reason {
                case "permission": return "\(n) need root"
                case "blocked": return "\(n) need --deep or were refused"
                case "missing", "not collected": return "\(n) lack input"
                default: return "\(n) \(reason)"
                }
            }
            parts.append(
                "\(plural(report.inconclusive.count, "check")) inconclusive (\(detail.joined(separator: ", ")))")
        }
        parts.append("\(report.passed.count) passed")
        return "status: \(report.status.rawValue) · " + parts.joined(separator: ", ")
    }
}
