import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x4E, 0xFF, 0x3A, 0x80, 0x00], as: UTF8.self),
    String(repeating: "NV Power Mode", count: 100_000), "garbage", "NV Power Mode:", "NV Power Mode:   \n2\n",
]

/// Tests for the `nvpmodel -q` output reader.
struct NvpmodelQueryTests {
    @Test(arguments: [
        ("NV Power Mode: MODE_15W\n1\n", "MODE_15W", 1 as Int?),
        ("NV Power Mode: MAXN\n0", "MAXN", 0),
        ("NVPM WARN: fan mode is not set!\nNV Power Mode: MODE_30W\r\n2\r\n", "MODE_30W", 2),
        ("NV Power Mode: 15W\n", "15W", nil),
        ("NV Power Mode: MAXN_SUPER\nNVPM WARN: something\n2\n", "MAXN_SUPER", 2),
    ])
    func validForms(text: String, name: String, id: Int?) throws {
        let query = try #require(NvpmodelQuery.parse(text))
        #expect(query.name == name)
        #expect(query.id == id)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(NvpmodelQuery.parse(text) == nil)
    }
}
