import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes an output file atomically and privately: a `mkstemp` file (mode 0600) beside the destination, then
/// `link` (refuses an existing destination) or, with `force`, `rename`. A symlink at the destination is always
/// refused, never followed. The temporary file is in `CleanupRegistry` while it exists, so a signal removes it.
struct AtomicOutput {
    let destination: String
    let force: Bool

    /// Refuses now what `commit` would refuse, before any work is done.
    func precheck() throws(BundleError) {
        var st = Glibc.stat()
        if lstat(destination, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFLNK {
                throw BundleError("\(destination) is a symlink; refusing to write through it")
            }
            if (st.st_mode & S_IFMT) != S_IFREG { throw BundleError("\(destination) exists and is not a regular file") }
            if !force { throw BundleError("\(destination) exists; use --force to replace it") }
        }
    }

    /// Creates the temporary file, lets `fill` write to its descriptor, syncs it and moves it into place.
    ///
    /// With `keepRegistered`, the file in place stays in `CleanupRegistry` (moved there under the registry's lock, so
    /// no signal finds it in neither place) and the token is returned: the caller releases it once the result is
    /// whole (a bundle is whole once its map is written too).
    @discardableResult
    func write(keepRegistered: Bool = false, _ fill: (Int32) throws -> Void) throws -> CleanupRegistry.Token? {
        try precheck()
        let directory = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).tmp-XXXXXX").utf8CString)
        // Created and registered in one step: removed on SIGINT/SIGTERM/SIGHUP until it is in place or unlinked.
        var fd: Int32 = -1
        let created = CleanupRegistry.create {
            fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
            guard fd >= 0 else { return nil }
            return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        guard let (temporary, cleanup) = created else {
            throw BundleError("cannot create a file beside \(destination): \(String(cString: strerror(errno)))")
        }
        var committed = false
        defer {
            if !committed {
                unlink(temporary)
                CleanupRegistry.release(cleanup)
            }
        }
        do {
            fchmod(fd, 0o600)
            try fill(fd)
            guard fsync(fd) == 0 else {
                throw BundleError("cannot write \(destination): \(String(cString: strerror(errno)))")
            }
            close(fd)
        } catch {
            close(fd)
            throw error
        }
        try precheck()
        var failure: BundleError?
        CleanupRegistry.commit(cleanup, as: keepRegistered ? destination : nil) {
            if force {
                guard rename(temporary, destination) == 0 else {
                    failure = BundleError(
                        "cannot move into place \(destination): \(String(cString: strerror(errno)))")
                    return false
                }
            } else {
                guard link(temporary, destination) == 0 else {
                    failure = BundleError(
                        errno == EEXIST
                            ? "\(destination) exists; use --force to replace it"
                            : "cannot move into place \(destination): \(String(cString: strerror(errno)))")
                    return false
                }
                unlink(temporary)
            }
            return true
        }
        if let failure { throw failure }
        committed = true
        return keepRegistered ? cleanup : nil
    }

    /// Writes `bytes` atomically.
    func write(bytes: [UInt8]) throws {
        try write { fd in
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n == bytes.count else {
                throw BundleError("cannot write \(destination): \(String(cString: strerror(errno)))")
            }
        }
    }
}
