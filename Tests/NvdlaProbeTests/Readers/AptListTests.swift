import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0/\0 \0", String(decoding: [0x61, 0x2F, 0xFF, 0x20, 0x80], as: UTF8.self),
    String(repeating: "a/", count: 300_000), "Listing... Done", "/stable 1.0 arm64", "name/suite",
    "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.",
]

/// Tests for the `apt list --installed` output reader.
struct AptListTests {
    @Test func sampleListing() throws {
        let text = """

            WARNING: apt does not have a stable CLI interface. Use with caution in scripts.

            Listing... Done
            libnvidia-container-tools/unknown,now 1.17.0-1 arm64 [installed]
            nvidia-l4t-core/stable,now 36.4.0-20240912212859 arm64 [installed]
            nvidia-l4t-display-kernel/stable,now 5.15.148-tegra-36.4.0-20240912212859 arm64 [installed]
            libnvinfer10/stable,now 10.3.0.30-1+cuda12.5 arm64 [installed,automatic]
            libcudnn9-cuda-12/stable 9.3.0.75-1 arm64 [upgradable from: 9.3.0.74-1]
            tensorrt/stable 10.3.0.30-1+cuda12.5 arm64
            """
        let packages = AptList.parse(text)
        #expect(packages.count == 6)
        #expect(packages[0].name == "libnvidia-container-tools")
        #expect(packages[0].suites == ["unknown", "now"])
        #expect(packages[1].version == "36.4.0-20240912212859")
        #expect(packages[1].architecture == "arm64")
        #expect(packages[1].isInstalled)
        #expect(packages[3].flags == ["installed", "automatic"])
        #expect(packages[3].isInstalled)
        #expect(packages[4].upgradableFrom == "9.3.0.74-1")
        #expect(packages[4].isInstalled == false)
        #expect(packages[5].flags.isEmpty)
    }

    @Test(arguments: [
        (
            "\u{1B}[32mlibnvinfer10\u{1B}[0m/stable,now 10.3.0.30-1+cuda12.5 arm64 [installed]",
            "libnvinfer10", true
        ),
        (
            "nvidia-jetpack/stable,now 6.2+b77 arm64 [installed,upgradable to: 6.2.1+b38]", "nvidia-jetpack",
            true
        ),
        ("foo/now 1.0 all [installed,local]", "foo", true),
        ("bar/stable,now 1.0 arm64 [residual-config]", "bar", false),
        ("truncated/stable,now 1.0", "truncated", false),
    ])
    func variants(line: String, name: String, installed: Bool) {
        let packages = AptList.parse(line)
        #expect(packages.count == 1)
        #expect(packages.first?.name == name)
        #expect(packages.first?.isInstalled == installed)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(AptList.parse(text).isEmpty)
    }
}
