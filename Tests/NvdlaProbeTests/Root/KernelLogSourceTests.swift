import Foundation
import Testing

@testable import NvdlaProbe

/// Where the kernel log comes from: `/dev/kmsg`, else the systemd journal (a journal file written here by
/// `systemd-journal-remote`), else `/var/log/kern.log` or `/var/log/syslog`; and what a snapshot records of it.
@Suite("Kernel log sources")
struct KernelLogSourceTests {
    static let bootA = "0123456789abcdef0123456789abcdef"
    static let bootB = "fedcba9876543210fedcba9876543210"
    static let fault =
        "arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0xffe00000, fsynr=0x200011, cbfrsynra=0x2b, cb=3"

    /// One journal export entry (`journalctl -o export` form).
    static func entry(boot: String, monotonic: Int, transport: String, message: String, priority: Int = 3) -> String {
        """
        __REALTIME_TIMESTAMP=\(1_700_000_000_000_000 + monotonic)
        __MONOTONIC_TIMESTAMP=\(monotonic)
        _BOOT_ID=\(boot)
        _TRANSPORT=\(transport)
        PRIORITY=\(priority)
        SYSLOG_IDENTIFIER=\(transport == "kernel" ? "kernel" : "svc")
        _SOURCE_MONOTONIC_TIMESTAMP=\(monotonic)
        MESSAGE=\(message)


        """
    }

    /// Writes `export` (journal export format) as the journal file `path` with systemd-journal-remote.
    static func writeJournal(_ export: String, to path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/lib/systemd/systemd-journal-remote")
        process.arguments = ["--output=\(path)", "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(export.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static func live(_ sources: KernelLogSources) -> SystemRoot { SystemRoot(path: "/", kernelLogSources: sources) }

    @Test("with /dev/kmsg unavailable, the journal's kernel messages of the last boot are read; other transports not")
    func journal() throws {
        let temporary = TemporaryDirectory()
        let file = temporary.path + "/system.journal"
        let export =
            Self.entry(boot: Self.bootA, monotonic: 1_000_000, transport: "kernel", message: "old boot: engine timeout")
            + Self.entry(boot: Self.bootB, monotonic: 2_000_000, transport: "kernel", message: Self.fault)
            + Self.entry(boot: Self.bootB, monotonic: 3_000_000, transport: "stdout", message: "a service line")
            + Self.entry(boot: Self.bootB, monotonic: 4_000_000, transport: "kernel", message: "nvdla: initialized")
        try Self.writeJournal(export, to: file)
        let root = Self.live(
            KernelLogSources(
                kmsg: temporary.path + "/no-kmsg", journal: true, journalFiles: [file], logFiles: []))
        let read = root.kernelLog()
        #expect(read.source == "journal")
        let lines = try #require(read.lines.value)
        #expect(lines.map(\.message) == [Self.fault, "nvdla: initialized"])
        #expect(lines.first?.level == 3)
        #expect(lines.first?.location == "+2.000000 s")
        #expect(read.attempts.map(\.outcome) == ["missing", "ok"])

        // Through the probe: the fault is counted for dla0 and cited with the journal as its source.
        var facts = FactTable()
        facts.addInstance("dla", "0")
        KernelLogProbe().collect(ProbeContext(root: root), into: &facts)
        #expect(facts.string("kernel_log.source") == "journal")
        #expect(facts.int("log.smmu_fault.count") == 1)
        #expect(facts["log.smmu_fault.last"]?.source.hasPrefix("journal (+2.000000 s)") == true)
    }

    @Test("a journal without kernel messages is not a kernel log: the next source is read")
    func journalWithoutKernelLines() throws {
        let temporary = TemporaryDirectory()
        let file = temporary.path + "/system.journal"
        try Self.writeJournal(
            Self.entry(boot: Self.bootB, monotonic: 1, transport: "stdout", message: "service only"), to: file)
        temporary.write(
            "Jan  6 10:00:00 orin kernel: [    0.000000] Booting Linux\nJan  6 10:00:05 orin kernel: [   12.5] \(Self.fault)\n",
            at: "kern.log")
        let root = Self.live(
            KernelLogSources(
                kmsg: temporary.path + "/no-kmsg", journal: true, journalFiles: [file],
                logFiles: [temporary.path + "/kern.log"]))
        let read = root.kernelLog()
        #expect(read.source == temporary.path + "/kern.log")
        #expect(read.lines.value?.last?.message == Self.fault)
        #expect(read.attempts.map(\.outcome) == ["missing", "missing", "ok"])
    }

    @Test("no source at all: the log is unreadable (never an empty, clean log), and the log rules are inconclusive")
    func noSource() {
        let temporary = TemporaryDirectory()
        let root = Self.live(
            KernelLogSources(
                kmsg: temporary.path + "/no-kmsg", journal: false, logFiles: [temporary.path + "/no-kern.log"]))
        let read = root.kernelLog()
        #expect(read.lines.value == nil)
        if case .unreadable(.unsupported) = read.lines {} else { Issue.record("\(read.lines.outcomeWord)") }
        var facts = FactTable()
        facts.addInstance("dla", "0")
        KernelLogProbe().collect(ProbeContext(root: root), into: &facts)
        #expect(facts.bool("kernel_log.available") == false)
        if case .unreadable? = facts["dla.0.log.smmu_fault.count"] {} else { Issue.record("per-DLA count not marked") }
        if case .unreadable? = facts["log.cma_alloc_failed.count"] {} else { Issue.record("count not marked") }
    }

    @Test("/dev/kmsg records are read first; a directory or a missing path in its place is not a log")
    func kmsgFirst() throws {
        let temporary = TemporaryDirectory()
        temporary.write(
            "6,1,100,-;nvdla 15880000.nvdla0: initialized\n SUBSYSTEM=platform\n3,2,200,-;\(Self.fault)\n", at: "kmsg")
        let root = Self.live(
            KernelLogSources(kmsg: temporary.path + "/kmsg", journal: false, logFiles: []))
        let read = root.kernelLog()
        #expect(read.source == temporary.path + "/kmsg")
        #expect(read.lines.value?.map(\.location) == ["kmsg seq 1", "kmsg seq 2"])
        try FileManager.default.createDirectory(atPath: temporary.path + "/dir", withIntermediateDirectories: true)
        if case .unreadable = SystemRoot.readKmsgDevice(temporary.path + "/dir") {
        } else {
            Issue.record("directory read")
        }
        if case .missing = SystemRoot.readKmsgDevice(temporary.path + "/absent") {} else { Issue.record("absent read") }
    }

    @Test("a snapshot names the source its kmsg came from; without the file it is /dev/kmsg")
    func snapshotSource() {
        let temporary = TemporaryDirectory()
        let copy = temporary.copy(scenario: "jp6-agx-orin-smmu-fault-dla0")
        #expect(SystemRoot(path: copy).kernelLog().source == "/dev/kmsg")
        _ = FileManager.default.createFile(
            atPath: copy + "/.nvdla-doctor/kmsg-source", contents: Data("journal\n".utf8))
        let report = Fixtures.check(copy)
        #expect(report.facts.string("kernel_log.source") == "journal")
        #expect(report.findingKeys == ["NVDLA-SMMU-101:dla0"])
        let evidence = report.findings.first?.evidence.map(\.source) ?? []
        #expect(evidence.contains { $0.hasPrefix("journal (record ") })
        #expect(JSONRenderer.render(report).contains("\"kernelLog\" : \"journal\""))
    }

    @Test("a snapshot whose capture could not read the kernel log makes the log checks inconclusive: status unknown")
    func snapshotUnreadableLog() throws {
        let temporary = TemporaryDirectory()
        let copy = temporary.copy(scenario: "jp6-agx-orin-smmu-fault-dla0")
        try FileManager.default.removeItem(atPath: copy + "/.nvdla-doctor/kmsg")
        let before = Fixtures.check(copy)
        #expect(before.status == .ok, "a snapshot without a kernel log only lacks input")
        _ = FileManager.default.createFile(
            atPath: copy + "/.nvdla-doctor/unreadable.tsv", contents: Data("/dev/kmsg\tpermission\n".utf8))
        let report = Fixtures.check(copy)
        #expect(report.status == .unknown)
        #expect(report.findings.isEmpty)
        let smmu = try #require(report.inconclusive.first { $0.rule == "NVDLA-SMMU-101" && $0.subject == "dla0" })
        #expect(smmu.reason == "permission")
        #expect(smmu.isImportant)
        #expect(smmu.hint(live: false).contains("sudo nvdla-doctor bundle"))
        #expect(smmu.hint(live: true).contains("systemd-journal"))
    }
}
