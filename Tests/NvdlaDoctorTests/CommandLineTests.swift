import Foundation
import Testing

/// The command-line contract: exit statuses, stdout carrying only the report, JSON shape, bad input.
@Suite("Command line")
struct CommandLineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let scenario: String
        let status: Int32
        var testDescription: String { "\(scenario) → \(status)" }
    }

    @Test(
        "check exits 0 ok, 1 warnings, 2 errors, 3 unassessable",
        arguments: [
            Case(scenario: "jp6-agx-orin-64gb", status: 0), Case(scenario: "jp6-orin-nano", status: 0),
            Case(scenario: "jp6-agx-orin-devnode-perms", status: 1), Case(scenario: "jp6-agx-orin-unbound", status: 2),
            Case(scenario: "non-jetson", status: 3),
        ])
    func exitStatus(_ item: Case) throws {
        #expect(try Binary.run(["check", "--root", "Tests/FakeSysfs/\(item.scenario)"]).status == item.status)
        #expect(
            try Binary.run(["--root", "Tests/FakeSysfs/\(item.scenario)", "--format", "json"]).status == item.status)
    }

    @Test("the JSON report follows Docs/output-schema.md (schema 1)")
    func jsonShape() throws {
        let result = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-unbound", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect((object["tool"] as? [String: Any])?["name"] as? String == "nvdla-doctor")
        #expect((object["source"] as? [String: Any])?["kind"] as? String == "snapshot")
        let platform = try #require(object["platform"] as? [String: Any])
        #expect(platform["soc"] as? String == "tegra234")
        #expect(platform["module"] as? String == "p3701-0005")
        #expect(platform["l4t"] as? String == "36.4.3")
        #expect(platform["jetpack"] as? String == "6.2")
        #expect(platform["dlaExpected"] as? Int == 2)
        #expect(platform["dlaPresent"] as? Int == 1)
        #expect(object["status"] as? String == "error")
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["id"] as? String == "NVDLA-DRV-001")
        #expect(finding["area"] as? String == "driver")
        #expect(finding["subject"] as? String == "dla0")
        let evidence = try #require((finding["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["source"] is String && evidence["observed"] is String)
        let remedy = try #require(finding["remedy"] as? [String: Any])
        #expect(remedy["doc"] as? String == "Docs/remedies/NVDLA-DRV-001.md")
        #expect(object["inconclusive"] is [Any])
    }

    @Test("unknown platform fields are omitted, never guessed")
    func omittedFields() throws {
        // A release the table does not know, without the nvidia-jetpack package: nothing names its JetPack.
        let dir = try BundleCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let root = dir + "/root"
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = [
            "-a", Binary.packageRoot.appendingPathComponent("Tests/FakeSysfs/jp6-agx-orin-unknown-l4t").path, root,
        ]
        try copy.run()
        copy.waitUntilExit()
        let status = root + "/var/lib/dpkg/status"
        let stanzas = try String(contentsOfFile: status, encoding: .utf8).components(separatedBy: "\n\n")
        try stanzas.filter { !$0.hasPrefix("Package: nvidia-jetpack\n") }.joined(separator: "\n\n")
            .write(toFile: status, atomically: false, encoding: .utf8)
        let result = try Binary.run(["check", "--root", root, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let platform = try #require(object["platform"] as? [String: Any])
        #expect(platform["jetpack"] == nil)
        #expect(platform["l4t"] as? String == "36.9.1")
        let stock = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-unknown-l4t", "--format", "json"])
        let stockObject = try #require(
            try JSONSerialization.jsonObject(with: Data(stock.stdout.utf8)) as? [String: Any])
        #expect((stockObject["platform"] as? [String: Any])?["jetpack"] as? String == "6.3")
    }

    @Test("--facts adds the fact table with provenance")
    func facts() throws {
        let result = try Binary.run([
            "check", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--format", "json", "--facts",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let facts = try #require(object["facts"] as? [String: [String: Any]])
        #expect(facts["platform.soc"]?["value"] as? String == "tegra234")
        #expect(facts["dla.0.dt.status"]?["source"] as? String != nil)
    }

    @Test("usage errors exit 64, unreadable input 3, each with a message on stderr")
    func badInvocations() throws {
        let unknownFlag = try Binary.run(["check", "--frobnicate"])
        #expect(unknownFlag.status == 64)
        #expect(unknownFlag.stdout.isEmpty)
        let badFormat = try Binary.run(["check", "--format", "xml"])
        #expect(badFormat.status == 64)
        let missingRoot = try Binary.run(["check", "--root", "/nonexistent/root"])
        #expect(missingRoot.status == 3)
        #expect(missingRoot.stderr.contains("not a directory"))
        let fileRoot = try Binary.run(["check", "--root", "Package.swift"])
        #expect(fileRoot.status == 3)
        let unknownRule = try Binary.run(["explain", "NVDLA-XYZ-999"])
        #expect(unknownRule.status == 64)
        // explain shows every command complete, with a glob where check would name the instance.
        let power = try Binary.run(["explain", "NVDLA-PWR-002"])
        #expect(power.stdout.contains("$ cat /sys/bus/platform/devices/*.nvdla*/power/control"))
        #expect(!power.stdout.contains("{dla.sysfs.path}"))
    }

    @Test("a broken site rule file is named with its line, and check refuses to run on half a rule set")
    func brokenRuleDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("schema: 1\nrules:\n  - id: NVDLA-PLAT-900\n    aera: platform\n".utf8)
            .write(to: dir.appendingPathComponent("site.yaml"))
        let check = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--rules", dir.path])
        #expect(check.status == 3)
        #expect(check.stderr.contains("site.yaml:4"))
        #expect(check.stderr.contains("unknown key `aera`"))
        let lint = try Binary.run(["rules", "lint", "--rules", dir.path])
        #expect(lint.status == 2)
        #expect(lint.stdout.contains("site.yaml:4"))
    }

    @Test("a site rule overrides an embedded one by ID and adds new ones")
    func siteRules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rule = """
            schema: 1
            rules:
              - id: NVDLA-PLAT-001
                area: platform
                severity: warning
                when: {fact: platform.dla_expected, eq: 0}
                title: "Site policy: boards without DLA are not allowed here"
                message: "{platform.module} has no DLA"
                remedy: {summary: Use an Orin NX or AGX module.}
            """
        try Data(rule.utf8).write(to: dir.appendingPathComponent("site.yaml"))
        let check = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-orin-nano", "--rules", dir.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("Site policy"))
        let list = try Binary.run(["rules", "list", "--rules", dir.path])
        #expect(list.stdout.contains("NVDLA-PLAT-001") && list.stdout.contains("[\(dir.path)]"))
    }

    /// The YAML example of Docs/rules.md, "Site rules".
    static func documentedSiteRules() throws -> String {
        let doc = try String(
            contentsOf: Binary.packageRoot.appendingPathComponent("Docs/rules.md"), encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "## Site rules\n").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first)
        let yaml = try #require(block.components(separatedBy: "```").first)
        // The block is indented under a list item; the file is not.
        return yaml.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.dropFirst(2)) }
            .joined(separator: "\n")
    }

    @Test("the documented site rules lint clean and work: an override of a shipped ID and an ID of our own")
    func documentedSiteRules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(try Self.documentedSiteRules().utf8).write(to: dir.appendingPathComponent("site.yaml"))
        let lint = try Binary.run(["rules", "lint", "--rules", dir.path])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let nano = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-orin-nano", "--rules", dir.path])
        #expect(nano.status == 1 && nano.stdout.contains("warning  NVDLA-PLAT-001"))
        let capped = try Binary.run([
            "check", "--root", "Tests/FakeSysfs/jp6-agx-orin-nvpmodel-15w", "--rules", dir.path,
        ])
        #expect(capped.status == 1)
        #expect(capped.stdout.contains("warning  ACME-CLK-001  system: Fleet policy: DLA boards run in MAXN"))
        #expect(capped.stdout.contains("! clocks"))
        let explain = try Binary.run(["explain", "acme-clk-001", "--rules", dir.path])
        #expect(explain.status == 0 && explain.stdout.contains("site rules have no remedy page"))
        let shippedPage = try Binary.run(["explain", "NVDLA-PLAT-001", "--rules", dir.path])
        #expect(shippedPage.stdout.contains("## How to fix"), "the override keeps the shipped page")
        // A new rule that takes the shipped prefix is a lint problem (the ID may be shipped one day).
        let taken = try String(contentsOf: dir.appendingPathComponent("site.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "ACME-CLK-001", with: "NVDLA-CLK-950")
        try Data(taken.utf8).write(to: dir.appendingPathComponent("site.yaml"))
        let reserved = try Binary.run(["rules", "lint", "--rules", dir.path])
        #expect(reserved.status == 2 && reserved.stdout.contains("need their own ID prefix"))
    }

    @Test("rules lint passes on the shipped rules and explain prints rule and remedy page")
    func rulesAndExplain() throws {
        let lint = try Binary.run(["rules", "lint"])
        #expect(lint.status == 0, "\(lint.stdout)")
        let explain = try Binary.run(["explain", "nvdla-drv-001"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("## How to fix"))
        let list = try Binary.run(["rules", "list"])
        #expect(list.stdout.split(separator: "\n").count >= 20)
    }

    @Test("--area limits the rules evaluated; -v lists passed checks")
    func areaAndVerbose() throws {
        let area = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-unbound", "--area", "versions"])
        #expect(area.status == 0)
        #expect(!area.stdout.contains("NVDLA-DRV-001"))
        let verbose = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "-v"])
        #expect(verbose.stdout.contains("[passed]"))
        #expect(verbose.stdout.contains("ok  NVDLA-DRV-001  dla0"))
    }
}

/// Generated documentation stays true to the code.
@Suite("Generated docs")
struct GeneratedDocsTests {
    @Test("Docs/facts.md and Docs/rule-catalogue.md match `rules facts` and `rules catalogue`")
    func catalogues() throws {
        for (command, file) in [("facts", "Docs/facts.md"), ("catalogue", "Docs/rule-catalogue.md")] {
            let result = try Binary.run(["rules", command])
            let committed = try String(
                contentsOf: Binary.packageRoot.appendingPathComponent(file), encoding: .utf8)
            #expect(result.stdout == committed, "regenerate \(file) with `nvdla-doctor rules \(command) > \(file)`")
        }
    }
}
