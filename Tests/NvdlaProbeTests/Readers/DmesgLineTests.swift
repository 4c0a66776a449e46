import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x5B, 0xFF, 0x5D, 0x80, 0x00], as: UTF8.self),
    String(repeating: "[", count: 1_000_000),
    "<", "<99999999>", "[", "[ +", "[ 12.3", "[ 12.3 <", "Jan", "Jan  6", "Jan  6 10:12", "2025-01-06T10:1",
    "kern  :", "kern  :err", String(repeating: "9", count: 100_000) + ".5]",
]

/// Tests for the human-readable kernel log lines reader.
struct DmesgLineTests {
    @Test(
        arguments: [
            (
                "[   12.345678] nvdla 15880000.nvdla0: initialized", "nvdla 15880000.nvdla0: initialized",
                12.345678, false
            ),
            (
                "[  +0.000462] arm-smmu 8000000.iommu: Unhandled context fault",
                "arm-smmu 8000000.iommu: Unhandled context fault",
                0.000462, true
            ),
            (
                "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]",
                "Booting Linux on physical CPU 0x0000000000 [0x410fd421]", 0, false
            ),
            (
                "[  119.263096] host1x 13e10000.host1x: vpi_sample_05_b: syncpoint id 31 (pva_syncpt) "
                    + "stuck waiting 1",
                "host1x 13e10000.host1x: vpi_sample_05_b: syncpoint id 31 (pva_syncpt) stuck waiting 1",
                119.263096, false
            ),
            (
                "[   12.345678 <    0.000462>] cma: cma_alloc: alloc failed, req-size: 256 pages, ret: -12",
                "cma: cma_alloc: alloc failed, req-size: 256 pages, ret: -12", 12.345678, false
            ),
            ("[123456.7] x", "x", 123_456.7, false),
        ] as [(String, String, Double, Bool)])
    func bracketTimestamps(line: String, message: String, seconds: Double, relative: Bool) throws {
        let parsed = try #require(DmesgLine.parse(line))
        #expect(parsed.message == message)
        #expect(abs((parsed.timestamp ?? -1) - seconds) < 1e-9)
        #expect(parsed.isRelative == relative)
        #expect(parsed.level == nil)
        #expect(parsed.wallClock == nil)
    }

    @Test func humanWallClock() throws {
        let parsed = try #require(
            DmesgLine.parse("[Mon Jan  6 10:12:01 2025] nvdla 15880000.nvdla0: failed to power on"))
        #expect(parsed.wallClock == "Mon Jan  6 10:12:01 2025")
        #expect(parsed.message == "nvdla 15880000.nvdla0: failed to power on")
        #expect(parsed.timestamp == nil)
    }

    @Test(arguments: [
        (
            "<3>[  12.3] 15880000.nvdla0:nvdla_send_cmd: Command 3 failed", 3, 0,
            "15880000.nvdla0:nvdla_send_cmd: Command 3 failed"
        ),
        (
            "<6>[    1.000000] cma: Reserved 256 MiB at 0x0000000100000000", 6, 0,
            "cma: Reserved 256 MiB at 0x0000000100000000"
        ),
        ("<14>user space", 6, 1, "user space"),
        (
            "kern  :err   : [   12.345678] nvdla 15880000.nvdla0: NVDLA1 IP is disabled in Fuse", 3, 0,
            "nvdla 15880000.nvdla0: NVDLA1 IP is disabled in Fuse"
        ),
        (
            "kern  :info  : falcon 154c0000.nvenc: looking for firmware in subdirectory", 6, 0,
            "falcon 154c0000.nvenc: looking for firmware in subdirectory"
        ),
    ])
    func levelPrefixes(line: String, level: Int, facility: Int, message: String) throws {
        let parsed = try #require(DmesgLine.parse(line))
        #expect(parsed.level == level)
        #expect(parsed.facility == facility)
        #expect(parsed.message == message)
    }

    @Test(
        arguments: [
            (
                "Jan  6 10:12:01 orin kernel: [   12.345678] nvdla 15880000.nvdla0: initialized",
                "Jan  6 10:12:01", "orin",
                "kernel", 12.345678 as Double?, "nvdla 15880000.nvdla0: initialized"
            ),
            (
                "Jan 16 10:12:01 orin kernel: arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402",
                "Jan 16 10:12:01",
                "orin", "kernel", nil, "arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402"
            ),
            (
                "Jan 06 10:12:01.123456 orin kernel: msg", "Jan 06 10:12:01.123456", "orin", "kernel", nil,
                "msg"
            ),
            (
                "2025-01-06T10:12:01+0000 orin kernel: nvdla 15880000.nvdla0: msg",
                "2025-01-06T10:12:01+0000", "orin",
                "kernel", nil, "nvdla 15880000.nvdla0: msg"
            ),
            (
                "2025-01-06T10:12:01.123456+00:00 orin kernel: [   1.5] msg",
                "2025-01-06T10:12:01.123456+00:00", "orin",
                "kernel", 1.5, "msg"
            ),
            (
                "Feb  3 01:02:03 host systemd-udevd[412]: msg", "Feb  3 01:02:03", "host", "systemd-udevd",
                nil, "msg"
            ),
        ] as [(String, String, String, String, Double?, String)])
    func syslogAndJournal(
        line: String, clock: String, host: String, ident: String, seconds: Double?, message: String
    ) throws {
        let parsed = try #require(DmesgLine.parse(line))
        #expect(parsed.wallClock == clock)
        #expect(parsed.host == host)
        #expect(parsed.ident == ident)
        #expect(parsed.timestamp == seconds)
        #expect(parsed.message == message)
    }

    @Test func dmesgIsoTimeFormatHasNoHost() throws {
        let parsed = try #require(DmesgLine.parse("2025-01-06T10:12:01,123456+00:00 foo bar: baz"))
        #expect(parsed.host == nil)
        #expect(parsed.message == "foo bar: baz")
    }

    @Test func dmesgIsoTimeFormatKeepsDevicePrefix() throws {
        let parsed = try #require(
            DmesgLine.parse("2025-01-06T10:12:01,123456+00:00 nvdla 15880000.nvdla0: msg"))
        #expect(parsed.wallClock == "2025-01-06T10:12:01,123456+00:00")
        #expect(parsed.host == nil)
        #expect(parsed.message == "nvdla 15880000.nvdla0: msg")
    }

    @Test(arguments: [
        "falcon 154c0000.nvenc: Direct firmware load for nvhost_nvenc080.fw failed with error -2",
        "[drm] Initialized nvidia-drm 0.0.0 20160202 for 13800000.display on minor 1",
        "---- syncpts ----",
        "Janitor process started",
        "12 not a date",
    ])
    func linesWithoutTimestamp(line: String) throws {
        let parsed = try #require(DmesgLine.parse(line))
        #expect(parsed.message == line)
        #expect(parsed.timestamp == nil)
        #expect(parsed.wallClock == nil)
        #expect(parsed.level == nil)
    }

    @Test func substringInputAndTrailingWhitespace() throws {
        let text = "[    1.0] first\r\n[    2.5] second  \n"
        let lines = text.utf8.split(separator: 0x0A).map { Substring($0) }
        try #require(lines.count == 2)
        #expect(DmesgLine.parse(lines[0])?.message == "first")
        #expect(DmesgLine.parse(lines[1])?.message == "second")
        #expect(DmesgLine.parse(lines[1])?.timestamp == 2.5)
    }

    @Test(arguments: ["", "   ", "\n", "\t\r\n"])
    func blankLines(line: String) {
        #expect(DmesgLine.parse(line) == nil)
    }

    /// Every line of a long log parses (speed is measured by Benchmarks/analyze-log, not here).
    @Test func hundredThousandLinesAllParse() {
        let line =
            "[  119.263096] host1x 13e10000.host1x: vpi_sample_05_b: syncpoint id 31 (pva_syncpt) stuck "
            + "waiting 1"
        let log = Array(repeating: line, count: 100_000).joined(separator: "\n")
        let pieces = log.utf8.split(separator: 0x0A).map { Substring($0) }
        var count = 0
        for piece in pieces where DmesgLine.parse(piece)?.timestamp != nil { count += 1 }
        #expect(count == 100_000)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(line: String) {
        let parsed = DmesgLine.parse(line)
        #expect(parsed?.timestamp == nil)
    }
}
