/// The unit of an integer fact, for showing it to people: bytes as MiB, Hz as MHz, percentages with `%`.
///
/// Read from the fact catalogue: a key ending in `_bytes` (or a meaning that says "bytes") is in bytes, `_kb` in
/// kilobytes, a meaning that says ", Hz" in hertz, a key ending in `_pct` (or ", percent") a percentage, a stream
/// ID in hexadecimal (as the device tree and the kernel print it).
public enum FactUnit: Sendable, Equatable {
    case bytes, kilobytes, hertz, percent, hex, count

    /// The unit of `key` (instance indices allowed: `dla.0.clk.core.rate`).
    public static func of(_ key: String) -> FactUnit {
        let meaning = FactCatalogue.spec(for: key)?.meaning ?? ""
        if key.hasSuffix("_bytes") || meaning.hasSuffix(" bytes") || meaning.contains(" bytes,") { return .bytes }
        if key.hasSuffix("_kb") || meaning.contains("(kB)") { return .kilobytes }
        if meaning.contains(", Hz") { return .hertz }
        if key.hasSuffix("_pct") || meaning.contains(", percent") { return .percent }
        if key.hasSuffix("stream_id") || key.hasSuffix("_sid") { return .hex }
        return .count
    }

    /// `value` in this unit, for people: `64 MiB`, `614.4 MHz` (a negative rate is `no cap`), `97%`, `0x2b`, `3`.
    public func format(_ value: Int64) -> String {
        switch self {
        case .bytes: return Format.mib(value)
        case .kilobytes: return Format.mib(value.multipliedReportingOverflow(by: 1024).partialValue)
        case .hertz: return value < 0 ? "no cap" : Format.mhz(value)
        case .percent: return "\(value)%"
        case .hex: return value < 0 ? String(value) : "0x" + String(value, radix: 16)
        case .count: return String(value)
        }
    }
}
