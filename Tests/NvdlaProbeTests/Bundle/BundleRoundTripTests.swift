import Foundation
import Testing

@testable import NvdlaProbe

/// Bundles of every fixture scenario give the same findings as the scenario itself (the round trip of Docs/architecture.md).
@Suite("Bundle round trip")
struct BundleRoundTripTests {
    /// What must survive the round trip: findings, inconclusive checks, platform and status.
    static func outline(_ report: Report, messages: Bool) -> [String] {
        let findings = report.findings.map {
            "\($0.id) \($0.subject) \($0.severity.rawValue)" + (messages ? " \($0.message)" : "")
        }
        let inconclusive = report.inconclusive.map { "? \($0.rule) \($0.subject) \($0.reason)" }
        let p = report.platform
        let platform = [
            p.soc, p.module, p.model, p.l4t, p.jetpack, p.dlaExpected.map(String.init), p.dlaPresent.map(String.init),
        ].map { $0 ?? "-" }.joined(separator: "|")
        return findings + inconclusive + ["platform \(platform)", "status \(report.status.rawValue)"]
    }

    static func bundle(_ scenario: String, redact: Bool, in temporary: TemporaryDirectory) throws -> String {
        var options = BundleBuilder.Options(outputPath: temporary.path + "/\(scenario)-\(redact).tar.gz")
        options.redact = redact
        _ = try BundleBuilder.build(root: Fixtures.root(scenario), rules: Fixtures.rules, options: options)
        return options.outputPath
    }

    @Test("check on the bundle of a scenario gives the scenario's findings", arguments: Fixtures.scenarios)
    func roundTrip(_ scenario: String) throws {
        let temporary = TemporaryDirectory()
        let original = Fixtures.check(scenario: scenario)
        for redact in [true, false] {
            let archive = try Self.bundle(scenario, redact: redact, in: temporary)
            let opened = try OpenedRoot.open(archive)
            let unpacked = try #require(opened.temporaryDirectory)
            let fromBundle = Diagnosis.check(root: opened.root, rules: Fixtures.rules)
            #expect(
                Self.outline(fromBundle, messages: !redact) == Self.outline(original, messages: !redact),
                "redact: \(redact)")
            // The unpacked directory is a root too.
            let fromDirectory = Fixtures.check(opened.root.hostPath)
            #expect(Self.outline(fromDirectory, messages: !redact) == Self.outline(original, messages: !redact))
            opened.close()
            #expect(!FileManager.default.fileExists(atPath: unpacked), "temporary directory removed")
        }
    }

    @Test("a bundle holds the manifest, report, stat table and kernel log, written 0600 with a 0600 map beside it")
    func layout() throws {
        let temporary = TemporaryDirectory()
        let archive = try Self.bundle("jp6-agx-orin-unbound", redact: true, in: temporary)
        for path in [archive, archive + ".map.json"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(path)")
        }
        let opened = try OpenedRoot.open(archive)
        defer { opened.close() }
        let top = opened.root.hostPath + "/.nvdla-doctor/"
        for name in ["manifest.json", "report.json", "stat.tsv", "kmsg"] {
            #expect(FileManager.default.fileExists(atPath: top + name), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: top + "map.json"))
        let data = try #require(FileManager.default.contents(atPath: top + "manifest.json"))
        let manifest = try JSONDecoder().decode(BundleManifest.self, from: data)
        #expect(manifest.tool["version"] == ToolInfo.version)
        let kmsg = try #require(manifest.entries.first { $0.access == "kmsg" })
        #expect(kmsg.sha256?.count == 64 && kmsg.size > 0)
        let modules = try #require(manifest.entries.first { $0.path == "/proc/modules" })
        #expect(modules.outcome == "ok" && modules.sha256 != nil && !modules.truncated)
        #expect(opened.kind == "bundle")
    }

    @Test("files above the per-file cap are cut and flagged truncated in the manifest")
    func truncation() throws {
        let temporary = TemporaryDirectory()
        var options = BundleBuilder.Options(outputPath: temporary.path + "/small.tar.gz")
        options.perFileCap = 100
        options.redact = false
        let result = try BundleBuilder.build(
            root: Fixtures.root("jp6-agx-orin-64gb"), rules: Fixtures.rules, options: options)
        let modules = try #require(result.manifest.entries.first { $0.path == "/proc/modules" })
        #expect(modules.truncated && modules.size == 100)
    }

    @Test("past the total cap, files are stored empty and recorded as skipped and truncated")
    func totalCap() throws {
        let temporary = TemporaryDirectory()
        var options = BundleBuilder.Options(outputPath: temporary.path + "/capped.tar.gz")
        options.totalCap = 2000
        options.redact = false
        let result = try BundleBuilder.build(
            root: Fixtures.root("jp6-agx-orin-64gb"), rules: Fixtures.rules, options: options)
        let skipped = result.manifest.entries.filter { $0.outcome == "skipped" }
        #expect(!skipped.isEmpty && skipped.allSatisfy { $0.truncated && $0.size == 0 })
        let stored = result.manifest.entries.filter { $0.access == "file" || $0.access == "kmsg" }.map(\.size)
        #expect(stored.reduce(0, +) <= 2000)
    }

    @Test("a bundle unpacked as a fixture tree (scripts/bundle-to-fixture) checks like the scenario")
    func bundleToFixture() throws {
        let temporary = TemporaryDirectory()
        let archive = try Self.bundle("jp6-agx-orin-devnode-perms", redact: true, in: temporary)
        let target = temporary.path + "/FakeSysfs/field-report-1"
        let report = try BundleUnpacker.unpack(archive, to: target)
        #expect(report?.contains("NVDLA-") == true)
        #expect(!FileManager.default.fileExists(atPath: target + "/.nvdla-doctor/manifest.json"))
        #expect(
            Self.outline(Fixtures.check(target), messages: false)
                == Self.outline(Fixtures.check(scenario: "jp6-agx-orin-devnode-perms"), messages: false))
        #expect(throws: BundleError.self) { try BundleUnpacker.unpack(archive, to: target) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temporary.path + "/FakeSysfs")
        #expect(leftovers == ["field-report-1"])
    }

    @Test("the bundle's SHA-256 matches known digests")
    func sha256() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1000)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
