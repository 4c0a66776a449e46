import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x35, 0xFF, 0x80, 0x00], as: UTF8.self),
    String(repeating: "x5.", count: 300_000), "garbage", "5", "5.", ".15.148", "-tegra",
    "99999999999999999999.1",
]

/// Tests for the kernel release strings (`uname -r`) reader.
struct KernelReleaseTests {
    @Test(
        arguments: [
            ("5.15.148-tegra", "5.15.148", "-tegra", 5, 15, 148, "5.15"),
            ("5.10.104-tegra\n", "5.10.104", "-tegra", 5, 10, 104, "5.10"),
            ("4.9.253-tegra", "4.9.253", "-tegra", 4, 9, 253, "4.9"),
            ("5.15.185-tegra", "5.15.185", "-tegra", 5, 15, 185, "5.15"),
            ("6.8", "6.8", "", 6, 8, nil, "6.8"),
            ("5.15.0-1012-nvidia-tegra", "5.15.0", "-1012-nvidia-tegra", 5, 15, 0, "5.15"),
            ("5.10.120+", "5.10.120", "+", 5, 10, 120, "5.10"),
        ] as [(String, String, String, Int, Int, Int?, String)])
    func splits(
        text: String, numeric: String, suffix: String, major: Int, minor: Int, patch: Int?, majorMinor: String
    )
        throws
    {
        let release = try #require(KernelRelease.parse(text))
        #expect(release.numeric == numeric)
        #expect(release.localSuffix == suffix)
        #expect(release.major == major)
        #expect(release.minor == minor)
        #expect(release.patch == patch)
        #expect(release.majorMinor == majorMinor)
    }

    @Test func veryLongDottedRelease() {
        let release = KernelRelease.parse(String(repeating: "5.", count: 300_000))
        #expect(release?.numeric == "5.5.5")
        #expect(release?.localSuffix.utf8.count == 600_000 - 5)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(KernelRelease.parse(text) == nil)
    }
}
