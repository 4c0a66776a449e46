import CArchive
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells whether a file `analyze` was given is a tar archive, and whether it is an nvdla-doctor support bundle
/// (a tar, gzip-compressed or not, holding `.nvdla-doctor/manifest.json`), by reading its first member headers.
///
/// Reads at most `headerLimit` headers and never extracts anything; a file libarchive cannot open as tar is
/// "not an archive".
public enum BundleSniffer {
    /// What the file is.
    public enum Kind: Equatable, Sendable {
        case supportBundle
        case archive
        case notAnArchive
    }

    /// Most member headers looked at (a bundle's manifest is among its first members).
    static let headerLimit = 256

    /// What the file at `path` is; `notAnArchive` for anything unreadable.
    public static func sniff(path: String) -> Kind {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .notAnArchive }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .notAnArchive }
        guard let archive = archive_read_new() else { return .notAnArchive }
        defer { archive_read_free(archive) }
        archive_read_support_filter_gzip(archive)
        archive_read_support_format_tar(archive)
        guard archive_read_open_fd(archive, fd, 64 * 1024) == ARCHIVE_OK else { return .notAnArchive }
        var seen = 0
        while seen < headerLimit {
            var entry: OpaquePointer?
            guard archive_read_next_header(archive, &entry) == ARCHIVE_OK, let entry else { break }
            seen += 1
            if let name = archive_entry_pathname(entry).map({ String(cString: $0) }), isManifest(name) {
                return .supportBundle
            }
        }
        return seen > 0 ? .archive : .notAnArchive
    }

    /// `BundleManifest.path`, at the top or under one directory, with or without `./`.
    static func isManifest(_ name: String) -> Bool {
        let parts = name.split(separator: "/").filter { $0 != "." }
        return parts.count <= 3 && parts.suffix(2).joined(separator: "/") == BundleManifest.path
    }
}
