import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x63, 0x72, 0xFF, 0x20, 0x80, 0x00], as: UTF8.self),
    String(repeating: "crw-rw---- ", count: 100_000), "garbage",
    "crw-rw---- 1 root video 492, 0 Jan  8 01:49",
    "crw-rw---- x root video 492, 0 Jan  8 01:49 a", "qrw-rw---- 1 root video 492, 0 Jan  8 01:49 a",
    "crw-rw--x- 1 root video 492, 0 Jan  8 01:49 a", "crw-rw---- 1 root video 492, x Jan  8 01:49 a",
    "crw-rw---- 1 root video 99999999999999999999, 0 Jan  8 01:49 a",
    "crw-rw---- 1 root video 492, 0 Foo 8 01:49 a",
    "crwtrw---- 1 root video 1, 2 Jan  8 01:49 a",
]

/// Tests for the `ls -l` device listings reader.
struct LsDevListingTests {
    @Test func absolutePathListing() throws {
        let text = """
            crw-rw---- 1 root video 492, 0 Jan  8 01:49 /dev/nvhost-ctrl-nvdla0
            crw-rw---- 1 root video 492, 1 Jan  8 01:49 /dev/nvhost-ctrl-nvdla1
            ls: cannot access '/dev/nvhost-nvdla0': No such file or directory
            """
        let listing = LsDevListing.parse(text)
        #expect(listing.malformedLines.isEmpty)
        #expect(listing.inaccessible == ["/dev/nvhost-nvdla0"])
        let node = try #require(listing.entry(named: "nvhost-ctrl-nvdla0"))
        #expect(node.type == "c")
        #expect(node.mode == 0o660)
        #expect(node.links == 1)
        #expect(node.user == "root")
        #expect(node.group == "video")
        #expect(node.major == 492)
        #expect(node.minor == 0)
        #expect(node.size == nil)
        #expect(node.date == "Jan 8 01:49")
        #expect(node.name == "/dev/nvhost-ctrl-nvdla0")
    }

    @Test func yoctoDevListingSample() throws {
        let text = """
            total 0
            drwxr-xr-x  3 root root          60 Apr 28  2022 nvgpu
            crw-------  1 root root    505,   0 Aug  3 04:18 nvhost-as-gpu
            crw-------  1 root root    507,  54 Aug  3 04:18 nvhost-ctrl-nvdla0
            lrwxrwxrwx  1 root root          12 Aug  3 04:18 fd -> /proc/self/fd
            brw-rw----  1 root disk    179,   0 Aug  3 04:18 mmcblk0
            """
        let listing = LsDevListing.parse(text)
        #expect(listing.malformedLines.isEmpty)
        #expect(listing.entries.count == 5)
        let dla = try #require(listing.entry(named: "nvhost-ctrl-nvdla0"))
        #expect(dla.mode == 0o600)
        #expect(dla.major == 507)
        #expect(dla.minor == 54)
        let dir = try #require(listing.entry(named: "nvgpu"))
        #expect(dir.type == "d")
        #expect(dir.size == 60)
        #expect(dir.date == "Apr 28 2022")
        #expect(listing.entry(named: "fd")?.linkTarget == "/proc/self/fd")
        #expect(listing.entry(named: "mmcblk0")?.type == "b")
    }

    @Test(arguments: [
        (
            "crw-rw----+ 1 root video 492,0 2025-01-08 01:49 /dev/nvhost-ctrl-nvdla0", 0o660 as UInt32,
            "2025-01-08 01:49"
        ),
        (
            "crw-rw----. 1 0 44 492, 0 2025-01-08 01:49:37.000000000 +0000 /dev/nvhost-ctrl-nvdla0", 0o660,
            "2025-01-08 01:49:37.000000000 +0000"
        ),
        ("crwsr-sr-t 1 root video 492, 0 Jan  8 01:49 /dev/nvhost-ctrl-nvdla0", 0o7755, "Jan 8 01:49"),
        ("crwSr-Sr-T 1 root video 492, 0 Jan  8 01:49 /dev/nvhost-ctrl-nvdla0", 0o7644, "Jan 8 01:49"),
        ("crw-rw-rw- 1 root video 492, 0 Jan  8 01:49 /dev/nvhost-ctrl-nvdla0\r", 0o666, "Jan 8 01:49"),
    ])
    func variants(line: String, mode: UInt32, date: String) throws {
        let listing = LsDevListing.parse(line)
        let entry = try #require(listing.entries.first)
        #expect(entry.mode == mode)
        #expect(entry.date == date)
        #expect(entry.major == 492)
        #expect(entry.minor == 0)
        #expect(entry.name == "/dev/nvhost-ctrl-nvdla0")
    }

    @Test func sectionHeadersAndNamesWithSpaces() {
        let listing = LsDevListing.parse("/dev:\n-rw-r--r-- 1 root root 5 Jan  8 01:49 odd name.txt\n")
        #expect(listing.entries.first?.name == "odd name.txt")
        #expect(listing.malformedLines.isEmpty)
    }

    @Test(arguments: ["", "\n", "total 0\n"])
    func emptyInput(text: String) {
        #expect(LsDevListing.parse(text) == LsDevListing(entries: [], inaccessible: [], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let listing = LsDevListing.parse(text)
        #expect(listing.entries.isEmpty)
        #expect(listing.malformedLines == [1])
    }
}
