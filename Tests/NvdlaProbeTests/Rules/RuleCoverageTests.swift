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

    @Test("the rules compiled at build time are exactly what the decoder reads from the shipped rule files")
    func compiledRulesMatchTheirFiles() throws {
        var decoded = RuleSet()
        try decoded.add(files: EmbeddedFiles.rules, label: "embedded")
        let compiled = RuleSet.embedded()
        #expect(compiled.rules.count >= 20)
        #expect(compiled.rules.map(\.id) == decoded.rules.map(\.id))
        for (built, read) in zip(compiled.rules, decoded.rules) {
            #expect(built == read, "\(built.id) compiled differently from \(read.origin)")
        }
        #expect(compiled.signals == decoded.signals)
        #expect(compiled.origins == decoded.origins)
        #expect(!compiled.signals.isEmpty)
    }

    @Test("the binary holds every file of Rules/, Docs/remedies/ and Data/ (recursively) as it is on disk")
    func embeddedFilesMatchTheTree() throws {
        func tree(_ directory: String, recursive: Bool, include: (String) -> Bool) -> [String: String] {
            let base = Fixtures.packageRoot.appendingPathComponent(directory)
            var files: [String: String] = [:]
            let names =
                recursive
                ? (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String] ?? [])
                : ((try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [])
            for name in names {
                let path = base.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                guard !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                    include((name as NSString).lastPathComponent),
                    FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let data = FileManager.default.contents(atPath: path)
                else { continue }
                files[directory + "/" + name] = String(decoding: data, as: UTF8.self)
            }
            return files
        }
        let rules = tree("Rules", recursive: false) { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        #expect(EmbeddedFiles.rules.map(\.name) == rules.keys.sorted())
        #expect(Dictionary(uniqueKeysWithValues: EmbeddedFiles.rules.map { ($0.name, $0.text) }) == rules)
        #expect(EmbeddedFiles.remedies == tree("Docs/remedies", recursive: false) { $0.hasSuffix(".md") })
        #expect(EmbeddedFiles.data == tree("Data", recursive: true) { $0 != "README.md" })
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
