/// One row of trtexec's per-layer profile (`--dumpProfile`), as printed under `=== Profile (N iterations ) ===`.
///
/// A row is the layer name (which may hold spaces) and as many numbers as the header has time columns, the name first
/// (TensorRT 7.x–8.5) or last (8.6, 10.x); the last number is the layer's share of the total time.
public struct ProfileRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `{ForeignNode[…]}` (TensorRT 8+) or a TensorRT 7 DLA group `{a,b,c}`: a DLA subgraph.
        case dla
        /// `Reformatting CopyNode for …`, `… reformatter N`, copies at DLA boundaries.
        case reformat
        case gpu
        case total
    }

    public let name: Substring
    public let percent: Double
    public let kind: Kind

    /// The shape of a profile table, from its header line.
    public struct Layout: Sendable, Equatable {
        /// Numeric columns per row.
        public let numbers: Int
        /// The name comes first (7.x–8.5) or last (8.6, 10.x).
        public let nameFirst: Bool
    }

    /// The layout a header line announces; nil when `line` is no profile header.
    ///
    /// `Layer   Time (ms)   Avg. Time (ms)   Time %` (7.x–8.2), `… Median Time (ms)   Time %` (8.4, 8.5) and
    /// `Time(ms)     Avg.(ms)   Median(ms)   Time(%)   Layer` (8.6, 10.x; NVIDIA/TensorRT
    /// samples/common/sampleReporting.cpp).
    public static func layout(ofHeader line: Substring) -> Layout? {
        if line.hasPrefix("Layer"), line.contains("Time (ms)"), line.hasSuffix("%") {
            return Layout(numbers: line.contains("Median") ? 4 : 3, nameFirst: true)
        }
        if line.hasPrefix("Time(ms)"), line.contains("Time(%)"), line.hasSuffix("Layer") {
            return Layout(numbers: line.contains("Median") ? 4 : 3, nameFirst: false)
        }
        return nil
    }

    /// Parses a row of a table of `layout`; nil when the line is not one.
    public static func parse(_ line: Substring, layout: Layout) -> ProfileRow? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count > layout.numbers else { return nil }
        let numberWords = layout.nameFirst ? words.suffix(layout.numbers) : words.prefix(layout.numbers)
        let numbers = numberWords.compactMap { Double($0) }
        guard numbers.count == layout.numbers, let percent = numbers.last, percent >= 0, percent <= 100.5 else {
            return nil
        }
        let name: Substring
        if layout.nameFirst {
            guard let first = words.first, let lastName = words.dropLast(layout.numbers).last else { return nil }
            name = line[first.startIndex..<lastName.endIndex]
        } else {
            guard let first = words.dropFirst(layout.numbers).first, let last = words.last else { return nil }
            name = line[first.startIndex..<last.endIndex]
        }
        return ProfileRow(name: name, percent: percent, kind: kind(of: name))
    }

    static func kind(of name: Substring) -> Kind {
        if name == "Total" { return .total }
        let lower = name.lowercased()
        if lower.hasPrefix("reformatting copynode") || lower.contains("reformatter") || lower.hasSuffix("_copy_output")
            || lower.hasPrefix("copynode")
        {
            return .reformat
        }
        // NVM-region copies at DLA boundaries: `images to nvm`, `images copy finish`; `head_3 from nvm` also holds the
        // wait for the DLA's output, so it counts as DLA time.
        if lower.hasSuffix(" to nvm") || lower.hasSuffix(" copy finish") { return .reformat }
        if name.hasPrefix("{") || lower.hasSuffix(" from nvm") { return .dla }
        return .gpu
    }
}
