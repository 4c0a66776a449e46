import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x2F, 0x09, 0xFF, 0x09, 0x80, 0x00], as: UTF8.self),
    "x" + String(repeating: "\t", count: 1_000_000), "garbage", "/dev/x\tc\t0660\troot\tvideo",
    "/dev/x\tz\t0660\troot\tvideo\t1:2", "/dev/x\tc\t0999\troot\tvideo\t1:2",
    "/dev/x\tc\t0660\troot\tvideo\t1-2",
    "/dev/x\tc\t0660\troot\tvideo\t99999999999999999999:1", "\tc\t0660\troot\tvideo\t1:2",
    "/dev/x\tc\t07777777\troot\tvideo\t1:2", "/dev/x\tc\t0660\troot\tvideo\t-1:2",
]

/// Tests for the `.nvdla-doctor/stat.tsv` reader.
struct StatTableTests {
    @Test func snapshotTable() throws {
        let text = """
            # path\ttype\tmode\tuser\tgroup\tmajor:minor
            /dev/nvhost-ctrl-nvdla0\tc\t0660\troot\tvideo\t492:0
            /dev/nvhost-ctrl-nvdla1\tc\t0600\troot\troot\t492:1

            /dev/mmcblk0\tb\t0660\troot\tdisk\t179:0
            /etc/nvpmodel.conf\tl\t0777\troot\troot\t-
            /sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0\td\t0755\t-\t-\t-
            /sys/kernel/debug/nvdla0/firmware/version\tf\t-\t-\t-\t-
            """
        let table = StatTable.parse(text)
        #expect(table.malformedLines.isEmpty)
        #expect(table.entries.count == 6)
        let node = try #require(table.entries["/dev/nvhost-ctrl-nvdla0"])
        #expect(node.type == .characterDevice)
        #expect(node.mode == 0o660)
        #expect(node.user == "root")
        #expect(node.group == "video")
        #expect(node.major == 492)
        #expect(node.minor == 0)
        #expect(table.entries["/dev/mmcblk0"]?.type == .blockDevice)
        #expect(table.entries["/etc/nvpmodel.conf"]?.type == .symlink)
        #expect(table.entries["/etc/nvpmodel.conf"]?.major == nil)
        let dir = try #require(table.entries["/sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0"])
        #expect(dir.type == .directory)
        #expect(dir.user == nil)
        let file = try #require(table.entries["/sys/kernel/debug/nvdla0/firmware/version"])
        #expect(file.type == .regular)
        #expect(file.mode == nil)
    }

    @Test(arguments: [
        ("/dev/a\tc\t020660\troot\tvideo\t1:2", 0o660 as UInt32?),
        ("/dev/a\tc\t660\troot\tvideo\t1:2", 0o660),
        ("/dev/a\tc\t0o4755\troot\tvideo\t1:2\textra", 0o4755),
        ("/dev/a\tc\t0660\troot\tvideo\t1:2\r", 0o660),
    ])
    func modeVariants(line: String, mode: UInt32?) {
        #expect(StatTable.parse(line).entries["/dev/a"]?.mode == mode)
    }

    @Test func malformedLinesCarryNumbers() {
        let text =
            "# header\n/dev/a\tc\t0660\troot\tvideo\t1:2\n/dev/b\tq\t0660\troot\tvideo\t1:2\n\n/dev/c\tc\t06"
        let table = StatTable.parse(text)
        #expect(table.entries.keys.sorted() == ["/dev/a"])
        #expect(table.malformedLines.map(\.number) == [3, 5])
        #expect(table.malformedLines.first?.text == "/dev/b\tq\t0660\troot\tvideo\t1:2")
    }

    @Test func laterLineWins() {
        let table = StatTable.parse("/dev/a\tc\t0600\troot\troot\t1:2\n/dev/a\tc\t0660\troot\tvideo\t1:2\n")
        #expect(table.entries["/dev/a"]?.group == "video")
    }

    @Test(arguments: ["", "\n", "# only a comment\n\n"])
    func emptyInput(text: String) {
        #expect(StatTable.parse(text) == StatTable(entries: [:], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let table = StatTable.parse(text)
        #expect(table.entries.isEmpty)
        #expect(table.malformedLines.map(\.number) == [1])
    }
}
