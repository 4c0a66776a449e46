import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0\0\0", String(decoding: [0xFF, 0xFE, 0x00, 0x23, 0x20, 0x52, 0x80], as: UTF8.self),
    String(repeating: "# R36 (release), ", count: 50_000), "# R", "# R36", "# R36 (release)",
    "# R36 (release), REVISION: ", "# R36 (release), REVISION: x.y",
    "# R99999999999999999999 (release), REVISION: 1.0",
    "# Rabc (release), REVISION: 1.0", "garbage", "#", "R36 (release), REVISION: 4.3",
]

/// Tests for the `/etc/nv_tegra_release` reader.
struct NvTegraReleaseTests {
    @Test(
        arguments: [
            (
                "# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed "
                    + "Jan  8 01:49:37 UTC 2025\n"
                    + "# KERNEL_VARIANT: oot\nTARGET_USERSPACE_LIB_DIR=nvidia\n"
                    + "TARGET_USERSPACE_LIB_DIR_PATH=usr/lib/aarch64-linux-gnu/nvidia\n",
                36, "4.3", "36.4.3", "generic", "Wed Jan  8 01:49:37 UTC 2025", "oot", "nvidia"
            ),
            (
                "# R35 (release), REVISION: 3.1, GCID: 32827747, BOARD: t186ref, EABI: aarch64, DATE: Sun "
                    + "Mar 19 15:19:21 UTC 2023\n"
                    + "# KERNEL_VARIANT: \nTARGET_USERSPACE_LIB_DIR=tegra\n",
                35, "3.1", "35.3.1", "t186ref", "Sun Mar 19 15:19:21 UTC 2023", "", "tegra"
            ),
            (
                "# R32 (release), REVISION: 7.1, GCID: 29818004, BOARD: t210ref, EABI: aarch64, DATE: Sat "
                    + "Feb 19 17:05:08 UTC 2022",
                32, "7.1", "32.7.1", "t210ref", "Sat Feb 19 17:05:08 UTC 2022", nil, nil
            ),
            (
                "# R36 (release), REVISION: 5.0, GCID: 43688277, BOARD: generic, EABI: aarch64, DATE: Mon "
                    + "Jan 1 00:00:00 UTC 2026\r\n",
                36, "5.0", "36.5.0", "generic", "Mon Jan 1 00:00:00 UTC 2026", nil, nil
            ),
            (
                "# R38 (release), REVISION: 4.0, GCID: 43443517, BOARD: generic, EABI: aarch64, DATE: Tue "
                    + "Oct 7 00:00:00 UTC 2025",
                38, "4.0", "38.4.0", "generic", "Tue Oct 7 00:00:00 UTC 2025", nil, nil
            ),
            (
                "# R36 (release), REVISION: 4, GCID: 1, BOARD: generic", 36, "4", "36.4.0", "generic", nil,
                nil, nil
            ),
        ] as [(String, Int, String, String, String?, String?, String?, String?)])
    func validForms(
        text: String, major: Int, revision: String, release: String, board: String?, date: String?,
        variant: String?, libDir: String?
    ) {
        let parsed = NvTegraRelease.parse(text)
        #expect(parsed?.major == major)
        #expect(parsed?.revision == revision)
        #expect(parsed?.release == release)
        #expect(parsed?.board == board)
        #expect(parsed?.date == date)
        #expect(parsed?.kernelVariant == variant)
        #expect(parsed?.libDir == libDir)
    }

    @Test func jetPack6FullFile() throws {
        let text = """
            # R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed \
            Jan  8 01:49:37 UTC 2025
            # KERNEL_VARIANT: oot
            TARGET_USERSPACE_LIB_DIR=nvidia
            TARGET_USERSPACE_LIB_DIR_PATH=usr/lib/aarch64-linux-gnu/nvidia
            4ee5c4d8b7f5e9bb37ec54d8e3f2c1b2 */usr/lib/aarch64-linux-gnu/nvidia/libcuda.so
            """
        let parsed = try #require(NvTegraRelease.parse(text))
        #expect(parsed.gcid == "38968081")
        #expect(parsed.eabi == "aarch64")
        #expect(parsed.libDirPath == "usr/lib/aarch64-linux-gnu/nvidia")
    }

    @Test func truncatedFirstLineKeepsWhatIsThere() throws {
        let parsed = try #require(NvTegraRelease.parse("# R35 (release), REVISION: 6.4, GCID: 3"))
        #expect(parsed.release == "35.6.4")
        #expect(parsed.gcid == "3")
        #expect(parsed.date == nil)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(NvTegraRelease.parse(text) == nil)
    }
}
