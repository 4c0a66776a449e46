import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x4D, 0xFF, 0x3A, 0x80, 0x00], as: UTF8.self),
    String(repeating: "x", count: 1_000_000), "garbage", "Key:", "Key: abc kB", "Key: 12 MB",
    "Key: 9223372036854775807 kB", "Key: 99999999999999999999999", ": 12 kB",
]

/// Tests for the `/proc/meminfo` reader.
struct ProcMeminfoTests {
    @Test func jetsonMeminfo() {
        let text = """
            MemTotal:       64335836 kB
            MemFree:        60012345 kB
            MemAvailable:   61234567 kB
            CmaTotal:         524288 kB
            CmaFree:          498176 kB
            HugePages_Total:       0
            HugePages_Free:        0
            Hugepagesize:       2048 kB
            """
        let meminfo = ProcMeminfo.parse(text)
        #expect(meminfo.malformedLines.isEmpty)
        #expect(meminfo["CmaTotal"] == Int64(524_288 * 1024))
        #expect(meminfo["CmaFree"] == Int64(498_176 * 1024))
        #expect(meminfo["HugePages_Total"] == 0)
        #expect(meminfo["Hugepagesize"] == Int64(2 * 1024 * 1024))
        #expect(meminfo.values.count == 8)
    }

    @Test(arguments: [
        ("CmaTotal:         262144 kB\r\n", "CmaTotal", 268_435_456 as Int64),
        ("Key:\t12", "Key", 12),
        ("Node 0 MemTotal:  1 kB", "Node 0 MemTotal", 1024),
    ])
    func variants(text: String, key: String, value: Int64) {
        #expect(ProcMeminfo.parse(text)[key] == value)
    }

    @Test func truncatedLastLine() {
        let meminfo = ProcMeminfo.parse("CmaTotal: 524288 kB\nCmaFr")
        #expect(meminfo["CmaTotal"] == 536_870_912)
        #expect(meminfo.malformedLines == [2])
    }

    @Test(arguments: ["", "\n", "  \n\n"])
    func emptyInput(text: String) {
        #expect(ProcMeminfo.parse(text) == ProcMeminfo(values: [:], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let meminfo = ProcMeminfo.parse(text)
        #expect(meminfo.values.isEmpty)
        #expect(meminfo.malformedLines == [1])
    }
}
