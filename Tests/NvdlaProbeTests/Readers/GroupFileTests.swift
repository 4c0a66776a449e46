import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x76, 0x3A, 0xFF, 0x3A, 0x80, 0x00], as: UTF8.self),
    String(repeating: ":", count: 1_000_000), "garbage", "video:x:44", "video:x:abc:", "video:x:4294967296:",
    ":x:44:",
]

/// Tests for the `/etc/group` reader.
struct GroupFileTests {
    @Test func jetsonGroups() throws {
        let text = """
            root:x:0:
            video:x:44:nvidia,gdm
            render:x:109:nvidia
            # comment
            nvidia:x:1000:
            docker:x:998: nvidia , other
            """
        let groups = GroupFile.parse(text)
        #expect(groups.malformedLines.isEmpty)
        #expect(groups.names[44] == "video")
        #expect(groups.names[1000] == "nvidia")
        let video = try #require(groups.group(named: "video"))
        #expect(video.gid == 44)
        #expect(video.members == ["nvidia", "gdm"])
        #expect(groups.group(named: "docker")?.members == ["nvidia", "other"])
        #expect(groups.groups(withMember: "nvidia") == ["video", "render", "docker"])
        #expect(groups.groups(withMember: "nobody").isEmpty)
    }

    @Test func truncatedLastLine() {
        let groups = GroupFile.parse("video:x:44:nvidia\nrend")
        #expect(groups.names == [44: "video"])
        #expect(groups.malformedLines == [2])
    }

    @Test func duplicateGidKeepsFirstName() {
        #expect(GroupFile.parse("video:x:44:\nvideo2:x:44:a\n").names[44] == "video")
    }

    @Test(arguments: ["", "\n", "# only comments\n"])
    func emptyInput(text: String) {
        #expect(GroupFile.parse(text) == GroupFile(groups: [], names: [:], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let groups = GroupFile.parse(text)
        #expect(groups.groups.isEmpty)
        #expect(groups.malformedLines == [1])
    }
}
