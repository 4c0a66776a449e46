import Foundation
import Testing

/// libudev on a fixture: the fixture's `sys/` is bind-mounted over `/sys` (and a udev database over `/run/udev`)
/// in a private mount namespace, in a child process, as root (README, "Dependencies"). The host's mounts are
/// never touched; the test is skipped, with the reason, when not root or `unshare -m` fails.
@Suite(
    "libudev enumeration in a private mount namespace",
    .enabled(if: ChildProcess.canUnshareMounts, "needs root and unshare -m"))
struct UdevEnumerationTests {
    static let fixture = Binary.packageRoot.appendingPathComponent("Tests/FakeSysfs/jp6-agx-orin-64gb").path

    /// Mounts `FIXTURE/sys` on `/sys`, an empty tmpfs on `/run`, then `UDEV_DB` (if set) on `/run/udev`, and runs
    /// the binary with libudev's sysfs check off (the fixture is not a sysfs mount).
    static let script = """
        set -e
        mount --bind "$FIXTURE/sys" /sys
        mount -t tmpfs tmpfs /run
        if [ -n "$UDEV_DB" ]; then mkdir -p /run/udev; mount --bind "$UDEV_DB" /run/udev; fi
        exec env SYSTEMD_DEVICE_VERIFY_SYSFS=0 "$BIN" "$@"
        """

    /// Runs `nvdla-doctor arguments…` inside the namespace.
    static func runInNamespace(_ arguments: [String], udevDatabase: String?) throws -> ChildProcess.Result {
        try ChildProcess.run(
            "/usr/bin/unshare", ["-m", "--propagation", "private", "sh", "-c", script, "sh"] + arguments,
            environment: ["FIXTURE": fixture, "UDEV_DB": udevDatabase ?? "", "BIN": Binary.url.path], timeout: 60)
    }

    /// The fixture's udev database plus an entry for the platform device `15880000.nvdla0` as our packaging rule
    /// (`Packaging/udev/90-nvdla-doctor.rules`) leaves it: tagged `systemd`, with `SYSTEMD_WANTS`.
    static func udevDatabase(in directory: ScratchDirectory) throws -> String {
        let udev = directory.path + "/udev"
        let data = udev + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture + "/run/udev/data") {
            try FileManager.default.copyItem(atPath: fixture + "/run/udev/data/" + name, toPath: data + "/" + name)
        }
        let entry = "I:5900000\nE:SYSTEMD_WANTS=nvdla-doctor-check@15880000.nvdla0.service\nG:systemd\nQ:systemd\nV:1\n"
        try entry.write(toFile: data + "/+platform:15880000.nvdla0", atomically: false, encoding: .utf8)
        return udev
    }

    struct Listing: Decodable {
        struct Device: Decodable {
            let kind: String
            let syspath: String
            let sysname: String
            let subsystem: String?
            let driver: String?
            let devnode: String?
            let devnum: String?
            let initialized: Bool
            let tags: [String]
            let properties: [String: String]
        }
        let database: Bool?
        let devices: [Device]?
    }

    @Test("lists both DLA platform devices and their control nodes with udev's view")
    func listsDevices() throws {
        let temporary = try ScratchDirectory()
        let result = try Self.runInNamespace(["udev-devices"], udevDatabase: try Self.udevDatabase(in: temporary))
        #expect(!result.timedOut)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let listing = try JSONDecoder().decode(Listing.self, from: Data(result.stdout.utf8))
        #expect(listing.database == true)
        let devices = listing.devices ?? []
        #expect(
            devices.map(\.sysname) == [
                "15880000.nvdla0", "nvhost-ctrl-nvdla0", "158c0000.nvdla1", "nvhost-ctrl-nvdla1",
            ])
        let dla0 = try #require(devices.first { $0.sysname == "15880000.nvdla0" })
        #expect(dla0.kind == "platform")
        #expect(dla0.syspath == "/sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0")
        #expect(dla0.subsystem == "platform")
        #expect(dla0.driver == "nvdla")
        #expect(dla0.devnode == nil)
        #expect(dla0.initialized)
        #expect(dla0.tags == ["systemd"])
        #expect(dla0.properties["OF_COMPATIBLE_0"] == "nvidia,tegra234-nvdla")
        #expect(dla0.properties["SYSTEMD_WANTS"] == "nvdla-doctor-check@15880000.nvdla0.service")
        let dla1 = try #require(devices.first { $0.sysname == "158c0000.nvdla1" })
        #expect(!dla1.initialized, "no database entry for this platform device")
        #expect(dla1.tags.isEmpty)
        let node = try #require(devices.first { $0.sysname == "nvhost-ctrl-nvdla1" })
        #expect(node.kind == "node")
        #expect(node.subsystem == "nvdla1")
        #expect(node.devnode == "/dev/nvhost-ctrl-nvdla1")
        #expect(node.devnum == "491:0")
        #expect(node.initialized)
        #expect(node.properties["USEC_INITIALIZED"] == "5928183")
        // The host1x and SMMU platform devices of the fixture are not DLA devices.
        #expect(!devices.contains { $0.sysname.contains("host1x") || $0.sysname.contains("iommu") })
    }

    @Test("without udev's database nothing is initialized and the listing says so")
    func noDatabase() throws {
        let result = try Self.runInNamespace(["udev-devices"], udevDatabase: nil)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let listing = try JSONDecoder().decode(Listing.self, from: Data(result.stdout.utf8))
        #expect(listing.database == false)
        #expect(listing.devices?.count == 4)
        #expect(listing.devices?.allSatisfy { !$0.initialized } == true)
    }

    struct FactsReport: Decodable {
        struct Fact: Decodable {
            let state: String
            let value: FactValue?
        }
        enum FactValue: Decodable, Equatable {
            case string(String), int(Int64), bool(Bool), list([String])
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let b = try? container.decode(Bool.self) {
                    self = .bool(b)
                } else if let i = try? container.decode(Int64.self) {
                    self = .int(i)
                } else if let l = try? container.decode([String].self) {
                    self = .list(l)
                } else {
                    self = .string(try container.decode(String.self))
                }
            }
        }
        let facts: [String: Fact]
    }

    @Test("check on the live root adds udev facts to the presence chain")
    func checkFacts() throws {
        let temporary = try ScratchDirectory()
        let database = try Self.udevDatabase(in: temporary)
        let result = try Self.runInNamespace(["check", "--format", "json", "--facts"], udevDatabase: database)
        #expect(!result.timedOut)
        let report = try JSONDecoder().decode(FactsReport.self, from: Data(result.stdout.utf8))
        let facts = report.facts
        #expect(facts["udev.available"]?.value == .bool(true))
        #expect(facts["udev.dla_devices"]?.value == .int(4))
        #expect(facts["dla.0.udev.found"]?.value == .bool(true))
        #expect(facts["dla.0.udev.initialized"]?.value == .bool(true))
        #expect(facts["dla.0.udev.driver"]?.value == .string("nvdla"))
        #expect(facts["dla.0.udev.tags"]?.value == .list(["systemd"]))
        #expect(facts["dla.0.udev.compatible"]?.value == .string("nvidia,tegra234-nvdla"))
        #expect(facts["dla.1.udev.initialized"]?.value == .bool(false))
        #expect(facts["dla.0.node.ctrl.udev_devnode"]?.value == .string("/dev/nvhost-ctrl-nvdla0"))
        #expect(facts["dla.1.node.ctrl.udev_initialized"]?.value == .bool(true))
        #expect(facts["dla.1.node.ctrl.udev_tags"]?.value == .list([]))
    }

    @Test("check on the live root without udev's database: udev.available false and no per-device udev facts")
    func checkWithoutDatabase() throws {
        let result = try Self.runInNamespace(["check", "--format", "json", "--facts"], udevDatabase: nil)
        let report = try JSONDecoder().decode(FactsReport.self, from: Data(result.stdout.utf8))
        #expect(report.facts["udev.available"]?.value == .bool(false))
        #expect(report.facts["dla.0.udev.initialized"] == nil)
        #expect(report.facts["dla.0.node.ctrl.udev_initialized"] == nil)
    }
}
