import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x36, 0x2C, 0xFF, 0x3B, 0x80, 0x00], as: UTF8.self),
    String(repeating: "6,", count: 300_000), "garbage", "6,1,2;", "x,1,2,-;msg", "6,1,2,-", "6,-1,2,-;m",
    "6,1,99999999999999999999999,-;m", "-3,1,2,-;m", " SUBSYSTEM=platform",
]

/// Tests for the `/dev/kmsg` records reader.
struct KmsgRecordTests {
    @Test(
        arguments: [
            (
                "6,1234,5678901,-;nvdla 15880000.nvdla0: initialized", 6, 0, 1234 as UInt64,
                5_678_901 as UInt64,
                "nvdla 15880000.nvdla0: initialized"
            ),
            (
                "3,2,100,-;arm-smmu 8000000.iommu: Unhandled context fault", 3, 0, 2, 100,
                "arm-smmu 8000000.iommu: Unhandled context fault"
            ),
            ("14,3,4,-;user message", 6, 1, 3, 4, "user message"),
            ("4,5,6,c,caller=T123;multi\\x0aline \\x5c done", 4, 0, 5, 6, "multi\nline \\ done"),
            ("6,7,8,-;semi;colon", 6, 0, 7, 8, "semi;colon"),
            ("6,9,10,-;", 6, 0, 9, 10, ""),
        ] as [(String, Int, Int, UInt64, UInt64, String)])
    func validRecords(text: String, level: Int, facility: Int, seq: UInt64, usec: UInt64, message: String)
        throws
    {
        let record = try #require(KmsgRecord.parse(text))
        #expect(record.level == level)
        #expect(record.facility == facility)
        #expect(record.sequence == seq)
        #expect(record.microseconds == usec)
        #expect(record.message == message)
    }

    @Test func dictionaryLinesAttachToRecord() throws {
        let text =
            "6,1234,5678901,-;nvdla 15880000.nvdla0: initialized\n SUBSYSTEM=platform\n"
            + " DEVICE=+platform:15880000.nvdla0\n"
        let record = try #require(KmsgRecord.parse(text))
        #expect(record.message == "nvdla 15880000.nvdla0: initialized")
        #expect(record.dictionary == ["SUBSYSTEM": "platform", "DEVICE": "+platform:15880000.nvdla0"])
        #expect(record.flags == "-")
        #expect(record.seconds == 5.678901)
    }

    @Test func extraHeaderFieldsAreKept() {
        #expect(KmsgRecord.parse("4,5,6,-,caller=T123,more;m")?.extraFields == ["caller=T123", "more"])
    }

    @Test func invalidEscapesStayLiteral() {
        #expect(KmsgRecord.parse("6,1,2,-;bad \\xZZ end \\x4")?.message == "bad \\xZZ end \\x4")
    }

    @Test func dumpOfSeveralRecords() {
        let text = """
            6,1,100,-;first
             SUBSYSTEM=platform
            3,2,200,-;second
            garbage line
            4,3,300,-;third
             DEVICE=+platform:x
            """
        let parsed = KmsgRecord.parseAll(text)
        #expect(parsed.records.map(\.message) == ["first", "second", "third"])
        #expect(parsed.records[0].dictionary["SUBSYSTEM"] == "platform")
        #expect(parsed.records[2].dictionary["DEVICE"] == "+platform:x")
        #expect(parsed.malformedLines == [4])
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(KmsgRecord.parse(text) == nil)
        _ = KmsgRecord.parseAll(text)
    }
}
