import Foundation

/// Makes a support bundle (`nvdla-doctor bundle`): runs the check, captures its read trail, redacts, and writes
/// `FILE.tar.gz` (plus the private map `FILE.tar.gz.map.json` when redacting).
public enum BundleBuilder {
    /// How to make a bundle.
    public struct Options: Sendable {
        /// Where the archive goes; `-` is standard output (not atomic: a pipe or a file the caller opened).
        public var outputPath: String
        /// Replace secrets by tokens (the default); `--no-redact` turns it off.
        public var redact = true
        /// Replace an existing archive and map.
        public var force = false
        public var perFileCap = BundleLimits.perFileBytes
        public var totalCap = BundleLimits.totalBytes
        /// Called with (paths done, paths in the trail) while capturing.
        public var progress: (@Sendable (Int, Int) -> Void)?

        public init(outputPath: String) { self.outputPath = outputPath }

        /// Where the private map goes when the archive goes to standard output (default: beside the archive).
        public var mapPathOverride: String?

        /// The private map's path: beside the archive, never inside it.
        public var mapPath: String { mapPathOverride ?? outputPath + ".map.json" }

        /// Whether the archive goes to standard output.
        public var toStandardOutput: Bool { outputPath == "-" }
    }

    /// What a bundle run produced.
    public struct Result: Sendable {
        /// The report made at capture time (as stored in `.nvdla-doctor/report.json`, before redaction).
        public let report: Report
        public let manifest: BundleManifest
        /// The private map, when redacting.
        public let mapPath: String?
        /// Archive size in bytes.
        public let archiveBytes: Int
    }

    /// Checks `root` with `rules` and writes the bundle described by `options`.
    public static func build(root: SystemRoot, rules: RuleSet, options: Options) throws -> Result {
        let output = AtomicOutput(destination: options.outputPath, force: options.force)
        if !options.toStandardOutput { try output.precheck() }
        let mapOutput = AtomicOutput(destination: options.mapPath, force: options.force)
        if options.redact { try mapOutput.precheck() }

        let report = Diagnosis.check(root: root, rules: rules)
        var capture = BundleCapture(
            root: root, perFileCap: options.perFileCap, totalCap: options.totalCap, progress: options.progress)
        capture.capture(report.reads)

        let redactor = options.redact ? Redactor() : nil
        if let redactor {
            redactor.learn(identityOf: SystemRoot(path: root.hostPath, policy: root.policy))
            var vocabulary = RedactionVocabulary()
            for entry in capture.entries {
                vocabulary.add(path: entry.path)
                if let stored = entry.stored { vocabulary.add(path: stored) }
            }
            for (path, node) in capture.tree.sorted {
                vocabulary.add(path: path)
                redactor.learn(text: path)
                switch node {
                case .file(let bytes): redactor.learn(path: path, bytes: bytes)
                case .symlink(let target):
                    redactor.learn(text: target)
                    if RedactionVocabulary.isLayout(path) { vocabulary.add(text: target) }
                case .directory: break
                }
            }
            vocabulary.add(facts: report.facts)
            vocabulary.add(rules: rules)
            redactor.seal(vocabulary: vocabulary)
        }
        var tree = CapturedTree()
        var changedPaths: Set<String> = []
        for (path, node) in capture.tree.sorted {
            let newPath = redactor?.redact(path) ?? path
            var newNode = node
            switch node {
            case .file(let bytes):
                if let redacted = redactor?.redact(path: path, bytes: bytes) {
                    newNode = .file(redacted)
                    changedPaths.insert(newPath)
                }
            case .symlink(let target): newNode = .symlink(redactor?.redact(target) ?? target)
            case .directory: break
            }
            if newPath != path { changedPaths.insert(newPath) }
            tree.add(newPath, newNode, replace: true)
        }

        var entries: [BundleManifest.Entry] = []
        for var entry in capture.entries {
            let originalPath = entry.path
            entry.path = redactor?.redact(entry.path) ?? entry.path
            entry.stored = entry.stored.map { redactor?.redact($0) ?? $0 }
            let storedPath = entry.stored ?? entry.path
            if case .file(let bytes)? = tree.nodes[storedPath], ["file", "kmsg"].contains(entry.access) {
                entry.size = bytes.count
                entry.sha256 = SHA256.hex(bytes)
            }
            entry.redacted = entry.path != originalPath || changedPaths.contains(storedPath)
            entries.append(entry)
        }

        let reportText = JSONRenderer.render(report) + "\n"
        tree.add(
            "/.nvdla-doctor/report.json", .file(Array((redactor?.redact(json: reportText) ?? reportText).utf8)),
            replace: true
        )
        let outputs = redactor?.outputs()
        let formatter = ISO8601DateFormatter()
        let now = Date()
        var manifest = BundleManifest(
            tool: ["name": "nvdla-doctor", "version": ToolInfo.version], capturedAt: formatter.string(from: now),
            source: [
                "kind": root.isLive ? "live" : "snapshot", "path": redactor?.redact(root.hostPath) ?? root.hostPath,
            ],
            redacted: options.redact,
            limits: BundleManifest.Limits(perFileBytes: options.perFileCap, totalBytes: options.totalCap),
            totalBytes: tree.fileBytes, entries: entries)
        if let outputs { manifest.redaction = BundleManifest.Redaction(scheme: "hmac-sha256", values: outputs.hashed) }
        tree.add("/" + BundleManifest.path, .file(Array(try encode(manifest).utf8)), replace: true)

        var archiveBytes = 0
        // Until the map is written too, a written archive is half a result: a signal or a failure removes it.
        let fill = { (fd: Int32) throws in
            let writer = try TarGzWriter(fd: fd, mtime: Int(now.timeIntervalSince1970))
            for (path, node) in tree.sorted { try writer.add(path, node) }
            archiveBytes = try writer.finish()
        }
        var archiveCleanup: CleanupRegistry.Token?
        if options.toStandardOutput {
            try fill(1)
        } else {
            archiveCleanup = try output.write(keepRegistered: true, fill)
        }
        defer { if let archiveCleanup { CleanupRegistry.release(archiveCleanup) } }
        if let outputs {
            let map = PrivateMap(
                note: "Private: translates the tokens of \((options.outputPath as NSString).lastPathComponent) back. "
                    + "Never attach it to a ticket unless you mean to share the original values. Keys and passwords "
                    + "are not kept. hmacKey checks the manifest's redaction.values: HMAC-SHA256(key, category, NUL, "
                    + "value in lower case).",
                hmacKey: SHA256.hexString(outputs.key), tokens: outputs.privateMap)
            do {
                try mapOutput.write(bytes: Array(try encode(map).utf8))
            } catch {
                if !options.toStandardOutput { unlink(options.outputPath) }
                throw error
            }
        }
        return Result(
            report: report, manifest: manifest, mapPath: options.redact ? options.mapPath : nil,
            archiveBytes: archiveBytes)
    }

    /// `FILE.tar.gz.map.json`: token → original value, by category.
    struct PrivateMap: Codable {
        let note: String
        /// The key of the manifest's keyed hashes, hex.
        let hmacKey: String
        let tokens: [String: [String: String]]
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
