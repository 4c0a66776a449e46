import Foundation
import Testing

/// `Packaging/`: the systemd units pass `systemd-analyze verify`, carry the hardening the README promises and
/// start valid command lines; the udev rule gives DLA devices (and only them) the `systemd` tag and the check unit.
@Suite("Packaging")
struct PackagingTests {
    static let packaging = Binary.packageRoot.path + "/Packaging"
    static let units = [
        "nvdla-doctor-check@.service", "nvdla-doctor-check.service", "nvdla-doctor-watch.service",
        "nvdla-doctor-check.timer",
    ]
    static let textfileDirectory = "/var/lib/prometheus/node-exporter"

    static func unit(_ name: String) throws -> String {
        try String(contentsOfFile: packaging + "/systemd/" + name, encoding: .utf8)
    }

    /// `Key=value` lines of a unit (comments and section headers left out).
    static func settings(_ text: String) -> [(key: String, value: String)] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.hasPrefix("["), let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }
    }

    static func values(_ text: String, _ key: String) -> [String] {
        settings(text).filter { $0.key == key }.map(\.value)
    }

    @Test(
        "systemd-analyze verify accepts every unit without a warning about it",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze"), "no systemd-analyze"))
    func verify() throws {
        let scratch = try ScratchDirectory("units")
        let binDir = Binary.url.deletingLastPathComponent().path
        for name in Self.units {
            let text = try Self.unit(name).replacingOccurrences(of: "@BINDIR@", with: binDir)
            try text.write(toFile: scratch.path + "/" + name, atomically: false, encoding: .utf8)
        }
        // The template is verified as an instance, the way udev starts it.
        let targets = ["nvdla-doctor-check@15880000.nvdla0.service"] + Self.units.filter { !$0.contains("@") }
        let result = try ChildProcess.run(
            "/usr/bin/systemd-analyze", ["verify", "--man=no"] + targets.map { scratch.path + "/" + $0 },
            environment: ["SYSTEMD_LOG_LEVEL": "warning"], timeout: 60)
        #expect(!result.timedOut)
        #expect(result.status == 0, "\(result.stderr)")
        let about = result.stderr.split(separator: "\n").filter { $0.contains("nvdla-doctor") }
        #expect(about.isEmpty, "warnings about our units: \(about)")
    }

    @Test("services are hardened, read-only except the textfile directory, and treat health states as success")
    func hardening() throws {
        for name in Self.units where name.hasSuffix(".service") {
            let text = try Self.unit(name)
            let expected: [String: String] = [
                "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes",
                "ProtectKernelTunables": "yes", "ProtectControlGroups": "yes", "RestrictNamespaces": "yes",
                "DevicePolicy": "closed", "DeviceAllow": "/dev/kmsg r", "IPAddressDeny": "any",
                "CapabilityBoundingSet": "CAP_SYSLOG CAP_DAC_READ_SEARCH", "ReadWritePaths": Self.textfileDirectory,
                "ProtectKernelLogs": "no", "ProtectKernelModules": "no", "SystemCallArchitectures": "native",
            ]
            for (key, value) in expected {
                #expect(Self.values(text, key) == [value], "\(name): \(key)")
            }
            let exec = try #require(Self.values(text, "ExecStart").first, "\(name)")
            #expect(exec.hasPrefix("@BINDIR@/nvdla-doctor "), "\(name)")
            #expect(!exec.contains("--deep"), "\(name): the unattended check never wakes the DLA")
            if name.contains("watch") {
                #expect(Self.values(text, "RestrictAddressFamilies") == ["AF_UNIX AF_NETLINK"])
                #expect(Self.values(text, "PrivateNetwork") == ["no"], "udev broadcasts reach the host netns only")
                #expect(Self.values(text, "RuntimeDirectory") == ["nvdla-doctor"])
                #expect(Self.values(text, "Restart") == ["on-failure"])
                #expect(Self.values(text, "Type") == ["simple"])
            } else {
                #expect(Self.values(text, "Type") == ["oneshot"])
                #expect(Self.values(text, "SuccessExitStatus") == ["1 2 3"])
                #expect(Self.values(text, "PrivateNetwork") == ["yes"])
                #expect(Self.values(text, "RestrictAddressFamilies") == ["AF_UNIX"])
            }
        }
    }

    @Test("the check units' command line runs: the options exist and write the textfile")
    func checkCommandLine() throws {
        let scratch = try ScratchDirectory("unit-exec")
        for name in ["nvdla-doctor-check@.service", "nvdla-doctor-check.service"] {
            let exec = try #require(Self.values(try Self.unit(name), "ExecStart").first)
            var arguments = exec.split(separator: " ").dropFirst().map(String.init)
            arguments = arguments.map { $0 == Self.textfileDirectory ? scratch.path : $0 }
            arguments += ["--root", "Tests/FakeSysfs/jp6-agx-orin-64gb"]
            let result = try ChildProcess.run(Binary.url.path, arguments, timeout: 60)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: scratch.path + "/nvdla_doctor.prom"))
        }
    }

    @Test("the udev rule only tags and wants the check unit; no RUN+=")
    func ruleStructure() throws {
        let rule = try String(contentsOfFile: Self.packaging + "/udev/90-nvdla-doctor.rules", encoding: .utf8)
        let lines = rule.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(!lines.contains { $0.contains("RUN") })
        #expect(lines.contains("TAG+=\"systemd\", ENV{SYSTEMD_WANTS}+=\"nvdla-doctor-check@%k.service\""))
        #expect(lines.first == "ACTION==\"remove\", GOTO=\"nvdla_doctor_end\"")
        #expect(FileManager.default.fileExists(atPath: Self.packaging + "/systemd/nvdla-doctor-check@.service"))
        // Every GOTO has its LABEL.
        for target in ["nvdla_doctor_end", "nvdla_doctor_check"] {
            #expect(lines.contains("LABEL=\"\(target)\""), "LABEL \(target)")
        }
    }

    /// `udevadm test` needs the real `/sys`: run it in a private mount namespace with a fixture over `/sys` and only
    /// our rule in the rules directories.
    static let udevadmUsable =
        ChildProcess.canUnshareMounts && FileManager.default.isExecutableFile(atPath: "/usr/bin/udevadm")

    @Test(
        "udevadm test: DLA platform devices (bound or not) and nodes want the check unit; others and remove do not",
        .enabled(if: udevadmUsable, "needs root, unshare -m and udevadm (package udev)"))
    func udevadmTest() throws {
        let scratch = try ScratchDirectory("udev-rules")
        try FileManager.default.copyItem(
            atPath: Self.packaging + "/udev/90-nvdla-doctor.rules", toPath: scratch.path + "/90-nvdla-doctor.rules")
        let fixture = Binary.packageRoot.path + "/Tests/FakeSysfs/jp6-agx-orin-unbound"
        let host1x = "/sys/devices/platform/bus@0/13e00000.host1x"
        let cases: [(action: String, device: String, wants: String?)] = [
            ("add", host1x + "/15880000.nvdla0", "nvdla-doctor-check@15880000.nvdla0.service"),  // unbound
            ("bind", host1x + "/158c0000.nvdla1", "nvdla-doctor-check@158c0000.nvdla1.service"),
            (
                "add", host1x + "/158c0000.nvdla1/nvdla1/nvhost-ctrl-nvdla1",
                "nvdla-doctor-check@nvhost-ctrl-nvdla1.service"
            ),
            ("add", host1x, nil),
            ("remove", host1x + "/158c0000.nvdla1", nil),
        ]
        let script = """
            set -e
            mount --bind "$FIXTURE/sys" /sys
            mount -t tmpfs tmpfs /run
            mount --bind "$RULES" /usr/lib/udev/rules.d
            mount -t tmpfs tmpfs /etc/udev/rules.d
            exec env SYSTEMD_DEVICE_VERIFY_SYSFS=0 udevadm test --action="$1" "$2"
            """
        for item in cases {
            let result = try ChildProcess.run(
                "/usr/bin/unshare",
                ["-m", "--propagation", "private", "sh", "-c", script, "sh", item.action, item.device],
                environment: ["FIXTURE": fixture, "RULES": scratch.path], timeout: 60)
            let output = result.stdout + result.stderr
            #expect(result.status == 0, "\(item.device): \(output)")
            #expect(output.contains("Reading rules file: /usr/lib/udev/rules.d/90-nvdla-doctor.rules"))
            #expect(output.firstMatch(of: /90-nvdla-doctor\.rules:\d/) == nil, "rule problems: \(output)")
            if let wants = item.wants {
                #expect(output.contains("SYSTEMD_WANTS=\(wants)\n"), "\(item.action) \(item.device): \(output)")
                #expect(output.contains("TAGS=:systemd:"), "\(item.device)")
            } else {
                #expect(!output.contains("SYSTEMD_WANTS="), "\(item.action) \(item.device): \(output)")
            }
        }
    }
}
