import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x6E, 0xFF, 0x20, 0x80, 0x00], as: UTF8.self),
    String(repeating: "x", count: 1_000_000), "garbage", "name 123", "name abc 0",
    "name 99999999999999999999999 0",
]

/// Tests for the `lsmod` output reader.
struct LsmodTests {
    @Test func jetPack6Listing() throws {
        let text = """
            Module                  Size  Used by
            nvhost_nvdla          196608  0
            host1x_nvhost          40960  3 nvhost_nvdla,nvhost_pva,nvidia_drm
            host1x                180224  6 nvhost_nvdla,host1x_nvhost,host1x_fence,nvgpu,tegra_drm,nvidia_drm
            ipv6                  557056  40 [permanent]
            """
        let lsmod = Lsmod.parse(text)
        #expect(lsmod.malformedLines.isEmpty)
        #expect(lsmod.modules.count == 4)
        let nvdla = try #require(lsmod.module(named: "nvhost-nvdla"))
        #expect(nvdla.size == 196608)
        #expect(nvdla.usedBy == 0)
        #expect(nvdla.users.isEmpty)
        #expect(lsmod.module(named: "host1x_nvhost")?.users == ["nvhost_nvdla", "nvhost_pva", "nvidia_drm"])
        #expect(lsmod.module(named: "ipv6")?.users == [])
    }

    @Test(arguments: [
        ("mod 4096 -", nil as Int?, [String]()),
        ("mod 4096 2 a,b,", 2, ["a", "b"]),
        ("mod\t4096\t1\tc\r", 1, ["c"]),
    ])
    func variants(line: String, usedBy: Int?, users: [String]) {
        let parsed = Lsmod.parse(line)
        #expect(parsed.modules.first?.usedBy == usedBy)
        #expect(parsed.modules.first?.users == users)
    }

    @Test(arguments: ["", "\n", "Module                  Size  Used by\n"])
    func emptyInput(text: String) {
        #expect(Lsmod.parse(text) == Lsmod(modules: [], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let parsed = Lsmod.parse(text)
        #expect(parsed.modules.isEmpty)
        #expect(parsed.malformedLines == [1])
    }
}
