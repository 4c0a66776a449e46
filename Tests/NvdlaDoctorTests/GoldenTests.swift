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
        // Only a root that is not a Jetson warns on stderr (JSON is read by programs; the person is told there).
        #expect(result.stderr.isEmpty == (scenario != "non-jetson"), "\(result.stderr)")
    }

    @Test("bundle with its default name and with -o -, then unpack, print what their golden shows")
    func bundleAndUnpack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let repo = Binary.packageRoot.path
        let scenario = repo + "/Tests/FakeSysfs/jp6-agx-orin-unbound"
        // What changes from run to run: the date in default names, the temporary directory, the archive's size.
        func stable(_ text: String) -> String {
            var out = text.replacingOccurrences(of: dir.path, with: "<DIR>").replacingOccurrences(
                of: repo, with: "<REPO>")
            out = out.replacingOccurrences(
                of: #"-\d{4}-\d{2}-\d{2}\."#, with: "-<DATE>.", options: .regularExpression)
            out = out.replacingOccurrences(
                of: #"\(\d+(\.\d)? (B|KiB|MiB), "#, with: "(<SIZE>, ", options: .regularExpression)
            return out
        }
        var transcript = ""
        let named = try Binary.run(["bundle", "--root", scenario, "--no-redact"], directory: dir)
        transcript += "$ nvdla-doctor bundle --root <REPO>/Tests/FakeSysfs/jp6-agx-orin-unbound --no-redact\n"
        transcript += "[exit \(named.status)]\n" + stable(named.stderr)
        let piped = try Binary.run(["bundle", "--root", scenario, "-o", "-"], directory: dir)
        try piped.stdoutData.write(to: dir.appendingPathComponent("piped.tar.gz"))
        transcript += "$ nvdla-doctor bundle --root <REPO>/Tests/FakeSysfs/jp6-agx-orin-unbound -o - > piped.tar.gz\n"
        transcript +=
            "[exit \(piped.status), \(piped.stdoutData.prefix(2) == Data([0x1F, 0x8B]) ? "gzip" : "not gzip") "
        transcript += "on stdout]\n" + stable(piped.stderr)
        let unpack = try Binary.run(["unpack", "piped.tar.gz", "tree"], directory: dir)
        transcript += "$ nvdla-doctor unpack piped.tar.gz tree\n[exit \(unpack.status)]\n"
        transcript += stable(unpack.stdout) + stable(unpack.stderr)
        try compare(transcript, "bundle-and-unpack.txt")
    }
}
