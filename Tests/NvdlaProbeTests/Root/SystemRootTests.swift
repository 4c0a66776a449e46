import Foundation
import Testing

@testable import NvdlaProbe

@Suite("Rooted reads")
struct SystemRootTests {
    /// A small tree: files, relative and absolute links, a loop, links that try to leave the root.
    func makeTree(_ temp: TemporaryDirectory) throws -> SystemRoot {
        temp.write("inside\n", at: "root/etc/hostname")
        temp.write("a\n", at: "root/sys/devices/x/attr")
        temp.write(String(repeating: "z", count: 100_000), at: "root/big")
        temp.write("/dev/nvhost-ctrl-nvdla0\tc\t0660\troot\tvideo\t492:0\n", at: "root/.nvdla-doctor/stat.tsv")
        let fm = FileManager.default
        let root = temp.path + "/root"
        try fm.createSymbolicLink(atPath: root + "/sys/link-rel", withDestinationPath: "devices/x")
        try fm.createSymbolicLink(atPath: root + "/sys/link-abs", withDestinationPath: "/etc/hostname")
        try fm.createSymbolicLink(
            atPath: root + "/sys/escape", withDestinationPath: "../../../../../../../../etc/passwd")
        try fm.createSymbolicLink(atPath: root + "/sys/loop-a", withDestinationPath: "loop-b")
        try fm.createSymbolicLink(atPath: root + "/sys/loop-b", withDestinationPath: "loop-a")
        try fm.createSymbolicLink(atPath: root + "/sys/dangling", withDestinationPath: "nowhere")
        #expect(mkfifo(root + "/fifo", 0o600) == 0)
        return SystemRoot(path: root)
    }

    @Test("links resolve inside the root: relative, absolute re-rooted, `..` stops at the root, loops end")
    func resolution() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = try makeTree(temp)
        #expect(root.resolve("/sys/link-rel/attr").value == "/sys/devices/x/attr")
        #expect(root.readAttribute("/sys/link-rel/attr").value == "a")
        #expect(root.readAttribute("/sys/link-abs").value == "inside")
        #expect(root.resolve("/sys/escape").value == nil)  // lands on /etc/passwd inside the root: absent
        #expect(root.readText("/sys/escape").outcomeWord == "missing")
        #expect(root.resolve("/../../etc/hostname").value == "/etc/hostname")
        #expect(root.readText("/sys/loop-a").outcomeWord == "blocked")
        #expect(root.readText("/sys/dangling").outcomeWord == "missing")
        #expect(root.readLink("/sys/link-abs").value == "/etc/hostname")
        #expect(root.linkTarget("/sys/link-rel").value == "/sys/devices/x")
        #expect(root.readLink("/etc/hostname").outcomeWord == "malformed")
    }

    @Test("reads are bounded, refuse FIFOs and directories without blocking, and are all recorded")
    func boundedReads() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = try makeTree(temp)
        let capped = try #require(root.readBytes("/big", cap: 1000).value)
        #expect(capped.bytes.count == 1000)
        #expect(capped.truncated)
        #expect(root.readBytes("/big").value?.truncated == false)
        #expect(root.readText("/fifo").outcomeWord == "unsupported")
        #expect(root.readText("/sys").outcomeWord == "unsupported")
        #expect(root.readText("/nope").outcomeWord == "missing")
        #expect(root.readText("/sys/loop-a").outcomeWord == "blocked")
        #expect(root.list("/sys").value?.contains("link-rel") == true)
        #expect(root.list("/").value?.contains(".nvdla-doctor") == false)
        let trail = root.trail.all
        #expect(trail.contains { $0.path == "/big" && $0.truncated })
        #expect(trail.contains { $0.path == "/fifo" && $0.outcome == "unsupported" })
        #expect(trail.contains { $0.path == "/sys/loop-a" && $0.outcome == "blocked" })
    }

    @Test("device nodes of a snapshot come from stat.tsv only")
    func snapshotStat() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = try makeTree(temp)
        let node = try #require(root.stat("/dev/nvhost-ctrl-nvdla0").value)
        #expect(node.kind == .characterDevice)
        #expect(node.octalMode == "0660")
        #expect(node.group == "video")
        #expect(node.deviceNumber == "492:0")
        #expect(root.stat("/dev/nvhost-ctrl-nvdla1").outcomeWord == "missing")
        #expect(root.stat("/etc/hostname").value?.kind == .regular)
    }

    @Test("live stat reads type, mode and device numbers from the running system")
    func liveStat() throws {
        let root = SystemRoot(path: "/")
        let null = try #require(root.stat("/dev/null").value)
        #expect(null.kind == .characterDevice)
        #expect(null.deviceNumber == "1:3")
        #expect(null.user == "root")
    }

    @Test("debugfs is read only from the allowlist, and engine-waking files only with --deep")
    func policy() {
        let normal = ReadPolicy(deep: false)
        let deep = ReadPolicy(deep: true)
        #expect(normal.allows("/sys/kernel/debug/clk/dla0_core/clk_rate"))
        #expect(normal.allows("/sys/kernel/debug/cma/cma-linux,cma/bitmap"))
        #expect(!normal.allows("/sys/kernel/debug/nvdla0/firmware/version"))
        #expect(deep.allows("/sys/kernel/debug/nvdla0/firmware/version"))
        #expect(!deep.allows("/sys/kernel/debug/nvdla0/firmware/reload"))
        #expect(!deep.allows("/sys/kernel/debug/tracing/trace_pipe"))
        #expect(normal.allows("/proc/modules"))
    }

    @Test("errno classes map to the documented outcomes")
    func errnoClasses() {
        #expect(ErrnoClass.classify(ENOENT) == nil)
        #expect(ErrnoClass.classify(EACCES) == .permission)
        #expect(ErrnoClass.classify(EPERM) == .permission)
        #expect(ErrnoClass.classify(ENODEV) == .unsupported)
        #expect(ErrnoClass.classify(EBUSY) == .busy)
        #expect(ErrnoClass.classify(EAGAIN) == .busy)
        #expect(ErrnoClass.classify(ELOOP) == .blocked)
        #expect(ErrnoClass.classify(EIO) == .io)
    }

    @Test("device-tree properties: string lists, cells, sizes; garbage is rejected")
    func deviceTreeProperties() {
        #expect(DeviceTreeProperty.strings(Array("a\0b,c\0".utf8)) == ["a", "b,c"])
        #expect(DeviceTreeProperty.string(Array("okay\0".utf8)) == "okay")
        #expect(DeviceTreeProperty.strings(Array("no-nul".utf8)) == nil)
        #expect(DeviceTreeProperty.strings([0xff, 0xfe, 0x00]) == nil)
        #expect(DeviceTreeProperty.strings([]) == nil)
        #expect(DeviceTreeProperty.cells([0, 0, 0, 0x2b, 0, 0, 0x01, 0x00]) == [0x2b, 0x100])
        #expect(DeviceTreeProperty.cells([1, 2, 3]) == nil)
        #expect(DeviceTreeProperty.u64([0, 0, 0, 0, 0x10, 0, 0, 0]) == 0x1000_0000)
        #expect(DeviceTreeProperty.u64([0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3]) == nil)
    }

    @Test("PCRE2 regexes: named captures, invalid UTF-8 subjects, compile errors")
    func regex() throws {
        let regex = try Regex2(#"cbfrsynra=0x(?<sid>[0-9a-f]+), cb=(?<cb>\d+)"#)
        let captures = try #require(regex.captures(in: "fsynr=0x1, cbfrsynra=0x2b, cb=3"))
        #expect(captures["sid"] == "2b")
        #expect(captures["cb"] == "3")
        #expect(regex.captures(in: "nothing") == nil)
        var bytes: [UInt8] = Array("x \u{0}".utf8) + [0xff, 0xfe] + Array(" cbfrsynra=0x23, cb=1".utf8)
        let matched = bytes.withUnsafeMutableBufferPointer { regex.matcher().captures(UnsafeBufferPointer($0)) }
        #expect(matched?["sid"] == "23")
        #expect(throws: Regex2.CompileError.self) { try Regex2("(unclosed") }
        #expect(try Regex2("a?").matches(""))
    }
}
