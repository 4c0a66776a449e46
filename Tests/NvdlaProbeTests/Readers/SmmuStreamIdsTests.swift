import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x73, 0xFF, 0x3A, 0x80, 0x00], as: UTF8.self),
    String(repeating: "streamids", count: 100_000), "garbage", "streamids: x \n", "smrs: 1 two \n",
    "streamids: 99999999999999999999999\n",
]

/// Tests for the SMMU debugfs `masters/<dev>/streamids` reader.
struct SmmuStreamIdsTests {
    @Test(arguments: [
        ("streamids:  43 \nsmrs:  43 \n", [43], [43]),
        ("streamids:  35 \nsmrs:   0 \n", [35], [0]),
        ("streamids:  43  44 \nsmrs:   3   4 \n", [43, 44], [3, 4]),
        ("streamids: 1234 \nsmrs: 127 \n", [1234], [127]),
        ("streamids: \nsmrs: \n", [], []),
        ("streamids:  81 \nsmr", [81], []),
        ("streamids:  81 \r\nsmrs:  2 \r\n", [81], [2]),
    ])
    func validForms(text: String, streamIDs: [Int], smrs: [Int]) throws {
        let parsed = try #require(SmmuStreamIds.parse(text))
        #expect(parsed.streamIDs == streamIDs)
        #expect(parsed.smrs == smrs)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(SmmuStreamIds.parse(text) == nil)
    }
}
