import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x4D, 0x3A, 0xFF, 0x1B, 0x80, 0x00], as: UTF8.self),
    String(repeating: "\u{1B}[", count: 300_000), "garbage words only", "Hardware:\nPlatform:\n", "\u{1B}",
]

private let sample035 = """
    Software part of jetson-stats 4.2.12 - (c) 2024, Raffaello Bonghi
    Model: NVIDIA Jetson AGX Orin Developer Kit - Jetpack 6.0 [L4T 36.3.0]
    NV Power Mode[2]: MODE_30W
    Serial Number: [XXX Show with: jetson_release -s XXX]
    Hardware:
     - P-Number: p3701-0005
     - Module: NVIDIA Jetson AGX Orin (64GB ram)
    Platform:
     - Distribution: Ubuntu 22.04 Jammy Jellyfish
     - Release: 5.15.136-tegra
    jtop:
     - Version: 4.2.12
     - Service: Active
    Libraries:
     - CUDA: 12.2.140
     - cuDNN: 8.9.4.25
     - TensorRT: 8.6.2.3
     - VPI: Not installed
     - Vulkan: 1.3.204
     - OpenCV: 4.5.4 - with CUDA: NO
    """

/// Tests for the `jetson_release` output reader.
struct JetsonReleaseTests {
    @Test func sample035Plain() throws {
        let release = try #require(JetsonRelease.parse(sample035))
        #expect(release.jetsonStatsVersion == "4.2.12")
        #expect(release.model == "NVIDIA Jetson AGX Orin Developer Kit")
        #expect(release.jetpack == "6.0")
        #expect(release.l4t == "36.3.0")
        #expect(release.powerModeName == "MODE_30W")
        #expect(release.powerModeID == 2)
        #expect(release.serialNumber == nil)
        #expect(release.pNumber == "p3701-0005")
        #expect(release.module == "NVIDIA Jetson AGX Orin (64GB ram)")
        #expect(release.distribution == "Ubuntu 22.04 Jammy Jellyfish")
        #expect(release.kernelRelease == "5.15.136-tegra")
        #expect(release.cuda == "12.2.140")
        #expect(release.cudnn == "8.9.4.25")
        #expect(release.tensorrt == "8.6.2.3")
        #expect(release.vpi == nil)
        #expect(release.libraries["VPI"] == "Not installed")
        #expect(release.vulkan == "1.3.204")
        #expect(release.opencv == "4.5.4")
        #expect(release.opencvWithCUDA == false)
    }

    @Test func colouredVerboseOutput() throws {
        let bold = "\u{1B}[1m", green = "\u{1B}[32m", red = "\u{1B}[91m", reset = "\u{1B}[0m"
        let text = """
            Software part of jetson-stats 4.3.1 - (c) 2024, Raffaello Bonghi
            Model: \(bold)NVIDIA Jetson AGX Orin Developer Kit\(reset) - Jetpack \(bold)6.2\(reset) \
            [L4T \(bold)36.4.3\(reset)]
            \(bold)NV Power Mode\(reset): \(green)MAXN\(reset) - Type: \(green)0\(reset)
            \(green)\(bold)Hardware:\(reset)\(reset)
             - \(bold)Model\(reset): NVIDIA Jetson AGX Orin Developer Kit
             - \(bold)699-level Part Number\(reset): 699-13701-0005-500 M.0
             - \(bold)P-Number\(reset): p3701-0005
             - \(bold)Module\(reset): NVIDIA Jetson AGX Orin (64GB ram)
             - \(bold)SoC\(reset): tegra234
             - \(bold)CUDA Arch BIN\(reset): 8.7
             - \(bold)Serial Number\(reset): 1421922012345
             - \(bold)L4T\(reset): 36.4.3
             - \(bold)Jetpack\(reset): 6.2
            \(green)\(bold)Libraries:\(reset)\(reset)
             - \(bold)CUDA\(reset): 12.6.68
             - \(bold)OpenCV\(reset): 4.8.0 - with CUDA: \(green)YES\(reset)
             - \(bold)cuDNN\(reset): \(red)Not installed\(reset)
            """
        let release = try #require(JetsonRelease.parse(text))
        #expect(release.model == "NVIDIA Jetson AGX Orin Developer Kit")
        #expect(release.jetpack == "6.2")
        #expect(release.l4t == "36.4.3")
        #expect(release.powerModeName == "MAXN")
        #expect(release.powerModeID == 0)
        #expect(release.partNumber699 == "699-13701-0005-500 M.0")
        #expect(release.soc == "tegra234")
        #expect(release.cudaArchBin == "8.7")
        #expect(release.serialNumber == "1421922012345")
        #expect(release.cuda == "12.6.68")
        #expect(release.opencv == "4.8.0")
        #expect(release.opencvWithCUDA == true)
        #expect(release.cudnn == nil)
    }

    @Test func jetsonStats3Format() throws {
        let text = """
             - NVIDIA Jetson Xavier NX (Developer Kit Version)
               * Jetpack 4.6.1 [L4T 32.7.1]
               * NV Power Mode: MODE_15W_6CORE - Type: 2
               * jetson_stats.service: active
             - Libraries:
               * CUDA: 10.2.300
               * cuDNN: 8.2.1.32
               * TensorRT: 8.2.1.8
               * Visionworks: 1.6.0.501
               * OpenCV: 4.1.1 compiled CUDA: NO
               * VPI: ii libnvvpi1 1.2.3 arm64 NVIDIA Vision Programming Interface library
               * Vulkan: 1.2.70
             - jetson-stats:
               * Version 3.1.4
               * Works on Python 3.6.9
            """
        let release = try #require(JetsonRelease.parse(text))
        #expect(release.model == "NVIDIA Jetson Xavier NX (Developer Kit Version)")
        #expect(release.jetpack == "4.6.1")
        #expect(release.l4t == "32.7.1")
        #expect(release.powerModeName == "MODE_15W_6CORE")
        #expect(release.powerModeID == 2)
        #expect(release.cuda == "10.2.300")
        #expect(release.tensorrt == "8.2.1.8")
        #expect(release.vpi == "1.2.3")
        #expect(release.opencvWithCUDA == false)
        #expect(release.jetsonStatsVersion == "3.1.4")
    }

    @Test(
        arguments: [
            (" - Jetpack 4.6.1 [L4T 32.7.1]", nil as String?, "4.6.1", "32.7.1"),
            ("Model: Jetson AGX Orin - Jetpack 5.1.1 [L4T 35.3.1]", "Jetson AGX Orin", "5.1.1", "35.3.1"),
            (
                "Jetpack missing!\n - Model: NVIDIA Orin Nano Developer Kit\n - L4T: 36.4.0",
                "NVIDIA Orin Nano Developer Kit",
                nil, "36.4.0"
            ),
            (
                "Model: NVIDIA Jetson AGX Orin Developer Kit - Jetpack 6.0 [L4T 36.3.",
                "NVIDIA Jetson AGX Orin Developer Kit",
                "6.0", nil
            ),
        ] as [(String, String?, String?, String?)])
    func headlineVariants(text: String, model: String?, jetpack: String?, l4t: String?) throws {
        let release = try #require(JetsonRelease.parse(text))
        #expect(release.model == model)
        #expect(release.jetpack == jetpack)
        #expect(release.l4t == l4t)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(JetsonRelease.parse(text) == nil)
    }
}
