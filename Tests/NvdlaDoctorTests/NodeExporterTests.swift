import Foundation
import Testing

/// End to end with the real `prometheus-node-exporter` (Debian package, `scripts/setup-deps`): our textfile in a
/// temporary directory is served by its textfile collector on 127.0.0.1. Every wait has a deadline and the
/// exporter is always stopped.
@Suite(
    "node_exporter textfile collector",
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prometheus-node-exporter"),
        "prometheus-node-exporter is not installed"))
struct NodeExporterTests {
    static let exporter = "/usr/bin/prometheus-node-exporter"

    /// A TCP port on 127.0.0.1 nothing listens on right now (the kernel picks it).
    static func freePort() -> UInt16? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        return UInt16(bigEndian: address.sin_port)
    }

    /// `/metrics` of the exporter on `port`, or nil when it does not answer within two seconds.
    static func scrape(port: UInt16) -> String? {
        guard
            let result = try? ChildProcess.run(
                "/usr/bin/curl", ["-sS", "--max-time", "2", "http://127.0.0.1:\(port)/metrics"], timeout: 5),
            result.status == 0
        else { return nil }
        return result.stdout
    }

    /// `/metrics` once it has `line` (the collector reads the directory on every scrape), or the last answer.
    static func scrape(port: UInt16, until line: String, process: Process) -> String? {
        var metrics: String?
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && process.isRunning {
            metrics = Self.scrape(port: port)
            if let metrics, metrics.split(separator: "\n").contains(Substring(line)) { return metrics }
            usleep(100_000)
        }
        return metrics
    }

    @Test("node_exporter serves nvdla-doctor's metrics from the textfile directory, and the unknown status after")
    func serves() throws {
        let scratch = try ScratchDirectory("node-exporter")
        let check = try ChildProcess.run(
            Binary.url.path,
            ["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-unbound", "--textfile", scratch.path], timeout: 60)
        #expect(check.status == 2, "\(check.stderr)")
        let port = try #require(Self.freePort())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.exporter)
        process.arguments = [
            "--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults", "--collector.textfile",
            "--collector.textfile.directory=\(scratch.path)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { ChildProcess.stop(process) }
        let text = try #require(
            Self.scrape(port: port, until: "nvdla_doctor_status 2", process: process),
            "node_exporter did not answer on 127.0.0.1:\(port)")
        let lines = Set(text.split(separator: "\n").map(String.init))
        #expect(lines.contains("node_textfile_scrape_error 0"), "the collector read our file without error")
        #expect(lines.contains("nvdla_doctor_status 2"))
        #expect(lines.contains("nvdla_doctor_up 1"))
        #expect(lines.contains("nvdla_dla_cores_present 1"))
        #expect(lines.contains("nvdla_dla_cores_expected 2"))
        #expect(
            lines.contains {
                $0.hasPrefix("nvdla_doctor_finding_info{") && $0.contains("id=\"NVDLA-DRV-001\"")
                    && $0.contains("subject=\"dla0\"") && $0.hasSuffix(" 1")
            }, "the finding series")
        #expect(lines.contains { $0.hasPrefix("nvdla_platform_info{") && $0.contains("soc=\"tegra234\"") })
        #expect(lines.contains { $0.hasPrefix("nvdla_dla_clock_cap_hertz{") && $0.contains("dla=\"dla1\"") })
        #expect(text.contains("# TYPE nvdla_doctor_status gauge"))
        #expect(!text.contains("exported_instance"), "no label clashes with the scrape's own")

        // The board stops being assessable: the next scrape says unknown, not the old error.
        for arguments in [
            ["--root", "Tests/FakeSysfs/non-jetson"], ["--root", scratch.path + "/no-such-root"],
        ] {
            let unknown = try ChildProcess.run(
                Binary.url.path, ["check", "--textfile", scratch.path] + arguments, timeout: 60)
            #expect(unknown.status == 3, "\(unknown.stderr)")
            let after = try #require(Self.scrape(port: port, until: "nvdla_doctor_up 0", process: process))
            let afterLines = Set(after.split(separator: "\n").map(String.init))
            #expect(afterLines.contains("nvdla_doctor_status 3"), "\(arguments)")
            #expect(afterLines.contains("nvdla_doctor_up 0"), "\(arguments)")
            #expect(afterLines.contains("node_textfile_scrape_error 0"), "\(arguments)")
            #expect(!afterLines.contains { $0.hasPrefix("nvdla_doctor_finding_info{") }, "\(arguments)")
            // Back to error for the next round, so each unknown run replaces a known verdict.
            _ = try ChildProcess.run(
                Binary.url.path,
                ["check", "--root", "Tests/FakeSysfs/jp6-agx-orin-unbound", "--textfile", scratch.path], timeout: 60)
            #expect(Self.scrape(port: port, until: "nvdla_doctor_status 2", process: process) != nil)
        }
    }
}
