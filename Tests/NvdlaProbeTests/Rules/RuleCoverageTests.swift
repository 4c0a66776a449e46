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

    /// `{fact}`, `{fact|filter}`, `<fact.key>` or `(unknown)` left in a command a person would paste.
    static func placeholders(in command: String) -> [String] {
        var found: [String] = []
        for pattern in [#"\{[A-Za-z_][A-Za-z0-9_.*]*(\|[a-z]+)?\}"#, #"<[a-z_]+(\.[a-z_*]+)+>"#, #"\(unknown\)"#] {
            var rest = command[...]
            while let range = rest.range(of: pattern, options: .regularExpression) {
                found.append(String(rest[range]))
                rest = rest[range.upperBound...]
            }
        }
        return found
    }

    @Test("no remedy command shows an unfilled placeholder: in findings of every scenario and artefact, and in explain")
    func noPlaceholders() {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        var reports = (Fixtures.scenarios.map(Fixtures.path) + Self.extraRoots(temp)).map {
            (name: $0, report: Fixtures.check($0, deep: true))
        }
        for item in ArtifactFixtures.cases + TensorRTFixtures.cases {
            reports.append((item.name, AnalyzeJob.analyze(text: item.text, name: item.name, rules: Fixtures.rules)))
        }
        var seen = 0
        for (name, report) in reports {
            for finding in report.findings {
                for command in finding.remedy.commands {
                    seen += 1
                    #expect(Self.placeholders(in: command).isEmpty, "\(name): \(finding.id): \(command)")
                }
            }
        }
        #expect(seen > 50)
        // explain has no facts: every shipped command must still be complete.
        for rule in Fixtures.rules.rules {
            for command in rule.remedy.commands {
                let shown = CommandTemplate.generic(command)
                #expect(Self.placeholders(in: shown).isEmpty, "\(rule.id): \(shown)")
            }
        }
        // The test itself sees what it must refuse.
        #expect(Self.placeholders(in: "ls -l {dla.sysfs.path}") == ["{dla.sysfs.path}"])
        #expect(Self.placeholders(in: "ls <dla.sysfs.path> (unknown)").count == 2)
        #expect(Self.placeholders(in: "find -L /lib/firmware -iname '*nvdla*' -ls").isEmpty)
    }
}
