import CArchive
import Foundation

/// Writes a gzip-compressed POSIX (pax) tar stream to an open file descriptor with libarchive.
///
/// Members are written as `./<inner path>` with uid/gid 0, no owner names, and one fixed mtime, so bundles of
/// the same input are byte-for-byte comparable apart from the capture time.
final class TarGzWriter {
    /// A libarchive failure, with its message.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let archive: OpaquePointer
    private let mtime: Int

    /// Starts a tar.gz stream on `fd` (not closed by the writer).
    init(fd: Int32, mtime: Int) throws {
        guard let archive = archive_write_new() else { throw Failure(description: "libarchive: out of memory") }
        self.archive = archive
        self.mtime = mtime
        guard archive_write_add_filter_gzip(archive) == ARCHIVE_OK,
            archive_write_set_format_pax_restricted(archive) == ARCHIVE_OK,
            // No padding of the last block, also on standard output (libarchive pads fd 1 and pipes by default):
            // the same bytes whether written to a file or to `-o -`.
            archive_write_set_bytes_in_last_block(archive, 1) == ARCHIVE_OK,
            archive_write_open_fd(archive, fd) == ARCHIVE_OK
        else {
            let message = Self.error(archive)
            archive_write_free(archive)
            throw Failure(description: message)
        }
    }

    deinit { archive_write_free(archive) }

    /// Adds one tree node at inner path `path` (absolute, e.g. `/sys/…`).
    func add(_ path: String, _ node: CapturedTree.Node) throws {
        guard let entry = archive_entry_new() else { throw Failure(description: "libarchive: out of memory") }
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname(entry, "." + path)
        archive_entry_set_mtime(entry, time_t(mtime), 0)
        archive_entry_set_uid(entry, 0)
        archive_entry_set_gid(entry, 0)
        var payload: [UInt8] = []
        switch node {
        case .directory:
            archive_entry_set_filetype(entry, 0o040000)
            archive_entry_set_perm(entry, 0o755)
        case .file(let bytes):
            archive_entry_set_filetype(entry, 0o100000)
            archive_entry_set_perm(entry, 0o644)
            archive_entry_set_size(entry, la_int64_t(bytes.count))
            payload = bytes
        case .symlink(let target):
            archive_entry_set_filetype(entry, 0o120000)
            archive_entry_set_perm(entry, 0o777)
            archive_entry_set_symlink(entry, target)
        }
        guard archive_write_header(archive, entry) == ARCHIVE_OK else {
            throw Failure(description: Self.error(archive))
        }
        if !payload.isEmpty {
            let written = payload.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
            guard written == payload.count else { throw Failure(description: Self.error(archive)) }
        }
    }

    /// Flushes and ends the stream; returns the bytes written to the descriptor (the compressed size).
    @discardableResult
    func finish() throws -> Int {
        guard archive_write_close(archive) == ARCHIVE_OK else { throw Failure(description: Self.error(archive)) }
        return Int(archive_filter_bytes(archive, -1))
    }

    /// libarchive's message, with the system error it carries (`Write error: No space left on device`).
    static func error(_ archive: OpaquePointer) -> String {
        let code = archive_errno(archive)
        let message = archive_error_string(archive).map { String(cString: $0) } ?? "libarchive error"
        guard code > 0 else { return message }
        let reason = String(cString: strerror(code))
        return message.contains(reason) ? message : "\(message): \(reason)"
    }
}
