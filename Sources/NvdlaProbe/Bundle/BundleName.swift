import Foundation

/// The default name of a support bundle: `nvdla-doctor-<host>-<date>.tar.gz` in the current directory.
///
/// `<host>` is the root's host name (`/etc/hostname`, else `/proc/sys/kernel/hostname`; the machine's own name when
/// the root is live), or its redaction token (`host-1`) when the bundle is redacted, so the file name does not undo
/// the redaction; `unknown-host` when the root has none. `<date>` is the local date, `YYYY-MM-DD`.
public enum BundleName {
    /// The default archive name for `root`.
    public static func defaultName(root: SystemRoot, redact: Bool, date: Date = Date()) -> String {
        let name = hostName(root)
        var host = name ?? "unknown-host"
        if redact, name != nil {
            let redactor = Redactor()
            redactor.learn(identityOf: SystemRoot(path: root.hostPath, policy: root.policy))
            host = redactor.hostToken ?? host
        }
        return "nvdla-doctor-\(sanitized(host))-\(day(date)).tar.gz"
    }

    /// The host name the root records, trimmed; nil when it has none.
    static func hostName(_ root: SystemRoot) -> String? {
        for path in ["/etc/hostname", "/proc/sys/kernel/hostname"] {
            if let text = root.readText(path, cap: 4096).value {
                let name = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\0")))
                if !name.isEmpty { return name }
            }
        }
        let name = ProcessInfo.processInfo.hostName
        return root.isLive && !name.isEmpty ? name : nil
    }

    /// Letters, digits, `.`, `_` and `-` kept, anything else `-`; at most 64 characters.
    static func sanitized(_ host: String) -> String {
        let mapped = host.unicodeScalars.map { scalar -> Character in
            let allowed =
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "-"
        }
        let text = String(mapped.prefix(64))
        return text.isEmpty || text.allSatisfy({ $0 == "." }) ? "unknown-host" : text
    }

    /// `2026-12-04` in the local time zone.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
