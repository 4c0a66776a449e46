import Testing

@testable import NvdlaProbe

/// Tests for the syslog kernel-log reader (`/var/log/kern.log`, `/var/log/syslog`): the last boot's kernel lines.
struct SyslogKernelLogTests {
    static func lines(_ text: String) -> [String] { SyslogKernelLog.lastBoot(Array(text.utf8)).map(\.message) }

    @Test("only the last boot is kept: the kernel timestamp going back marks a reboot")
    func lastBootByTimestamp() {
        let text = """
            Jan  6 10:00:00 orin kernel: [    0.000000] Booting Linux on physical CPU 0x0000000000
            Jan  6 10:00:05 orin kernel: [   12.500000] arm-smmu 8000000.iommu: Unhandled context fault: cbfrsynra=0x2b
            Jan  6 11:00:00 orin kernel: [    0.000000] Booting Linux on physical CPU 0x0000000000
            Jan  6 11:00:03 orin kernel: [    9.100000] nvdla 15880000.nvdla0: initialized
            """
        #expect(
            Self.lines(text) == ["Booting Linux on physical CPU 0x0000000000", "nvdla 15880000.nvdla0: initialized"])
        let read = SyslogKernelLog.lastBoot(Array(text.utf8))
        #expect(read.last?.location == "line 4")
        #expect(read.last?.seconds == 9.1)
    }

    @Test("without timestamps the Linux version banner starts a boot")
    func lastBootByBanner() {
        let text = """
            Jan  6 10:00:00 orin kernel: Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT
            Jan  6 10:00:05 orin kernel: nvdla 15880000.nvdla0: engine timeout detected
            Jan  6 11:00:00 orin kernel: Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT
            Jan  6 11:00:03 orin kernel: nvdla 15880000.nvdla0: initialized
            """
        #expect(Self.lines(text).last == "nvdla 15880000.nvdla0: initialized")
        #expect(Self.lines(text).count == 2)
    }

    @Test("lines of other programs in /var/log/syslog are skipped; journalctl -o short-iso lines read")
    func otherProgramsSkipped() {
        let text = """
            Jan  6 10:00:00 orin systemd[1]: Started Session 1 of user nvidia.
            2025-01-06T10:00:05+0000 orin kernel: [   12.500000] nvdla 15880000.nvdla0: initialized
            Jan  6 10:00:06 orin NetworkManager[812]: <info>  [1736157606.1] device (eth0): carrier: link connected
            """
        #expect(Self.lines(text) == ["nvdla 15880000.nvdla0: initialized"])
    }

    @Test(
        "empty, garbage, binary and truncated inputs give no line or only what they hold",
        arguments: [
            "", "\n\n", "no syslog here at all", "\0\0\u{1}kernel:", "Jan  6 10:00:00 orin kernel:",
            String(repeating: "x", count: 100_000),
        ])
    func hostile(_ text: String) {
        let read = SyslogKernelLog.lastBoot(Array(text.utf8))
        #expect(read.allSatisfy { $0.message.count <= text.count })
        #expect(read.count <= 1)
    }
}
