/// Reads the kernel lines of a syslog file (`/var/log/kern.log`, `/var/log/syslog`, as rsyslog writes them:
/// `Jan  6 10:12:01 host kernel: [   12.345678] msg`) and keeps the last boot's, as `/dev/kmsg` would hold them.
///
/// A boot starts where the kernel timestamp goes back (to `[    0.000000]` after a reboot) or, for logs without
/// timestamps, at the kernel's `Linux version` banner. Lines of other programs (`/var/log/syslog`) are skipped.
public enum SyslogKernelLog {
    /// The last boot's kernel lines of `bytes`, in order; each line's location is `line N` of the file.
    public static func lastBoot(_ bytes: [UInt8]) -> [KernelLogLine] {
        var lines: [KernelLogLine] = []
        var previous: Double?
        var number = 0
        for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard let line = DmesgLine.parse(raw), line.ident == "kernel" else { continue }
            let stamp = line.isRelative ? nil : line.timestamp
            let rebooted =
                if let stamp, let previous { stamp < previous } else { line.message.hasPrefix("Linux version ") }
            if rebooted { lines.removeAll(keepingCapacity: true) }
            if let stamp { previous = stamp }
            lines.append(
                KernelLogLine(level: line.level, seconds: stamp, message: line.message, location: "line \(number)"))
        }
        return lines
    }
}
