import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n\n", "\0:\0", String(decoding: [0x50, 0x3A, 0xFF, 0x0A, 0x80], as: UTF8.self),
    String(repeating: "Package", count: 200_000), "garbage", "Package: only\n",
    "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n",
]

/// Tests for the `apt show` / `apt-cache show` output reader.
struct AptShowTests {
    @Test func aptShowWithBannerAndNote() {
        let text = """

            WARNING: apt does not have a stable CLI interface. Use with caution in scripts.

            Package: nvidia-jetpack
            Version: 6.2+b77
            Priority: standard
            Section: metapackages
            Maintainer: NVIDIA Corporation
            Installed-Size: 199 kB
            Depends: nvidia-jetpack-runtime (= 6.2+b77), nvidia-jetpack-dev (= 6.2+b77)
            Homepage: http://developer.nvidia.com/jetson
            Download-Size: 29.3 kB
            APT-Manual-Installed: yes
            APT-Sources: https://repo.download.nvidia.com/jetson/common r36.4/main arm64 Packages
            Description: NVIDIA Jetpack Meta Package

            N: There are 2 additional records. Please use the '-a' switch to see them.
            """
        let packages = AptShow.parse(text)
        #expect(packages.count == 1)
        #expect(packages.first?.name == "nvidia-jetpack")
        #expect(packages.first?.version == "6.2+b77")
        #expect(packages.first?.aptSources?.hasPrefix("https://repo.download.nvidia.com") == true)
    }

    @Test func aptCacheShowSeveralRecords() {
        let text = """
            Package: libnvinfer10
            Architecture: arm64
            Version: 10.3.0.30-1+cuda12.5
            Source: tensorrt
            Description: TensorRT runtime libraries
             Multi-line description.

            Package: libnvinfer10
            Architecture: arm64
            Version: 10.3.0.29-1+cuda12.5
            Source: tensorrt (10.3.0.29)
            """
        let packages = AptShow.parse(text)
        #expect(packages.map(\.version) == ["10.3.0.30-1+cuda12.5", "10.3.0.29-1+cuda12.5"])
        #expect(packages.allSatisfy { $0.architecture == "arm64" && $0.source == "tensorrt" })
    }

    @Test func truncatedRecordIsSkipped() {
        let packages = AptShow.parse("Package: a\nVersion: 1\n\nPackage: b\nVer")
        #expect(packages.map(\.name) == ["a"])
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(AptShow.parse(text).isEmpty)
    }
}
