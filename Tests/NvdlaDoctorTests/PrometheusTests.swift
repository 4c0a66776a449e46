import Foundation
import Testing

/// Prometheus output: valid exposition format for every fixture (promtool), names per Prometheus practice, and a
/// textfile that is complete and current after every run, whatever its status.
@Suite("Prometheus")
struct PrometheusTests {
    static let scenarios: [String] = {
        let dir = Binary.packageRoot.appendingPathComponent("Tests/FakeSysfs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.contains(".") }.sorted()
    }()

    /// Runs `promtool` with `arguments` and `input` on stdin; promtool comes from Debian's `prometheus`
    /// (scripts/setup-deps).
    static func promtool(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["promtool"] + arguments
        let stdin = Pipe()
        let output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `promtool check metrics` (format and naming lint) on `text`.
    static func checkMetrics(_ text: String) throws -> (status: Int32, output: String) {
        try promtool(["check", "metrics"], input: text)
    }

    /// The metric names of an exposition (from its TYPE lines).
    static func families(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { String($0.split(separator: " ")[2]) }
    }

    static func lines(_ text: String) -> Set<String> { Set(text.split(separator: "\n").map(String.init)) }

    @Test(
        "promtool accepts the output of every fixture, and no series carries a label Prometheus sets itself",
        arguments: scenarios)
    func promtoolAccepts(_ scenario: String) throws {
        let result = try Binary.run(["check", "--root", "Tests/FakeSysfs/\(scenario)", "--format", "prometheus"])
        #expect(result.stdout.contains("# TYPE nvdla_doctor_status gauge"))
        let check = try Self.checkMetrics(result.stdout)
        #expect(check.status == 0 && check.output.isEmpty, "promtool: \(check.output)")
        for label in ["instance=", "job=", "exported_"] { #expect(!result.stdout.contains(label)) }
    }

    @Test("metrics carry the status, each finding, the DLA counts and clock caps in hertz under the dla label")
    func content() throws {
        let result = try Binary.run(
            ["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-devnode-perms", "--format", "prometheus"])
        #expect(result.status == 1)
        let lines = Self.lines(result.stdout)
        #expect(lines.contains("nvdla_doctor_up 1"))
        #expect(lines.contains("nvdla_doctor_status 1"))
        #expect(
            lines.contains(
                #"nvdla_doctor_finding_info{id="NVDLA-DEV-003",area="devnodes",severity="warning",subject="dla0"} 1"#))
        #expect(lines.contains(#"nvdla_doctor_findings{severity="warning",area="devnodes"} 2"#))
        #expect(lines.contains("nvdla_dla_cores_expected 2"))
        #expect(lines.contains("nvdla_dla_cores_present 2"))
        #expect(lines.contains { $0.hasPrefix(#"nvdla_dla_clock_cap_hertz{dla="dla0",clock="core"} "#) })
        #expect(lines.contains { $0.hasPrefix("nvdla_cma_reserved_bytes ") })
        #expect(lines.contains { $0.hasPrefix(#"nvdla_doctor_build_info{version=""#) && $0.hasSuffix("} 1") })
        #expect(lines.contains { $0.hasPrefix(#"nvdla_platform_info{soc="tegra234",module="p3701-0005""#) })
        #expect(lines.contains { $0.hasPrefix("nvdla_doctor_last_run_timestamp_seconds ") })
        for old in ["_hz{", "nvdla_doctor_finding{", "nvdla_dla_present", "nvdla_doctor_info{"] {
            #expect(!result.stdout.contains(old), "old name \(old)")
        }
    }

    /// A copy of the rule files with one broken, as a `--rules` directory.
    static func brokenRules(in scratch: ScratchDirectory) throws -> String {
        let dir = scratch.path + "/rules"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "rules: [ {id: NVDLA-XX-001, area: nowhere\n".write(
            toFile: dir + "/broken.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("the textfile is complete and current after ok, error and every kind of unknown run")
    func textfileAfterEveryStatus() throws {
        let scratch = try ScratchDirectory("textfile")
        let dir = scratch.path + "/collector"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let prom = dir + "/nvdla_doctor.prom"
        let runs: [(arguments: [String], status: Int32, up: String)] = [
            (["--root", "Tests/FakeSysfs/jp6-agx-orin-64gb"], 0, "1"),
            (["--root", "Tests/FakeSysfs/jp6-agx-orin-unbound"], 2, "1"),
            (["--root", "Tests/FakeSysfs/non-jetson"], 3, "0"),
            (["--root", "Tests/FakeSysfs/jp6-agx-orin-64gb"], 0, "1"),
            (["--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--rules", try Self.brokenRules(in: scratch)], 3, "0"),
            (["--root", scratch.path + "/no-such-root"], 3, "0"),
            (["--root", "Tests/NvdlaProbeTests/Bundle/make_hostile.py"], 3, "0"),
        ]
        var lastTimestamp = 0.0
        for run in runs {
            let result = try Binary.run(["check", "--textfile", dir] + run.arguments)
            #expect(result.status == run.status, "\(run.arguments): \(result.stderr)")
            let text = try String(contentsOfFile: prom, encoding: .utf8)
            let lines = Self.lines(text)
            #expect(lines.contains("nvdla_doctor_status \(run.status)"), "\(run.arguments)")
            #expect(lines.contains("nvdla_doctor_up \(run.up)"), "\(run.arguments)")
            let check = try Self.checkMetrics(text)
            #expect(check.status == 0 && check.output.isEmpty, "\(run.arguments): \(check.output)")
            for family in ["nvdla_doctor_up", "nvdla_doctor_status", "nvdla_doctor_build_info"] {
                #expect(Self.families(text).contains(family), "\(run.arguments): \(family)")
            }
            let stamp = try #require(
                lines.first { $0.hasPrefix("nvdla_doctor_last_run_timestamp_seconds ") }?.split(separator: " ").last
                    .flatMap { Double($0) })
            #expect(stamp >= lastTimestamp, "the timestamp is this run's")
            lastTimestamp = stamp
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["nvdla_doctor.prom"])
            let mode = try FileManager.default.attributesOfItem(atPath: prom)[.posixPermissions] as? Int
            #expect(mode == 0o644, "node_exporter runs as another user")
        }
        // --format prometheus says unknown on stdout too when nothing could run.
        let stdout = try Binary.run(
            ["check", "--root", scratch.path + "/no-such-root", "--format", "prometheus"])
        #expect(stdout.status == 3 && Self.lines(stdout.stdout).contains("nvdla_doctor_up 0"))
    }

    @Test("--textfile into a missing directory or over a symlink is refused with status 3")
    func textfileRefusals() throws {
        let scratch = try ScratchDirectory("textfile")
        let missing = try Binary.run([
            "check", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--textfile", scratch.path + "/absent",
        ])
        #expect(missing.status == 3 && missing.stderr.contains("--textfile"))
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path + "/nvdla_doctor.prom", withDestinationPath: scratch.path + "/elsewhere")
        let symlink = try Binary.run([
            "check", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--textfile", scratch.path,
        ])
        #expect(symlink.status == 3 && symlink.stderr.contains("symlink"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/elsewhere"), "never written through")
    }
}

@Suite("Fleet docs")
struct FleetDocsTests {
    @Test(
        "promtool accepts Docs/fleet-alerts.yml, Docs/fleet.md shows it as it is, and each alert fires in its unit test"
    )
    func alertRules() throws {
        let file = Binary.packageRoot.appendingPathComponent("Docs/fleet-alerts.yml")
        let check = try PrometheusTests.promtool(["check", "rules", file.path])
        #expect(check.status == 0, "\(check.output)")
        let page = try String(contentsOf: Binary.packageRoot.appendingPathComponent("Docs/fleet.md"), encoding: .utf8)
        #expect(page.contains(try String(contentsOf: file, encoding: .utf8)))
        let rules = try String(contentsOf: file, encoding: .utf8)
        let alerts = rules.split(separator: "\n").filter { $0.contains("- alert: ") }.map {
            String($0.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces)
        }
        #expect(
            Set(alerts) == ["DLAMissing", "DLADoctorError", "DLADoctorWarning", "DLADoctorUnknown", "DLADoctorStale"])
        let tests = Binary.packageRoot.appendingPathComponent("Docs/fleet-alerts.test.yml")
        let run = try PrometheusTests.promtool(["test", "rules", tests.path])
        #expect(run.status == 0, "\(run.output)")
        let testText = try String(contentsOf: tests, encoding: .utf8)
        for alert in alerts { #expect(testText.contains("alertname: \(alert)"), "\(alert) has a unit test") }
    }
}
