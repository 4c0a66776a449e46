#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps an errno from open/read/lstat/readlink to what a probe needs to know; the one place that does so.
public enum ErrnoClass {
    /// Classifies `code`: `nil` means "missing" (ENOENT, ENOTDIR), otherwise the unreadable class.
    public static func classify(_ code: Int32) -> Unreadable? {
        switch code {
        case ENOENT, ENOTDIR: return nil
        case EACCES, EPERM: return .permission
        case EINVAL, ENODEV, ENXIO, EOPNOTSUPP, EISDIR, ENOEXEC: return .unsupported
        case EBUSY, EAGAIN, EINTR, ETIMEDOUT: return .busy
        case ELOOP, EXDEV: return .blocked
        default: return .io
        }
    }

    /// The read result for a failed system call with `code`.
    public static func result<T>(_ code: Int32) -> ReadResult<T> {
        if let why = classify(code) { return .unreadable(why) }
        return .missing
    }
}
