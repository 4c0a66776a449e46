import Foundation
import Testing

/// Runs the binary as `nobody` (setpriv drops the user, group and supplementary groups for real): what a udev or
/// monitoring job without privileges sees. A faulty board must never read as ok; the hint says how to fix it.
@Suite(
    "Without privileges",
    .enabled(
        if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
        "needs root to drop privileges with setpriv"))
struct NonRootTests {
    static let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups"]

    static func asNobody(_ arguments: [String], groups: [String]? = nil) throws -> ChildProcess.Result {
        let identity = groups.map { ["--reuid=65534", "--regid=65534", "--groups=" + $0.joined(separator: ",")] }
        return try ChildProcess.run(
            "/usr/bin/setpriv", (identity ?? Self.nobody) + [Binary.url.path] + arguments, timeout: 120)
    }

    @Test("a faulty board's snapshot whose kernel log only root may read: unknown (exit 3) as nobody, error as root")
    func faultyLogWithoutPrivileges() throws {
        let scratch = Scratch()
        let root = scratch.copy(scenario: "jp6-agx-orin-smmu-fault-dla0")
        chmod(root + "/.nvdla-doctor/kmsg", 0o600)
        let asRoot = try Binary.run(["check", "--root", root])
        #expect(asRoot.status == 2)
        let text = try Self.asNobody(["check", "--root", root])
        #expect(text.status == 3, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("status: unknown"))
        #expect(text.stdout.contains("need root"))
        #expect(text.stdout.contains("fix: "))
        let json = try Self.asNobody(["check", "--root", root, "--format", "json"])
        #expect(json.status == 3)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["status"] as? String == "unknown")
        let items = document?["inconclusive"] as? [[String: Any]] ?? []
        let smmu = items.first { $0["rule"] as? String == "NVDLA-SMMU-101" && $0["subject"] as? String == "dla0" }
        #expect(smmu?["reason"] as? String == "permission")
        #expect(smmu?["important"] as? Bool == true)
        #expect((smmu?["hint"] as? String)?.contains("as root") == true)
        #expect(smmu?["blockedBy"] as? [String] == ["/dev/kmsg"])
    }

    @Test("one device-tree property nobody may read: no false DT error, the DT check is inconclusive")
    func unreadableProperty() throws {
        let scratch = Scratch()
        let root = scratch.copy(scenario: "jp6-agx-orin-64gb")
        for property in ["status", "compatible"] {
            let path = root + "/sys/firmware/devicetree/base/bus@0/host1x@13e00000/nvdla0@15880000/" + property
            chmod(path, 0o000)
            let result = try Self.asNobody(["check", "--root", root, "--format", "json"])
            chmod(path, 0o644)
            #expect(result.status == 3, "\(property): \(result.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect((document?["findings"] as? [Any])?.isEmpty == true, "\(property): \(result.stdout)")
            let rules = (document?["inconclusive"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
            #expect(rules.contains("NVDLA-DT-001"), "\(property)")
        }
    }

    /// In a private mount namespace: the test's journal (kernel messages of this boot) over /var/log, and a
    /// root-only file over /dev/kmsg, then `check --facts` on the live root as nobody, with and without the
    /// systemd-journal group. This machine is no Jetson, so the check cannot assess it, but the facts show which
    /// kernel-log source was read.
    @Test(
        "live, without /dev/kmsg: the journal is read by a member of systemd-journal, and the source is said",
        .enabled(if: ChildProcess.canUnshareMounts, "needs unshare -m"))
    func journalOnTheLiveRoot() throws {
        let scratch = Scratch()
        let boot = try String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "-", with: "")
        let machine = try String(contentsOfFile: "/etc/machine-id", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let export = """
            __REALTIME_TIMESTAMP=1700000000000000
            __MONOTONIC_TIMESTAMP=5000000
            _BOOT_ID=\(boot)
            _TRANSPORT=kernel
            PRIORITY=3
            _SOURCE_MONOTONIC_TIMESTAMP=5000000
            MESSAGE=arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x0, fsynr=0x1, cbfrsynra=0x2b, cb=3


            """
        try Data(export.utf8).write(to: URL(fileURLWithPath: scratch.path + "/export"))
        let script = """
            set -e
            mount -t tmpfs tmpfs /var/log
            mkdir -p /var/log/journal/$2
            /lib/systemd/systemd-journal-remote --output=/var/log/journal/$2/system.journal - < $1/export 2>/dev/null
            chgrp -R systemd-journal /var/log/journal; chmod 2755 /var/log/journal /var/log/journal/$2
            chmod 0640 /var/log/journal/$2/system.journal
            : > $1/kmsg; chmod 0600 $1/kmsg; mount --bind $1/kmsg /dev/kmsg
            setpriv --reuid=65534 --regid=65534 --groups=systemd-journal $3 check --format json --facts > $1/with-group.json || true
            setpriv --reuid=65534 --regid=65534 --clear-groups $3 check --format json --facts > $1/without.json || true
            """
        let result = try ChildProcess.run(
            "/usr/bin/unshare", ["-m", "sh", "-c", script, "sh", scratch.path, machine, Binary.url.path], timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        func facts(_ file: String) throws -> [String: [String: Any]] {
            let data = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/" + file))
            let document = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return document?["facts"] as? [String: [String: Any]] ?? [:]
        }
        let with = try facts("with-group.json")
        #expect(with["kernel_log.source"]?["value"] as? String == "journal", "\(with["kernel_log.source"] ?? [:])")
        #expect(with["log.smmu_fault.count"]?["value"] as? Int == 1)
        let without = try facts("without.json")
        #expect(without["kernel_log.available"]?["value"] as? Bool == false)
        #expect(without["kernel_log.source"]?["detail"] as? String == "permission")
    }
}
