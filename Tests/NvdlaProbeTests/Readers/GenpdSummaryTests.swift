import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x20, 0x2F, 0xFF, 0x80, 0x00], as: UTF8.self),
    "    " + String(repeating: "/", count: 1_000_000), "    /devices/x suspended", "   child-before-domain",
    "x",
]

/// Tests for the debugfs `pm_genpd/pm_genpd_summary` reader.
struct GenpdSummaryTests {
    @Test func kernel510Layout() throws {
        let text = """
            domain                          status          children
                /device                                             runtime status
            ----------------------------------------------------------------------
            dla0                            off-0
                /devices/platform/13e40000.host1x/15880000.nvdla0  suspended
            dla1                            on
                /devices/platform/13e40000.host1x/158c0000.nvdla1  active
            top                             on              dla0, dla1
            """
        let summary = GenpdSummary.parse(text)
        #expect(summary.malformedLines.isEmpty)
        #expect(summary.domains.map(\.name) == ["dla0", "dla1", "top"])
        let dla0 = try #require(summary.domain(containingDevice: "15880000.nvdla0"))
        #expect(dla0.name == "dla0")
        #expect(dla0.status == "off-0")
        #expect(dla0.isOn == false)
        #expect(dla0.devices.first?.runtimeStatus == "suspended")
        #expect(dla0.devices.first?.performanceState == nil)
        #expect(summary.domains[1].isOn == true)
        #expect(summary.domains[1].devices.first?.runtimeStatus == "active")
        #expect(summary.domains[2].children == ["dla0", "dla1"])
        #expect(summary.domains[2].devices.isEmpty)
    }

    @Test func kernel515LayoutWithPerformance() throws {
        let text = """
            domain                          status          children                           performance
                /device                                             runtime status
            ----------------------------------------------------------------------------------------------
            dla0                            off-0                                               0
                /devices/platform/bus@0/13e00000.host1x/15880000.nvdla0  suspended                  0
            top                             on                                                  2
                                                            dla0, dla1
                /devices/platform/bus@0/13e00000.host1x      active                     1
            """
        let summary = GenpdSummary.parse(text)
        #expect(summary.malformedLines.isEmpty)
        let dla0 = try #require(summary.domains.first)
        #expect(dla0.performanceState == 0)
        #expect(dla0.children.isEmpty)
        let device = try #require(dla0.devices.first)
        #expect(device.path == "/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0")
        #expect(device.runtimeStatus == "suspended")
        #expect(device.performanceState == 0)
        let top = try #require(summary.domains.last)
        #expect(top.performanceState == 2)
        #expect(top.children == ["dla0", "dla1"])
        #expect(top.devices.first?.performanceState == 1)
    }

    @Test func truncatedDeviceLine() {
        let summary = GenpdSummary.parse("dla0  on\n    /devices/platform/15880000.nvdla0")
        #expect(summary.domains.first?.devices.first?.runtimeStatus == nil)
    }

    @Test(arguments: ["", "\n", "domain  status  children\n-----\n"])
    func emptyInput(text: String) {
        #expect(GenpdSummary.parse(text) == GenpdSummary(domains: [], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let summary = GenpdSummary.parse(text)
        #expect(summary.domains.isEmpty)
        #expect(summary.malformedLines == [1])
    }
}
