import Testing

@testable import NvdlaProbe

private let sampleStatus = """
    Package: nvidia-l4t-core
    Status: install ok installed
    Priority: standard
    Section: misc
    Installed-Size: 84530
    Maintainer: NVIDIA Corporation
    Architecture: arm64
    Source: nvidia-l4t-core (36.4.3-20250107174145)
    Version: 36.4.3-20250107174145
    Description: NVIDIA Core Package
     This package includes NVIDIA core libraries.
     .
     Multi-line continuation.

    Package: libnvinfer10
    Status: install ok installed
    Architecture: arm64
    Source: tensorrt
    Version: 10.3.0.30-1+cuda12.5

    package: libcudnn9-cuda-12
    status: deinstall ok config-files
    architecture: arm64
    version: 9.3.0.75-1

    Package: nvidia-jetpack
    Status: hold ok installed
    Architecture: arm64
    Version: 6.2+b77

    """

private let hostileInputs: [String] = [
    "", "\n\n\n", "\0\0\0", String(decoding: [0xFF, 0x00, 0x3A, 0x0A, 0x80], as: UTF8.self),
    String(repeating: "x", count: 1_000_000), "garbage without colon", ":\n:\n", " continuation first\n",
]

/// Tests for the `/var/lib/dpkg/status` reader.
struct DpkgStatusTests {
    @Test func parsesStanzas() throws {
        let status = DpkgStatus.parse(sampleStatus)
        #expect(status.packages.count == 4)
        #expect(status.malformedStanzas == 0)
        let core = try #require(status.installed("nvidia-l4t-core"))
        #expect(core.version == "36.4.3-20250107174145")
        #expect(core.architecture == "arm64")
        #expect(core.source == "nvidia-l4t-core")
        #expect(core.status == "install ok installed")
        #expect(status.installed("libnvinfer10")?.source == "tensorrt")
        #expect(status.installed("libcudnn9-cuda-12") == nil)
        #expect(status.packages[2].name == "libcudnn9-cuda-12")
        #expect(status.packages[2].isInstalled == false)
        #expect(status.installed("nvidia-jetpack")?.version == "6.2+b77")
    }

    @Test(arguments: [
        ("Package: a\nVersion: 1\n\nPackage: b\nStatus: install ok installed\nVers", 1, 1),
        ("Package: a\nVersion: 1\n\nPackage: b\nVersion: 2", 2, 0),
        ("Package: a\r\nVersion: 1\r\n\r\nPackage: b\r\nVersion: 2\r\n", 2, 0),
        ("Package: a\nVersion: 1\nbroken line\n", 1, 1),
        ("Version: 1\n\nPackage: only-name\n", 0, 2),
    ])
    func truncatedAndMalformed(text: String, packages: Int, malformed: Int) {
        let status = DpkgStatus.parse(text)
        #expect(status.packages.count == packages)
        #expect(status.malformedStanzas == malformed)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(DpkgStatus.parse(text).packages.isEmpty)
    }
}
