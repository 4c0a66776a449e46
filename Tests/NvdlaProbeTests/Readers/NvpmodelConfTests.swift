import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x3C, 0xFF, 0x3E, 0x80, 0x00], as: UTF8.self),
    String(repeating: "<", count: 1_000_000), "garbage line", "< >", "<PARAM>", "< POWER_MODEL ID=x NAME=y >",
]

private let orinConf = """
    # nvpmodel configuration for p3701-0000
    ###########################
    # PARAM DEFINITIONS       #
    ###########################

    < PARAM TYPE=FILE NAME=CPU_ONLINE >
    CORE_0 /sys/devices/system/cpu/cpu0/online
    CORE_1 /sys/devices/system/cpu/cpu1/online

    < PARAM TYPE=FILE NAME=GPU_POWER_CONTROL_ENABLE >
    GPU_PWR_CNTL_EN /sys/devices/gpu.0/power/control

    < PARAM TYPE=CLOCK NAME=DLA0_CORE >
    MAX_FREQ /sys/devices/platform/13e40000.host1x/15880000.nvdla0/acm/clk_cap/dla0_core
    MAX_FREQ_KNEXT /sys/devices/platform/13e40000.host1x/15880000.nvdla0/acm/clk_cap/dla0_core

    < PARAM TYPE=CLOCK NAME=DLA0_FALCON >
    MAX_FREQ /sys/devices/platform/13e40000.host1x/15880000.nvdla0/acm/clk_cap/dla0_falcon

    < POWER_MODEL ID=0 NAME=MAXN >
    CPU_ONLINE CORE_0 1
    CPU_ONLINE CORE_1 1
    GPU_POWER_CONTROL_ENABLE GPU_PWR_CNTL_EN on
    DLA0_CORE MAX_FREQ -1
    DLA0_FALCON MAX_FREQ -1

    < POWER_MODEL ID=1 NAME=MODE_15W >
    CPU_ONLINE CORE_0 1
    CPU_ONLINE CORE_1 0
    DLA0_CORE MAX_FREQ 614400000
    DLA0_FALCON MAX_FREQ 294400000

    < POWER_MODEL ID=2 NAME=MODE_30W >
    DLA0_CORE MAX_FREQ 1369600000

    # mandatory section to configure the default mode
    < PM_CONFIG DEFAULT=2 >

    < FAN_CONFIG DEFAULT=quiet >
    FAN_PROFILE quiet 0 0
    """

/// Tests for the `/etc/nvpmodel.conf` reader.
struct NvpmodelConfTests {
    @Test func orinConfiguration() throws {
        let conf = NvpmodelConf.parse(orinConf)
        #expect(conf.malformedLines.isEmpty)
        #expect(conf.defaultModeID == 2)
        #expect(
            conf.params.map(\.name) == ["CPU_ONLINE", "GPU_POWER_CONTROL_ENABLE", "DLA0_CORE", "DLA0_FALCON"])
        let core = try #require(conf.param(named: "DLA0_CORE"))
        #expect(core.type == "CLOCK")
        #expect(core.arguments.count == 2)
        #expect(
            core.path(for: "MAX_FREQ")
                == "/sys/devices/platform/13e40000.host1x/15880000.nvdla0/acm/clk_cap/dla0_core")
        #expect(conf.powerModels.map(\.id) == [0, 1, 2])
        let maxn = try #require(conf.powerModel(id: 0))
        #expect(maxn.name == "MAXN")
        #expect(maxn.value(param: "DLA0_CORE", argument: "MAX_FREQ") == -1)
        let gpuControl = maxn.settings.first { $0.param == "GPU_POWER_CONTROL_ENABLE" }
        #expect(gpuControl?.rawValue == "on")
        #expect(gpuControl?.value == nil)
        let mode15 = try #require(conf.powerModel(id: 1))
        #expect(mode15.name == "MODE_15W")
        #expect(mode15.value(param: "DLA0_CORE", argument: "MAX_FREQ") == 614_400_000)
        #expect(mode15.value(param: "DLA0_FALCON", argument: "MAX_FREQ") == 294_400_000)
        #expect(mode15.value(param: "CPU_ONLINE", argument: "CORE_1") == 0)
        #expect(conf.powerModel(id: 2)?.settings.count == 1)
    }

    @Test func jetPack6StyleParamsWithLiteralArguments() throws {
        let text = """
            <PARAM TYPE=FILE NAME=CPU_ONLINE>
            FILE_STR /sys/devices/system/cpu/cpu%d/online
            ARG_DEFAULT 1
            \t
            < PARAM TYPE=CLOCK NAME=DLA0_CORE >\r
            MAX_FREQ /sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0/clk_cap/dla0_core\r
            < POWER_MODEL ID=3 NAME=MAXN_SUPER >
            DLA0_CORE MAX_FREQ 908800000
            """
        let conf = NvpmodelConf.parse(text)
        #expect(conf.malformedLines.isEmpty)
        #expect(conf.param(named: "CPU_ONLINE")?.path(for: "ARG_DEFAULT") == "1")
        let path = "/sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0/clk_cap/dla0_core"
        #expect(conf.param(named: "DLA0_CORE")?.path(for: "MAX_FREQ") == path)
        #expect(conf.powerModel(id: 3)?.value(param: "DLA0_CORE", argument: "MAX_FREQ") == 908_800_000)
        #expect(conf.defaultModeID == nil)
    }

    @Test func truncatedFileKeepsCompleteBlocks() {
        let text =
            "< POWER_MODEL ID=0 NAME=MAXN >\nDLA0_CORE MAX_FREQ -1\n< POWER_MODEL ID=1 NAME=MODE_15W "
            + ">\nDLA0_CO"
        let conf = NvpmodelConf.parse(text)
        #expect(conf.powerModels.count == 2)
        #expect(conf.powerModel(id: 1)?.settings.isEmpty == true)
        #expect(conf.malformedLines == [4])
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let conf = NvpmodelConf.parse(text)
        #expect(conf.powerModels.isEmpty)
        #expect(conf.defaultModeID == nil)
    }
}
