/// Parses `nvpmodel -q` output: `NV Power Mode: MODE_15W` followed by a line with the mode id (`1`).
///
/// Warning lines (`NVPM WARN: …`) before or after are ignored; `nvpmodel -q --verbose` output works too.
public struct NvpmodelQuery: Sendable, Equatable {
    /// The mode name, e.g. `MODE_15W` or `MAXN`.
    public let name: String
    /// The mode id from the first all-digit line after the name line.
    public let id: Int?

    /// Parses `nvpmodel -q` output; `nil` without an `NV Power Mode:` line.
    public static func parse(_ text: String) -> NvpmodelQuery? {
        let lines = ReaderLex.lines(ReaderLex.stripANSI(text))
        let marker = "NV Power Mode:"
        for (index, rawLine) in lines.enumerated() {
            let line = ReaderLex.trimmed(rawLine)
            guard ReaderLex.hasPrefix(line, marker) else { continue }
            let name = ReaderLex.trimmed(line.dropFirst(marker.count))
            guard !name.isEmpty else { continue }
            var id: Int?
            for next in lines[(index + 1)...] {
                let candidate = ReaderLex.trimmed(next)
                if candidate.utf8.count <= 9, let value = ReaderLex.int(candidate), value >= 0 {
                    id = value
                    break
                }
            }
            return NvpmodelQuery(name: String(name), id: id)
        }
        return nil
    }
}
