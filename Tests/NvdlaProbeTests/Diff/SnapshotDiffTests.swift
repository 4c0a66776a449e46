import Foundation
import Testing

@testable import NvdlaProbe

/// `diff A B` names exactly the differences between a healthy and a broken scenario.
@Suite("Snapshot diff")
struct SnapshotDiffTests {
    @Test("healthy → unbound: the new errors, the driver, clock, node and firmware facts of dla0, exit 2")
    func healthyAgainstBroken() {
        let diff = SnapshotDiff(
            a: Fixtures.check(scenario: "jp6-agx-orin-64gb"), b: Fixtures.check(scenario: "jp6-agx-orin-unbound"))
        #expect(diff.added.map { "\($0.id):\($0.subject)" } == ["NVDLA-DRV-001:dla0", "NVDLA-FW-001:system"])
        #expect(diff.resolved.isEmpty && diff.changed.isEmpty)
        #expect(
            diff.facts.map(\.key) == [
                "dla.0.clk.core.max_rate", "dla.0.clk.core.rate", "dla.0.clk.falcon.max_rate", "dla.0.clk.falcon.rate",
                "dla.0.clk_cap.core", "dla.0.clk_cap.falcon", "dla.0.driver.bound", "dla.0.driver.name",
                "dla.0.node.ctrl.devnum", "dla.0.node.ctrl.mode", "dla.0.node.ctrl.owner", "dla.0.node.ctrl.present",
                "dla.0.nvpmodel.core_cap", "dla.0.power.runtime_status", "firmware.present", "platform.dla_present",
            ])
        #expect(
            diff.facts.first { $0.key == "platform.dla_present" } == .init(key: "platform.dla_present", a: "2", b: "1"))
        #expect(diff.status == .error)
    }

    @Test("broken → healthy: the finding is resolved and nothing is new, exit 0")
    func repaired() {
        let diff = SnapshotDiff(
            a: Fixtures.check(scenario: "jp6-agx-orin-unbound"), b: Fixtures.check(scenario: "jp6-agx-orin-64gb"))
        #expect(diff.added.isEmpty && diff.resolved.map(\.id) == ["NVDLA-DRV-001", "NVDLA-FW-001"])
        #expect(diff.status == .ok)
    }

    @Test("a scenario against itself has no differences")
    func identical() {
        let report = Fixtures.check(scenario: "jp6-agx-orin-trt8")
        let diff = SnapshotDiff(a: report, b: Fixtures.check(scenario: "jp6-agx-orin-trt8"))
        #expect(diff.added.isEmpty && diff.resolved.isEmpty && diff.changed.isEmpty && diff.facts.isEmpty)
        #expect(DiffRenderer.text(diff).contains("No differences"))
    }

    @Test("an upgrade shows the version facts that changed")
    func versions() {
        let diff = SnapshotDiff(
            a: Fixtures.check(scenario: "jp5-agx-orin"), b: Fixtures.check(scenario: "jp6-agx-orin-64gb"))
        let keys = Set(diff.facts.map(\.key))
        #expect(keys.contains("versions.l4t") && keys.contains("versions.jetpack"))
    }

    @Test("the JSON form has schemaVersion 1 and a diff object")
    func json() throws {
        let diff = SnapshotDiff(
            a: Fixtures.check(scenario: "jp6-agx-orin-64gb"), b: Fixtures.check(scenario: "jp6-agx-orin-unbound"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(DiffRenderer.json(diff).utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1 && object["status"] as? String == "error")
        let body = try #require(object["diff"] as? [String: Any])
        let findings = try #require(body["findings"] as? [String: Any])
        #expect((findings["added"] as? [[String: Any]])?.first?["id"] as? String == "NVDLA-DRV-001")
        #expect((body["facts"] as? [Any])?.count == 16)
    }
}
