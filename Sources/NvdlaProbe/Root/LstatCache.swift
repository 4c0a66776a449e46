import Foundation

/// Remembers what `lstat` (and `readlink`) said about each host path during one run, so resolving many paths
/// under the same directories costs one system call per component instead of one per read.
final class LstatCache: @unchecked Sendable {
    enum Entry: Sendable {
        case missing
        case failed(Int32)
        case directory
        case link(String)
        case other
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The entry for `hostPath`, from the cache or from `lstat`/`readlink`.
    func entry(_ hostPath: String) -> Entry {
        lock.lock()
        if let cached = entries[hostPath] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let entry = Self.look(hostPath)
        lock.lock()
        if entries.count < 200_000 { entries[hostPath] = entry }
        lock.unlock()
        return entry
    }

    private static func look(_ hostPath: String) -> Entry {
        var st = Glibc.stat()
        guard lstat(hostPath, &st) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .missing : .failed(code)
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK:
            guard let target = SystemRoot.readlinkRaw(hostPath) else { return .failed(errno) }
            return .link(target)
        default: return .other
        }
    }
}
