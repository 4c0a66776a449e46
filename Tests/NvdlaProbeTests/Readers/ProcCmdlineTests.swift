import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0\0", String(decoding: [0x63, 0x6D, 0x61, 0x3D, 0xFF, 0x80, 0x00], as: UTF8.self),
    String(repeating: "x", count: 1_000_000), "cma=", "cma=garbage", "cma=99999999999999999999999M",
    "cma=16E", "cma=@0-4G", "\"unterminated quote cma=64M", "cma=0x", "cma=09M",
]

/// Tests for the `/proc/cmdline` reader.
struct ProcCmdlineTests {
    @Test func jetsonCmdline() {
        let text =
            "root=/dev/mmcblk0p1 rw rootwait rootfstype=ext4 mminit_loglevel=4 console=ttyTCU0,115200 "
            + "firmware_class.path=/etc/firmware fbcon=map:0 net.ifnames=0 nospectre_bhb video=efifb:off "
            + "console=tty0 bl_prof_dataptr=2031616@0x271E10000 bl_prof_ro_ptr=65536@0x271E00000 \n"
        let cmdline = ProcCmdline.parse(text)
        #expect(cmdline.parameters.count == 14)
        #expect(cmdline.parameters[1] == ProcCmdline.Parameter(key: "rw", value: nil))
        #expect(cmdline.value("console") == "tty0")
        #expect(cmdline.value("firmware_class.path") == "/etc/firmware")
        #expect(cmdline.value("rw") == "")
        #expect(cmdline.value("missing") == nil)
        #expect(cmdline.cmaRaw == nil)
        #expect(cmdline.cmaBytes == nil)
    }

    @Test(
        arguments: [
            ("cma=64M", 64 << 20, nil),
            ("quiet cma=512M@0-4G", 512 << 20, "0-4G"),
            ("cma=1G", 1 << 30, nil),
            ("cma=268435456", 268_435_456, nil),
            ("cma=256k", 256 << 10, nil),
            ("cma=2T", 2 << 40, nil),
            ("cma=0x10000000", 268_435_456, nil),
            ("cma=32M cma=128M", 128 << 20, nil),
            ("cma=\"64M\"", 64 << 20, nil),
        ] as [(String, Int64, String?)])
    func cmaSizes(text: String, bytes: Int64, placement: String?) {
        let cmdline = ProcCmdline.parse(text)
        #expect(cmdline.cmaBytes == bytes)
        #expect(cmdline.cmaPlacement == placement)
    }

    @Test func quotedValues() {
        let cmdline = ProcCmdline.parse("a=\"x y\" \"b=c d\" e= f=\"g")
        #expect(cmdline.parameters.map(\.key) == ["a", "b", "e", "f"])
        #expect(cmdline.value("a") == "x y")
        #expect(cmdline.value("b") == "c d")
        #expect(cmdline.value("e") == "")
        #expect(cmdline.value("f") == "g")
    }

    @Test func rawValueKeptWhenSizeUnreadable() {
        let cmdline = ProcCmdline.parse("cma=lots")
        #expect(cmdline.cmaRaw == "lots")
        #expect(cmdline.cmaBytes == nil)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(ProcCmdline.parse(text).cmaBytes == nil)
    }
}
