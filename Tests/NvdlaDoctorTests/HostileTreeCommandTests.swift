import Foundation
import Testing

/// `check --root` on trees with a FIFO where a file should be: it finishes (a deadline stops a hang), finds no false
/// error, and says the checks that needed the file could not run.
@Suite("Hostile trees (binary)")
struct HostileTreeCommandTests {
    /// Where the FIFO goes, and the status: unknown (3) where a check needed the file; ok (0) where the file only
    /// refines a snapshot (the kernel log's source name, the list of paths its capture could not read).
    static let places: [(String, Int32)] = [
        ("sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0/power/runtime_status", 3),
        (".nvdla-doctor/kmsg", 3), (".nvdla-doctor/stat.tsv", 3), ("etc/nv_tegra_release", 3),
        (".nvdla-doctor/kmsg-source", 0), (".nvdla-doctor/unreadable.tsv", 0),
    ]

    @Test("a FIFO in place of a file never blocks the check and never makes a false finding", arguments: places)
    func fifo(_ place: String, _ status: Int32) throws {
        let scratch = Scratch()
        let root = scratch.copy(scenario: "jp6-agx-orin-64gb")
        try? FileManager.default.removeItem(atPath: root + "/" + place)
        #expect(mkfifo(root + "/" + place, 0o644) == 0)
        let result = try Binary.run(["check", "--root", root, "--format", "json"], timeout: 60)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((document?["findings"] as? [Any])?.isEmpty == true, "\(place): \(result.stdout)")
        #expect(result.status == status, "\(place)")
        if status == 3 {
            let reasons = (document?["inconclusive"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
            #expect(!reasons.isEmpty && reasons.allSatisfy { $0 == "unsupported" }, "\(place): \(reasons)")
        }
    }
}
