import CLinux
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A root-shaped tree to inspect: the live `/`, a fixture tree, or an unpacked snapshot.
///
/// Every path is resolved under the root only: symlink targets are read as text and re-rooted (absolute
/// targets restart at the root, `..` stops at the root), loops end after 40 links, and every read is
/// bounded, non-blocking and recorded in `trail`. The resolved path is then opened beneath a descriptor of the
/// root with `openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS)` (Linux 5.6+), else one `openat(O_NOFOLLOW)` per
/// component, with `O_NONBLOCK | O_NOFOLLOW`: a tree changed under the reader cannot lead it outside, a FIFO cannot
/// block it, and anything but a regular file where one is read is `unsupported`.
///
/// A snapshot's `.nvdla-doctor/unreadable.tsv` (paths its capture could not read, with the reason) turns those
/// paths from missing into unreadable, so a bundle made without root reads as such.
public final class SystemRoot: Sendable {
    /// Host path of the root directory (`/` when live).
    public let hostPath: String
    /// Whether this is the running system (`/`) rather than a snapshot tree.
    public let isLive: Bool
    /// Which reads are allowed (debugfs allowlist, `--deep`).
    public let policy: ReadPolicy
    /// Every read made through this root.
    public let trail = ReadTrail()

    /// Largest attribute read (sysfs attributes are at most one page).
    public static let attributeCap = 64 * 1024
    /// Largest table read (`/var/lib/dpkg/status`, `/proc/modules`, debugfs tables).
    public static let tableCap = 32 * 1024 * 1024
    /// Most symlinks followed while resolving one path.
    public static let maxLinks = 40

    /// Where the live kernel log is read from (tests point it at files).
    public let kernelLogSources: KernelLogSources
    /// How resolved paths are opened beneath the root.
    let opener: BeneathOpener

    let statTable: StatCache
    private let lstatCache = LstatCache()
    private let captureFailures = CaptureFailures()

    /// Opens `path` as a root. `path` must be an existing directory.
    public init(
        path: String, policy: ReadPolicy = ReadPolicy(), kernelLogSources: KernelLogSources = .live,
        walkComponents: Bool = false
    ) {
        var normalized = path
        while normalized.count > 1 && normalized.hasSuffix("/") { normalized.removeLast() }
        self.hostPath = normalized.isEmpty ? "/" : normalized
        self.isLive = self.hostPath == "/"
        self.policy = policy
        self.kernelLogSources = kernelLogSources
        self.statTable = StatCache()
        self.opener = BeneathOpener(root: self.hostPath, walkComponents: walkComponents)
    }

    /// The host path for an inner absolute path (no resolution).
    func host(_ inner: String) -> String {
        if isLive { return inner }
        return inner == "/" ? hostPath : hostPath + inner
    }

    // MARK: - Resolution

    /// Resolves `path` (absolute, inside the root) to a canonical inner path with no symlinks left.
    ///
    /// With `followLast` false the final component is not followed (for reading a link itself). `onLink` sees every
    /// symlink crossed, as (inner path of the link, raw link text), so a bundle can keep the same chain.
    public func resolve(
        _ path: String, followLast: Bool = true, onLink: ((_ inner: String, _ target: String) -> Void)? = nil
    ) -> ReadResult<String> {
        let result = resolveInTree(path, followLast: followLast, onLink: onLink)
        if case .missing = result, let why = capturedFailure(path) { return .unreadable(why) }
        return result
    }

    /// Why the capture of this snapshot could not read `path` or one of its parents, from
    /// `.nvdla-doctor/unreadable.tsv`; nil live and for paths the capture read or never tried.
    func capturedFailure(_ path: String) -> Unreadable? {
        guard !isLive else { return nil }
        let table = captureFailures.table {
            readMetaUnchecked("/.nvdla-doctor/unreadable.tsv", cap: Self.tableCap).value.map(UnreadableTable.parse)
                ?? [:]
        }
        guard !table.isEmpty else { return nil }
        var candidate = path
        while !candidate.isEmpty {
            if let why = table[candidate] { return why }
            guard let slash = candidate.lastIndex(of: "/") else { break }
            candidate = String(candidate[..<slash])
        }
        return nil
    }

    /// Reads a file of the snapshot's `.nvdla-doctor/` directory (`kmsg`, `stat.tsv`…) with the same safety as
    /// any read (beneath the root, no FIFO, regular files only), unrecorded.
    func readMeta(_ inner: String, cap: Int) -> ReadResult<[UInt8]> {
        guard !isLive else { return .missing }
        return readMetaUnchecked(inner, cap: cap)
    }

    private func readMetaUnchecked(_ inner: String, cap: Int) -> ReadResult<[UInt8]> {
        let resolution = resolveInTree(inner, followLast: true, onLink: nil)
        guard case .value(let resolved) = resolution else { return resolution.map { _ in [] } }
        return readOpened(resolved, cap: cap).map(\.bytes)
    }

    private func resolveInTree(
        _ path: String, followLast: Bool, onLink: ((_ inner: String, _ target: String) -> Void)?
    ) -> ReadResult<String> {
        var pending = Self.components(path)
        pending.reverse()  // pop from the end
        var stack: [String] = []
        var links = 0
        while let component = pending.popLast() {
            if component == "." { continue }
            if component == ".." {
                if !stack.isEmpty { stack.removeLast() }
                continue
            }
            let candidate = "/" + (stack + [component]).joined(separator: "/")
            let entry = lstatCache.entry(host(candidate))
            switch entry {
            case .missing: return .missing
            case .failed(let code): return ErrnoClass.result(code)
            case .link(let target) where !pending.isEmpty || followLast:
                links += 1
                if links > Self.maxLinks { return .unreadable(.blocked) }
                onLink?(candidate, target)
                if target.hasPrefix("/") { stack.removeAll() }
                pending.append(contentsOf: Self.components(target).reversed())
                continue
            case .directory: break
            case .link, .other:
                if !pending.isEmpty { return .missing }
            }
            stack.append(component)
        }
        return .value("/" + stack.joined(separator: "/"))
    }

    /// Whether a resolved inner path is a directory (answered from the lstat cache).
    func isResolvedDirectory(_ inner: String) -> Bool {
        if inner == "/" { return true }
        if case .directory = lstatCache.entry(host(inner)) { return true }
        return false
    }

    static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    static func readlinkRaw(_ hostPath: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let n = readlink(hostPath, &buffer, 4096)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: - Reads

    /// Reads up to `cap` bytes of the regular file at `path`; `truncated` says the cap was hit.
    public func readBytes(_ path: String, cap: Int = SystemRoot.tableCap) -> ReadResult<
        (bytes: [UInt8], truncated: Bool)
    > {
        let result = readBytesUnrecorded(path, cap: cap)
        let bytes = result.value?.bytes.count ?? 0
        trail.record(
            ReadRecord(
                path: path, access: .file, outcome: result.outcomeWord, bytes: bytes,
                truncated: result.value?.truncated ?? false))
        return result
    }

    private func readBytesUnrecorded(_ path: String, cap: Int) -> ReadResult<(bytes: [UInt8], truncated: Bool)> {
        guard policy.allows(path) else { return .unreadable(.blocked) }
        let resolved = resolve(path)
        guard case .value(let inner) = resolved else { return resolved.map { _ in ([], false) } }
        guard policy.allows(inner) else { return .unreadable(.blocked) }
        return readOpened(inner, cap: cap)
    }

    /// Opens the resolved inner path beneath the root and reads up to `cap` bytes of it, if it is a regular file.
    private func readOpened(_ inner: String, cap: Int) -> ReadResult<(bytes: [UInt8], truncated: Bool)> {
        let fd = opener.open(inner, flags: O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return ErrnoClass.result(errno) }
        defer { close(fd) }
        var st = Glibc.stat()
        guard fstat(fd, &st) == 0 else { return ErrnoClass.result(errno) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .unreadable(.unsupported) }
        var out: [UInt8] = []
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        while out.count < cap {
            let want = min(chunk, cap - out.count)
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, want) }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                // sysfs returns an errno from the attribute's show(): that is the attribute's state.
                return ErrnoClass.result(code)
            }
            if n == 0 { return .value((out, false)) }
            out.append(contentsOf: buffer[0..<n])
        }
        // At the cap: one more byte tells whether the file is longer.
        var probe: UInt8 = 0
        let more = read(fd, &probe, 1)
        return .value((out, more > 0))
    }

    /// Reads the text of the file at `path` (invalid UTF-8 is replaced, never fatal).
    public func readText(_ path: String, cap: Int = SystemRoot.tableCap) -> ReadResult<String> {
        readBytes(path, cap: cap).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Reads a one-value attribute (sysfs, debugfs, procfs) and trims surrounding whitespace.
    public func readAttribute(_ path: String) -> ReadResult<String> {
        readText(path, cap: Self.attributeCap).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The raw text of the symlink at `path` (its parents resolved, the link itself not followed).
    public func readLink(_ path: String) -> ReadResult<String> {
        let result: ReadResult<String>
        switch resolve(path, followLast: false) {
        case .value(let inner):
            if let text = Self.readlinkRaw(host(inner)) {
                result = .value(text)
            } else {
                result = errno == EINVAL ? .malformed("not a symlink") : ErrnoClass.result(errno)
            }
        case .missing: result = .missing
        case .unreadable(let why): result = .unreadable(why)
        case .malformed(let why): result = .malformed(why)
        }
        trail.record(ReadRecord(path: path, access: .link, outcome: result.outcomeWord, bytes: 0, truncated: false))
        return result
    }

    /// The inner path a symlink at `path` leads to, re-rooted and fully resolved.
    public func linkTarget(_ path: String) -> ReadResult<String> {
        let raw = readLink(path)
        guard case .value = raw else { return raw }
        return resolve(path)
    }

    /// The entry names of the directory at `path`, sorted.
    public func list(_ path: String) -> ReadResult<[String]> {
        let result = listUnrecorded(path)
        trail.record(
            ReadRecord(path: path, access: .directory, outcome: result.outcomeWord, bytes: 0, truncated: false))
        return result
    }

    private func listUnrecorded(_ path: String) -> ReadResult<[String]> {
        listTyped(path).map { entries in entries.map(\.name) }
    }

    /// Entry names of a directory with whether each is a directory (from `d_type`, links followed through the
    /// lstat cache), sorted by name; at most 100 000 entries.
    func listTyped(_ path: String) -> ReadResult<[(name: String, isDirectory: Bool)]> {
        guard policy.allows(path) else { return .unreadable(.blocked) }
        let resolved = resolve(path)
        guard case .value(let inner) = resolved else { return resolved.map { _ in [] } }
        let fd = opener.open(inner, flags: O_RDONLY | O_NONBLOCK | O_DIRECTORY)
        guard fd >= 0 else { return ErrnoClass.result(errno) }
        guard let dir = fdopendir(fd) else {
            let code = errno
            close(fd)
            return ErrnoClass.result(code)
        }
        defer { closedir(dir) }
        var entries: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            if !isLive && inner == "/" && name == ".nvdla-doctor" { continue }
            let childInner = inner == "/" ? "/" + name : inner + "/" + name
            let isDirectory: Bool
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_REG), Int32(DT_CHR), Int32(DT_BLK), Int32(DT_FIFO), Int32(DT_SOCK): isDirectory = false
            default: isDirectory = resolve(childInner).value.map(isResolvedDirectory) ?? false
            }
            entries.append((name, isDirectory))
            if entries.count >= 100_000 { break }
        }
        return .value(entries.sorted { $0.name < $1.name })
    }

    /// Names of the subdirectories of `path` (links to directories included), sorted; recorded like `list`.
    public func directories(_ path: String) -> ReadResult<[String]> {
        let result = listTyped(path).map { entries in entries.filter(\.isDirectory).map(\.name) }
        trail.record(
            ReadRecord(path: path, access: .directory, outcome: result.outcomeWord, bytes: 0, truncated: false))
        return result
    }

    /// Whether something exists at `path` (following links): `nil` when that cannot be told.
    public func exists(_ path: String) -> Bool? {
        let result = resolve(path)
        trail.record(ReadRecord(path: path, access: .exists, outcome: result.outcomeWord, bytes: 0, truncated: false))
        switch result {
        case .value: return true
        case .missing: return false
        default: return nil
        }
    }

    // MARK: - Metadata

    /// Type, mode, owner and device numbers of `path` (links followed).
    ///
    /// In a snapshot, `.nvdla-doctor/stat.tsv` answers first; device nodes exist only there. Live, `lstat`
    /// answers and user/group names come from the root's `etc/passwd` and `etc/group`.
    public func stat(_ path: String) -> ReadResult<FileStat> {
        let result = statUnrecorded(path)
        trail.record(ReadRecord(path: path, access: .stat, outcome: result.outcomeWord, bytes: 0, truncated: false))
        return result
    }

    private func statUnrecorded(_ path: String) -> ReadResult<FileStat> {
        if !isLive, let entry = statTable.table(for: self).entries[path] {
            return .value(entry)
        }
        // Device nodes in a snapshot exist only through stat.tsv; one that cannot be read leaves them unknown.
        if !isLive && path.hasPrefix("/dev/"), let why = statTable.table(for: self).failure { return .unreadable(why) }
        let resolved = resolve(path)
        guard case .value(let inner) = resolved else { return resolved.map { _ in FileStat.placeholder } }
        if !isLive, let entry = statTable.table(for: self).entries[inner] {
            return .value(entry)
        }
        if !isLive && inner.hasPrefix("/dev/") {
            // Device nodes in a snapshot exist only through stat.tsv.
            return .missing
        }
        var st = Glibc.stat()
        guard lstat(host(inner), &st) == 0 else { return ErrnoClass.result(errno) }
        let kind: FileStat.Kind
        switch st.st_mode & S_IFMT {
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        let isDevice = kind == .characterDevice || kind == .blockDevice
        let rdev = UInt64(st.st_rdev)
        let accounts = isLive ? statTable.accounts(for: self) : nil
        return .value(
            FileStat(
                kind: kind, mode: UInt32(st.st_mode) & 0o7777,
                user: accounts?.users[UInt32(st.st_uid)] ?? (isLive ? String(st.st_uid) : nil),
                group: accounts?.groups[UInt32(st.st_gid)] ?? (isLive ? String(st.st_gid) : nil),
                major: isDevice ? Int(Self.major(rdev)) : nil, minor: isDevice ? Int(Self.minor(rdev)) : nil))
    }

    static func major(_ dev: UInt64) -> UInt64 { ((dev >> 32) & 0xffff_f000) | ((dev >> 8) & 0xfff) }
    static func minor(_ dev: UInt64) -> UInt64 { ((dev >> 12) & 0xffff_ff00) | (dev & 0xff) }
}
