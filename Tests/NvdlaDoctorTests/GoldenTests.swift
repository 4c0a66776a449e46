import Foundation
import Testing

/// End-to-end: the built binary on fixture trees, compared with reviewed golden files.
///
/// Re-record after a reviewed change with `NVDLA_RECORD_GOLDENS=1 swift test --filter Golden`, then read the
/// diff (`git diff Tests/NvdlaDoctorTests/Goldens`) before committing it.
@Suite("Goldens")
struct GoldenTests {
    static let scenarios = [
        "jp6-agx-orin-64gb", "jp5-agx-orin", "jp5-agx-xavier", "jp6-orin-nano", "jp6-orin-nx-8gb-dla1",
        "jp6-agx-orin-unbound", "jp6-agx-orin-devnode-perms", "jp6-agx-orin-container", "non-jetson",
        "jp6-agx-orin-cma-fragmented", "jp6-agx-orin-cma-cmdline", "jp6-agx-orin-nvpmodel-15w", "jp6-agx-orin-nonroot",
        "jp4-agx-xavier", "jp71-agx-thor", "jp72-agx-orin-trt-no-dla", "jp6-agx-orin-default-mode",
    ]
    static let recording = ProcessInfo.processInfo.environment["NVDLA_RECORD_GOLDENS"] == "1"
    static let goldens = Binary.packageRoot.appendingPathComponent("Tests/NvdlaDoctorTests/Goldens")

    func compare(_ actual: String, _ name: String) throws {
        let file = Self.goldens.appendingPathComponent(name)
        if Self.recording {
            try Data(actual.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden; re-record only after reviewing the change")
    }

    @Test("text report matches its golden", arguments: scenarios)
    func text(_ scenario: String) throws {
        let result = try Binary.run(["check", "--root", "Tests/FakeSysfs/\(scenario)"])
        try compare(result.stdout, "\(scenario).txt")
        #expect(!result.stdout.contains("\u{1B}["), "no colour with NO_COLOR or off a terminal")
    }

    @Test("JSON report matches its golden", arguments: scenarios)
    func json(_ scenario: String) throws {
        let result = try Binary.run(["check", "--root", "Tests/FakeSysfs/\(scenario)", "--format", "json"])
        try compare(result.stdout, "\(scenario).json")
        #expect(result.stderr.isEmpty)
    }
}
