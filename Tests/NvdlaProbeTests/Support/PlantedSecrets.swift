import Foundation

@testable import NvdlaProbe

/// A copy of a scenario with every kind of identifying value planted where real boards keep it (issue 15's list of
/// leaks), next to harmless text that only looks like one. The redaction tests prove that none of the first reaches
/// a bundle and that every one of the second reaches it byte for byte.
enum PlantedSecrets {
    /// The scenario the values are planted into.
    static let base = "jp6-agx-orin-64gb"

    /// Every planted identifying value, and where it was planted.
    static let secrets: [(value: String, what: String)] = [
        ("lab-bench-07", "host name: /etc/hostname, /etc/hosts, cmdline ip=, syslog prefix, a file name"),
        ("corp.acme-robotics.example", "domain of the host's FQDN in /etc/hosts"),
        ("dhcp-10-8-0-15", "host name carrying an IPv4 address with dashes (/etc/hosts)"),
        ("10.8.0.15", "IPv4 in /etc/hosts"),
        ("buildfarm", "other host named in /etc/hosts"),
        ("edge-cam-03", "host of a traditional syslog prefix"),
        ("edge-cam-04", "host of an RFC 3339 syslog prefix"),
        ("alice", "user in /etc/passwd (uid 1001), group member, log contexts, /home path"),
        ("Alice Smith", "GECOS full name"),
        ("kwilliams", "LDAP user seen only as /home/kwilliams in the kernel log"),
        ("1421322045678", "device-tree serial-number, androidboot.serialno=, udev ID_SERIAL after '_'"),
        ("1422A19B0042", "USB SerialNumber: in the kernel log"),
        ("S64ANS0T123456A", "NVMe serial: sysfs serial, udev ID_SERIAL_SHORT, by-id link"),
        ("002538b911b2c3d4", "udev ID_WWN"),
        ("3f9c2b7a1d4e4f6a8b0c1d2e3f405162", "machine-id, and journald's path in the kernel log"),
        ("192.168.50.21", "cmdline ip= client address"),
        ("192.168.50.1", "cmdline ip= server and nfsroot= server"),
        ("192.168.50.254", "cmdline ip= gateway"),
        ("192.168.50.33", "IPv4 in a syslog message"),
        ("192.168.60.17", "NetworkManager address1="),
        ("10.20.30.40", "IPv4-mapped IPv6 ::ffff:10.20.30.40"),
        ("10.66.0.2", "WireGuard Address ="),
        ("192.168.17.42", "IPv4 in a file under /home"),
        ("fe80::1c2d:3e4f:5a6b:7c8d", "IPv6"),
        ("aa:bb:cc:12:34:56", "MAC with colons"),
        ("48-B0-2D-5A-6B-7C", "MAC with dashes"),
        ("48b0.2d5a.6b7d", "MAC with dots (Cisco)"),
        ("48b02d5a6b7e", "MAC without separators (enx interface name, udev ID_NET_NAME_MAC)"),
        ("48:b0:2d:5a:6b:7f", "BSSID"),
        ("48-b0-2d-5a-6b-70", "MAC of pxelinux BOOTIF=01-…"),
        ("48:b0:2d:5a:6b:71", "sysfs net address"),
        ("48:B0:2D:5A:6B:72", "NetworkManager mac-address="),
        ("8a3c0d6e-4b1f-4c52-9e3a-7f21b0d4c915", "root=PARTUUID= (GPT) on the scenario's cmdline"),
        ("5c1d7a3e-02", "resume=PARTUUID= (MBR)"),
        ("2d6f1c3a-8e4b-4a7d-9c1e-5f0a2b3c4d5e", "file-system UUID in the kernel log and a by-uuid link"),
        ("0f1e2d3c-4b5a-6978-8a9b-acbdcedfe0f1", "udev ID_PART_TABLE_UUID"),
        ("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "NetworkManager connection uuid="),
        ("alice.smith@acme-robotics.example", "e-mail address"),
        ("AcmeLab-5G", "Wi-Fi SSID: NetworkManager id=/ssid= and file name, kernel log"),
        ("Acme Guest", "Wi-Fi SSID: netplan access point"),
        ("AcmeIoT", "Wi-Fi SSID: wpa_supplicant ssid=\"…\""),
        ("Tr0ub4dor&3-acme", "Wi-Fi key: NetworkManager psk="),
        ("hunter2-guest-pass", "Wi-Fi key: netplan password:"),
        ("correct horse battery staple", "Wi-Fi key: wpa_supplicant psk=\"…\""),
        ("yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=", "WireGuard PrivateKey ="),
        ("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj", "PEM private key body"),
        ("AAAAC3NzaC1lZDI1NTE5AAAAIKx1acme0penssh0public0key0body0x", "SSH public key"),
    ]

    /// Harmless text and the bundle file it must survive in, byte for byte.
    static let harmless: [(text: String, file: String)] = [
        ("Serial: 8250/16550 driver, 4 ports, IRQ sharing disabled", "/.nvdla-doctor/kmsg"),
        ("Depends: libc6 (>= 2.34), libfoo1 (>= 0.99.7.1)", "/var/lib/dpkg/status"),
        ("Version: 8.6.2.3-1+cuda12.2", "/var/lib/dpkg/status"),
        ("Maintainer: NVIDIA Corporation <linux-tegra-bugs@nvidia.com>", "/var/lib/dpkg/status"),
        ("loaded TensorRT version 8.6.2.3 for DLA", "/.nvdla-doctor/kmsg"),
        ("Started user@1001.service - User Manager for UID 1001.", "/.nvdla-doctor/kmsg"),
        ("usb 1-2.1.4.3: new high-speed USB device number 5 using tegra-xusb", "/.nvdla-doctor/kmsg"),
        ("pci 0001:01:00.0: [10ec:8168] type 00 class 0x020000", "/.nvdla-doctor/kmsg"),
        ("Firmware timestamp: 2023-02-10 03:48:10 UTC", "/.nvdla-doctor/kmsg"),
        ("tegraid=23.4.0.0.0", "/.nvdla-doctor/kmsg"),
        ("Machine model: NVIDIA Jetson AGX Orin Developer Kit", "/.nvdla-doctor/kmsg"),
        ("nvdla 15880000.nvdla0: Adding to iommu group 10", "/.nvdla-doctor/kmsg"),
        ("Linux version 5.15.148-tegra (buildbrain@mobile-u64-6336-d8000)", "/.nvdla-doctor/kmsg"),
        ("bound to 127.0.0.1 and ::1, listening on 0.0.0.0", "/.nvdla-doctor/kmsg"),
        ("firmware_class.path=/etc/firmware", "/proc/cmdline"),
        ("console=ttyTCU0,115200", "/proc/cmdline"),
        ("255.255.255.0:", "/proc/cmdline"),
        ("E:ID_SERIAL=Samsung_SSD_980_PRO_1TB_", "/run/udev/data/b259:0"),
        ("E:ID_PATH=platform-14160000.pcie-pci-0004:01:00.0", "/run/udev/data/b259:0"),
        ("E:ID_MODEL_FROM_DATABASE=RTL8111/8168/8411 PCI Express Gigabit Ethernet Controller", "/run/udev/data/n2"),
        ("key-mgmt=wpa-psk", "/etc/NetworkManager/system-connections/"),
        ("key_mgmt=WPA-PSK", "/etc/wpa_supplicant/wpa_supplicant.conf"),
        ("root:x:0:0:root:/root:/bin/bash", "/etc/passwd"),
        ("sys:x:3:3:sys:/dev:/usr/sbin/nologin", "/etc/passwd"),
        ("adm:x:4:syslog,", "/etc/group"),
        ("video:x:44:", "/etc/group"),
        ("nvidia,tegra234-nvdla", "/sys/firmware/devicetree/base/bus@0/host1x@13e00000/nvdla0@15880000/compatible"),
    ]

    /// Files the check does not read that a bundle of a real board could hold (site rules, `--deep`, a future
    /// probe); the test reads them so they are captured.
    static let extraReads = [
        "/etc/hostname", "/etc/hosts", "/etc/passwd", "/etc/group", "/etc/machine-id",
        "/sys/firmware/devicetree/base/serial-number", "/sys/class/nvme/nvme0/serial", "/sys/class/net/eth0/address",
        "/run/udev/data/b259:0", "/run/udev/data/n2",
        "/etc/NetworkManager/system-connections/AcmeLab-5G.nmconnection", "/etc/netplan/50-wifi.yaml",
        "/etc/wpa_supplicant/wpa_supplicant.conf", "/etc/wireguard/wg0.conf", "/etc/ssl/private/device.key",
        "/root/.ssh/authorized_keys", "/var/log/syslog", "/home/alice/lab-bench-07.txt",
    ]

    /// The cmdline keys appended to the scenario's own (which keeps its `root=PARTUUID=`).
    static let cmdlineTail =
        " ip=192.168.50.21:192.168.50.1:192.168.50.254:255.255.255.0:lab-bench-07:eth0:off"
        + " nfsroot=192.168.50.1:/srv/nfs/lab-bench-07 resume=PARTUUID=5c1d7a3e-02"
        + " androidboot.serialno=1421322045678 BOOTIF=01-48-b0-2d-5a-6b-70"

    static func write(_ root: String, _ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func read(_ root: String, _ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    /// A copy of the base scenario in `temporary` with everything planted; its path.
    static func plant(_ temporary: TemporaryDirectory) throws -> String {
        let root = temporary.copy(scenario: base)
        try write(root, "etc/hostname", "lab-bench-07\n")
        try write(root, "proc/sys/kernel/hostname", "lab-bench-07\n")
        try write(
            root, "etc/hosts",
            """
            127.0.0.1\tlocalhost
            127.0.1.1\tlab-bench-07.corp.acme-robotics.example lab-bench-07
            10.8.0.15\tdhcp-10-8-0-15 buildfarm
            ::1\tlocalhost ip6-localhost ip6-loopback

            """)
        try write(
            root, "etc/passwd",
            try read(root, "etc/passwd") + "alice:x:1001:1001:Alice Smith,Lab 3,,:/home/alice:/bin/bash\n")
        try write(
            root, "etc/group",
            try read(root, "etc/group").replacingOccurrences(
                of: "video:x:44:nvidia\n", with: "video:x:44:nvidia,alice\n")
                + "alice:x:1001:\n")
        try write(root, "etc/machine-id", "3f9c2b7a1d4e4f6a8b0c1d2e3f405162\n")
        try write(root, "sys/firmware/devicetree/base/serial-number", "1421322045678\0")
        let cmdline = try read(root, "proc/cmdline").trimmingCharacters(in: .newlines) + cmdlineTail
        try write(root, "proc/cmdline", cmdline + "\n")
        let kmsg = [
            "Kernel command line: \(cmdline) tegraid=23.4.0.0.0",
            "Serial: 8250/16550 driver, 4 ports, IRQ sharing disabled",
            "usb 1-2.1.4.3: new high-speed USB device number 5 using tegra-xusb",
            "usb 1-2.1.4.3: SerialNumber: 1422A19B0042",
            "usb 1-3: Product: NVIDIA_Jetson_AGX_Orin_1421322045678",
            "rtl88x2ce 0004:01:00.0 wlan0: MAC 48-B0-2D-5A-6B-7C",
            "cdc_ether 1-3:1.0 usb0: CDC Ethernet Device, 48b0.2d5a.6b7d",
            "cdc_ether 1-3:1.0 enx48b02d5a6b7e: renamed from usb0",
            "IPv4 client 10.20.30.40 seen as ::ffff:10.20.30.40 on wlan0",
            "wlan0: associated with SSID \"AcmeLab-5G\" (BSSID 48:b0:2d:5a:6b:7f)",
            "eqos 2490000.ethernet eth0: MAC aa:bb:cc:12:34:56, IPv6 fe80::1c2d:3e4f:5a6b:7c8d",
            "systemd[1]: Set hostname to <lab-bench-07>.",
            "systemd-journald[312]: Runtime Journal (/run/log/journal/3f9c2b7a1d4e4f6a8b0c1d2e3f405162) is 8.0M.",
            "audit: type=1400 apparmor=\"DENIED\" operation=\"open\" profile=\"trtexec\""
                + " name=\"/home/kwilliams/models/yolo.onnx\" pid=4242 comm=\"trtexec\"",
            "systemd-logind[812]: New session 3 of user alice.",
            "mail: report sent to alice.smith@acme-robotics.example",
            "systemd[1]: Started user@1001.service - User Manager for UID 1001.",
            "nvidia-l4t: loaded TensorRT version 8.6.2.3 for DLA",
            "EXT4-fs (nvme0n1p1): mounted filesystem 2d6f1c3a-8e4b-4a7d-9c1e-5f0a2b3c4d5e with ordered data mode.",
            "tegra-xusb 3610000.usb: Firmware timestamp: 2023-02-10 03:48:10 UTC",
            "pci 0001:01:00.0: [10ec:8168] type 00 class 0x020000",
            "sshd: bound to 127.0.0.1 and ::1, listening on 0.0.0.0",
        ]
        var log = try read(root, ".nvdla-doctor/kmsg")
        for (index, line) in kmsg.enumerated() { log += "6,\(9000 + index),\(99_000_000 + index),-;\(line)\n" }
        try write(root, ".nvdla-doctor/kmsg", log)
        try write(
            root, "var/lib/dpkg/status",
            try read(root, "var/lib/dpkg/status")
                + """

                Package: libacme-vision
                Status: install ok installed
                Priority: optional
                Section: libs
                Installed-Size: 120
                Maintainer: NVIDIA Corporation <linux-tegra-bugs@nvidia.com>
                Architecture: arm64
                Version: 8.6.2.3-1+cuda12.2
                Depends: libc6 (>= 2.34), libfoo1 (>= 0.99.7.1)
                Description: planted stanza for the redaction tests

                """)
        try write(
            root, "run/udev/data/c492:0",
            try read(root, "run/udev/data/c492:0")
                + "E:ID_SERIAL=NVIDIA_Jetson_AGX_Orin_1421322045678\nE:ID_SERIAL_SHORT=1421322045678\n")
        try write(
            root, "run/udev/data/b259:0",
            """
            S:disk/by-id/nvme-Samsung_SSD_980_PRO_1TB_S64ANS0T123456A
            S:disk/by-id/nvme-eui.002538b911b2c3d4
            S:disk/by-path/platform-14160000.pcie-pci-0004:01:00.0-nvme-1
            W:5
            I:5930000
            E:ID_SERIAL_SHORT=S64ANS0T123456A
            E:ID_SERIAL=Samsung_SSD_980_PRO_1TB_S64ANS0T123456A
            E:ID_WWN=eui.002538b911b2c3d4
            E:ID_MODEL=Samsung SSD 980 PRO 1TB
            E:ID_PATH=platform-14160000.pcie-pci-0004:01:00.0
            E:ID_PART_TABLE_UUID=0f1e2d3c-4b5a-6978-8a9b-acbdcedfe0f1
            E:DEVLINKS=/dev/disk/by-id/nvme-Samsung_SSD_980_PRO_1TB_S64ANS0T123456A /dev/disk/by-uuid/2d6f1c3a-8e4b-4a7d-9c1e-5f0a2b3c4d5e
            G:systemd

            """)
        try write(
            root, "run/udev/data/n2",
            """
            I:5931000
            E:ID_NET_NAME_MAC=enx48b02d5a6b7e
            E:ID_NET_NAME_PATH=enP4p1s0
            E:ID_MODEL_FROM_DATABASE=RTL8111/8168/8411 PCI Express Gigabit Ethernet Controller

            """)
        try write(root, "sys/class/nvme/nvme0/serial", "S64ANS0T123456A     \n")
        try write(root, "sys/class/net/eth0/address", "48:b0:2d:5a:6b:71\n")
        try write(
            root, "etc/NetworkManager/system-connections/AcmeLab-5G.nmconnection",
            """
            [connection]
            id=AcmeLab-5G
            uuid=6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
            type=wifi
            interface-name=wlan0

            [wifi]
            mode=infrastructure
            ssid=AcmeLab-5G
            mac-address=48:B0:2D:5A:6B:72

            [wifi-security]
            key-mgmt=wpa-psk
            psk=Tr0ub4dor&3-acme

            [ipv4]
            address1=192.168.60.17/24
            method=manual

            """)
        try write(
            root, "etc/netplan/50-wifi.yaml",
            """
            network:
              version: 2
              wifis:
                wlan0:
                  dhcp4: true
                  access-points:
                    "Acme Guest":
                      password: "hunter2-guest-pass"

            """)
        try write(
            root, "etc/wpa_supplicant/wpa_supplicant.conf",
            """
            ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
            network={
            \tssid="AcmeIoT"
            \tpsk="correct horse battery staple"
            \tkey_mgmt=WPA-PSK
            }

            """)
        try write(
            root, "etc/wireguard/wg0.conf",
            """
            [Interface]
            PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=
            Address = 10.66.0.2/32

            """)
        try write(
            root, "etc/ssl/private/device.key",
            """
            -----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
            MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu
            -----END PRIVATE KEY-----

            """)
        try write(
            root, "root/.ssh/authorized_keys",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKx1acme0penssh0public0key0body0x alice@lab-bench-07\n")
        try write(
            root, "var/log/syslog",
            """
            Nov 21 17:34:01 lab-bench-07 kernel: [   12.304118] nvdla 15880000.nvdla0: Adding to iommu group 10
            Nov 21 17:34:02 edge-cam-03 rsyslogd[411]: message forwarded from 192.168.50.33
            2026-11-21T17:34:03.123456+00:00 edge-cam-04 systemd[1]: Started Session 3 of User alice.

            """)
        try write(root, "home/alice/lab-bench-07.txt", "notes of alice on lab-bench-07 (192.168.17.42)\n")
        return root
    }

    /// The root, with the extra files read so a bundle of it captures them.
    static func root(at path: String) -> SystemRoot {
        let root = SystemRoot(path: path)
        for file in extraReads { _ = root.readBytes(file) }
        return root
    }

    /// The forms a planted value could survive in: as written, and a MAC in every notation.
    static func forms(of value: String) -> [String] {
        let hex = value.lowercased().filter { $0.isHexDigit }
        let isMAC =
            hex.count == 12
            && (value.count == 12 || value.count == 14 || value.count == 17)
            && value.allSatisfy { $0.isHexDigit || ":-.".contains($0) }
        guard isMAC else { return [value] }
        let pairs = stride(from: 0, to: 12, by: 2).map { i -> String in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return String(hex[start..<hex.index(start, offsetBy: 2)])
        }
        let quads = stride(from: 0, to: 12, by: 4).map { i -> String in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }
        return [value, hex, pairs.joined(separator: ":"), pairs.joined(separator: "-"), quads.joined(separator: ".")]
    }
}
