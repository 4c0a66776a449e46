import Foundation
import Testing

@testable import NvdlaProbe

/// One check of the watcher writes the JSON report and the textfile atomically, with the check's content.
@Suite("WatchCheck")
struct WatchCheckTests {
    static func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    @Test("status.json is the JSON report and nvdla_doctor.prom the metrics; files are replaced, not rewritten")
    func writes() throws {
        let temporary = TemporaryDirectory()
        let state = temporary.path + "/state"
        let textfile = temporary.path + "/textfile"
        for dir in [state, textfile] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        let root = Fixtures.path("jp6-agx-orin-unbound")
        var check = WatchCheck(
            rootPath: root, rules: Fixtures.rules, stateDirectory: state, textfileDirectory: textfile)
        check.now = { 1_700_000_000 }
        let first = check.run()
        #expect(first.writeErrors.isEmpty)
        #expect(first.state == WatchState(status: "error", findings: ["NVDLA-FW-001:system", "NVDLA-DRV-001:dla0"]))
        let report = Fixtures.check(root)
        let json = try String(contentsOfFile: state + "/status.json", encoding: .utf8)
        #expect(json == JSONRenderer.render(report) + "\n")
        let prom = try String(contentsOfFile: textfile + "/nvdla_doctor.prom", encoding: .utf8)
        #expect(prom == PrometheusRenderer.render(report, timestamp: 1_700_000_000))
        #expect(prom.contains("nvdla_doctor_status 2"))
        let inodeBefore = Self.inode(state + "/status.json")
        _ = check.run()
        #expect(Self.inode(state + "/status.json") != inodeBefore, "written by rename of a new file")
        for dir in [state, textfile] {
            let names = try FileManager.default.contentsOfDirectory(atPath: dir)
            #expect(names.count == 1, "no temporary file left in \(dir): \(names)")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: state + "/status.json")[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test("a missing directory is a write error, not a crash; an unopenable root is status unknown")
    func failures() {
        let temporary = TemporaryDirectory()
        let check = WatchCheck(
            rootPath: Fixtures.path("jp6-agx-orin-64gb"), rules: Fixtures.rules,
            stateDirectory: temporary.path + "/absent", textfileDirectory: temporary.path + "/also-absent")
        let outcome = check.run()
        #expect(outcome.state.status == "ok")
        #expect(outcome.writeErrors.count == 2)
    }

    @Test("an unopenable root is status unknown, and both files say so instead of keeping the last verdict")
    func unknownRoot() throws {
        let temporary = TemporaryDirectory()
        temporary.write("{\"status\": \"ok\"}\n", at: "state/status.json")
        temporary.write("nvdla_doctor_status 0\n", at: "textfile/nvdla_doctor.prom")
        var bad = WatchCheck(
            rootPath: temporary.path + "/no-root", rules: Fixtures.rules, stateDirectory: temporary.path + "/state",
            textfileDirectory: temporary.path + "/textfile")
        bad.now = { 1_700_000_000 }
        let outcome = bad.run()
        #expect(outcome.state.status == "unknown")
        #expect(outcome.writeErrors.count == 1 && outcome.writeErrors[0].contains("no-root"))
        let json = try String(contentsOfFile: temporary.path + "/state/status.json", encoding: .utf8)
        #expect(json.contains("\"status\" : \"unknown\"") || json.contains("\"status\": \"unknown\""))
        let prom = try String(contentsOfFile: temporary.path + "/textfile/nvdla_doctor.prom", encoding: .utf8)
        #expect(prom == PrometheusRenderer.renderUnknown(timestamp: 1_700_000_000))
        #expect(prom.contains("nvdla_doctor_status 3\n") && prom.contains("nvdla_doctor_up 0\n"))
    }

    @Test("the state is the status and the sorted ID:subject list")
    func state() {
        let report = Fixtures.check(scenario: "jp6-agx-orin-unbound")
        #expect(WatchState(report).findings == ["NVDLA-DRV-001:dla0", "NVDLA-FW-001:system"])
        #expect(WatchState(report).status == "error")
    }
}
