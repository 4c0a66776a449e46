import Foundation

/// A root opened from a `--root` argument: the live `/`, a snapshot directory, or a `.tar.gz` bundle unpacked
/// into a private temporary directory that `close()` (or release) removes — as does a SIGINT/SIGTERM/SIGHUP
/// before that (`CleanupRegistry`).
public final class OpenedRoot: @unchecked Sendable {
    /// The root to inspect.
    public let root: SystemRoot
    /// `live`, `snapshot` or `bundle` (a directory holding `.nvdla-doctor/manifest.json` counts as a bundle).
    public let kind: String
    /// The path as the user gave it.
    public let displayPath: String
    private var temporary: String?

    private init(root: SystemRoot, kind: String, displayPath: String, temporary: String?) {
        self.root = root
        self.kind = kind
        self.displayPath = displayPath
        self.temporary = temporary
    }

    /// Opens `path`: a directory is used in place; a regular file is read as an untrusted `.tar.gz` bundle.
    public static func open(_ path: String, policy: ReadPolicy = ReadPolicy()) throws(BundleError) -> OpenedRoot {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BundleError("\(path): not a directory or a .tar.gz bundle (no such file or directory)")
        }
        if isDirectory.boolValue {
            if let problem = RootAccess.problem(path) { throw BundleError(problem) }
            let root = SystemRoot(path: path, policy: policy)
            let isBundle =
                !root.isLive && FileManager.default.fileExists(atPath: root.hostPath + "/" + BundleManifest.path)
            return OpenedRoot(
                root: root, kind: root.isLive ? "live" : isBundle ? "bundle" : "snapshot", displayPath: path,
                temporary: nil)
        }
        let directory: String
        do {
            directory = try BundleExtractor.extract(path)
        } catch {
            throw BundleError("\(path): refused: \(error.description)")
        }
        var top = directory
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
        if names.count == 1, !names.contains(".nvdla-doctor") {
            var inner: ObjCBool = false
            let candidate = directory + "/" + names[0]
            if fm.fileExists(atPath: candidate, isDirectory: &inner), inner.boolValue,
                (try? fm.destinationOfSymbolicLink(atPath: candidate)) == nil
            {
                top = candidate  // an archive of one snapshot directory
            }
        }
        return OpenedRoot(
            root: SystemRoot(path: top, policy: policy), kind: "bundle", displayPath: path, temporary: directory)
    }

    /// The unpacked directory, when the root came from an archive.
    public var temporaryDirectory: String? { temporary }

    /// Removes the temporary directory, if any.
    public func close() {
        if let temporary {
            try? FileManager.default.removeItem(atPath: temporary)
            CleanupRegistry.forget(temporary)
        }
        temporary = nil
    }

    deinit { close() }

    /// Opens `path` (the live `/`, a snapshot or a bundle), runs the check on it and closes it: what `check`, `diff`
    /// and `watch` each do. The report's source is `bundle` with the given path for a bundle; `displayPath`
    /// overrides the path shown.
    public static func check(
        _ path: String, rules: RuleSet, areas: Set<Area>? = nil, deep: Bool = false, displayPath: String? = nil
    ) throws(BundleError) -> Report {
        let opened = try open(path, policy: ReadPolicy(deep: deep))
        defer { opened.close() }
        let bundle = opened.kind == "bundle"
        return Diagnosis.check(
            root: opened.root, rules: rules, areas: areas, sourceKind: bundle ? "bundle" : nil,
            displayPath: displayPath ?? (bundle ? path : nil))
    }
}
