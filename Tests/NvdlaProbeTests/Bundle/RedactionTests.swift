import Foundation
import Testing

@testable import NvdlaProbe

/// Secrets planted in a scenario never reach the archive: file contents, path names, link targets, manifest, report.
@Suite("Bundle redaction")
struct RedactionTests {
    static let secrets = [
        "1421322045678",  // device-tree serial-number
        "1422A19B0042",  // "Serial Number:" value in text
        "aa:bb:cc:12:34:56",  // MAC
        "192.168.17.42",  // IPv4
        "fe80::1c2d:3e4f:5a6b:7c8d",  // IPv6
        "lab-bench-07",  // host name
        "alice",  // user name from etc/passwd
    ]

    /// Every file, directory and link name and every byte of every file, after unpacking with tar(1).
    static func everything(in archive: String, temporary: TemporaryDirectory) throws -> String {
        let out = temporary.path + "/unpacked-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-xzf", archive, "-C", out]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        var text = ""
        let enumerator = FileManager.default.enumerator(atPath: out)
        while let relative = enumerator?.nextObject() as? String {
            let path = out + "/" + relative
            text += relative + "\n"
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                text += target + "\n"
            } else if let data = FileManager.default.contents(atPath: path) {
                text += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        return text
    }

    static func plant(_ temporary: TemporaryDirectory) throws -> String {
        let root = temporary.copy(scenario: "jp6-agx-orin-64gb")
        func write(_ text: String, _ relative: String) throws {
            let url = URL(fileURLWithPath: root + "/" + relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("lab-bench-07\n", "etc/hostname")
        let passwd = try String(contentsOfFile: root + "/etc/passwd", encoding: .utf8)
        try write(passwd + "alice:x:1001:1001:Alice,,,:/home/alice:/bin/bash\n", "etc/passwd")
        try write("1421322045678\0", "sys/firmware/devicetree/base/serial-number")
        let kmsg = try String(contentsOfFile: root + "/.nvdla-doctor/kmsg", encoding: .utf8)
        try write(
            kmsg
                + "6,90001,99000000,-;eqos 2490000.ethernet eth0: MAC aa:bb:cc:12:34:56, IP 192.168.17.42\n"
                + "6,90002,99000001,-;IPv6 fe80::1c2d:3e4f:5a6b:7c8d on eth0 of lab-bench-07\n"
                + "6,90003,99000002,-;eeprom: Serial Number: 1422A19B0042 (module 1421322045678)\n"
                + "6,90004,99000003,-;systemd-logind: New session 3 of user alice.\n",
            ".nvdla-doctor/kmsg")
        try write("notes of alice on lab-bench-07 (192.168.17.42)\n", "home/alice/lab-bench-07.txt")
        return root
    }

    @Test("each kind of planted secret is replaced everywhere, consistently, with the map kept beside the archive")
    func nothingLeaks() throws {
        let temporary = TemporaryDirectory()
        let rootPath = try Self.plant(temporary)
        let root = SystemRoot(path: rootPath)
        _ = root.readText("/home/alice/lab-bench-07.txt")  // a read whose path holds secrets
        _ = root.readBytes("/sys/firmware/devicetree/base/serial-number")
        let options = BundleBuilder.Options(outputPath: temporary.path + "/redacted.tar.gz")
        let result = try BundleBuilder.build(root: root, rules: Fixtures.rules, options: options)
        let everything = try Self.everything(in: options.outputPath, temporary: temporary)
        for secret in Self.secrets {
            #expect(!everything.contains(secret), "\(secret) leaked")
            #expect(!everything.lowercased().contains(secret.lowercased()), "\(secret) leaked (case)")
        }
        // Consistent tokens: the same IPv4 address maps to one token in the log and in the path's file.
        #expect(everything.contains("192.0.2.1"))
        #expect(everything.contains("host-1") && everything.contains("user-1") && everything.contains("serial-"))
        #expect(everything.contains("02:00:00:00:00:01") && everything.contains("2001:db8::1"))
        // The private map is beside the archive, holds the originals, and is not inside the archive.
        let map = try String(contentsOfFile: try #require(result.mapPath), encoding: .utf8)
        for secret in Self.secrets { #expect(map.lowercased().contains(secret.lowercased()), "\(secret) not in map") }
        #expect(!everything.contains("Never attach it"))
        // Findings are unchanged by redaction.
        let opened = try OpenedRoot.open(options.outputPath)
        defer { opened.close() }
        let fromBundle = Diagnosis.check(root: opened.root, rules: Fixtures.rules)
        #expect(
            BundleRoundTripTests.outline(fromBundle, messages: false)
                == BundleRoundTripTests.outline(Fixtures.check(rootPath), messages: false))
    }

    @Test("--no-redact keeps the values and writes no map")
    func noRedact() throws {
        let temporary = TemporaryDirectory()
        let root = SystemRoot(path: try Self.plant(temporary))
        var options = BundleBuilder.Options(outputPath: temporary.path + "/plain.tar.gz")
        options.redact = false
        let result = try BundleBuilder.build(root: root, rules: Fixtures.rules, options: options)
        #expect(result.mapPath == nil && !FileManager.default.fileExists(atPath: options.mapPath))
        let everything = try Self.everything(in: options.outputPath, temporary: temporary)
        #expect(everything.contains("192.168.17.42") && everything.contains("aa:bb:cc:12:34:56"))
    }

    @Test("versions, P-numbers, times and unit addresses are not mistaken for addresses")
    func keepsTechnicalValues() {
        let redactor = Redactor()
        for text in [
            "Version: 8.6.2.3-1+cuda12.2", "3701:0005", "15880000.nvdla0", "12:34:56", "v1.2.3.4", "::1",
            "127.0.0.1", "tensorrt_8.6.2.3", "nvidia,tegra234",
        ] {
            #expect(redactor.redact(text) == text, "\(text)")
        }
        #expect(redactor.redact("a 10.0.0.1:8080 b") == "a 192.0.2.1:8080 b")
        #expect(redactor.redact("again 10.0.0.1") == "again 192.0.2.1")
    }
}
