import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x43, 0xFF, 0x80, 0x00], as: UTF8.self),
    String(repeating: "CUDA Version ", count: 100_000), "garbage", "CUDA Version", "CUDA Version x.y",
]

/// Tests for the `/usr/local/cuda/version.txt` reader.
struct CudaVersionTxtTests {
    @Test(arguments: [
        ("CUDA Version 10.2.300\n", "10.2.300"),
        ("CUDA Version 10.2.89", "10.2.89"),
        ("\r\nCUDA Version 10.0.326\r\n", "10.0.326"),
    ])
    func validForms(text: String, version: String) {
        #expect(CudaVersionTxt.parse(text) == version)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(CudaVersionTxt.parse(text) == nil)
    }
}
