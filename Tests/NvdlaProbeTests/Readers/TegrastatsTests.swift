import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x52, 0x41, 0x4D, 0x20, 0xFF, 0x80, 0x00], as: UTF8.self),
    String(repeating: "RAM ", count: 200_000), "garbage words only", "RAM", "RAM x/yMB", "SWAP 0/0MB",
    "RAM 99999999999999999999/1MB", "[0%@729,0%@729]",
]

private let jetPack5Line = """
    04-24-2023 00:01:24 RAM 1282/62795MB (lfb 15152x4MB) SWAP 0/31398MB (cached 0MB) \
    CPU [0%@729,0%@729,0%@729,0%@729,0%@729,0%@729,0%@729,0%@729,0%@729,0%@729,0%@729,0%@729] \
    EMC_FREQ 0%@2133 GR3D_FREQ 0%@0 GR3D2_FREQ 0%@0 VIC_FREQ 729 APE 174 CV0@-256C CPU@42.593C \
    Tboard@32C SOC2@39.343C Tdiode@33.25C SOC0@39.375C CV1@-256C GPU@-256C tj@42.593C SOC1@40.468C \
    CV2@-256C VDD_GPU_SOC 2399mW/2399mW VDD_CPU_CV 400mW/400mW VIN_SYS_5V0 4032mW/4032mW NC 0mW/0mW \
    VDDQ_VDD2_1V8AO 301mW/301mW NC 0mW/0mW
    """

private let jetPack6Line = """
    05-09-2026 18:42:06 RAM 18207/62841MB (lfb 466x4MB) SWAP 86/31420MB (cached 0MB) \
    CPU [14%@2188,5%@2112,8%@2035,14%@2201,46%@1267,47%@1267,2%@1267,10%@1267,4%@1036,5%@1036,\
    6%@1036,10%@1036] EMC_FREQ 3%@2133 GR3D_FREQ 0%@[0,0] NVENC 79%@166 NVDEC off NVJPG off \
    NVJPG1 off VIC 36%@115 OFA off NVDLA0 off NVDLA1 off PVA0_FREQ off APE 174 cpu@52.562C \
    soc2@48.437C soc0@49.093C tj@52.562C soc1@49.656C VDD_GPU_SOC 2412mW/2412mW \
    VDD_CPU_CV 1607mW/1607mW VIN_SYS_5V0 4707mW/4707mW
    """

/// Tests for the `tegrastats` lines reader.
struct TegrastatsTests {
    @Test func jetPack5LineHasNoDlaFields() throws {
        let stats = try #require(Tegrastats.parse(jetPack5Line))
        #expect(stats.timestamp == "04-24-2023 00:01:24")
        #expect(stats.ramUsedMB == 1282)
        #expect(stats.ramTotalMB == 62795)
        #expect(stats.swapUsedMB == 0)
        #expect(stats.swapTotalMB == 31398)
        #expect(stats.emc == Tegrastats.Load(percent: 0, frequencyMHz: 2133))
        #expect(stats.gr3d == Tegrastats.Load(percent: 0, frequencyMHz: 0))
        #expect(stats.nvdla0 == nil)
        #expect(stats.nvdla1 == nil)
        #expect(stats.temperatures["CPU"] == 42.593)
        #expect(stats.temperatures["CV0"] == -256)
        #expect(
            stats.rails["VDD_GPU_SOC"] == Tegrastats.Rail(currentMilliwatts: 2399, averageMilliwatts: 2399))
        #expect(stats.engines["APE"]?.frequencyMHz == 174)
    }

    @Test func jetPack6LineWithIdleDla() throws {
        let stats = try #require(Tegrastats.parse(jetPack6Line))
        #expect(stats.ramUsedMB == 18207)
        #expect(stats.gr3d == Tegrastats.Load(percent: 0, frequencyMHz: 0))
        #expect(stats.nvdla0 == Tegrastats.EngineState(isOn: false, percent: nil, frequencyMHz: nil))
        #expect(stats.nvdla1?.isOn == false)
        #expect(stats.engines["NVENC"] == Tegrastats.EngineState(isOn: true, percent: 79, frequencyMHz: 166))
        #expect(stats.engines["PVA0_FREQ"]?.isOn == false)
        #expect(stats.temperatures["tj"] == 52.562)
        #expect(stats.engines["CPU"] == nil)
    }

    @Test(arguments: [
        (
            "RAM 1/2MB NVDLA0 1600 NVDLA1 off",
            Tegrastats.EngineState(isOn: true, percent: nil, frequencyMHz: 1600)
        ),
        ("RAM 1/2MB NVDLA0 35%@1600", Tegrastats.EngineState(isOn: true, percent: 35, frequencyMHz: 1600)),
        ("RAM 1/2MB NVDLA0@1600", Tegrastats.EngineState(isOn: true, percent: nil, frequencyMHz: 1600)),
        ("RAM 1/2MB NVDLA0 OFF", Tegrastats.EngineState(isOn: false, percent: nil, frequencyMHz: nil)),
    ])
    func activeDlaForms(line: String, state: Tegrastats.EngineState) {
        #expect(Tegrastats.parse(line)?.nvdla0 == state)
    }

    @Test func jetPack7AndOlderForms() throws {
        let jp7 = try #require(
            Tegrastats.parse(
                "07-25-2026 09:08:28 RAM 20642/62817MB (lfb 1x2MB) EMC_FREQ 3%@3199 GR3D_FREQ "
                    + "12%@[1300,1300] "
                    + "NVDLA0 off cpu@52.968C/52.968C VDD_GPU_SOC 5139mW/5139mW/5139mW"))
        #expect(jp7.gr3d == Tegrastats.Load(percent: 12, frequencyMHz: 1300))
        #expect(jp7.temperatures["cpu"] == 52.968)
        #expect(jp7.rails["VDD_GPU_SOC"]?.currentMilliwatts == 5139)
        let thor = try #require(
            Tegrastats.parse("RAM 4722/7844MB (lfb 1x512kB) EMC_FREQ 2%@1866 GR3D_FREQ @[1000,1000]"))
        #expect(thor.gr3d == Tegrastats.Load(percent: nil, frequencyMHz: 1000))
        let nano = try #require(
            Tegrastats.parse(
                "RAM 2236/3956MB (lfb 5x2MB) SWAP 0/1978MB (cached 0MB) IRAM 0/252kB(lfb 252kB) CPU "
                    + "[2%@102,off,off,off] "
                    + "EMC_FREQ 0% GR3D_FREQ 0% PLL@25C CPU@27.5C PMIC@100C GPU@25.5C AO@33.5C "
                    + "thermal@26.5C POM_5V_IN 1124/1124"
            ))
        #expect(nano.emc == Tegrastats.Load(percent: 0, frequencyMHz: nil))
        #expect(nano.rails["POM_5V_IN"] == Tegrastats.Rail(currentMilliwatts: 1124, averageMilliwatts: 1124))
        #expect(nano.nvdla0 == nil)
    }

    @Test func truncatedLineKeepsEarlyFields() {
        let stats = Tegrastats.parse("04-24-2023 00:01:24 RAM 1282/62795MB (lfb 15152x4MB) SWAP 0/313")
        #expect(stats?.ramTotalMB == 62795)
        #expect(stats?.swapTotalMB == 313)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let stats = Tegrastats.parse(text)
        #expect(stats?.ramTotalMB == nil)
        #expect(stats?.nvdla0 == nil)
    }
}
