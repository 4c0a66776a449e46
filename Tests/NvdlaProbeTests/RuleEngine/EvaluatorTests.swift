import Testing

@testable import NvdlaProbe

@Suite("Three-valued evaluation")
struct EvaluatorTests {
    func rule(_ yaml: String, each: Bool = false) throws -> Rule {
        let text = """
            schema: 1
            rules:
              - id: NVDLA-DRV-900
                area: driver
                severity: warning
            \(each ? "    each: dla\n" : "")    when: \(yaml)
                title: t
                message: "{subject} saw {dla.dt.status} and {platform.soc|upper} {cap}"
                evidence: [dla.dt.status]
                remedy: {summary: s}
            """
        return try #require(try RuleDecoder(file: "t.yaml").decode(text).first)
    }

    var table: FactTable {
        var t = FactTable()
        t.set("platform.soc", .string("tegra234"), source: "/compat")
        t.set("platform.dla_expected", .int(2), source: "/ids")
        t.addInstance("dla", "0")
        t.addInstance("dla", "1")
        t.set("dla.0.dt.status", .string("okay"), source: "/dt0/status")
        t.set("dla.1.dt.status", .string("disabled"), source: "/dt1/status")
        t.set("dla.0.driver.bound", .bool(false), source: "/d0")
        t.set("dla.1.driver.bound", state: .unreadable(.permission, source: "/d1"))
        t.set("versions.l4t", .string("36.4.3"), source: "/rel")
        t.set("versions.pkg.l4t_core", .string("36.3.0"), source: "/dpkg")
        t.set("versions.tensorrt", state: .missing(source: "/hdr"))
        return t
    }

    func outcomes(_ rule: Rule) -> [RuleOutcome] { Evaluator(table: table).evaluate(rule) }

    func word(_ outcome: RuleOutcome) -> String {
        switch outcome {
        case .fired(let f): return "fired:\(f.subject)"
        case .passed(_, let s): return "passed:\(s)"
        case .inconclusive(let i): return "inconclusive:\(i.subject):\(i.reason)"
        case .notApplicable(_, let s): return "na:\(s)"
        }
    }

    @Test("each: dla iterates instances and resolves instance keys")
    func iteration() throws {
        let r = try rule("{all: [{fact: dla.dt.status, eq: okay}, {fact: dla.driver.bound, eq: false}]}", each: true)
        #expect(outcomes(r).map(word) == ["fired:dla0", "passed:dla1"])
    }

    @Test("unknown input makes a rule inconclusive, a decided false part still wins (Kleene)")
    func kleene() throws {
        let unknownOnly = try rule("{fact: dla.driver.bound, eq: false}", each: true)
        #expect(outcomes(unknownOnly).map(word) == ["fired:dla0", "inconclusive:dla1:permission"])
        let falseWins = try rule(
            "{all: [{fact: dla.dt.status, eq: okay}, {fact: dla.driver.bound, eq: false}]}", each: true)
        #expect(outcomes(falseWins).map(word)[1] == "passed:dla1")
        let anyTrueWins = try rule(
            "{any: [{fact: dla.driver.bound, eq: true}, {fact: platform.soc, eq: tegra234}]}", each: true)
        #expect(outcomes(anyTrueWins).map(word) == ["fired:dla0", "fired:dla1"])
        let notUnknown = try rule("{not: {fact: versions.tensorrt, eq: '10'}}")
        #expect(outcomes(notUnknown).map(word) == ["inconclusive:system:missing"])
        let notCollected = try rule("{fact: memory.nothing, eq: 1}")
        #expect(outcomes(notCollected).map(word) == ["inconclusive:system:not collected"])
    }

    @Test("exists/missing decide on missing facts and stay unknown on unreadable ones")
    func existence() throws {
        #expect(outcomes(try rule("{fact: versions.tensorrt, exists: false}")).map(word) == ["fired:system"])
        #expect(outcomes(try rule("{fact: versions.tensorrt, missing: true}")).map(word) == ["fired:system"])
        #expect(outcomes(try rule("{fact: versions.l4t, exists: false}")).map(word) == ["passed:system"])
        #expect(
            outcomes(try rule("{fact: dla.driver.bound, exists: true}", each: true)).map(word)
                == ["fired:dla0", "inconclusive:dla1:permission"])
    }

    @Test("known decides on every state: a value is known; missing, unreadable and never collected are not")
    func knownness() throws {
        #expect(outcomes(try rule("{fact: versions.l4t, known: true}")).map(word) == ["fired:system"])
        #expect(outcomes(try rule("{fact: versions.tensorrt, known: false}")).map(word) == ["fired:system"])
        #expect(outcomes(try rule("{fact: memory.nothing, known: false}")).map(word) == ["fired:system"])
        #expect(
            outcomes(try rule("{fact: dla.driver.bound, known: true}", each: true)).map(word)
                == ["fired:dla0", "passed:dla1"])
        let unlessShown = try rule("{any: [{fact: memory.nothing, known: false}, {fact: memory.nothing, eq: 1}]}")
        #expect(outcomes(unlessShown).map(word) == ["fired:system"])
        #expect(throws: RuleFileError.self) { try rule("{fact: versions.l4t, known: maybe}") }
    }

    @Test("comparisons: numbers, lists, versions, other facts, regex captures")
    func comparisons() throws {
        #expect(outcomes(try rule("{fact: platform.dla_expected, ge: 2}")).map(word) == ["fired:system"])
        #expect(outcomes(try rule("{fact: platform.dla_expected, lt: 2}")).map(word) == ["passed:system"])
        #expect(outcomes(try rule("{fact: platform.soc, in: [tegra194, tegra234]}")).map(word) == ["fired:system"])
        #expect(outcomes(try rule("{fact: platform.soc, not_in: [tegra194]}")).map(word) == ["fired:system"])
        #expect(outcomes(try rule("{fact: versions.l4t, version_ge: '36.4'}")).map(word) == ["fired:system"])
        #expect(outcomes(try rule("{fact: versions.l4t, version_lt: '36.4.10'}")).map(word) == ["fired:system"])
        #expect(
            outcomes(try rule("{fact: versions.pkg.l4t_core, version_ne: {fact: versions.l4t}}")).map(word)
                == ["fired:system"])
        #expect(
            outcomes(try rule("{fact: platform.soc, version_lt: '1.0'}")).map(word) == ["inconclusive:system:malformed"]
        )
        let capture = try rule("{fact: platform.soc, matches: 'tegra(?<cap>[0-9]+)'}")
        guard case .fired(let finding)? = outcomes(capture).first else {
            Issue.record("regex rule did not fire")
            return
        }
        #expect(finding.message == "system saw (unknown) and TEGRA234 234")
    }

    @Test("messages interpolate instance facts, filters and the subject; evidence says what was expected")
    func interpolation() throws {
        let r = try rule("{fact: dla.dt.status, eq: okay}", each: true)
        guard case .fired(let finding)? = outcomes(r).first else {
            Issue.record("did not fire")
            return
        }
        #expect(finding.message == "dla0 saw okay and TEGRA234 (unknown)")
        #expect(finding.evidence.first?.source == "/dt0/status")
        #expect(finding.evidence.first?.observed == "okay")
        #expect(finding.evidence.first?.expected == "not okay")
        #expect(finding.remedy.doc == "Docs/remedies/NVDLA-DRV-900.md")
    }

    @Test("templates and formats")
    func templates() {
        #expect(
            Template.render(
                "{a} {b|mib} {c|mhz} {d|hex} {e}",
                lookup: { ["a": "x", "b": "268435456", "c": "614400000", "d": "43"][$0] })
                == "x 256 MiB 614.4 MHz 0x2b (unknown)")
        #expect(Template.render("{unclosed", lookup: { _ in "v" }) == "{unclosed")
        #expect(Template.render("{ spaced }", lookup: { _ in "v" }) == "{ spaced }")
        #expect(Template.names(in: "{a.b} and {c|mib}") == ["a.b", "c"])
    }

    @Test("version comparison handles point releases, package suffixes and garbage")
    func versions() {
        #expect(VersionCompare.compare("36.4.3", "36.4") == 1)
        #expect(VersionCompare.compare("36.4.0", "36.4") == 0)
        #expect(VersionCompare.compare("8.5.2-1+cuda11.4", "8.5.2") == 0)
        #expect(VersionCompare.compare("10.3.0.30", "8.6.2.3") == 1)
        #expect(VersionCompare.compare("abc", "1") == nil)
        #expect(VersionCompare.compare("", "1") == nil)
        #expect(VersionCompare.compare("99999999999999999999", "1") == nil)
        #expect(VersionCompare.isInFamily("36.4.3", "36.4"))
        #expect(!VersionCompare.isInFamily("36.3.0", "36.4"))
    }

    @Test("module table gives the DLA count by SKU, family and SoC")
    func moduleTable() {
        #expect(ModuleTable.expectedDLA(module: "p3767-0001", soc: "tegra234") == 1)
        #expect(ModuleTable.expectedDLA(module: "p3701-0099", soc: "tegra234") == 2)
        #expect(ModuleTable.expectedDLA(module: nil, soc: "tegra210") == 0)
        #expect(ModuleTable.expectedDLA(module: "p9999-0000", soc: "tegra234") == nil)
    }
}
