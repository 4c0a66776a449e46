import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0\0", String(decoding: [0x20, 0x64, 0xFF, 0x20, 0x31, 0x80, 0x00], as: UTF8.self),
    String(repeating: " ", count: 1_000_000), String(repeating: "x", count: 1_000_000), "garbage",
    "-------\n", "   clock  count\n-----\n",
]

private let header515 = """
                                     enable  prepare  protect                                duty  hardware
       clock                          count    count    count        rate   accuracy phase  cycle    enable
    -------------------------------------------------------------------------------------------------------

    """

private let headerReqRate = """
                                     enable  prepare  protect                                           duty
       clock                          count    count    count        rate    req_rate   accuracy phase  cycle
    ---------------------------------------------------------------------------------------------

    """

/// Tests for the debugfs `clk/clk_summary` reader.
struct ClkSummaryTests {
    @Test func kernel515TreeWithHardwareColumn() throws {
        let text =
            header515 + """
                 osc                             3      3      0    38400000        0     0  50000     Y
                    pllp_out0                    5      5      0   408000000        0     0  50000     Y
                       dla0_core                 1      1      0  1369600000        0     0  50000     Y
                       dla0_falcon               0      0      0   729600000        0 -----  50000     N
                    emc                          1      1      0  2133000000        0     0  50000     ?
                 clk_32k                         1      1      0       32768        0     0  50000     Y

                """
        let summary = ClkSummary.parse(text)
        #expect(summary.malformedLines.isEmpty)
        #expect(summary.hasRequestedRateColumn == false)
        #expect(summary.clocks.count == 6)
        let core = try #require(summary.clock(named: "dla0_core"))
        #expect(core.depth == 2)
        #expect(core.parent == "pllp_out0")
        #expect(core.enableCount == 1)
        #expect(core.prepareCount == 1)
        #expect(core.protectCount == 0)
        #expect(core.rate == 1_369_600_000)
        #expect(core.requestedRate == nil)
        #expect(core.accuracy == 0)
        #expect(core.phase == 0)
        #expect(core.dutyCycle == 50000)
        #expect(core.hardwareEnabled == true)
        let falcon = try #require(summary.clock(named: "dla0_falcon"))
        #expect(falcon.phase == nil)
        #expect(falcon.dutyCycle == 50000)
        #expect(falcon.hardwareEnabled == false)
        #expect(summary.clock(named: "emc")?.hardwareEnabled == nil)
        #expect(summary.clock(named: "emc")?.parent == "osc")
        #expect(summary.clock(named: "clk_32k")?.depth == 0)
        #expect(summary.clock(named: "clk_32k")?.parent == nil)
    }

    @Test func requestedRateHeaderFromReference() throws {
        let text =
            headerReqRate + """
                 pllp_out0                     5      5      0   408000000   408000000        0     0  50000
                    dla0_core                  1      1      0  1369600000  1369600000        0     0  50000
                """
        let summary = ClkSummary.parse(text)
        #expect(summary.hasRequestedRateColumn)
        let core = try #require(summary.clock(named: "dla0_core"))
        #expect(core.requestedRate == 1_369_600_000)
        #expect(core.accuracy == 0)
        #expect(core.phase == 0)
        #expect(core.dutyCycle == 50000)
        #expect(core.depth == 1)
    }

    @Test func briefRowWithoutPhaseKeepsDuty() throws {
        let summary = ClkSummary.parse(
            headerReqRate + "   dla0_core     1  1  0  1369600000  1369600000  0  50000  Y\n")
        let core = try #require(summary.clock(named: "dla0_core"))
        #expect(core.rate == 1_369_600_000)
        #expect(core.requestedRate == 1_369_600_000)
        #expect(core.accuracy == 0)
        #expect(core.phase == nil)
        #expect(core.dutyCycle == 50000)
        #expect(core.hardwareEnabled == true)
        #expect(core.depth == 0)
    }

    @Test(
        arguments: [
            ("dla0_core 1 1 0 1369600000 1369600000 0 0 50000", true, 1_369_600_000 as UInt64?),
            ("dla0_core 1 1 0 1369600000 0 0 50000", false, nil),
            ("dla0_core 1 1 0 1369600000 0 0 50000 Y", false, nil),
        ] as [(String, Bool, UInt64?)])
    func headerlessRowsInferColumns(line: String, hasRequested: Bool, requested: UInt64?) {
        let summary = ClkSummary.parse(line)
        #expect(summary.clocks.count == 1)
        #expect(summary.clocks.first?.requestedRate == requested)
        #expect(summary.clocks.first?.dutyCycle == 50000)
        #expect(summary.hasRequestedRateColumn == hasRequested)
    }

    @Test func parentIsNearestShallowerRow() {
        let text = " root 1 1 0 5 0 0 50000\n          deep 1 1 0 5 0 0 50000\n    child 1 1 0 5 0 0 50000\n"
        let clocks = ClkSummary.parse(text).clocks
        #expect(clocks.map(\.depth) == [0, 3, 1])
        #expect(clocks.map(\.parent) == [nil, "root", "root"])
    }

    @Test func oldKernelWithoutProtectColumn() throws {
        let text = """
               clock                         enable_cnt  prepare_cnt        rate   accuracy   phase
            ----------------------------------------------------------------------------------------
             dla0_core                                1            1  1369600000          0 0
            """
        let core = try #require(ClkSummary.parse(text).clock(named: "dla0_core"))
        #expect(core.protectCount == nil)
        #expect(core.rate == 1_369_600_000)
        #expect(core.phase == 0)
    }

    @Test func consumerLinesOfNewerKernelsAreIgnored() {
        let text =
            header515 + """
                 osc                           3      3      0    38400000        0     0  50000     Y
                                                 deviceless                      no_connection_id
                """
        let summary = ClkSummary.parse(text)
        #expect(summary.clocks.map(\.name) == ["osc"])
        #expect(summary.malformedLines.isEmpty)
    }

    @Test func truncatedAndBrokenRows() {
        let text = header515 + " osc 3 3 0 38400000 0 0 50000 Y\n broken 1 x 0 5\n trunc 1 1"
        let summary = ClkSummary.parse(text)
        #expect(summary.clocks.map(\.name) == ["osc"])
        #expect(summary.malformedLines == [5, 6])
    }

    @Test func overflowingRateIsMalformed() {
        let summary = ClkSummary.parse(" osc 1 1 0 99999999999999999999999 0 0 50000\n")
        #expect(summary.clocks.isEmpty)
        #expect(summary.malformedLines == [1])
    }

    /// Twenty thousand rows keep their depth and parents (the parse speed is measured in Benchmarks/Micro).
    @Test func twentyThousandRowsKeepDepthAndParent() {
        var text = header515
        text.reserveCapacity(20_000 * 120)
        for index in 0..<20_000 {
            let indent = String(repeating: " ", count: 1 + (index % 5) * 3)
            text +=
                "\(indent)clk_\(index)    1        1        0  1369600000          0     0  50000         Y\n"
        }
        let summary = ClkSummary.parse(text)
        #expect(summary.clocks.count == 20_000)
        #expect(summary.clocks[4].depth == 4)
        #expect(summary.clocks[4].parent == "clk_3")
    }

    @Test func bytesOverloadMatchesText() {
        let text = header515 + " osc 3 3 0 38400000 0 0 50000 Y\n"
        #expect(ClkSummary.parse(Array(text.utf8)) == ClkSummary.parse(text))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(ClkSummary.parse(text).clocks.isEmpty)
    }
}
