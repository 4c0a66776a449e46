import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x31, 0xFF, 0x80, 0x00], as: UTF8.self),
    String(repeating: "9", count: 1_000_000), "garbage", "-1", "+1", "1 2", "18446744073709551616", "0x10",
]

/// Tests for the debugfs CMA counter files (`count`, `used`, …) reader.
struct CmaCounterTests {
    @Test(arguments: [
        ("524288\n", 524_288 as UInt64), ("0\n", 0), ("1", 1), (" 2031616 \r\n", 2_031_616),
        ("18446744073709551615\n", UInt64.max),
    ])
    func validForms(text: String, value: UInt64) {
        #expect(CmaCounter.parse(text) == value)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(CmaCounter.parse(text) == nil)
    }
}
