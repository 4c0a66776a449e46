/// Parses `/proc/meminfo`: `Key:   value [kB]` lines (`CmaTotal:         524288 kB`).
///
/// Values with a `kB` unit are converted to bytes (× 1024); unit-less values (`HugePages_Total:       0`)
/// are kept as raw numbers.
public struct ProcMeminfo: Sendable, Equatable {
    /// Key (without the colon) → bytes, or the raw number for unit-less keys.
    public let values: [String: Int64]
    /// 1-based numbers of non-blank lines that could not be parsed (or overflowed).
    public let malformedLines: [Int]

    /// The value of one `/proc/meminfo` key, e.g. `meminfo["CmaFree"]`.
    public subscript(key: String) -> Int64? { values[key] }

    /// Parses `/proc/meminfo` text; never fails.
    public static func parse(_ text: String) -> ProcMeminfo {
        var values: [String: Int64] = [:]
        var malformed: [Int] = []
        for (offset, line) in ReaderLex.lines(text).enumerated() {
            if ReaderLex.trimmed(line).isEmpty { continue }
            guard let (key, rest) = ReaderLex.splitOnce(line, 0x3A), !ReaderLex.trimmed(key).isEmpty else {
                malformed.append(offset + 1)
                continue
            }
            let parts = ReaderLex.fields(rest)
            guard let number = parts.first.flatMap({ ReaderLex.int64($0) }) else {
                malformed.append(offset + 1)
                continue
            }
            var value: Int64?
            switch parts.count {
            case 1: value = number
            case 2 where parts[1] == "kB" || parts[1] == "KB" || parts[1] == "kb":
                let (product, overflow) = number.multipliedReportingOverflow(by: 1024)
                value = overflow ? nil : product
            default: value = nil
            }
            guard let value else {
                malformed.append(offset + 1)
                continue
            }
            values[String(ReaderLex.trimmed(key))] = value
        }
        return ProcMeminfo(values: values, malformedLines: malformed)
    }
}
