import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x6E, 0xFF, 0x20, 0x80, 0x00], as: UTF8.self),
    String(repeating: "x", count: 1_000_000), "garbage", "name 123", "name abc 0 - Live 0x0",
    "name 99999999999999999999999 0 - Live 0x0", "name 1 0 -",
]

/// Tests for the `/proc/modules` reader.
struct ProcModulesTests {
    @Test func jetPack6Modules() throws {
        let text = """
            nvhost_nvdla 196608 0 - Live 0x0000000000000000 (O)
            host1x_nvhost 40960 3 nvhost_nvdla,nvhost_pva,nvidia_drm, Live 0x0000000000000000 (O)
            host1x 180224 6 nvhost_nvdla,host1x_nvhost,host1x_fence,nvgpu,tegra_drm,nvidia_drm, Live \
            0xffff800001234000 (OE)
            nvmap 217088 70 nvgpu, Live 0x0000000000000000 (O)
            loop 36864 1 - Live 0x0000000000000000
            ipv6 557056 40 [permanent], Live 0x0000000000000000
            going 4096 0 - Unloading 0x0000000000000000 (O-)
            """
        let modules = ProcModules.parse(text)
        #expect(modules.malformedLines.isEmpty)
        #expect(modules.modules.count == 7)
        let nvdla = try #require(modules.module(named: "nvhost-nvdla"))
        #expect(nvdla.size == 196608)
        #expect(nvdla.refcount == 0)
        #expect(nvdla.users.isEmpty)
        #expect(nvdla.state == .live)
        #expect(nvdla.taints == "O")
        let host1x = try #require(modules.module(named: "host1x"))
        #expect(
            host1x.users == [
                "nvhost_nvdla", "host1x_nvhost", "host1x_fence", "nvgpu", "tegra_drm", "nvidia_drm",
            ])
        #expect(host1x.taints == "OE")
        #expect(host1x.address == 0xffff_8000_0123_4000)
        #expect(modules.module(named: "loop")?.taints == "")
        #expect(modules.module(named: "ipv6")?.isPermanent == true)
        #expect(modules.module(named: "ipv6")?.users == [])
        #expect(modules.module(named: "going")?.state == .unloading)
        #expect(modules.module(named: "going")?.taints == "O")
    }

    @Test(arguments: [
        ("mod 4096 - - Live 0x0000000000000000", nil as Int?, ProcModules.State.live),
        ("mod 4096 1 - Loading 0x0000000000000000 (O+)", 1, .loading),
        ("mod 4096 0 - Weird 0x0", 0, .other("Weird")),
    ])
    func variants(line: String, refcount: Int?, state: ProcModules.State) {
        let parsed = ProcModules.parse(line)
        #expect(parsed.modules.first?.refcount == refcount)
        #expect(parsed.modules.first?.state == state)
    }

    @Test func truncatedLastLineIsMalformed() {
        let parsed = ProcModules.parse("a 1 0 - Live 0x0 (O)\nb 2 0")
        #expect(parsed.modules.map(\.name) == ["a"])
        #expect(parsed.malformedLines == [2])
    }

    @Test(arguments: ["", "\n", "\n\n  \n"])
    func emptyInput(text: String) {
        #expect(ProcModules.parse(text) == ProcModules(modules: [], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let parsed = ProcModules.parse(text)
        #expect(parsed.modules.isEmpty)
        #expect(parsed.malformedLines == [1])
    }
}
