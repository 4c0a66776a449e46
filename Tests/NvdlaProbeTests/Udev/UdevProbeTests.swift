import Testing

@testable import NvdlaProbe

/// `UdevProbe` maps a libudev enumeration onto the DLA instances of the presence chain (the enumeration itself is
/// tested against a bind-mounted fixture in `NvdlaDoctorTests/UdevEnumerationTests`).
@Suite("UdevProbe")
struct UdevProbeTests {
    static let platform0 = "/sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0"
    static let platform1 = "/sys/devices/platform/bus@0/13e00000.host1x/158c0000.nvdla1"

    static let devices: [UdevDeviceInfo] = [
        UdevDeviceInfo(
            kind: .platform, syspath: platform0, sysname: "15880000.nvdla0", subsystem: "platform", driver: "nvdla",
            initialized: true, tags: ["systemd"], properties: ["OF_COMPATIBLE_0": "nvidia,tegra234-nvdla"]),
        UdevDeviceInfo(
            kind: .node, syspath: platform0 + "/nvdla0/nvhost-ctrl-nvdla0", sysname: "nvhost-ctrl-nvdla0",
            subsystem: "nvdla0", devnode: "/dev/nvhost-ctrl-nvdla0", devnum: "492:0", initialized: true),
        UdevDeviceInfo(kind: .platform, syspath: platform1, sysname: "158c0000.nvdla1", subsystem: "platform"),
    ]

    /// The facts of every probe up to `DevnodesProbe` on the healthy JP6 AGX Orin fixture, then `probe`.
    static func facts(with probe: UdevProbe) -> FactTable {
        let context = ProbeContext(root: Fixtures.root("jp6-agx-orin-64gb"))
        var facts = FactTable()
        for earlier in ProbeSuite.all where !(earlier is UdevProbe) { earlier.collect(context, into: &facts) }
        probe.collect(context, into: &facts)
        return facts
    }

    @Test("platform devices and nodes are matched to their instance by syspath")
    func matches() {
        let facts = Self.facts(with: UdevProbe { .devices(Self.devices, database: true) })
        #expect(facts.bool("udev.available") == true)
        #expect(facts.int("udev.dla_devices") == 3)
        #expect(facts.bool("dla.0.udev.found") == true)
        #expect(facts.bool("dla.0.udev.initialized") == true)
        #expect(facts.string("dla.0.udev.driver") == "nvdla")
        #expect(facts.list("dla.0.udev.tags") == ["systemd"])
        #expect(facts.string("dla.0.udev.compatible") == "nvidia,tegra234-nvdla")
        #expect(facts.string("dla.0.node.ctrl.udev_devnode") == "/dev/nvhost-ctrl-nvdla0")
        #expect(facts.bool("dla.0.node.ctrl.udev_initialized") == true)
        #expect(facts.bool("dla.1.udev.found") == true)
        #expect(facts.bool("dla.1.udev.initialized") == false)
        if case .missing? = facts["dla.1.udev.driver"] {
        } else {
            Issue.record("dla.1.udev.driver should be missing, is \(String(describing: facts["dla.1.udev.driver"]))")
        }
        // udev lists no node of dla1: the node facts stay unset rather than false.
        #expect(facts["dla.1.node.ctrl.udev_initialized"] == nil)
    }

    @Test("a platform device udev does not list is recorded as not found")
    func notListed() {
        let facts = Self.facts(with: UdevProbe { .devices([Self.devices[0]], database: true) })
        #expect(facts.bool("dla.1.udev.found") == false)
        #expect(facts["dla.1.udev.initialized"] == nil)
    }

    @Test(
        "no udev database or no libudev: udev.available false with the reason, no per-device facts",
        arguments: [
            UdevEnumeration.devices(devices, database: false), UdevEnumeration.unavailable("udev_new failed"),
        ])
    func unavailable(_ enumeration: UdevEnumeration) {
        let facts = Self.facts(with: UdevProbe { enumeration })
        #expect(facts.bool("udev.available") == false)
        if case .known(_, let provenance)? = facts["udev.available"] {
            #expect(provenance.raw?.isEmpty == false)
        }
        #expect(facts["udev.dla_devices"] == nil)
        #expect(facts["dla.0.udev.found"] == nil)
    }

    @Test("on a snapshot root the default probe does not call libudev")
    func snapshotUntouched() {
        let facts = Self.facts(with: UdevProbe())
        #expect(facts["udev.available"] == nil)
        #expect(facts["dla.0.udev.found"] == nil)
    }

    @Test("DLA recognition: by name or by compatible; nodes by nvhost- prefix")
    func recognition() {
        #expect(UdevDeviceInfo.isDlaPlatformDevice(sysname: "15880000.nvdla0", properties: [:]))
        #expect(
            UdevDeviceInfo.isDlaPlatformDevice(
                sysname: "15880000.dla", properties: ["OF_COMPATIBLE_1": "nvidia,tegra194-nvdla"]))
        #expect(
            !UdevDeviceInfo.isDlaPlatformDevice(
                sysname: "13e00000.host1x", properties: ["OF_COMPATIBLE_0": "nvidia,tegra234-host1x"]))
        #expect(UdevDeviceInfo.isDlaNode(sysname: "nvhost-ctrl-nvdla1"))
        #expect(UdevDeviceInfo.isDlaNode(sysname: "nvhost-nvdla0"))
        #expect(!UdevDeviceInfo.isDlaNode(sysname: "nvhost-ctrl-gpu"))
    }
}
