/// Compares dotted versions (`36.4.3`, `10.3.0.30`, `8.5.2-1+cuda11.4`, `35.4.1-20230801124926`).
public enum VersionCompare {
    /// The numeric components before the first character that is neither digit nor dot (`8.5.2-1` → [8, 5, 2]).
    public static func components(_ version: String) -> [Int]? {
        var text = Substring(version.trimmingPrefix("v"))
        if let cut = text.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ".")) }) {
            text = text[..<cut]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        return numbers.count == parts.count ? numbers : nil
    }

    /// Orders two versions component by component; missing trailing components count as 0.
    /// `nil` when either is not a version.
    public static func compare(_ lhs: String, _ rhs: String) -> Int? {
        guard let a = components(lhs), let b = components(rhs) else { return nil }
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// Whether `version` lies in the family `prefix` (`36.4.3` is in `36` and `36.4`, not in `36.3`).
    public static func isInFamily(_ version: String, _ prefix: String) -> Bool {
        guard let v = components(version), let p = components(prefix), p.count <= v.count else { return false }
        return Array(v.prefix(p.count)) == p
    }
}
