import CArchive
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Unpacks an untrusted `.tar.gz` bundle into a new private directory (mode 0700), validating every member
/// before anything is written for it.
///
/// Refused: data that is not gzip, archives libarchive finds corrupt or truncated, absolute member paths, `..`
/// components, members under a symlink, symlinks whose target climbs above the root, hard links to anything but
/// an earlier regular file, chains of symlinks that together climb above the root, device files, FIFOs and sockets,
/// duplicate members, and more members, bytes or compression than `BundleLimits` allows. Files are created with `O_EXCL | O_NOFOLLOW`, so nothing is ever
/// written outside the directory. On any refusal the directory is removed before the error is thrown.
enum BundleExtractor {
    private enum Kind {
        case directory, file, symlink
    }

    /// The limits one extraction enforces (`BundleLimits` by default; tests pass smaller ones).
    struct Limits {
        var maxEntries = BundleLimits.maxEntries
        var maxUnpackedBytes = BundleLimits.maxUnpackedBytes
        var maxEntryBytes = BundleLimits.maxEntryBytes
        var maxCompressionRatio = BundleLimits.maxCompressionRatio
        var ratioFloorBytes = BundleLimits.ratioFloorBytes
    }

    /// Extracts `archivePath` into a new directory under `parent` (the system temporary directory by default)
    /// and returns it. The directory stays in `CleanupRegistry` (removed on SIGINT/SIGTERM/SIGHUP); the caller
    /// removes it and calls `CleanupRegistry.forget(directory)`, or keeps it and does the same.
    static func extract(_ archivePath: String, limits: Limits = Limits(), parent: String? = nil) throws(BundleError)
        -> String
    {
        let fd = open(archivePath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError("cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = Glibc.stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw BundleError("not a regular file")
        }
        var magic: [UInt8] = [0, 0]
        guard pread(fd, &magic, 2, 0) == 2, magic == [0x1F, 0x8B] else {
            throw BundleError("not a gzip-compressed tar archive (bundles are .tar.gz)")
        }
        let created = CleanupRegistry.create { makePrivateDirectory(parent ?? NSTemporaryDirectory()) }
        guard let (directory, cleanup) = created else {
            throw BundleError("cannot create a private temporary directory: \(String(cString: strerror(errno)))")
        }
        do {
            try unpack(fd: fd, into: directory, limits: limits)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            CleanupRegistry.release(cleanup)
            throw error
        }
        return directory
    }

    /// A new directory only this user can enter under `parent`, or nil with `errno` set.
    private static func makePrivateDirectory(_ parent: String) -> String? {
        var base = parent
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/nvdla-doctor-bundle-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
    }

    private static func unpack(fd: Int32, into directory: String, limits: Limits) throws(BundleError) {
        guard let archive = archive_read_new() else { throw BundleError("libarchive: out of memory") }
        defer { archive_read_free(archive) }
        archive_read_support_filter_gzip(archive)
        archive_read_support_format_tar(archive)
        guard archive_read_open_fd(archive, fd, 64 * 1024) == ARCHIVE_OK else {
            throw BundleError("corrupt or truncated archive: \(TarGzWriter.error(archive))")
        }
        var kinds: [String: Kind] = [:]
        var links: [String: String] = [:]
        var count = 0
        var unpacked: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var entry: OpaquePointer?
            let status = archive_read_next_header(archive, &entry)
            if status == ARCHIVE_EOF {
                try checkLinkChains(links)
                break
            }
            // A signal's cleanup is removing the directory: stop adding to it, and let the cleanup end the process.
            ProcessSetup.yieldToCleanup()
            guard status == ARCHIVE_OK, let entry else {
                throw BundleError("corrupt or truncated archive: \(TarGzWriter.error(archive))")
            }
            guard archive_filter_code(archive, 0) == ARCHIVE_FILTER_GZIP else {
                throw BundleError("not a gzip-compressed tar archive (bundles are .tar.gz)")
            }
            count += 1
            guard count <= limits.maxEntries else {
                throw BundleError("more than \(limits.maxEntries) members (a tar bomb?)")
            }
            let rawName = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            let parts = try memberPath(rawName)
            guard !parts.isEmpty else { continue }  // the "./" entry itself
            let name = parts.joined(separator: "/")
            try checkParents(parts, kinds: kinds, name: name)
            let host = directory + "/" + name
            try makeParents(parts, under: directory, kinds: &kinds)
            if let hardlink = archive_entry_hardlink(entry).map({ String(cString: $0) }) {
                let target: [String]
                do { target = try memberPath(hardlink) } catch {
                    throw BundleError("member '\(name)': hard link escaping the root (\(hardlink))")
                }
                guard case .file = kinds[target.joined(separator: "/")] else {
                    throw BundleError("member '\(name)': hard link to '\(hardlink)', which is not an earlier file")
                }
                guard let data = FileManager.default.contents(atPath: directory + "/" + target.joined(separator: "/"))
                else { throw BundleError("member '\(name)': hard link target unreadable") }
                unpacked += Int64(data.count)
                guard unpacked <= limits.maxUnpackedBytes else { throw tooBig(limits) }
                try create(host, name: name) { fd in
                    data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) == $0.count }
                        ? nil : BundleError("cannot write member '\(name)'")
                }
                kinds[name] = .file
                continue
            }
            switch archive_entry_filetype(entry) & 0o170000 {
            case 0o040000:
                if let existing = kinds[name] {
                    guard case .directory = existing else { throw BundleError("member '\(name)': duplicate member") }
                    continue
                }
                guard mkdir(host, 0o700) == 0 else { throw BundleError("member '\(name)': duplicate member") }
                kinds[name] = .directory
            case 0o120000:
                let target = archive_entry_symlink(entry).map { String(cString: $0) } ?? ""
                try checkLinkTarget(target, linkParts: parts, name: name)
                guard kinds[name] == nil, symlink(target, host) == 0 else {
                    throw BundleError("member '\(name)': duplicate member")
                }
                kinds[name] = .symlink
                links[name] = target
            case 0o100000:
                let declared = archive_entry_size(entry)
                guard declared <= limits.maxEntryBytes else {
                    throw BundleError(
                        "member '\(name)': \(declared) bytes, above the \(limits.maxEntryBytes)-byte member limit"
                    )
                }
                guard unpacked + declared <= limits.maxUnpackedBytes else { throw tooBig(limits) }
                try create(host, name: name) { out in
                    var written: Int64 = 0
                    while true {
                        let n = buffer.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
                        if n == 0 { return nil }
                        guard n > 0 else {
                            return BundleError("corrupt or truncated archive: \(TarGzWriter.error(archive))")
                        }
                        written += Int64(n)
                        unpacked += Int64(n)
                        if written > limits.maxEntryBytes || unpacked > limits.maxUnpackedBytes {
                            return tooBig(limits)
                        }
                        let compressed = max(Int64(1), archive_filter_bytes(archive, -1))
                        if unpacked > limits.ratioFloorBytes,
                            unpacked > limits.maxCompressionRatio * compressed
                        {
                            return BundleError(
                                "compression ratio above \(limits.maxCompressionRatio):1 (a gzip bomb?)")
                        }
                        guard buffer.withUnsafeBytes({ write(out, $0.baseAddress, n) }) == n else {
                            return BundleError("cannot write member '\(name)': \(String(cString: strerror(errno)))")
                        }
                    }
                }
                kinds[name] = .file
            case 0o020000, 0o060000:
                throw BundleError("member '\(name)': device file (device nodes live in .nvdla-doctor/stat.tsv)")
            case 0o010000:
                throw BundleError("member '\(name)': FIFO")
            default:
                throw BundleError("member '\(name)': unsupported member type")
            }
        }
    }

    private static func tooBig(_ limits: Limits) -> BundleError {
        BundleError("unpacks to more than \(limits.maxUnpackedBytes) bytes (a tar or gzip bomb?)")
    }

    /// The components of a member path, `./` prefixes and `.` dropped; refuses absolute paths and `..`.
    private static func memberPath(_ raw: String) throws(BundleError) -> [String] {
        guard !raw.hasPrefix("/") else { throw BundleError("member '\(raw)': absolute path") }
        guard raw.utf8.count <= BundleLimits.maxPathBytes else {
            throw BundleError("member path longer than \(BundleLimits.maxPathBytes) bytes")
        }
        let parts = raw.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !parts.contains("..") else { throw BundleError("member '\(raw)': '..' component") }
        guard parts.count <= BundleLimits.maxDepth else {
            throw BundleError("member '\(raw)': deeper than \(BundleLimits.maxDepth)")
        }
        return parts
    }

    /// Refuses a member whose parent is a symlink or a file (writing through it could leave the root).
    private static func checkParents(_ parts: [String], kinds: [String: Kind], name: String) throws(BundleError) {
        var prefix = ""
        for part in parts.dropLast() {
            prefix += prefix.isEmpty ? part : "/" + part
            switch kinds[prefix] {
            case .symlink?: throw BundleError("member '\(name)': path passes through the symlink '\(prefix)'")
            case .file?: throw BundleError("member '\(name)': path passes through the file '\(prefix)'")
            default: break
            }
        }
    }

    private static func makeParents(_ parts: [String], under directory: String, kinds: inout [String: Kind])
        throws(BundleError)
    {
        var prefix = ""
        for part in parts.dropLast() {
            prefix += prefix.isEmpty ? part : "/" + part
            if kinds[prefix] == nil {
                guard mkdir(directory + "/" + prefix, 0o700) == 0 else {
                    throw BundleError("cannot create '\(prefix)': \(String(cString: strerror(errno)))")
                }
                kinds[prefix] = .directory
            }
        }
    }

    /// Refuses link targets that climb above the root (absolute targets are re-rooted, as in every snapshot).
    private static func checkLinkTarget(_ target: String, linkParts: [String], name: String) throws(BundleError) {
        guard !target.isEmpty, target.utf8.count <= BundleLimits.maxPathBytes else {
            throw BundleError("member '\(name)': empty or over-long symlink target")
        }
        var stack = target.hasPrefix("/") ? [] : Array(linkParts.dropLast())
        for part in target.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !stack.isEmpty else {
                    throw BundleError("member '\(name)': symlink escaping the root (-> \(target))")
                }
                stack.removeLast()
            } else {
                stack.append(String(part))
            }
        }
    }

    /// Refuses an archive in which following a chain of its symlinks climbs above the root: each link alone may
    /// stay inside (`checkLinkTarget`), yet `up -> a/b/..` with `a/b -> ..` leaves it, because `..` after a link
    /// applies to where the link leads. Resolves every link as the kernel would (absolute targets re-rooted, as
    /// every snapshot reader does); a chain longer than `SystemRoot.maxLinks` is a loop, which readers stop.
    static func checkLinkChains(_ links: [String: String]) throws(BundleError) {
        for (name, target) in links.sorted(by: { $0.key < $1.key }) {
            var stack = target.hasPrefix("/") ? [] : Array(name.split(separator: "/").map(String.init).dropLast())
            var pending = Array(target.split(separator: "/").map(String.init).reversed())
            var hops = 0
            while let part = pending.popLast() {
                if part == "." { continue }
                if part == ".." {
                    guard !stack.isEmpty else {
                        throw BundleError("member '\(name)': symlink chain escaping the root (-> \(target))")
                    }
                    stack.removeLast()
                    continue
                }
                let candidate = (stack + [part]).joined(separator: "/")
                guard let next = links[candidate] else {
                    stack.append(part)
                    continue
                }
                hops += 1
                if hops > SystemRoot.maxLinks { break }
                if next.hasPrefix("/") { stack.removeAll() }
                pending.append(contentsOf: next.split(separator: "/").map(String.init).reversed())
            }
        }
    }

    /// Creates `host` exclusively (never following a link) and lets `fill` write it.
    private static func create(_ host: String, name: String, _ fill: (Int32) -> BundleError?) throws(BundleError) {
        let out = open(host, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard out >= 0 else {
            throw BundleError(
                errno == EEXIST
                    ? "member '\(name)': duplicate member"
                    : "cannot write member '\(name)': \(String(cString: strerror(errno)))")
        }
        defer { close(out) }
        if let failure = fill(out) { throw failure }
    }
}
