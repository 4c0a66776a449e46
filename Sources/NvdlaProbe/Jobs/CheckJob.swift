import Foundation

/// `nvdla-doctor check`: open the root, load rules, collect, evaluate, render.
public struct CheckJob: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public var rootPath: String = "/"
    public var format: Format = .text
    public var areas: [Area] = []
    public var ruleDirectories: [String] = []
    public var deep = false
    public var verbose = false
    public var includeFacts = false
    public var color = false
    /// Read `/etc/nvdla-doctor/rules.d` (off in tests).
    public var includeSiteRules = true

    public init() {}

    /// Runs the check and returns the exit status.
    public func run(_ output: Output) -> Int32 {
        let rules: RuleSet
        do {
            rules = try RuleSet.load(directories: ruleDirectories, includeSite: includeSiteRules)
        } catch {
            output.stderr("nvdla-doctor: rule file error: \(error)\n")
            return ExitStatus.unknown
        }
        let opened: OpenedRoot
        do {
            opened = try OpenedRoot.open(rootPath, policy: ReadPolicy(deep: deep))
        } catch {
            output.stderr("nvdla-doctor: --root \(error)\n")
            return ExitStatus.unknown
        }
        defer { opened.close() }
        let report = Diagnosis.check(
            root: opened.root, rules: rules, areas: areas.isEmpty ? nil : Set(areas),
            sourceKind: opened.kind == "bundle" ? "bundle" : nil, displayPath: opened.kind == "bundle" ? rootPath : nil)
        switch format {
        case .json:
            output.stdout(JSONRenderer.render(report, includeFacts: includeFacts) + "\n")
        case .text:
            let titles = Dictionary(rules.rules.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            output.stdout(TextRenderer(color: color, verbose: verbose, titles: titles).render(report))
        }
        return report.status.exitCode
    }
}
