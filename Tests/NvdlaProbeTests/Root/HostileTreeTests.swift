import Foundation
import Testing

@testable import NvdlaProbe

/// Trees are hostile by default: opens stay beneath the root even when the tree changes under the reader, both
/// through `openat2` and the component walk; odd files and a missing `/proc` give inconclusive checks, never a
/// false finding.
@Suite("Hostile trees")
struct HostileTreeTests {
    @Test("the component walk (kernels without openat2) gives every scenario the same report as openat2")
    func walkMatchesOpenat2() {
        for scenario in Fixtures.scenarios {
            let path = Fixtures.path(scenario)
            let fast = Diagnosis.check(root: SystemRoot(path: path), rules: Fixtures.rules)
            let walked = Diagnosis.check(root: SystemRoot(path: path, walkComponents: true), rules: Fixtures.rules)
            #expect(fast.findingKeys == walked.findingKeys, "\(scenario)")
            #expect(fast.status == walked.status, "\(scenario)")
            #expect(fast.inconclusive.map(\.rule) == walked.inconclusive.map(\.rule), "\(scenario)")
        }
    }

    @Test(
        "a directory swapped for a symlink after resolution is not followed out of the root", arguments: [false, true])
    func swappedAfterResolve(walk: Bool) throws {
        let temp = TemporaryDirectory()
        temp.write("inside\n", at: "root/sys/devices/x/attr")
        temp.write("SECRET\n", at: "outside/x/attr")
        let root = SystemRoot(path: temp.path + "/root", walkComponents: walk)
        let inner = try #require(root.resolve("/sys/devices/x/attr").value)
        // The race: between resolve and open, sys/devices becomes a link out of the root.
        let fm = FileManager.default
        try fm.removeItem(atPath: temp.path + "/root/sys/devices")
        try fm.createSymbolicLink(atPath: temp.path + "/root/sys/devices", withDestinationPath: temp.path + "/outside")
        let fd = root.opener.open(inner, flags: O_RDONLY)
        let code = errno
        if fd >= 0 { close(fd) }
        #expect(fd < 0)
        #expect(ErrnoClass.classify(code) == .blocked)
        // And a final component swapped for a link.
        try fm.removeItem(atPath: temp.path + "/root/sys/devices")
        temp.write("inside\n", at: "root/sys/devices/x/attr2")
        try fm.createSymbolicLink(
            atPath: temp.path + "/root/sys/devices/x/attr", withDestinationPath: temp.path + "/outside/x/attr")
        let last = root.opener.open("/sys/devices/x/attr", flags: O_RDONLY)
        if last >= 0 { close(last) }
        #expect(last < 0)
    }

    @Test("a FIFO where a DLA's device-tree status should be: no false DT error, the check is inconclusive")
    func fifoStatus() throws {
        let temp = TemporaryDirectory()
        let copy = temp.copy(scenario: "jp6-agx-orin-64gb")
        let status = copy + "/sys/firmware/devicetree/base/bus@0/host1x@13e00000/nvdla0@15880000/status"
        try? FileManager.default.removeItem(atPath: status)
        #expect(mkfifo(status, 0o644) == 0)
        let report = Fixtures.check(copy)
        #expect(report.findings.filter { $0.severity != .info }.isEmpty, "\(report.findingKeys)")
        let dt = try #require(report.inconclusive.first { $0.rule == "NVDLA-DT-001" })
        #expect(dt.reason == "unsupported")
        #expect(dt.blockedBy == [status.replacingOccurrences(of: copy, with: "")])
        #expect(report.status == .unknown)
    }

    @Test("a root without /proc is reported: its facts are unreadable, the checks reading them inconclusive")
    func noProc() throws {
        let temp = TemporaryDirectory()
        let copy = temp.copy(scenario: "jp6-agx-orin-cma-cmdline")
        #expect(Fixtures.check(copy).findingKeys.contains("NVDLA-MEM-004:system"))
        try FileManager.default.removeItem(atPath: copy + "/proc")
        let report = Fixtures.check(copy)
        #expect(report.facts.bool("root.proc.present") == false)
        if case .unreadable(.unsupported, "/proc/cmdline")? = report.facts["memory.cma.cmdline_bytes"] {
        } else {
            Issue.record("cmdline: \(String(describing: report.facts["memory.cma.cmdline_bytes"]))")
        }
        // cma= cannot be known, so neither "cma= overrides" nor "the reservation failed" is claimed.
        #expect(!report.findingKeys.contains("NVDLA-MEM-004:system"))
        #expect(report.inconclusive.contains { $0.rule == "NVDLA-MEM-004" })
        #expect(report.status == .unknown)
        let text = TextRenderer().render(report)
        #expect(text.contains("the snapshot has no /proc"))
    }

    @Test("an unreadable stat.tsv leaves device nodes unknown, not missing: no false devnode error")
    func statTableNotRegular() throws {
        let temp = TemporaryDirectory()
        let copy = temp.copy(scenario: "jp6-agx-orin-64gb")
        try FileManager.default.removeItem(atPath: copy + "/.nvdla-doctor/stat.tsv")
        try FileManager.default.createDirectory(
            atPath: copy + "/.nvdla-doctor/stat.tsv", withIntermediateDirectories: false)
        let report = Fixtures.check(copy)
        #expect(report.findings.filter { $0.area == .devnodes }.isEmpty, "\(report.findingKeys)")
        #expect(report.inconclusive.contains { $0.rule.hasPrefix("NVDLA-DEV-") && $0.reason == "unsupported" })
    }

    @Test(".nvdla-doctor files are read beneath the root: a kmsg linked out of the tree is not read")
    func metaLinkOutside() throws {
        let temp = TemporaryDirectory()
        let copy = temp.copy(scenario: "jp6-agx-orin-64gb")
        temp.write("3,1,1,-;arm-smmu 8000000.iommu: Unhandled context fault: cbfrsynra=0x2b, cb=3\n", at: "outside")
        try FileManager.default.removeItem(atPath: copy + "/.nvdla-doctor/kmsg")
        try FileManager.default.createSymbolicLink(
            atPath: copy + "/.nvdla-doctor/kmsg", withDestinationPath: temp.path + "/outside")
        let report = Fixtures.check(copy)
        #expect(report.findings.isEmpty, "\(report.findingKeys)")
        #expect(report.facts.bool("kernel_log.available") == false)
    }
}
