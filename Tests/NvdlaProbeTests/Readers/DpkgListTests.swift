import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0ii\0", String(decoding: [0x69, 0x69, 0xFF, 0x20, 0x80], as: UTF8.self),
    String(repeating: "ii ", count: 300_000), "garbage", "ii", "ii onlyname",
]

/// Tests for the `dpkg -l` output reader.
struct DpkgListTests {
    @Test func modernTableWithHeader() throws {
        let text = """
            Desired=Unknown/Install/Remove/Purge/Hold
            | Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend
            |/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)
            ||/ Name                     Version                 Architecture Description
            +++-========================-=======================-============-==============================
            ii  libnvinfer10             10.3.0.30-1+cuda12.5    arm64        TensorRT runtime libraries
            rc  libcudnn8                8.9.4.25-1+cuda12.2     arm64        cuDNN runtime libraries
            ii  libc6:arm64              2.35-0ubuntu3.8         arm64        GNU C Library: Shared libraries
            iHR nvidia-l4t-core          36.4.3-20250107174145   arm64        NVIDIA Core Package
            """
        let packages = DpkgList.parse(text)
        #expect(packages.count == 4)
        #expect(packages[0].name == "libnvinfer10")
        #expect(packages[0].version == "10.3.0.30-1+cuda12.5")
        #expect(packages[0].architecture == "arm64")
        #expect(packages[0].isInstalled)
        #expect(packages[1].isInstalled == false)
        #expect(packages[1].state == "rc")
        #expect(packages[2].name == "libc6")
        #expect(packages[3].state == "iHR")
    }

    @Test func oldTableWithoutArchitectureColumn() {
        let text = """
            ||/ Name           Version        Description
            +++-==============-==============-==========================
            ii  libnvinfer7    7.1.3-1+cuda10.2 TensorRT runtime libraries
            """
        let packages = DpkgList.parse(text)
        #expect(packages.count == 1)
        #expect(packages.first?.architecture == nil)
        #expect(packages.first?.version == "7.1.3-1+cuda10.2")
    }

    @Test(
        arguments: [
            ("ii  nvidia-l4t-core  35.3.1-20230319081403  arm64  NVIDIA Core Package", "arm64"),
            ("ii  tensorrt  8.5.2.2-1+cuda11.4  TensorRT meta package", nil),
            ("hi  nvidia-jetpack  6.2+b77  arm64  NVIDIA Jetpack Meta Package", "arm64"),
        ] as [(String, String?)])
    func grepOutputWithoutHeader(line: String, architecture: String?) {
        let packages = DpkgList.parse(line)
        #expect(packages.count == 1)
        #expect(packages.first?.architecture == architecture)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(DpkgList.parse(text).isEmpty)
    }
}
