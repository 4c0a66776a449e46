/// Parses the JetPack 5 NVIDIA SMMU debugfs file `<smmu>/masters/<dev>/streamids`.
///
/// Path example: `/sys/kernel/debug/8000000.iommu/masters/15880000.nvdla0/streamids`. The driver prints
/// `"streamids: "` then `"% 3d "` per stream id and a newline, then `"smrs: "` the same way:
/// `streamids:  43 \nsmrs:  43 \n`.
public struct SmmuStreamIds: Sendable, Equatable {
    /// The stream ids of the master, e.g. `[43]` (0x2b, Orin DLA0).
    public let streamIDs: [Int]
    /// The stream-match register indexes.
    public let smrs: [Int]

    /// Parses `streamids` text; `nil` when neither a `streamids:` nor a `smrs:` line is present or a value
    /// on them is not a decimal integer.
    public static func parse(_ text: String) -> SmmuStreamIds? {
        var streamIDs: [Int]?
        var smrs: [Int]?
        for line in ReaderLex.lines(text) {
            guard let (label, rest) = ReaderLex.splitOnce(line, 0x3A) else { continue }
            let name = ReaderLex.trimmed(label)
            guard name == "streamids" || name == "smrs" else { continue }
            var values: [Int] = []
            for token in ReaderLex.fields(rest) {
                guard token.utf8.count <= 12, let value = ReaderLex.int(token) else { return nil }
                values.append(value)
            }
            if name == "streamids" { streamIDs = values } else { smrs = values }
        }
        guard streamIDs != nil || smrs != nil else { return nil }
        return SmmuStreamIds(streamIDs: streamIDs ?? [], smrs: smrs ?? [])
    }
}
