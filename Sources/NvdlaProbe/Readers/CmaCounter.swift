/// Parses the small debugfs CMA files `count`, `used`, `order_per_bit`, `maxchunk` and `base_pfn`.
///
/// Each lives in `/sys/kernel/debug/cma/<area>/` and holds one number printed as `"%llu\n"`.
public enum CmaCounter: Sendable, Equatable {
    /// Parses one debugfs CMA counter file into its number.
    ///
    /// Returns `nil` for anything but one unsigned decimal (surrounding whitespace allowed).
    public static func parse(_ text: String) -> UInt64? {
        let trimmed = ReaderLex.trimmed(text)
        guard !trimmed.isEmpty, trimmed.utf8.first != 0x2B else { return nil }
        return ReaderLex.uint64(trimmed)
    }
}
