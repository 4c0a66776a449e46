import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "\0\0", String(decoding: [0x72, 0x3A, 0xFF, 0x3A, 0x80, 0x00], as: UTF8.self),
    String(repeating: ":", count: 1_000_000), "garbage", "root:x:0:0", "root:x:abc:0:root:/root:/bin/bash",
    "root:x:4294967296:0:root:/root:/bin/bash", ":x:0:0:root:/root:/bin/bash", "root:x:-1:0:r:/:/bin/sh",
]

/// Tests for the `/etc/passwd` reader.
struct PasswdFileTests {
    @Test func jetsonPasswd() throws {
        let text = """
            root:x:0:0:root:/root:/bin/bash
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            # a comment
            +@netgroup::::::
            nvidia:x:1000:1000:NVIDIA,,,:/home/nvidia:/bin/bash
            nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
            toor:x:0:0:duplicate root:/root:/bin/sh
            """
        let passwd = PasswdFile.parse(text)
        #expect(passwd.malformedLines.isEmpty)
        #expect(passwd.users.count == 5)
        #expect(passwd.names[0] == "root")
        #expect(passwd.names[1000] == "nvidia")
        #expect(passwd.names[65534] == "nobody")
        let nvidia = try #require(passwd.user(named: "nvidia"))
        #expect(nvidia.gid == 1000)
        #expect(nvidia.gecos == "NVIDIA,,,")
        #expect(nvidia.home == "/home/nvidia")
        #expect(nvidia.shell == "/bin/bash")
    }

    @Test func truncatedLastLine() {
        let passwd = PasswdFile.parse("root:x:0:0:root:/root:/bin/bash\r\nnvid")
        #expect(passwd.names == [0: "root"])
        #expect(passwd.malformedLines == [2])
    }

    @Test(arguments: ["", "\n", "# only comments\n"])
    func emptyInput(text: String) {
        #expect(PasswdFile.parse(text) == PasswdFile(users: [], names: [:], malformedLines: []))
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        let passwd = PasswdFile.parse(text)
        #expect(passwd.users.isEmpty)
        #expect(passwd.malformedLines == [1])
    }
}
