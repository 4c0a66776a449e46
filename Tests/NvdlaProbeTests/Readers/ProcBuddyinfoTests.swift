import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x4E, 0xFF, 0x2C, 0x80, 0x00], as: UTF8.self),
    String(repeating: "x", count: 1_000_000), "garbage", "Node 0, zone", "Node x, zone DMA 1",
    "Node 0, zone DMA 1 x", "Node 0 zone DMA 1", "Node 0, zone DMA 99999999999999999999999",
]

/// Tests for the `/proc/buddyinfo` reader.
struct ProcBuddyinfoTests {
    @Test func orinBuddyinfo() throws {
        let text = """
            Node 0, zone      DMA      5      3      2      4      3      2      3      3      2      2    680
            Node 0, zone    DMA32      0      0      0      0      0      0      0      0      0      0      0
            Node 0, zone   Normal   1024    512    256    128     64     32     16      8      4      2   9000
            """
        let buddy = ProcBuddyinfo.parse(text)
        #expect(buddy.malformedLines.isEmpty)
        #expect(buddy.zones.count == 3)
        let dma = try #require(buddy.zones.first)
        #expect(dma.node == 0)
        #expect(dma.zone == "DMA")
        #expect(dma.freeBlocks.count == 11)
        #expect(dma.freeBlocks.last == 680)
        #expect(buddy.zones[2].freeBlocks.first == 1024)
    }

    @Test func truncatedLastLine() {
        let buddy = ProcBuddyinfo.parse("Node 0, zone DMA 1 2 3\nNode 0, zo")
        #expect(buddy.zones.count == 1)
        #expect(buddy.malformedLines == [2])
    }

    @Test func zoneWithoutCountsIsKept() {
        #expect(ProcBuddyinfo.parse("Node 1, zone Movable").zones.first?.freeBlocks == [])
    }

    @Test(arguments: ["", "\n", " \n\n"])
    func emptyInput(text: String) {
        #expect(ProcBuddyinfo.parse(text) == ProcBuddyinfo(zones: [], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let buddy = ProcBuddyinfo.parse(text)
        #expect(buddy.zones.isEmpty)
        #expect(buddy.malformedLines == [1])
    }
}
