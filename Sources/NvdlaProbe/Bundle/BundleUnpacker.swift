import Foundation

/// Turns a bundle into a fixture tree (`Tests/FakeSysfs/<scenario>`): unpacks it with the same checks as
/// `check --root BUNDLE.tar.gz`, makes it readable (dirs 0755, files 0644), and drops the bundle-only
/// `.nvdla-doctor/manifest.json` and `report.json` (a fixture is a snapshot, not a bundle).
public enum BundleUnpacker {
    /// Unpacks `archive` to `destination` (which must not exist); returns the report stored in the bundle.
    @discardableResult
    public static func unpack(_ archive: String, to destination: String) throws(BundleError) -> String? {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw BundleError("\(destination) exists; choose a new scenario name")
        }
        let parent = (destination as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true)
        let directory: String
        do {
            directory = try BundleExtractor.extract(archive, parent: parent.isEmpty ? "." : parent)
        } catch {
            throw BundleError("\(archive): refused: \(error.description)")
        }
        let fm = FileManager.default
        let report = fm.contents(atPath: directory + "/.nvdla-doctor/report.json").map {
            String(decoding: $0, as: UTF8.self)
        }
        try? fm.removeItem(atPath: directory + "/" + BundleManifest.path)
        try? fm.removeItem(atPath: directory + "/.nvdla-doctor/report.json")
        chmod(directory, 0o755)
        let enumerator = fm.enumerator(atPath: directory)
        while let relative = enumerator?.nextObject() as? String {
            let path = directory + "/" + relative
            if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil { continue }
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            chmod(path, isDirectory.boolValue ? 0o755 : 0o644)
        }
        guard rename(directory, destination) == 0 else {
            try? fm.removeItem(atPath: directory)
            CleanupRegistry.forget(directory)
            throw BundleError("cannot move the unpacked bundle to \(destination)")
        }
        CleanupRegistry.forget(directory)
        return report
    }
}
