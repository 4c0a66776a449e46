import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x4C, 0xFF, 0x80, 0x00], as: UTF8.self),
    "Linux version " + String(repeating: "(", count: 200_000), "garbage", "Linux version ", "Linux version",
]

/// Tests for the `/proc/version` reader.
struct ProcVersionTests {
    @Test(
        arguments: [
            (
                "Linux version 5.15.148-tegra (buildbrain@mobile-u64-6336-d8000) "
                    + "(aarch64-buildroot-linux-gnu-gcc.br_real "
                    + "(Buildroot 2022.08) 11.3.0, GNU ld (GNU Binutils) 2.38) #1 SMP PREEMPT Tue Jan  7 "
                    + "17:19:33 PST 2025\n",
                "5.15.148-tegra", "buildbrain@mobile-u64-6336-d8000",
                "#1 SMP PREEMPT Tue Jan  7 17:19:33 PST 2025"
            ),
            (
                "Linux version 5.10.104-tegra (buildbrain@mobile-u64-5494-d8000) "
                    + "(aarch64-buildroot-linux-gnu-gcc.br_real "
                    + "(Buildroot 2020.08) 9.3.0, GNU ld (GNU Binutils) 2.33.1) #1 SMP PREEMPT Sun Mar 19 "
                    + "07:55:28 PDT 2023",
                "5.10.104-tegra", "buildbrain@mobile-u64-5494-d8000",
                "#1 SMP PREEMPT Sun Mar 19 07:55:28 PDT 2023"
            ),
            (
                "Linux version 4.9.253-tegra (buildbrain@mobile-u64-5333-d8000) (gcc version 7.3.1 20180425 "
                    + "[linaro-7.3-2018.05 revision d29120a424ecfbc167ef90065c0eeb7f91977701] (Linaro GCC "
                    + "7.3-2018.05) ) "
                    + "#1 SMP PREEMPT Sat Feb 19 08:59:22 PST 2022",
                "4.9.253-tegra", "buildbrain@mobile-u64-5333-d8000",
                "#1 SMP PREEMPT Sat Feb 19 08:59:22 PST 2022"
            ),
            ("Linux version 6.8.12-tegra (user@host) (gcc (GCC) 13.2.0", "6.8.12-tegra", "user@host", nil),
        ] as [(String, String, String?, String?)])
    func validForms(text: String, release: String, builder: String?, build: String?) throws {
        let parsed = try #require(ProcVersion.parse(text))
        #expect(parsed.release == release)
        #expect(parsed.builder == builder)
        #expect(parsed.build == build)
    }

    @Test func compilerKeepsNestedParentheses() {
        let parsed = ProcVersion.parse("Linux version 5.15.0 (a@b) (gcc (Ubuntu 11.4.0) 11.4.0) #1 SMP")
        #expect(parsed?.compiler == "gcc (Ubuntu 11.4.0) 11.4.0")
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(ProcVersion.parse(text) == nil)
    }
}
