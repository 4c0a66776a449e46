import Foundation
import Testing

@testable import NvdlaProbe

/// Variations of fixtures made at test time: each gives exactly the finding of its broken state.
@Suite("Variants")
struct VariantTests {
    @Test("variant gives exactly its finding", arguments: EngineFixtures.table)
    func variant(_ variant: EngineFixtures.Variant) throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = try #require(EngineFixtures.make(variant, in: temp), "mutation no longer fits \(variant.base)")
        let report = Fixtures.check(root)
        let relevant = report.findingKeys.filter { !$0.hasPrefix("NVDLA-PLAT-002") || variant.findings.contains($0) }
        #expect(relevant == variant.findings.sorted())
    }

    @Test("a module built for the running kernel with the loaded srcversion raises nothing")
    func matchingModule() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = try #require(
            ModuleFixtures.scenario(
                "jp6-agx-orin-64gb",
                fields: ModuleFixtures.fields(vermagic: "5.15.148-tegra", srcversion: ModuleFixtures.loadedSrcversion),
                in: temp), "gcc is needed to build test modules")
        let report = Fixtures.check(root)
        #expect(report.findings.isEmpty)
        #expect(report.inconclusive.isEmpty)
        #expect(report.facts.string("driver.module.vermagic") == "5.15.148-tegra")
        #expect(report.facts.list("driver.module.depends") == ["host1x", "host1x-nvhost", "nvmap"])
        #expect(report.passed.contains { $0.rule == "NVDLA-DRV-006" })
    }

    @Test("a module built for another kernel is named as the cause, not a bare 'not loaded'")
    func vermagicMismatch() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = try #require(
            ModuleFixtures.scenario(
                "jp6-agx-orin-module-not-loaded",
                fields: ModuleFixtures.fields(vermagic: "5.15.136-tegra", srcversion: "0ABC"), in: temp))
        let report = Fixtures.check(root)
        #expect(report.findingKeys == ["NVDLA-DRV-006:system"])
        let finding = try #require(report.findings.first)
        #expect(finding.message.contains("5.15.136-tegra"))
        #expect(finding.message.contains("5.15.148-tegra"))
    }

    @Test("a module file replaced after loading is reported")
    func srcversionMismatch() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let root = try #require(
            ModuleFixtures.scenario(
                "jp6-agx-orin-64gb",
                fields: ModuleFixtures.fields(vermagic: "5.15.148-tegra", srcversion: "D00D0000000000000000000"),
                in: temp))
        #expect(Fixtures.check(root).findingKeys == ["NVDLA-DRV-008:system"])
    }

    @Test("ModuleInfo reads .modinfo of a real ELF object and rejects non-ELF bytes")
    func moduleInfo() throws {
        let temp = TemporaryDirectory()
        defer { withExtendedLifetime(temp) {} }
        let bytes = try #require(
            ModuleFixtures.buildModule(["vermagic=6.1.0 SMP", "depends=", "srcversion=X"], in: temp))
        let info = try #require(ModuleInfo.parse(elf: [UInt8](bytes)))
        #expect(info.kernelRelease == "6.1.0")
        #expect(info.depends.isEmpty)
        #expect(info.srcversion == "X")
        #expect(ModuleInfo.parse(elf: Array("not an elf file at all, just text that is long enough".utf8)) == nil)
        #expect(ModuleInfo.parse(elf: [0x7f, 0x45, 0x4c, 0x46] + [UInt8](repeating: 0xff, count: 200)) == nil)
        #expect(ModuleInfo.parse(elf: []) == nil)
    }
}
