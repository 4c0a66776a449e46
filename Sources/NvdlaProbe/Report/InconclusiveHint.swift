/// What a user can do about a check that could not run: one sentence per reason and kind of input, for the text
/// summary and the JSON `inconclusive[].hint`.
public enum InconclusiveHint {
    /// The hint for an undecided check blocked by `blockedBy` for `reason`, on a live system or a snapshot.
    public static func text(reason: String, blockedBy: [String], live: Bool) -> String {
        let kernelLog = blockedBy.contains { $0.hasPrefix(SystemRoot.kmsgPath) }
        let debugfs = blockedBy.contains { $0.hasPrefix("/sys/kernel/debug") }
        switch reason {
        case "permission":
            if !live {
                return "the snapshot was captured, or is read now, without the rights to these files: read it as "
                    + "root, or capture it again with sudo nvdla-doctor bundle"
            }
            if kernelLog {
                return "run as root (sudo nvdla-doctor check), or add the user to the systemd-journal group (the "
                    + "journal) or the adm group (/var/log/kern.log): dmesg_restrict keeps /dev/kmsg from other users"
            }
            if debugfs { return "run as root (sudo nvdla-doctor check): debugfs is readable by root only" }
            return "run as root (sudo nvdla-doctor check)"
        case "blocked":
            return "refused: the read needs --deep (it wakes the DLA), or a symlink on the way loops or leaves the root"
        case "busy":
            return "the device was busy; run the check again"
        case "io":
            return "reading failed with an I/O error; run the check again and look at the kernel log"
        case "unsupported":
            if blockedBy.contains(where: { $0.hasPrefix("/proc/") }) {
                return live
                    ? "/proc is not mounted: mount it (sudo mount -t proc proc /proc) and run the check again"
                    : "the snapshot has no /proc: capture it again with nvdla-doctor bundle"
            }
            if kernelLog {
                return live
                    ? "no kernel log source could be read here (/dev/kmsg, the journal, /var/log/kern.log); in a "
                        + "container, run on the host or pass /dev/kmsg in"
                    : "the snapshot's kernel log is not a regular file; capture the bundle again"
            }
            return "not a regular file (a FIFO, device or socket) where one was expected: the tree is damaged or "
                + "hostile"
        case "malformed":
            return "the content is not in the expected format; nvdla-doctor check -v shows the path"
        default:
            if kernelLog && !live {
                return "the snapshot has no kernel log (.nvdla-doctor/kmsg); capture it with sudo nvdla-doctor bundle"
            }
            if debugfs {
                return live
                    ? "mount debugfs (sudo mount -t debugfs none /sys/kernel/debug) and run as root"
                    : "the snapshot has no debugfs files; capture it as root with debugfs mounted"
            }
            return "the input is absent (another release, a module not loaded, or a snapshot that did not capture it)"
        }
    }
}

extension Inconclusive {
    /// The hint for this check (`InconclusiveHint`).
    public func hint(live: Bool) -> String { InconclusiveHint.text(reason: reason, blockedBy: blockedBy, live: live) }
}
