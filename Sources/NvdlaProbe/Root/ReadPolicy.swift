#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which paths under `/sys/kernel/debug` may be read, and which of them wake the DLA (read only with `--deep`).
///
/// debugfs files can have side effects: `nvdla<N>/firmware/version` powers the engine on to read its
/// version register (Docs/platform.md §2.5). Nothing outside this allowlist is ever opened under debugfs.
public struct ReadPolicy: Sendable {
    /// Allow reads that wake the DLA (`--deep`).
    public var deep: Bool

    /// debugfs paths that may be read, as fnmatch patterns (`*` does not cross `/`).
    public static let debugfsAllowlist: [String] = [
        "/sys/kernel/debug/clk",
        "/sys/kernel/debug/clk/clk_summary",
        "/sys/kernel/debug/clk/dla*",
        "/sys/kernel/debug/clk/dla*/clk_*",
        "/sys/kernel/debug/bpmp/debug/clk/dla*",
        "/sys/kernel/debug/bpmp/debug/clk/dla*/*",
        "/sys/kernel/debug/cma",
        "/sys/kernel/debug/cma/*",
        "/sys/kernel/debug/cma/*/count",
        "/sys/kernel/debug/cma/*/used",
        "/sys/kernel/debug/cma/*/order_per_bit",
        "/sys/kernel/debug/cma/*/maxchunk",
        "/sys/kernel/debug/cma/*/base_pfn",
        "/sys/kernel/debug/cma/*/bitmap",
        "/sys/kernel/debug/pm_genpd/pm_genpd_summary",
        "/sys/kernel/debug/*.iommu/masters/*/streamids",
        "/sys/kernel/debug/nvdla[01]",
        "/sys/kernel/debug/nvdla[01]/firmware",
        "/sys/kernel/debug/nvdla[01]/firmware/version",
    ]

    /// Files that wake the DLA when read: only with `--deep`.
    public static let wakesEngine: [String] = [
        "/sys/kernel/debug/nvdla[01]/firmware/version"
    ]

    public init(deep: Bool = false) { self.deep = deep }

    /// Whether `path` (absolute, inside the root) may be opened under this policy.
    public func allows(_ path: String) -> Bool {
        guard path == "/sys/kernel/debug" || path.hasPrefix("/sys/kernel/debug/") else { return true }
        if path == "/sys/kernel/debug" { return true }
        guard Self.debugfsAllowlist.contains(where: { Self.matches($0, path) }) else { return false }
        if !deep, Self.wakesEngine.contains(where: { Self.matches($0, path) }) { return false }
        return true
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, FNM_PATHNAME) == 0
    }
}
