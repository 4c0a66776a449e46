import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether this process may enter and list a root directory, and if not, why, in words: a root that only its owner
/// can read is a permission problem, not "not a Jetson".
public enum RootAccess {
    /// nil when `path` can be listed and entered; else `<path>: permission denied (…)` naming owner and mode.
    public static func problem(_ path: String) -> String? {
        guard access(path, R_OK | X_OK) != 0 else { return nil }
        let code = errno
        guard code == EACCES || code == EPERM else { return nil }  // missing or other errors are reported elsewhere
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path): permission denied" }
        return describe(path: path, owner: info.st_uid, mode: info.st_mode & 0o7777, me: geteuid())
    }

    /// The message for a root `path` owned by `owner` with permission bits `mode` that user `me` cannot read.
    static func describe(path: String, owner: uid_t, mode: mode_t, me: uid_t) -> String {
        let octal = "0" + String(mode, radix: 8)
        let who = userName(owner).map { "\($0) (uid \(owner))" } ?? "uid \(owner)"
        let onlyOwner = mode & 0o077 == 0 && owner != me
        let hint =
            onlyOwner
            ? "only its owner, \(who), can read it (mode \(octal)); run as that user, with sudo, or make it readable"
            : "owner \(who), mode \(octal); run with sudo or make it readable"
        return "\(path): permission denied: \(hint)"
    }

    static func userName(_ uid: uid_t) -> String? {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
