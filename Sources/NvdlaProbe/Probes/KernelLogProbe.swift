/// Reads the kernel log once and records the presence-chain facts it proves, per DLA instance.
///
/// Source: `/dev/kmsg` live, `.nvdla-doctor/kmsg` in snapshots. Messages (jetson-dla-facts §3.1, §8):
/// `nvdla 15880000.nvdla0: NVDLA0 IP is disabled in Fuse` (also `Soft Fuse`, `SKU`), driver-core
/// `nvdla: probe of 15880000.nvdla0 failed with error -22`, and the firmware loader's
/// `Direct firmware load for nvidia/tegra234/nvdla.bin failed with error -2`. Then counts the rule set's log
/// signals (`SignalScanner`) over the same lines.
public struct KernelLogProbe: Probe {
    public var area: Area { .driver }

    public init() {}

    static let fused = try? Regex2(
        #"(?:(?<unit>15880000|158c0000)\.nvdla\d:\s*)?NVDLA(?<n>[01])? IP is disabled in (?<how>Soft Fuse|Fuse|SKU)"#)
    static let probeFailed = try? Regex2(
        #"probe of (?<unit>15880000|158c0000)\.nvdla\d failed with error (?<err>-?\d+)"#)
    static let firmwareFailed = try? Regex2(
        #"Direct firmware load for (?<file>\S*(?:nvdla|nvhost_nvdla)\S*) failed with error (?<err>-?\d+)"#)

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let log = context.root.kernelLog()
        let source = SystemRoot.kmsgPath
        guard case .value(let lines) = log else {
            facts.set("kernel_log.available", .bool(false), source: source, raw: log.outcomeWord)
            for signal in context.signals {
                facts.set("log.\(signal.name).count", from: log.map { _ in 0 }, source: source) { _ in nil }
            }
            for index in facts.instances["dla"] ?? [] {
                facts.set("dla.\(index).log.fused", from: log.map { _ in false }, source: source) { _ in nil }
                facts.set("dla.\(index).log.probe_error", from: log.map { _ in 0 }, source: source) { _ in nil }
            }
            return
        }
        facts.set("kernel_log.available", .bool(true), source: source, raw: "\(lines.count) lines")
        var fusedLine: [String: KernelLogLine] = [:]
        var probeError: [String: (String, KernelLogLine)] = [:]
        var firmwareFailure: (String, KernelLogLine)?
        let fusedMatcher = Self.fused?.matcher()
        let probeMatcher = Self.probeFailed?.matcher()
        let firmwareMatcher = Self.firmwareFailed?.matcher()
        for line in lines {
            var text = line.message
            text.withUTF8 { bytes in
                if line.message.contains("IP is disabled in"), let c = fusedMatcher?.captures(bytes) {
                    let index = c["unit"].flatMap { DeviceTreeProbe.unitAddresses[$0] } ?? c["n"] ?? "0"
                    if fusedLine[index] == nil { fusedLine[index] = line }
                }
                if line.message.contains("probe of"), let c = probeMatcher?.captures(bytes),
                    let unit = c["unit"], let index = DeviceTreeProbe.unitAddresses[unit]
                {
                    probeError[index] = (c["err"] ?? "?", line)
                }
                if line.message.contains("Direct firmware load"), let c = firmwareMatcher?.captures(bytes) {
                    firmwareFailure = (c["file"] ?? "?", line)
                }
            }
        }
        if !context.signals.isEmpty {
            let scanner = SignalScanner(signals: context.signals)
            for line in lines { scanner.scan(line.message, location: Self.where_(line)) }
            scanner.record(into: &facts, instances: facts.instances["dla"] ?? [], source: source)
        }
        for index in facts.instances["dla"] ?? [] {
            if let line = fusedLine[index] {
                facts.set("dla.\(index).log.fused", .bool(true), source: Self.where_(line), raw: line.message)
            } else {
                facts.set("dla.\(index).log.fused", .bool(false), source: source)
            }
            if let (error, line) = probeError[index] {
                facts.set(
                    "dla.\(index).log.probe_error", .int(Int64(error) ?? 0), source: Self.where_(line),
                    raw: line.message)
            } else {
                facts.set("dla.\(index).log.probe_error", state: .missing(source: source))
            }
        }
        if let (file, line) = firmwareFailure {
            facts.set("firmware.log.load_failed", .string(file), source: Self.where_(line), raw: line.message)
        } else {
            facts.set("firmware.log.load_failed", state: .missing(source: source))
        }
    }

    static func where_(_ line: KernelLogLine) -> String { "\(SystemRoot.kmsgPath) (\(line.location))" }
}
