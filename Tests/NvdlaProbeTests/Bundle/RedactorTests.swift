import Foundation
import Testing

@testable import NvdlaProbe

/// The pieces of redaction on inline text: shapes, keys, fields, vocabulary, tokens and the keyed hash.
@Suite("Redactor")
struct RedactorTests {
    /// The substrings of `text` a scanner reported.
    static func found(_ text: String, _ ranges: [Range<Int>]) -> [String] {
        let bytes = Array(text.utf8)
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    static func patterns(_ text: String) -> [String] {
        found(text, PatternScanner.scan(Array(text.utf8)).map(\.range))
    }

    @Test(
        "addresses, e-mails and UUIDs are found in every notation",
        arguments: [
            ("MAC aa:bb:cc:12:34:56, up", ["aa:bb:cc:12:34:56"]),
            ("MAC 48-B0-2D-5A-6B-7C", ["48-B0-2D-5A-6B-7C"]),
            ("ether 48_b0_2d_5a_6b_7c", ["48_b0_2d_5a_6b_7c"]),
            ("cisco 48b0.2d5a.6b7d.", ["48b0.2d5a.6b7d"]),
            ("renamed enx48b02d5a6b7e: up", ["48b02d5a6b7e"]),
            ("BOOTIF=01-48-b0-2d-5a-6b-70 quiet", ["48-b0-2d-5a-6b-70"]),
            (
                "ip=192.168.50.21:192.168.50.1:192.168.50.254:255.255.255.0:h:eth0:off",
                ["192.168.50.21", "192.168.50.1", "192.168.50.254"]
            ),
            ("client ::ffff:10.20.30.40 and 64:ff9b::10.1.2.3", ["::ffff:10.20.30.40", "64:ff9b::10.1.2.3"]),
            ("inet6 fe80::1c2d:3e4f:5a6b:7c8d/64 scope link", ["fe80::1c2d:3e4f:5a6b:7c8d"]),
            ("addr:2001:db8:0:0:0:0:0:42", ["2001:db8:0:0:0:0:0:42"]),
            ("range 10.0.0.10-10.0.0.20", ["10.0.0.10", "10.0.0.20"]),
            ("to alice.smith@acme-robotics.example.", ["alice.smith@acme-robotics.example"]),
            ("fs 2d6f1c3a-8e4b-4a7d-9c1e-5f0a2b3c4d5e ok", ["2d6f1c3a-8e4b-4a7d-9c1e-5f0a2b3c4d5e"]),
            ("EUI-64 aa:bb:cc:dd:ee:ff:00:11 (as IPv6)", ["aa:bb:cc:dd:ee:ff:00:11"]),
            ("eth0:48:b0:2d:5a:6b:7c", ["48:b0:2d:5a:6b:7c"]),
        ] as [(String, [String])])
    func shapes(_ text: String, _ expected: [String]) {
        #expect(Self.patterns(text) == expected)
    }

    @Test(
        "versions, netmasks, times, bus addresses, unit names and loopback are not addresses",
        arguments: [
            "Version: 8.6.2.3-1+cuda12.2", "Depends: libc6 (>= 2.34), libfoo1 (>= 0.99.7.1)", "libbar (= 1.2.3.4)",
            "TensorRT version 8.6.2.3", "tensorrt_8.6.2.3", "v1.2.3.4", "tegraid=19.1.2.0.0", "1.2.3.4.5",
            "mask 255.255.255.0 and 255.255.240.0", "127.0.0.1 ::1 :: 0.0.0.0", "12:34:56 and 03:48:10.123",
            "pci 0001:01:00.0: [10ec:8168]", "usb 1-2.1.4.3: new device", "3701:0005", "15880000.nvdla0",
            "Started user@1000.service", "buildbrain@mobile-u64-6336-d8000", "bl_prof_dataptr=2031616@0x82C610000",
            "00:00:00:00:00:00 ff:ff:ff:ff:ff:ff", "00000000-0000-0000-0000-000000000000", "std::vector a::b",
        ])
    func notShapes(_ text: String) {
        #expect(Self.patterns(text).isEmpty, "\(Self.patterns(text))")
    }

    @Test(
        "keys, phrases and log prefixes name values",
        arguments: [
            ("usb 1-3: SerialNumber: 1422A19B0042", [RedactionTokens.Category.serial], ["1422A19B0042"]),
            ("Serial Number: 1421322045678\n", [.serial], ["1421322045678"]),
            ("serial: 1421322045678", [.serial], ["1421322045678"]),
            ("E:ID_SERIAL=NVIDIA_Jetson_AGX_Orin_1421322045678", [.serial], ["1421322045678"]),
            ("Set hostname to <lab-bench-07>.", [.host], ["lab-bench-07"]),
            ("New session 3 of user alice.", [.user], ["alice"]),
            ("acct=\"bob\" exe=/usr/bin/sudo", [.user], ["bob"]),
            ("name=\"/home/kwilliams/models\"", [.user], ["kwilliams"]),
            ("wlan0: associated with SSID \"AcmeLab-5G\"", [.ssid], ["AcmeLab-5G"]),
            ("psk=Tr0ub4dor&3-acme", [.secret], ["Tr0ub4dor&3-acme"]),
            ("      password: \"hunter2\"", [.secret], ["hunter2"]),
            ("PrivateKey = yAnz5TF+lXXJ=", [.secret], ["yAnz5TF+lXXJ="]),
            ("    wpa-psk s3cret-words", [.secret], ["s3cret-words"]),
            ("resume=PARTUUID=5c1d7a3e-02 quiet", [.id], ["5c1d7a3e-02"]),
            ("HWaddr 48B02D5A6B7F", [.mac], ["48B02D5A6B7F"]),
            ("Nov 21 17:34:02 edge-cam-03 rsyslogd[411]: hello", [.host], ["edge-cam-03"]),
            ("2026-11-21T17:34:03.1+00:00 edge-cam-04 systemd[1]: hello", [.host], ["edge-cam-04"]),
            ("Kernel command line: root=/dev/sda1 ip=::::jet-07:eth0:dhcp", [.host], ["jet-07"]),
            ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKx1acme0p alice@h", [.id], ["AAAAC3NzaC1lZDI1NTE5AAAAIKx1acme0p"]),
        ] as [(String, [RedactionTokens.Category], [String])])
    func keyed(_ text: String, _ categories: [RedactionTokens.Category], _ values: [String]) {
        let found = KeyedValueScanner.scan(Array(text.utf8))
        #expect(found.map(\.category) == categories)
        #expect(Self.found(text, found.map(\.range)) == values)
    }

    @Test(
        "text that only looks keyed names nothing",
        arguments: [
            "Serial: 8250/16550 driver, 4 ports, IRQ sharing disabled", "serial8250: ttyS0 at MMIO 0x3100000",
            "cat: /proc/sys/kernel/hostname: No such file", "Serial Number: Not Specified", "key-mgmt=wpa-psk",
            "Accepted password for root from 10.0.0.1", "session opened for user root(uid=0)",
            "scanning for ssid changes", "psk-flags=1", "mac: 12 entries", "2024-11-21 17:34:01 status installed",
            "Nov 21 17:34:01 hello",
        ])
    func notKeyed(_ text: String) {
        // A user value is kept or not by who the account is (`root` is no person); only other kinds count here.
        let found = KeyedValueScanner.scan(Array(text.utf8)).filter { $0.category != .user }
        #expect(found.isEmpty, "\(Self.found(text, found.map(\.range)))")
    }

    @Test("identity files give their fields")
    func fields() {
        func values(_ path: String, _ text: String) -> [String] {
            Self.found(text, IdentityFields.fields(path: path, bytes: Array(text.utf8)).map(\.range))
        }
        #expect(values("/etc/hostname", "lab-bench-07\n") == ["lab-bench-07"])
        #expect(values("/proc/sys/kernel/hostname", "dev") == ["dev"])
        #expect(
            values("/etc/hosts", "127.0.0.1 localhost\n127.0.1.1 jet.corp.example jet # me\n::1 ip6-localhost\n")
                == ["jet.corp.example", "jet"])
        #expect(
            values(
                "/etc/passwd",
                "root:x:0:0:root:/root:/bin/bash\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\n"
                    + "alice:x:1001:1001:Alice Smith,Lab 3,,:/home/alice:/bin/bash\nnobody:x:65534:65534::/:/bin/false\n"
            )
                == ["alice", "Alice Smith"])
        #expect(values("/etc/group", "video:x:44:nvidia,alice\nalice:x:1001:\n") == ["nvidia", "alice", "alice"])
        #expect(values("/etc/machine-id", "3f9c2b7a1d4e4f6a8b0c1d2e3f405162\n") == ["3f9c2b7a1d4e4f6a8b0c1d2e3f405162"])
        #expect(values("/sys/class/nvme/nvme0/serial", "S64ANS0T123456A     \n") == ["S64ANS0T123456A"])
        #expect(values("/sys/firmware/devicetree/base/serial-number", "1421322045678\0") == ["1421322045678"])
        #expect(values("/sys/class/net/eth0/address", "48:b0:2d:5a:6b:71\n") == ["48:b0:2d:5a:6b:71"])
        #expect(values("/sys/bus/usb/devices/1-3/product", "serial 42") == [])
        #expect(
            values("/proc/cmdline", "root=PARTUUID=5c1d7a3e-02 ip=1.2.3.4::1.2.3.1:255.0.0.0:jet-07:eth0:off cma=512M")
                == ["5c1d7a3e-02", "jet-07"])
        #expect(
            values(
                "/run/udev/data/b259:0",
                "E:ID_SERIAL=Samsung_SSD_980_S64A\nE:ID_SERIAL_SHORT=S64A\nE:ID_WWN=eui.0025\nE:ID_MODEL=Samsung\n")
                == ["S64A", "S64A", "eui.0025"])
        #expect(values("/run/udev/data/c1:1", "E:ID_SERIAL=NVIDIA_Jetson_1421322045678\n") == ["1421322045678"])
        #expect(
            values("/etc/NetworkManager/system-connections/x.nmconnection", "[connection]\nid=AcmeLab\ntype=wifi\n")
                == ["AcmeLab"])
        #expect(
            values(
                "/etc/netplan/50-wifi.yaml",
                "network:\n  wifis:\n    wlan0:\n      access-points:\n        \"Acme Guest\":\n          password: \"x\"\n"
                    + "        Other:\n          password: y\n      dhcp4: true\n")
                == ["Acme Guest", "Other"])
        let mac = IdentityFields.fields(
            path: "/sys/firmware/devicetree/base/ethernet@2310000/mac-address", bytes: [0x48, 0xb0, 0x2d, 0, 1, 2])
        #expect(mac == [IdentityFields.Field(category: .mac, range: 0..<6, binaryMAC: true)])
    }

    /// A redactor that learned `files` and the words of `layout` paths.
    static func redactor(_ files: [String: String], layout: [String] = []) -> Redactor {
        let redactor = Redactor()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            redactor.learn(path: path, bytes: Array(text.utf8))
        }
        var vocabulary = RedactionVocabulary()
        for path in layout { vocabulary.add(path: path) }
        redactor.seal(vocabulary: vocabulary)
        return redactor
    }

    @Test("a name that is also a platform word is replaced in its fields only; a distinctive one everywhere")
    func vocabulary() {
        let redactor = Self.redactor(
            [
                "/etc/hostname": "dev\n",
                "/etc/passwd": "root:x:0:0:root:/root:/bin/bash\nfirmware:x:1001:1001::/home/firmware:/bin/bash\n"
                    + "alice:x:1002:1002::/home/alice:/bin/bash\n",
            ], layout: ["/dev/nvhost-ctrl-nvdla0", "/lib/firmware/nvidia/tegra234/nvdla.bin"])
        #expect(redactor.redact(path: "/etc/hostname", bytes: Array("dev\n".utf8)) == Array("host-1\n".utf8))
        #expect(redactor.redact("/dev/nvhost-ctrl-nvdla0 of dev") == "/dev/nvhost-ctrl-nvdla0 of dev")
        #expect(
            redactor.redact("Direct firmware load for nvidia/tegra234/nvdla.bin")
                == "Direct firmware load for nvidia/tegra234/nvdla.bin")
        #expect(redactor.redact("cwd=/home/firmware/x") == "cwd=/home/user-1/x")
        #expect(
            redactor.redact("notes of alice (alice-bench, alice_x, alice.txt)")
                == "notes of user-2 (alice-bench, alice_x, user-2.txt)")
        #expect(redactor.redact("Set hostname to <dev>.") == "Set hostname to <host-1>.")
    }

    @Test("the vocabulary takes layout paths, fact values and rule words, not people's names nor example log lines")
    func vocabularySources() {
        var vocabulary = RedactionVocabulary()
        vocabulary.add(path: "/sys/bus/platform/drivers/nvdla/15880000.nvdla0")
        vocabulary.add(path: "/home/alice/lab-bench-07.txt")
        vocabulary.add(path: "/etc/NetworkManager/system-connections/AcmeLab.nmconnection")
        var facts = FactTable()
        facts.set("dla.0.node.ctrl.owner", .string("bob:video"), source: "/dev/nvhost-ctrl-nvdla0")
        facts.set("dla.0.dt.status", .string("okay"), source: "status")
        facts.set("log.smmu_fault.first", .string("carol: unhandled context fault"), source: "/dev/kmsg")
        vocabulary.add(facts: facts)
        vocabulary.add(rules: Fixtures.rules)
        for word in ["drivers", "nvdla", "15880000.nvdla0", "video", "okay", "probe", "dla1", "tegra194", "ab"] {
            #expect(vocabulary.contains(word), "\(word)")
        }
        for word in ["alice", "lab-bench-07", "acmelab", "bob", "carol", "edge-cam-03"] {
            #expect(!vocabulary.contains(word), "\(word)")
        }
    }

    @Test("learned serials are replaced next to '_' and '-', never inside a longer word")
    func identifiers() {
        let redactor = Self.redactor(["/sys/firmware/devicetree/base/serial-number": "1421322045678\0"])
        #expect(redactor.redact("NVIDIA_Jetson_1421322045678 x-1421322045678") == "NVIDIA_Jetson_serial-1 x-serial-1")
        #expect(redactor.redact("14213220456789 a1421322045678") == "14213220456789 a1421322045678")
        let short = Self.redactor(["/sys/class/tty/ttyS0/serial": "8250\n"])
        #expect(short.redact("Serial: 8250/16550 driver") == "Serial: 8250/16550 driver")
    }

    @Test("tokens keep the notation and are consistent across notations; binary MACs stay six bytes")
    func tokens() {
        let redactor = Self.redactor([:])
        #expect(
            redactor.redact("a 48:b0:2d:5a:6b:7c b 48-B0-2D-5A-6B-7C c 48b0.2d5a.6b7c d enx48b02d5a6b7c")
                == "a 02:00:00:00:00:01 b 02-00-00-00-00-01 c 0200.0000.0001 d enx020000000001")
        #expect(redactor.redact("10.0.0.1:8080 then ::ffff:10.0.0.1") == "192.0.2.1:8080 then ::ffff:192.0.2.1")
        let mac = redactor.redact(
            path: "/sys/firmware/devicetree/base/ethernet@2310000/local-mac-address",
            bytes: [0x48, 0xb0, 0x2d, 0x5a, 0x6b, 0x7c])
        #expect(mac == [0x02, 0x00, 0x00, 0x00, 0x00, 0x01])
    }

    @Test("the package database keeps versions and maintainers; learned values are still replaced there")
    func packageDatabase() {
        let redactor = Self.redactor(["/etc/hostname": "lab-bench-07\n"])
        let status = "Maintainer: A <a@nvidia.com>\nVersion: 1.2.3.4\nDescription: built on lab-bench-07\n"
        let redacted = redactor.redact(path: "/var/lib/dpkg/status", bytes: Array(status.utf8))
        #expect(
            redacted.map { String(decoding: $0, as: UTF8.self) }
                == "Maintainer: A <a@nvidia.com>\nVersion: 1.2.3.4\nDescription: built on host-1\n")
    }

    @Test("the stored report is redacted string by string: a JSON escape does not hide a value")
    func json() {
        let redactor = Self.redactor(["/etc/hostname": "lab-bench-07\n"])
        let report = #"{"message" : "seen:\nlab-bench-07 at\t10.0.0.1", "n" : 2}"# + "\n"
        let redacted = redactor.redact(json: report)
        #expect(!redacted.contains("lab-bench-07") && !redacted.contains("10.0.0.1"), "\(redacted)")
        #expect(redacted.contains(#"seen:\nhost-1 at\t192.0.2.1"#) && redacted.contains(#""n" : 2"#))
        #expect(redactor.redact(json: "not json lab-bench-07") == "not json host-1")
    }

    @Test("binary files are left alone")
    func binary() {
        let redactor = Self.redactor(["/etc/hostname": "lab-bench-07\n"])
        let blob: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, 0x01] + Array(" 10.0.0.1 lab-bench-07".utf8)
        #expect(redactor.redact(path: "/lib/firmware/nvhost_nvdla020.fw", bytes: blob) == nil)
    }

    @Test("the manifest lists keyed hashes the private map's key verifies; keys and passwords are not in the map")
    func hashes() throws {
        let redactor = Self.redactor([:])
        _ = redactor.redact("wlan0 psk=Tr0ub4dor&3 at 10.0.0.1 by alice@corp.example")
        let (map, key, hashed) = redactor.outputs()
        #expect(key.count == 32)
        #expect(map["secret"]?.values.allSatisfy { $0.contains("not kept") } == true)
        #expect(map["ipv4"]?["192.0.2.1"] == "10.0.0.1")
        let ipv4 = try #require(hashed.first { $0.category == "ipv4" })
        #expect(ipv4.token == "192.0.2.1")
        #expect(ipv4.hmac == SHA256.hmacHex(key: key, Array("ipv4\u{0}10.0.0.1".utf8)))
        #expect(hashed.allSatisfy { !$0.hmac.contains("10.0.0.1") && $0.hmac.count == 64 })
    }

    @Test("HMAC-SHA256 matches RFC 4231 test cases 1 and 2")
    func hmacVectors() {
        #expect(
            SHA256.hmacHex(key: [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(
            SHA256.hmacHex(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
