import CLinux
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Opens paths that `SystemRoot.resolve` has already resolved (no symlink left) beneath a descriptor of the root,
/// so a tree that changes between resolving and opening cannot lead the open outside it.
///
/// Uses `openat2(2)` with `RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS` where the kernel has it (Linux 5.6; JetPack 5
/// and 6 kernels do); on `ENOSYS` (or a seccomp filter answering `EPERM`) it walks the path one `openat(O_NOFOLLOW)`
/// per component. Every open adds `O_NOFOLLOW | O_CLOEXEC`; a symlink met on the way fails with `ELOOP`/`EXDEV`,
/// which `ErrnoClass` reports as `blocked`.
final class BeneathOpener: Sendable {
    /// Descriptor of the root directory (`nvdla_o_path`), or -1 when it could not be opened.
    let rootDescriptor: Int32
    /// Walk component by component even where `openat2` exists (tests of the fallback).
    let walkComponents: Bool

    init(root: String, walkComponents: Bool) {
        rootDescriptor = Glibc.open(root, nvdla_o_path | O_DIRECTORY | O_CLOEXEC)
        self.walkComponents = walkComponents
    }

    deinit {
        if rootDescriptor >= 0 { close(rootDescriptor) }
    }

    /// Whether this kernel answers `openat2` (probed once).
    static let hasOpenat2: Bool = {
        let fd = nvdla_openat2(AT_FDCWD, ".", UInt64(nvdla_o_path | O_CLOEXEC), 0, UInt64(NVDLA_RESOLVE_BENEATH))
        if fd >= 0 {
            close(fd)
            return true
        }
        return errno != ENOSYS && errno != EPERM
    }()

    /// Opens the inner absolute path `inner` (no symlinks, no `..`) with `flags`; -1 with `errno` on failure.
    func open(_ inner: String, flags: Int32) -> Int32 {
        guard rootDescriptor >= 0 else {
            errno = ENOENT
            return -1
        }
        let relative = inner == "/" ? "." : String(inner.drop { $0 == "/" })
        let allFlags = flags | O_NOFOLLOW | O_CLOEXEC
        if !walkComponents && Self.hasOpenat2 {
            let resolve = UInt64(NVDLA_RESOLVE_BENEATH | NVDLA_RESOLVE_NO_MAGICLINKS)
            return nvdla_openat2(rootDescriptor, relative, UInt64(UInt32(bitPattern: allFlags)), 0, resolve)
        }
        return walk(relative, flags: allFlags)
    }

    /// One `openat(O_NOFOLLOW)` per component from the root's descriptor.
    func walk(_ relative: String, flags: Int32) -> Int32 {
        let parts = relative.split(separator: "/").map(String.init).filter { $0 != "." }
        guard let last = parts.last else { return openat(rootDescriptor, ".", flags) }
        if parts.contains("..") {
            errno = EXDEV
            return -1
        }
        var directory = rootDescriptor
        for part in parts.dropLast() {
            let next = openat(directory, part, nvdla_o_path | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            var code = errno
            // O_PATH | O_DIRECTORY on a symlink fails with ENOTDIR: say it was a link, as openat2 does.
            var st = stat()
            if next < 0 && code == ENOTDIR && fstatat(directory, part, &st, AT_SYMLINK_NOFOLLOW) == 0
                && (st.st_mode & S_IFMT) == S_IFLNK
            {
                code = ELOOP
            }
            if directory != rootDescriptor { close(directory) }
            guard next >= 0 else {
                errno = code
                return -1
            }
            directory = next
        }
        let fd = openat(directory, last, flags)
        let code = errno
        if directory != rootDescriptor { close(directory) }
        errno = code
        return fd
    }
}

/// The parsed `.nvdla-doctor/unreadable.tsv` of a snapshot, loaded once.
final class CaptureFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: Unreadable]?

    /// The table, loading it with `load` the first time.
    func table(_ load: () -> [String: Unreadable]) -> [String: Unreadable] {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let table = load()
        loaded = table
        return table
    }
}
