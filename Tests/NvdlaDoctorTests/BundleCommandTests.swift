import Foundation
import Testing

/// `bundle`, `check --root BUNDLE.tar.gz` and `diff` through the built binary.
@Suite("Bundle and diff commands")
struct BundleCommandTests {
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("bundle writes a 0600 archive, refuses to overwrite without --force and never writes through a symlink")
    func output() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = dir + "/b.tar.gz"
        let scenario = "Tests/FakeSysfs/jp6-agx-orin-unbound"
        let first = try Binary.run(["bundle", "--root", scenario, "-o", archive])
        #expect(first.status == 0 && first.stdout.isEmpty, "\(first.stderr)")
        #expect(first.stderr.contains("private redaction map"))
        let attributes = try FileManager.default.attributesOfItem(atPath: archive)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let again = try Binary.run(["bundle", "--root", scenario, "-o", archive])
        #expect(again.status == 3 && again.stderr.contains("--force"))
        #expect(try Binary.run(["bundle", "--root", scenario, "-o", archive, "--force"]).status == 0)
        let victim = dir + "/victim"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.tar.gz", withDestinationPath: victim)
        let linked = try Binary.run(["bundle", "--root", scenario, "-o", dir + "/link.tar.gz", "--force"])
        #expect(linked.status == 3 && linked.stderr.contains("symlink"))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        // The bundle checks like the scenario, and names itself as a bundle.
        let check = try Binary.run(["check", "--root", archive, "--format", "json"])
        #expect(check.status == 2)
        #expect(check.stdout.contains("\"kind\" : \"bundle\""))
    }

    @Test("diff of a scenario and a bundle exits by the findings new in B")
    func diff() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let archive = dir + "/bad.tar.gz"
        #expect(
            try Binary.run(["bundle", "--root", "Tests/FakeSysfs/jp6-agx-orin-unbound", "-o", archive]).status == 0)
        let worse = try Binary.run(["diff", "Tests/FakeSysfs/jp6-agx-orin-64gb", archive])
        #expect(worse.status == 2 && worse.stdout.contains("+ [error] NVDLA-DRV-001 dla0"))
        let better = try Binary.run(["diff", archive, "Tests/FakeSysfs/jp6-agx-orin-64gb", "--format", "json"])
        #expect(better.status == 0 && better.stdout.contains("\"resolved\""))
        let unreadable = try Binary.run(["diff", "Tests/FakeSysfs/jp6-agx-orin-64gb", "Package.swift"])
        #expect(unreadable.status == 3 && unreadable.stderr.contains("not a gzip"))
    }
}
