import Testing

@testable import NvdlaProbe

/// Tests for the arm-smmu fault-line reader and the stream-ID mask applied to what it reads.
struct SmmuFaultLineTests {
    @Test(arguments: [
        (
            "arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x3fffe000, fsynr=0x290011, "
                + "cbfrsynra=0x82b, cb=5", "8000000", 0x82b
        ),
        (
            "[ 3712.008114] arm-smmu 12000000.iommu: Unhandled context fault: fsr=0x402, iova=0x81fa0000, "
                + "fsynr=0x4a0003, cbfrsynra=0x835, cb=9", "12000000", 0x835
        ),
        (
            "arm-smmu 12000000.iommu: Unhandled context fault: iova=0x17fe0fe00, fsynr=0x220003, cb=21, "
                + "sid=17(0x11 - AFI), pgd=0, pud=0, pmd=0, pte=0", "12000000", 0x11
        ),
        (
            "Dec 04 10:00:00 orin kernel: arm-smmu 8000000.iommu: Blocked unknown Stream ID 0x82b; boot with "
                + "\"arm-smmu.disable_bypass=0\" to allow", "8000000", 0x82b
        ),
        ("arm-smmu 8000000.iommu: Unhandled context fault: cbfrsynra=0x2B, cb=1", "8000000", 0x2b),
    ])
    func validForms(line: String, smmu: String, raw: Int) throws {
        let parsed = try #require(SmmuFaultLine.parse(line))
        #expect(parsed.smmu == smmu)
        #expect(parsed.raw == raw)
    }

    @Test(arguments: [
        "", "arm-smmu 8000000.iommu: TLB sync timed out -- SMMU may be deadlocked",
        "Unhandled context fault: cbfrsynra=0x2b", "arm-smmu .iommu: cbfrsynra=0x2b",
        "arm-smmu 8000000.iommu: Unhandled context fault: cbfrsynra=0xffffffffffffffffff",
        "arm-smmu 8000000.iommu: cbfrsynra=0x", String(repeating: ".iommu:", count: 10_000),
        String(decoding: [0x38, 0xFF, 0x2E, 0x69, 0x6F, 0x6D, 0x6D, 0x75, 0x3A], as: UTF8.self),
    ])
    func survivesHostileInput(line: String) {
        #expect(SmmuFaultLine.parse(line) == nil)
    }

    @Test("cbfrsynra bits above the stream ID are masked, and the (SMMU, SID) pair names the client")
    func attribution() {
        #expect(SmmuClients.attribute(soc: "tegra234", smmu: "8000000", raw: 0x82b).client?.dla == 0)
        #expect(SmmuClients.attribute(soc: "tegra234", smmu: "12000000", raw: 0x835).client?.name == "HOST1X_CTX0")
        #expect(SmmuClients.attribute(soc: "tegra234", smmu: "8000000", raw: 0x823).client == nil)
        #expect(SmmuClients.attribute(soc: "tegra234", smmu: "8000000", raw: 0x823).streamID == 0x23)
        #expect(SmmuClients.attribute(soc: nil, smmu: "8000000", raw: 0x10).client?.name == "BPMP")
        #expect(SmmuClients.attribute(soc: "tegra194", smmu: "12000000", raw: 0xd1).client?.name == "NVDLA0")
        #expect(Template.render("{sid|streamid}") { _ in "82b" } == "2b")
        #expect(Template.render("{sid|streamid}") { _ in "0x835" } == "35")
        #expect(Template.render("{sid|streamid}") { _ in "" }.isEmpty)
        #expect(Template.render("{sid|streamid}") { _ in "zz" } == "zz")
    }
}
