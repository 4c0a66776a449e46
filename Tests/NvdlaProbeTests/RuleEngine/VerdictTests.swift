import Testing

@testable import NvdlaProbe

/// The verdict: findings first, then undecided checks that could hide an error or a warning, then ok.
struct VerdictTests {
    static func undecided(_ severity: Severity, _ reason: String, source: String = "/dev/kmsg") -> RuleOutcome {
        .inconclusive(
            Inconclusive(
                rule: "NVDLA-X-\(severity.rawValue)-\(reason)", subject: "dla0", severity: severity,
                blockers: [Blocker(key: "log.x.count", source: source, reason: reason)]))
    }

    static func finding(_ severity: Severity) -> RuleOutcome {
        .fired(
            Finding(
                id: "NVDLA-Y-001", area: .driver, severity: severity, subject: "dla0", title: "t", message: "m",
                evidence: [], remedy: FindingRemedy(summary: "s", commands: [], doc: "Docs/remedies/NVDLA-Y-001.md")))
    }

    static func status(_ outcomes: [RuleOutcome]) -> ReportStatus {
        Report(source: ReportSource(kind: "live", path: "/"), facts: FactTable(), outcomes: outcomes).status
    }

    @Test(
        "an error or warning check blocked by an access failure makes the status unknown (exit 3)",
        arguments: ["permission", "busy", "io", "unsupported", "blocked"])
    func accessFailureIsUnknown(_ reason: String) {
        #expect(Self.status([Self.undecided(.error, reason), .passed(rule: "A", subject: "system")]) == .unknown)
        #expect(Self.status([Self.undecided(.warning, reason)]) == .unknown)
        #expect(ReportStatus.unknown.exitCode == 3)
    }

    @Test(
        "absent, malformed or uncollected input, or an info check, leaves ok",
        arguments: ["missing", "malformed", "not collected"])
    func absentInputIsOk(_ reason: String) {
        #expect(Self.status([Self.undecided(.error, reason)]) == .ok)
        #expect(Self.status([Self.undecided(.info, "permission")]) == .ok)
    }

    @Test("a finding outranks unknown (monitoring-plugins max_state_alt: OK < UNKNOWN < WARNING < CRITICAL)")
    func findingsOutrankUnknown() {
        #expect(Self.status([Self.undecided(.error, "permission"), Self.finding(.warning)]) == .warning)
        #expect(Self.status([Self.undecided(.error, "permission"), Self.finding(.error)]) == .error)
        #expect(Self.status([Self.undecided(.error, "permission"), Self.finding(.info)]) == .unknown)
    }

    @Test("the hint names the fix for the reason and the input")
    func hints() {
        let kmsg = ["/dev/kmsg"]
        #expect(InconclusiveHint.text(reason: "permission", blockedBy: kmsg, live: true).contains("systemd-journal"))
        #expect(InconclusiveHint.text(reason: "permission", blockedBy: kmsg, live: true).contains("sudo"))
        let debugfs = ["/sys/kernel/debug/clk/dla0_core/clk_rate"]
        #expect(InconclusiveHint.text(reason: "permission", blockedBy: debugfs, live: true).contains("root only"))
        #expect(InconclusiveHint.text(reason: "missing", blockedBy: debugfs, live: true).contains("mount -t debugfs"))
        #expect(
            InconclusiveHint.text(reason: "unsupported", blockedBy: ["/proc/meminfo"], live: false).contains("/proc"))
        #expect(InconclusiveHint.text(reason: "blocked", blockedBy: ["/x"], live: true).contains("--deep"))
        #expect(InconclusiveHint.text(reason: "missing", blockedBy: kmsg, live: false).contains("no kernel log"))
    }
}
