/// Reads the kernel log once, counts the rule set's log signals over it, and records the presence-chain facts
/// they prove, per DLA instance.
///
/// Source: live, `/dev/kmsg`, else the systemd journal, else `/var/log/kern.log` or `/var/log/syslog`
/// (`SystemRoot.kernelLog`); `.nvdla-doctor/kmsg` in snapshots. `kernel_log.source` names the one used. When no
/// source can be read, every signal count (per DLA instance too) carries the failure, so the rules that read them
/// are inconclusive with the reason, never passed. The signals (`signals:` in `Rules/*.yaml`) set
/// `log.<S>.*` and `dla.<i>.log.<S>.*`; from the `fused`, `probe_failed` and `fw_load_failed` signals this probe also
/// derives the older facts `dla.<i>.log.fused`, `dla.<i>.log.probe_error` and `firmware.log.load_failed`
/// (messages: Docs/platform.md §3.1, §8 — `NVDLA0 IP is disabled in Fuse`, `nvdla: probe of 15880000.nvdla0 failed
/// with error -22`, `Direct firmware load for nvidia/tegra234/nvdla.bin failed with error -2`).
public struct KernelLogProbe: Probe {
    public var area: Area { .driver }

    public init() {}

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let read = context.root.kernelLog()
        let log = read.lines
        let tried = read.attempts.map { "\($0.source): \($0.outcome)" }.joined(separator: ", ")
        guard case .value(let lines) = log else {
            let source = SystemRoot.kmsgPath
            facts.set("kernel_log.available", .bool(false), source: source, raw: tried)
            facts.set("kernel_log.source", from: log, source: source) { _ in nil }
            let failed = log.map { _ in Int64(0) }
            for signal in context.signals {
                facts.set("log.\(signal.name).count", from: failed, source: source) { _ in nil }
                guard signal.attribute != nil else { continue }
                facts.set("log.\(signal.name).other.count", from: failed, source: source) { _ in nil }
                for index in facts.instances["dla"] ?? [] {
                    facts.set("dla.\(index).log.\(signal.name).count", from: failed, source: source) { _ in nil }
                }
            }
            for index in facts.instances["dla"] ?? [] {
                facts.set("dla.\(index).log.fused", from: log.map { _ in false }, source: source) { _ in nil }
                facts.set("dla.\(index).log.probe_error", from: failed, source: source) { _ in nil }
            }
            return
        }
        let source = read.source
        facts.set("kernel_log.available", .bool(true), source: source, raw: "\(lines.count) lines")
        facts.set("kernel_log.source", .string(source), source: source, raw: tried)
        let scanner = SignalScanner(signals: context.signals)
        for line in lines { scanner.scan(line.message, location: "\(source) (\(line.location))") }
        scanner.record(into: &facts, instances: facts.instances["dla"] ?? [], source: source)
        Self.deriveChainFacts(into: &facts, source: source)
    }

    static let probeError = try? Regex2(#"failed with error (?<err>-?\d+)"#)
    static let firmwareFile = try? Regex2(#"Direct firmware load for (?<file>\S+) failed"#)

    /// `dla.<i>.log.fused`, `dla.<i>.log.probe_error` and `firmware.log.load_failed` from the signal facts (left
    /// unset when the rule set does not declare the signal).
    static func deriveChainFacts(into facts: inout FactTable, source: String) {
        for index in facts.instances["dla"] ?? [] {
            let fused = "dla.\(index).log.fused"
            if let count = facts.int("\(fused).count") {
                let first = facts["\(fused).first"]
                facts.set(
                    fused, .bool(count > 0), source: count > 0 ? first?.source ?? source : source,
                    raw: facts.string("\(fused).first"))
            }
            let probe = "dla.\(index).log.probe_failed.last"
            if let line = facts.string(probe), let error = probeError?.captures(in: line)?["err"] {
                facts.set(
                    "dla.\(index).log.probe_error", .int(Int64(error) ?? 0), source: facts[probe]?.source ?? source,
                    raw: line)
            } else if facts.int("dla.\(index).log.probe_failed.count") != nil {
                facts.set("dla.\(index).log.probe_error", state: .missing(source: source))
            }
        }
        deriveSmmuClient(into: &facts, source: source)
        let firmware = "log.fw_load_failed.last"
        if let line = facts.string(firmware) {
            let file = firmwareFile?.captures(in: line)?["file"] ?? line
            facts.set("firmware.log.load_failed", .string(file), source: facts[firmware]?.source ?? source, raw: line)
        } else if facts.int("log.fw_load_failed.count") != nil {
            facts.set("firmware.log.load_failed", state: .missing(source: source))
        }
    }

    /// `log.smmu_fault.first_client`: who the first SMMU fault names, by SMMU instance and masked stream ID.
    static func deriveSmmuClient(into facts: inout FactTable, source: String) {
        let first = "log.smmu_fault.first"
        guard let line = facts.string(first) else { return }
        let lineSource = facts[first]?.source ?? source
        guard let fault = SmmuFaultLine.parse(line) else {
            facts.set("log.smmu_fault.first_client", .string("no stream ID in the line"), source: lineSource, raw: line)
            return
        }
        let (sid, client) = SmmuClients.attribute(soc: facts.string("platform.soc"), smmu: fault.smmu, raw: fault.raw)
        let stream = "stream 0x\(String(sid, radix: 16)) on \(fault.smmu).iommu"
        let text = client.map { "\($0.name) (\(stream))" } ?? "\(stream), not in the client table"
        facts.set("log.smmu_fault.first_client", .string(text), source: lineSource, raw: line)
    }
}
