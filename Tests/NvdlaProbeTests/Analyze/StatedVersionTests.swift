import Testing

@testable import NvdlaProbe

/// Versions only a person's words give: they rank below a tool's, the one a text keeps naming wins among them, and a
/// stack they describe that does not fit the release is reported for information (NVDLA-VER-012), not as a broken
/// install (VER-004 to VER-007). Wordings written for these tests.
@Suite("Stated versions")
struct StatedVersionTests {
    static func analyze(_ text: String) -> Report { ArtifactAnalysisTests.analyze(text) }
    static func ids(_ report: Report) -> [String] { ArtifactAnalysisTests.ids(report) }

    /// The components `versions.stated_only` lists.
    static func stated(_ report: Report) -> [String]? {
        guard case .list(let names)? = report.facts.value("versions.stated_only") else { return nil }
        return names
    }

    static let stackRules = ["NVDLA-VER-004", "NVDLA-VER-005", "NVDLA-VER-006", "NVDLA-VER-007"]

    @Test(
        "a component a person names from another release gets VER-012, not a stack error",
        arguments: [
            ("We flashed JetPack 6.2 on the AGX Orin, and I believe it came with TensorRT 8.6.", "tensorrt"),
            ("My Xavier NX is on JetPack 4.6.1 and I use cuDNN 7.6 for the model.", "cudnn"),
            ("Orin NX on JetPack 5.1.2 with CUDA 10.2 installed by hand.", "cuda"),
            // A sentence with several versions in it is still a person's words.
            ("JetPack 6.2 comes with TensorRT 8.6 and CUDA 12.6 on the AGX Orin board.", "tensorrt"),
        ])
    func statedMismatch(_ text: String, _ component: String) throws {
        let report = Self.analyze(text)
        let ids = Self.ids(report)
        #expect(ids.contains("NVDLA-VER-012"))
        #expect(Self.stackRules.allSatisfy { !ids.contains($0) })
        #expect(Self.stated(report)?.contains(component) == true)
        let finding = try #require(report.findings.first { $0.id == "NVDLA-VER-012" })
        #expect(finding.severity == .info)
    }

    @Test("a component a tool printed from another release is still a stack error, and VER-012 stays silent")
    func toolMismatch() {
        let report = Self.analyze(
            """
            $ dpkg -l | grep nvinfer
            ii  libnvinfer10  10.3.0.30-1+cuda12.6  arm64  TensorRT runtime libraries
            $ cat /etc/nv_tegra_release
            # R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, DATE: Tue Aug  1 19:57:35 UTC 2023
            """)
        let ids = Self.ids(report)
        #expect(ids.contains("NVDLA-VER-005"))
        #expect(!ids.contains("NVDLA-VER-012"))
    }

    @Test("stated versions that fit the release: no version finding")
    func statedFits() {
        let report = Self.analyze("JetPack 6.2 comes with TensorRT 10.3 and CUDA 12.6 on the AGX Orin.")
        let ids = Self.ids(report)
        #expect(!ids.contains("NVDLA-VER-012"))
        #expect(Self.stackRules.allSatisfy { !ids.contains($0) })
        #expect(report.facts.string("versions.tensorrt") == "10.3")
    }

    @Test("among a person's words, the version named most often wins; the first one on a tie")
    func mentions() {
        let often = Self.analyze(
            """
            Please try it with JetPack 4.5 first.
            I need it for JetPack 5.0 because of Ubuntu 20.04.
            On JetPack 5.0 the build fails for me.
            """)
        #expect(often.facts.string("versions.jetpack") == "5.0")
        let tie = Self.analyze("JetPack 4.6 here; a friend has JetPack 5.1 on his board.")
        #expect(tie.facts.string("versions.jetpack") == "4.6")
    }

    @Test(
        "a version in a question ends at a full-width question mark, not at a full stop",
        arguments: [("？", "8.5.2"), ("?", "8.5.2"), ("。", "8.6")])
    func fullWidthQuestion(_ mark: String, _ expected: String) {
        let report = Self.analyze(
            "How do I install TensorRT 8.6 on this board\(mark)\nSince last year our team has used TensorRT 8.5.2 here."
        )
        #expect(report.facts.string("versions.tensorrt") == expected)
    }

    static let runs = "Our board runs tensorrt 8.6.2, installed with JetPack 6.0."

    @Test(
        "an output line that ends in a question asks about its version; a tool's [Y/n] prompt does not",
        arguments: [
            ("1）How do I download tensorrt 8.6.13？\n" + Self.runs, "8.6.2"),
            ("2) Where do I get TensorRT 10.1 for it?\n" + Self.runs, "8.6.2"),
            ("Do you want to continue? [Y/n] y\nSetting up libnvinfer8 (8.5.2-1+cuda11.4) ...", "8.5.2"),
        ])
    func questionLine(_ text: String, _ expected: String) {
        #expect(Self.analyze(text).facts.string("versions.tensorrt") == expected)
    }
}
