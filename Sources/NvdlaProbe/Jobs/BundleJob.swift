import Foundation

/// `nvdla-doctor bundle`: check a root and write its support bundle.
public struct BundleJob: Sendable {
    public var rootPath: String = "/"
    public var outputPath: String = ""
    public var redact = true
    public var force = false
    public var deep = false
    public var ruleDirectories: [String] = []
    /// Read `/etc/nvdla-doctor/rules.d` (off in tests).
    public var includeSiteRules = true
    /// Show a progress line on stderr (when it is a terminal).
    public var showProgress = false

    public init() {}

    /// Writes the bundle and returns the exit status: 0 written, 3 when it could not be, 64 for bad arguments.
    public func run(_ output: Output) -> Int32 {
        guard outputPath.hasSuffix(".tar.gz") || outputPath.hasSuffix(".tgz") else {
            output.stderr("nvdla-doctor: bundle: -o must name a .tar.gz file\n")
            return ExitStatus.usage
        }
        guard let rules = RulesJob.load(directories: ruleDirectories, includeSite: includeSiteRules, output) else {
            return ExitStatus.unknown
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            output.stderr(
                "nvdla-doctor: --root \(rootPath): not a directory (bundle a live system or a snapshot tree)\n")
            return ExitStatus.unknown
        }
        var options = BundleBuilder.Options(outputPath: outputPath)
        options.redact = redact
        options.force = force
        if showProgress {
            options.progress = { done, total in
                if done == total || done % 50 == 0 { output.stderr("\rbundle: capturing \(done)/\(total) paths") }
                if done == total { output.stderr("\n") }
            }
        }
        let root = SystemRoot(path: rootPath, policy: ReadPolicy(deep: deep))
        do {
            let result = try BundleBuilder.build(root: root, rules: rules, options: options)
            let truncated = result.manifest.entries.filter(\.truncated).count
            var summary =
                "nvdla-doctor: wrote \(outputPath) (\(result.archiveBytes) bytes, \(result.manifest.entries.count) "
                + "paths, \(result.report.findings.count) findings"
            if truncated > 0 { summary += ", \(truncated) truncated" }
            summary += redact ? ", redacted" : ", not redacted"
            summary += ")\n"
            if let map = result.mapPath {
                summary += "nvdla-doctor: private redaction map: \(map) (keep it; never attach it to a ticket)\n"
            }
            output.stderr(summary)
            return ExitStatus.ok
        } catch {
            output.stderr("nvdla-doctor: bundle: \(error)\n")
            return ExitStatus.unknown
        }
    }
}

extension BundleJob {
    /// `nvdla-doctor unpack`: bundle → snapshot tree; prints the stored report; 0, or 3 when refused.
    public static func unpack(_ archive: String, to directory: String, _ output: Output) -> Int32 {
        do {
            let report = try BundleUnpacker.unpack(archive, to: directory)
            if let report { output.stdout(report) }
            output.stderr("nvdla-doctor: unpacked \(archive) into \(directory)\n")
            return ExitStatus.ok
        } catch {
            output.stderr("nvdla-doctor: unpack: \(error)\n")
            return ExitStatus.unknown
        }
    }
}
