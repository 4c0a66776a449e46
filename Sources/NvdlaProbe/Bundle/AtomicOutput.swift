import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes an output file atomically: a `mkstemp` file (a unique name, created 0600) beside the destination, given
/// its final `mode`, synced, then `link`ed into place (refuses an existing destination) or, with `force`,
/// `rename`d over it — readers see the old file or the new one, never half of one. A symlink at the destination is
/// always refused, never followed; on any error the temporary file is removed, and while
/// it exists it is in `CleanupRegistry`, so a signal removes it too. The one writer of bundles, their
/// private maps, the node_exporter textfile and the watcher's `status.json`.
struct AtomicOutput {
    let destination: String
    let force: Bool
    /// The file's mode once in place (0600 for bundles and maps; 0644 for files other users read).
    var mode: mode_t = 0o600

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
            try fill(fd)
            guard fchmod(fd, mode) == 0 else {
                throw BundleError("cannot set the mode of \(destination): \(String(cString: strerror(errno)))")
            }
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

    /// Writes `bytes` atomically (retrying short writes and interruptions).
    func write(bytes: [UInt8]) throws {
        try write { fd in
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    throw BundleError("cannot write \(destination): \(String(cString: strerror(errno)))")
                }
                written += n
            }
        }
    }
}
