import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x44, 0x4C, 0xFF, 0x3D, 0x80, 0x00], as: UTF8.self),
    String(repeating: "x", count: 1_000_000), "garbage words only", "DLA0_CORE:", "=",
]

private let sample044 = """
    SOC family:tegra234  Machine:Jetson AGX Orin
    Online CPUs: 0-11
    cpu0: Online=1 Governor=schedutil MinFreq=729600 MaxFreq=2201600 CurrentFreq=2201600 IdleStates: \
    WFI=1 c7=1 
    cpu1: Online=1 Governor=schedutil MinFreq=729600 MaxFreq=2201600 CurrentFreq=2201600 IdleStates: \
    WFI=1 c7=1 
    GPU MinFreq=306000000 MaxFreq=1300500000 CurrentFreq=306000000
    EMC MinFreq=204000000 MaxFreq=3199000000 CurrentFreq=2133000000 FreqOverride=0
    DLA0_CORE:   Online=1 MinFreq=0 MaxFreq=1600000000 CurrentFreq=1600000000
    DLA0_FALCON: Online=1 MinFreq=0 MaxFreq=844800000 CurrentFreq=844800000
    DLA1_CORE:   Online=0 MinFreq=0 MaxFreq=1600000000 CurrentFreq=0
    DLA1_FALCON: Online=1 MinFreq=0 MaxFreq=844800000 CurrentFreq=844800000
    PVA0_VPS0: Online=1 MinFreq=0 MaxFreq=1152000000 CurrentFreq=1152000000
    FAN Dynamic Speed control=active hwmon2_pwm1=55
    NV Power Mode: MAXN
    """

/// Tests for the `jetson_clocks --show` output reader.
struct JetsonClocksShowTests {
    @Test func orinSample() throws {
        let show = try #require(JetsonClocksShow.parse(sample044))
        #expect(show.socFamily == "tegra234")
        #expect(show.machine == "Jetson AGX Orin")
        #expect(show.onlineCPUs == "0-11")
        #expect(show.powerMode == "MAXN")
        let core = try #require(show.engine(named: "DLA0_CORE"))
        #expect(core.online == true)
        #expect(core.minFreq == 0)
        #expect(core.maxFreq == 1_600_000_000)
        #expect(core.currentFreq == 1_600_000_000)
        #expect(show.engine(named: "DLA1_CORE")?.online == false)
        #expect(show.engine(named: "DLA0_FALCON")?.maxFreq == 844_800_000)
        #expect(show.engine(named: "GPU")?.online == nil)
        #expect(show.engine(named: "EMC")?.values["FreqOverride"] == "0")
        #expect(show.engine(named: "cpu0")?.values["Governor"] == "schedutil")
        #expect(show.engine(named: "FAN")?.values["control"] == "active")
    }

    @Test(
        arguments: [
            (
                "SOC family:tegra234  Machine:NVIDIA Jetson AGX Orin Developer Kit\nNV Power Mode: "
                    + "MODE_30W\n",
                "NVIDIA Jetson AGX Orin Developer Kit", "MODE_30W"
            ),
            (
                "SOC family:tegra194  Machine:Jetson-AGX\r\nNV Power Mode: MODE_15W\r\n", "Jetson-AGX",
                "MODE_15W"
            ),
            ("SOC family:tegra210  Machine:jetson_tx1\n", "jetson_tx1", nil),
        ] as [(String, String, String?)])
    func headerVariants(text: String, machine: String, mode: String?) {
        let show = JetsonClocksShow.parse(text)
        #expect(show?.machine == machine)
        #expect(show?.powerMode == mode)
    }

    @Test("a command line with key=value options is not an engine row")
    func commandLineIsNotARow() {
        #expect(
            JetsonClocksShow.parse("run trtexec --deploy=$DIR/googlenet.prototxt --output=prob --useDLACore=0") == nil)
        #expect(JetsonClocksShow.parse("export CUDA_VISIBLE_DEVICES=0 TRT_LOGGER=verbose") == nil)
        #expect(
            JetsonClocksShow.parse("GPU MinFreq=306000000 MaxFreq=1300500000 CurrentFreq=1300500000")?.engines.count
                == 1)
    }

    @Test func truncatedEngineLine() {
        let show = JetsonClocksShow.parse("DLA0_CORE:   Online=1 MinFreq=0 MaxFr")
        #expect(show?.engine(named: "DLA0_CORE")?.online == true)
        #expect(show?.engine(named: "DLA0_CORE")?.maxFreq == nil)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(JetsonClocksShow.parse(text) == nil)
    }
}
