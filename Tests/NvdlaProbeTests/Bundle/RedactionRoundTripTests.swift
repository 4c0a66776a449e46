import Foundation
import Testing

@testable import NvdlaProbe

/// A redacted bundle keeps the diagnosis: for every scenario, with hosts and users named after words the platform
/// itself uses, `check` on the bundle gives exactly what `check` on the tree gives.
@Suite("Redaction round trip")
struct RedactionRoundTripTests {
    /// Host and user names that are also words of sysfs, /dev, /lib, the device tree or the report.
    static let names = ["dev", "bus", "lib", "sys", "proc", "nvidia", "firmware", "tegra", "dla0", "root", "a"]

    /// The names two at a time (the last with the first): one is the static host name (`/etc/hostname`), the other
    /// the kernel's (`/proc/sys/kernel/hostname`, as DHCP may set it), and both are users.
    static let pairs: [(String, String)] = stride(from: 0, to: names.count, by: 2).map {
        (names[$0], names[($0 + 1) % names.count])
    }

    /// Names the hosts and users of the tree at `root` where real boards carry them: hostname files,
    /// `/etc/passwd` and `/etc/group`, the kernel command line's `ip=`, and kernel-log lines naming them.
    static func plant(_ names: (String, String), in root: String, original: String) throws {
        func copy(_ relative: String) -> String? {
            try? String(contentsOfFile: original + "/" + relative, encoding: .utf8)
        }
        let (first, second) = names
        try PlantedSecrets.write(root, "etc/hostname", "\(first)\n")
        try PlantedSecrets.write(root, "proc/sys/kernel/hostname", "\(second)\n")
        let passwd = copy("etc/passwd") ?? "root:x:0:0:root:/root:/bin/bash\n"
        try PlantedSecrets.write(
            root, "etc/passwd",
            passwd + "\(first):x:1042:1042:\(first),,,:/home/\(first):/bin/bash\n"
                + "\(second):x:1043:1043:\(second),,,:/home/\(second):/bin/bash\n")
        let group = copy("etc/group") ?? "root:x:0:\n"
        try PlantedSecrets.write(
            root, "etc/group", group + "\(first):x:1042:\n\(second):x:1043:\nlab:x:1044:\(first),\(second)\n")
        if let cmdline = copy("proc/cmdline") {
            try PlantedSecrets.write(
                root, "proc/cmdline",
                cmdline.trimmingCharacters(in: .newlines)
                    + " ip=192.168.50.21::192.168.50.254:255.255.255.0:\(second):eth0:off\n")
        }
        var kmsg = copy(".nvdla-doctor/kmsg") ?? ""
        for (index, name) in [first, second].enumerated() {
            let n = 9001 + index * 3
            kmsg +=
                "6,\(n),99000000,-;systemd[1]: Set hostname to <\(name)>.\n"
                + "6,\(n + 1),99000001,-;systemd-logind[812]: New session 3 of user \(name).\n"
                + "6,\(n + 2),99000002,-;audit: name=\"/home/\(name)/model.onnx\" comm=\"trtexec\"\n"
        }
        try PlantedSecrets.write(root, ".nvdla-doctor/kmsg", kmsg)
    }

    @Test(
        "check on a redacted bundle equals check on the tree, for every adversarial host and user name",
        arguments: Fixtures.scenarios)
    func adversarialNames(_ scenario: String) throws {
        let temporary = TemporaryDirectory()
        let tree = temporary.copy(scenario: scenario)
        for names in Self.pairs {
            try Self.plant(names, in: tree, original: Fixtures.path(scenario))
            let options = BundleBuilder.Options(outputPath: temporary.path + "/\(names.0)-\(names.1).tar.gz")
            // The report made at capture time is `check` on the tree.
            let result = try BundleBuilder.build(root: SystemRoot(path: tree), rules: Fixtures.rules, options: options)
            let opened = try OpenedRoot.open(options.outputPath)
            defer { opened.close() }
            let fromBundle = Diagnosis.check(root: opened.root, rules: Fixtures.rules)
            #expect(
                BundleRoundTripTests.outline(fromBundle, messages: true)
                    == BundleRoundTripTests.outline(result.report, messages: true),
                "\(scenario) with hosts and users \(names)")
            // The names are gone from the places that certainly hold them.
            let kmsg = try String(contentsOfFile: opened.root.hostPath + "/.nvdla-doctor/kmsg", encoding: .utf8)
            for name in [names.0, names.1] {
                #expect(!kmsg.contains("<\(name)>") && !kmsg.contains("/home/\(name)/"), "\(scenario) '\(name)'")
                #expect(!kmsg.contains("of user \(name)."), "\(scenario) '\(name)'")
            }
            #expect(kmsg.contains("Set hostname to <host-") && kmsg.contains("name=\"/home/user-"), "\(scenario)")
        }
    }
}
