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

    @Test("node_exporter serves nvdla-doctor's metrics from the textfile directory")
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
        var metrics: String?
        let deadline = Date().addingTimeInterval(20)
        while metrics == nil && Date() < deadline && process.isRunning {
            metrics = Self.scrape(port: port)
            if metrics == nil { usleep(100_000) }
        }
        let text = try #require(metrics, "node_exporter did not answer on 127.0.0.1:\(port)")
        let lines = Set(text.split(separator: "\n").map(String.init))
        #expect(lines.contains("node_textfile_scrape_error 0"), "the collector read our file without error")
        #expect(lines.contains("nvdla_doctor_status 2"))
        #expect(lines.contains("nvdla_dla_present 1"))
        #expect(lines.contains("nvdla_dla_expected 2"))
        #expect(
            lines.contains {
                $0.hasPrefix("nvdla_doctor_finding{") && $0.contains("id=\"NVDLA-DRV-001\"")
                    && $0.contains("subject=\"dla0\"") && $0.hasSuffix(" 1")
            }, "the finding series")
        #expect(lines.contains { $0.hasPrefix("nvdla_doctor_info{") && $0.contains("soc=\"tegra234\"") })
        #expect(text.contains("# TYPE nvdla_doctor_status gauge"))
    }
}
