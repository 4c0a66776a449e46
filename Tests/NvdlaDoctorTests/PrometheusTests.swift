import Foundation
import Testing

/// Prometheus output: valid exposition format for every fixture (promtool), and the atomic textfile.
@Suite("Prometheus")
struct PrometheusTests {
    static let scenarios: [String] = {
        let dir = Binary.packageRoot.appendingPathComponent("Tests/FakeSysfs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.contains(".") }.sorted()
    }()

    /// Runs `promtool check metrics` on `text`; promtool comes from Debian's `prometheus` (scripts/setup-deps).
    func promtool(_ text: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["promtool", "check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("promtool accepts the output of every fixture", arguments: scenarios)
    func promtoolAccepts(_ scenario: String) throws {
        let result = try Binary.run(["check", "--root", "Tests/FakeSysfs/\(scenario)", "--format", "prometheus"])
        #expect(result.stdout.contains("# TYPE nvdla_doctor_status gauge"))
        let check = try promtool(result.stdout)
        #expect(check.status == 0, "promtool: \(check.output)")
    }

    @Test("metrics carry the status, each finding and the DLA counts")
    func content() throws {
        let result = try Binary.run(
            ["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-devnode-perms", "--format", "prometheus"])
        #expect(result.status == 1)
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("nvdla_doctor_status 1"))
        #expect(
            lines.contains(
                #"nvdla_doctor_finding{id="NVDLA-DEV-003",area="devnodes",severity="warning",subject="dla0"} 1"#))
        #expect(lines.contains(#"nvdla_doctor_findings{severity="warning",area="devnodes"} 2"#))
        #expect(lines.contains("nvdla_dla_expected 2"))
        #expect(lines.contains("nvdla_dla_present 2"))
        #expect(lines.contains { $0.hasPrefix("nvdla_doctor_last_run_timestamp_seconds ") })
    }

    @Test("--textfile writes nvdla_doctor.prom atomically and leaves nothing else behind")
    func textfile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("textfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Binary.run(["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--textfile", dir.path])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["nvdla_doctor.prom"])
        let text = try String(contentsOf: dir.appendingPathComponent("nvdla_doctor.prom"), encoding: .utf8)
        #expect(try promtool(text).status == 0)
        #expect(result.stdout.contains("status: ok"), "the requested format still goes to stdout")
        let missing = try Binary.run([
            "check", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--textfile", "/nonexistent",
        ])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("--textfile"))
    }
}

@Suite("Fleet docs")
struct FleetDocsTests {
    @Test("promtool accepts the alerting rules of Docs/fleet-alerts.yml, and Docs/fleet.md shows them as they are")
    func alertRules() throws {
        let file = Binary.packageRoot.appendingPathComponent("Docs/fleet-alerts.yml")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["promtool", "check", "rules", file.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let page = try String(contentsOf: Binary.packageRoot.appendingPathComponent("Docs/fleet.md"), encoding: .utf8)
        #expect(page.contains(try String(contentsOf: file, encoding: .utf8)))
    }
}
