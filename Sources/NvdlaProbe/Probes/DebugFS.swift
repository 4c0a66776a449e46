/// Whether debugfs can be read at all under a root: `/sys/kernel/debug` listed once.
///
/// Lets probes tell "this kernel has no such debugfs file" (debugfs readable, entry absent: a known `false`)
/// from "debugfs is not mounted or needs root" (missing or unreadable: the rule stays inconclusive).
enum DebugFS {
    static let base = "/sys/kernel/debug"

    /// The entries of `/sys/kernel/debug`, or why they cannot be listed.
    static func entries(_ root: SystemRoot) -> ReadResult<[String]> {
        root.list(base)
    }

    /// Whether `name` is a top-level debugfs entry, as a read result (missing/unreadable when debugfs is).
    static func has(_ name: String, in entries: ReadResult<[String]>) -> ReadResult<Bool> {
        entries.map { $0.contains(name) }
    }
}
