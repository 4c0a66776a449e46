import Testing

@testable import NvdlaProbe

/// Tests for the `.nvdla-doctor/unreadable.tsv` reader.
struct UnreadableTableTests {
    @Test("paths with a known reason are read; comments, relative paths and unknown reasons are skipped")
    func parse() {
        let text = """
            # paths the capture could not read
            /sys/kernel/debug\tpermission
            /dev/kmsg\tpermission
            /sys/devices/x/power/runtime_status\tunsupported
            relative/path\tpermission
            /sys/y\tnot-a-reason
            /sys/z
            """
        let table = UnreadableTable.parse(Array(text.utf8))
        #expect(
            table == [
                "/sys/kernel/debug": .permission, "/dev/kmsg": .permission,
                "/sys/devices/x/power/runtime_status": .unsupported,
            ])
    }

    @Test("render and parse round-trip", arguments: [[:], ["/a": Unreadable.io, "/b/c": .busy, "/d": .blocked]])
    func roundTrip(_ entries: [String: Unreadable]) {
        #expect(UnreadableTable.parse(Array(UnreadableTable.render(entries).utf8)) == entries)
    }

    @Test("binary garbage gives an empty table", arguments: [[0, 0, 9, 0xFF], Array(repeating: 0x09, count: 10_000)])
    func garbage(_ bytes: [UInt8]) {
        #expect(UnreadableTable.parse(bytes).isEmpty)
    }
}
