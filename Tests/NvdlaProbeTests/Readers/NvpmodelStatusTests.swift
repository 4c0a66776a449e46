import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x70, 0xFF, 0x3A, 0x80, 0x00], as: UTF8.self),
    String(repeating: "p", count: 1_000_000), "garbage", "pmode:", "pmode:x", "pmode:-1",
    "pmode:99999999999999999",
]

/// Tests for the `/var/lib/nvpmodel/status` reader.
struct NvpmodelStatusTests {
    @Test(arguments: [
        ("pmode:0002", 2), ("pmode:0000\n", 0), ("pmode:0001 fmode:quiet\n", 1), ("  pmode:0010\r\n", 10),
    ])
    func validForms(text: String, mode: Int) {
        #expect(NvpmodelStatus.parse(text) == mode)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(NvpmodelStatus.parse(text) == nil)
    }
}
