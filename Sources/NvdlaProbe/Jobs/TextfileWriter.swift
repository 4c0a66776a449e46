import Foundation

/// Writes a file into a directory atomically: a new temporary file in the same directory (created exclusively,
/// never through a symlink), then `rename` over the target — what node_exporter's textfile collector needs so it
/// never reads half a file. A signal while the temporary file exists removes it (`CleanupRegistry`).
public enum TextfileWriter {
    /// The file name the textfile collector reads (`*.prom`).
    public static let fileName = "nvdla_doctor.prom"

    /// Writes `text` to `directory/name` with `mode`; returns an error message on failure.
    public static func write(_ text: String, directory: String, name: String = fileName, mode: mode_t = 0o644)
        -> String?
    {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            return "\(directory): not a directory"
        }
        let temporary = "\(directory)/.\(name).\(getpid()).tmp"
        // Created and registered in one step: removed on SIGINT/SIGTERM/SIGHUP until renamed or unlinked.
        var fd: Int32 = -1
        let created = CleanupRegistry.create {
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            return fd >= 0 ? temporary : nil
        }
        guard let (_, cleanup) = created else { return "\(temporary): \(String(cString: strerror(errno)))" }
        defer { CleanupRegistry.release(cleanup) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                close(fd)
                unlink(temporary)
                return "\(temporary): \(message)"
            }
            written += n
        }
        fchmod(fd, mode)
        fsync(fd)
        close(fd)
        guard rename(temporary, "\(directory)/\(name)") == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            return "\(directory)/\(name): \(message)"
        }
        return nil
    }
}
