import Foundation
import Testing

@testable import NvdlaProbe

/// Every rule has a remedy page, every page a rule, and every rule a case where it fires and one where it is silent.
@Suite("Rule coverage")
struct RuleCoverageTests {
    /// Roots beyond the fixture scenarios that make some rules fire (built at test time).
    static func extraRoots(_ temp: TemporaryDirectory) -> [String] {
        var roots: [String] = []
        // No kernel log: NVDLA-PLAT-003 speaks for the unbound instance.
        let noLog = temp.copy(scenario: "jp6-agx-orin-unbound")
        try? FileManager.default.removeItem(atPath: noLog + "/.nvdla-doctor/kmsg")
        roots.append(noLog)
        roots += ModuleFixtures.variants(in: temp)
        roots += EngineFixtures.variants(in: temp)
        return roots
    }

    @Test("embedded rules lint clean: IDs, catalogued facts, templates, remedy pages, no orphan page")
    func lint() {
        let problems = RuleLint.lint(Fixtures.rules.rules, pages: EmbeddedFiles.remedies)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(Fixtures.rules.rules.count >= 20)
    }

    @Test("the embedded copy of Rules/ and Docs/remedies/ is up to date")
    func embeddedInSync() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Fixtures.packageRoot.appendingPathComponent("scripts/embed-resources.py").path, "--check",
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "run `make embed`")
    }

    @Test("every rule fires somewhere and stays silent somewhere")
    func firesAndStaysSilent() {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        var fired: [String: Set<String>] = [:]
        var silent: [String: Set<String>] = [:]
        let roots = Fixtures.scenarios.map(Fixtures.path) + Self.extraRoots(temp)
        for root in roots {
            let report = Fixtures.check(root, deep: true)
            for finding in report.findings { fired[finding.id, default: []].insert(root) }
            for passed in report.passed { silent[passed.rule, default: []].insert(root) }
        }
        // Artefact rules (analyze) are covered by the pasted-artefact variants.
        for item in ArtifactFixtures.cases + TensorRTFixtures.cases {
            let report = AnalyzeJob.analyze(text: item.text, name: item.name, rules: Fixtures.rules)
            for finding in report.findings { fired[finding.id, default: []].insert(item.name) }
            for passed in report.passed { silent[passed.rule, default: []].insert(item.name) }
        }
        for rule in Fixtures.rules.rules {
            #expect(fired[rule.id]?.isEmpty == false, "\(rule.id) never fires")
            #expect(silent[rule.id]?.isEmpty == false, "\(rule.id) is never silent")
        }
    }
}
