import Foundation

/// Builds a bundle's tree from a root and the read trail of a check: every path the probes read, the links
/// they crossed, the directories they listed, `.nvdla-doctor/stat.tsv`, `.nvdla-doctor/kmsg`, the udev database
/// entries of the DLA device nodes, the manifest and the report.
struct BundleCapture {
    let root: SystemRoot
    let perFileCap: Int
    let totalCap: Int
    let progress: ((Int, Int) -> Void)?

    private(set) var tree = CapturedTree()
    private(set) var entries: [BundleManifest.Entry] = []
    private var statLines: [String: String] = [:]
    private var stored = 0

    init(root: SystemRoot, perFileCap: Int, totalCap: Int, progress: ((Int, Int) -> Void)? = nil) {
        self.root = root
        self.perFileCap = perFileCap
        self.totalCap = totalCap
        self.progress = progress
    }

    /// Captures every record of `trail` (in order), then the udev entries of captured device nodes.
    mutating func capture(_ trail: [ReadRecord]) {
        var records = trail
        var seen = Set(trail.map { "\($0.access.rawValue)\u{0}\($0.path)" })
        for (index, record) in trail.enumerated() {
            progress?(index + 1, trail.count)
            capture(record)
        }
        // The udev database entry of every device node the probes looked at (probes only test it exists).
        for line in statLines.values {
            let columns = line.split(separator: "\t")
            guard columns.count >= 6, columns[1] == "c" || columns[1] == "b", columns[5] != "-" else { continue }
            let path = "/run/udev/data/\(columns[1])\(columns[5])"
            if seen.insert("file\u{0}\(path)").inserted {
                let record = ReadRecord(path: path, access: .file, outcome: "ok", bytes: 0, truncated: false)
                records.append(record)
                capture(record)
            }
        }
        if !statLines.isEmpty {
            let text = statLines.sorted { $0.key < $1.key }.map(\.value).joined(separator: "\n") + "\n"
            tree.add("/.nvdla-doctor/stat.tsv", .file(Array(text.utf8)), replace: true)
        }
        // What could not be read stays unreadable in the bundle, not missing (a capture without root).
        var unreadable: [String: Unreadable] = [:]
        for entry in entries {
            if let why = Unreadable(rawValue: entry.outcome), Inconclusive.accessReasons.contains(why.rawValue) {
                unreadable[entry.path] = why
            }
        }
        if !unreadable.isEmpty {
            tree.add(
                "/.nvdla-doctor/unreadable.tsv", .file(Array(UnreadableTable.render(unreadable).utf8)), replace: true)
        }
    }

    private mutating func capture(_ record: ReadRecord) {
        switch record.access {
        case .file: captureFile(record.path)
        case .link: captureLink(record.path)
        case .directory: captureDirectory(record.path)
        case .exists: captureExists(record.path)
        case .stat: captureStat(record.path)
        case .kmsg: captureKernelLog()
        }
    }

    /// Resolves `path` in the root, adding every link crossed to the tree; the resolved inner path.
    private mutating func trace(_ path: String, followLast: Bool = true) -> ReadResult<String> {
        var links: [(String, String)] = []
        let result = root.resolve(path, followLast: followLast) { links.append(($0, $1)) }
        for (inner, target) in links { tree.add(inner, .symlink(Self.clamped(target, at: inner))) }
        return result
    }

    /// A link target with the `..` components that would climb above the root removed (the root resolves them
    /// to the root itself), so the bundle holds no link a safe reader would refuse.
    static func clamped(_ target: String, at inner: String) -> String {
        if target.hasPrefix("/") { return target }
        var depth = inner.split(separator: "/").count - 1
        var parts: [Substring] = []
        var dropped = false
        for part in target.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." {
                if depth == 0 {
                    dropped = true
                    continue
                }
                depth -= 1
            } else if !part.isEmpty && part != "." {
                depth += 1
            }
            parts.append(part)
        }
        return dropped ? parts.joined(separator: "/") : target
    }

    private mutating func captureFile(_ path: String) {
        let resolved = trace(path)
        guard case .value(let inner) = resolved else {
            entries.append(entry(path, "file", outcome: resolved.outcomeWord))
            return
        }
        guard stored < totalCap else {
            tree.add(inner, .file([]))
            entries.append(entry(path, "file", stored: inner, truncated: true, outcome: "skipped"))
            return
        }
        let read = root.readBytes(path, cap: min(perFileCap, totalCap - stored))
        guard let (bytes, truncated) = read.value else {
            entries.append(entry(path, "file", stored: inner, outcome: read.outcomeWord))
            return
        }
        stored += bytes.count
        tree.add(inner, .file(bytes), replace: true)
        entries.append(entry(path, "file", stored: inner, size: bytes.count, truncated: truncated, outcome: "ok"))
    }

    private mutating func captureLink(_ path: String) {
        let parent = trace(path, followLast: false)
        guard case .value(let inner) = parent else {
            entries.append(entry(path, "link", outcome: parent.outcomeWord))
            return
        }
        guard let text = SystemRoot.readlinkRaw(root.host(inner)) else {
            entries.append(entry(path, "link", stored: inner, outcome: "malformed"))
            return
        }
        tree.add(inner, .symlink(Self.clamped(text, at: inner)), replace: true)
        materialize(path)
        entries.append(entry(path, "link", stored: inner, outcome: "ok"))
    }

    private mutating func captureDirectory(_ path: String) {
        let resolved = trace(path)
        guard case .value(let inner) = resolved, root.isResolvedDirectory(inner) else {
            entries.append(
                entry(path, "directory", outcome: resolved.value == nil ? resolved.outcomeWord : "unsupported"))
            return
        }
        tree.add(inner, .directory)
        entries.append(entry(path, "directory", stored: inner, outcome: "ok"))
        guard let children = root.listTyped(inner).value else { return }
        for child in children {
            let childPath = inner == "/" ? "/" + child.name : inner + "/" + child.name
            materialize(childPath)
        }
    }

    private mutating func captureExists(_ path: String) {
        let resolved = materialize(path)
        entries.append(entry(path, "exists", stored: resolved, outcome: resolved == nil ? "missing" : "ok"))
    }

    /// Makes `path` resolve in the bundle as in the root: links kept, the final directory or an empty file placeholder.
    @discardableResult
    private mutating func materialize(_ path: String) -> String? {
        guard case .value(let inner) = trace(path) else { return nil }
        if !tree.contains(inner) {
            tree.add(inner, root.isResolvedDirectory(inner) ? .directory : .file([]))
            if !root.isResolvedDirectory(inner) {
                entries.append(entry(inner, "listed", outcome: "ok"))
            }
        }
        return inner
    }

    private mutating func captureStat(_ path: String) {
        let result = root.stat(path)
        guard let stat = result.value, stat.kind != .other else {
            entries.append(entry(path, "stat", outcome: result.outcomeWord))
            return
        }
        let mode = stat.kind == .symlink ? "-" : stat.octalMode
        statLines[path] = [
            path, stat.kind.rawValue, mode, stat.user ?? "-", stat.group ?? "-", stat.deviceNumber ?? "-",
        ]
        .joined(separator: "\t")
        entries.append(entry(path, "stat", stored: "/.nvdla-doctor/stat.tsv", outcome: "ok"))
    }

    private mutating func captureKernelLog() {
        var bytes: [UInt8]
        var truncated = false
        let source: String
        if root.isLive {
            let read = root.kernelLog()
            guard let lines = read.lines.value else {
                entries.append(entry(SystemRoot.kmsgPath, "kmsg", outcome: read.lines.outcomeWord))
                return
            }
            source = read.source
            var text = ""
            for (index, line) in lines.enumerated() {
                let sequence =
                    line.location.hasPrefix("kmsg seq ")
                    ? line.location.split(separator: " ").last.flatMap { Int($0) } ?? index : index
                let usec = Int64((line.seconds ?? 0) * 1_000_000)
                let message = line.message.replacingOccurrences(of: "\n", with: " ")
                text += "\(line.level ?? 6),\(sequence),\(usec),-;\(message)\n"
            }
            bytes = Array(text.utf8)
        } else {
            let read = root.kernelLog()
            guard read.lines.value != nil,
                let raw = root.readMeta("/.nvdla-doctor/kmsg", cap: SystemRoot.kernelLogCap).value
            else {
                entries.append(entry(SystemRoot.kmsgPath, "kmsg", outcome: read.lines.outcomeWord))
                return
            }
            source = read.source
            bytes = raw
        }
        let cap = max(0, min(perFileCap, totalCap - stored))
        if bytes.count > cap {
            bytes = Array(bytes.suffix(cap))  // keep the newest records
            if let newline = bytes.firstIndex(of: 0x0A) { bytes = Array(bytes[(newline + 1)...]) }
            truncated = true
        }
        stored += bytes.count
        tree.add("/.nvdla-doctor/kmsg", .file(bytes), replace: true)
        tree.add("/.nvdla-doctor/kmsg-source", .file(Array((source + "\n").utf8)), replace: true)
        entries.append(
            entry(
                SystemRoot.kmsgPath, "kmsg", stored: "/.nvdla-doctor/kmsg", size: bytes.count, truncated: truncated,
                outcome: "ok"))
    }

    private func entry(
        _ path: String, _ access: String, stored: String? = nil, size: Int = 0, truncated: Bool = false,
        outcome: String
    ) -> BundleManifest.Entry {
        BundleManifest.Entry(
            path: path, access: access, stored: stored == path ? nil : stored, size: size, sha256: nil,
            truncated: truncated, redacted: false, outcome: outcome)
    }
}
