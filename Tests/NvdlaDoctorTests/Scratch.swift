import Foundation

/// A private temporary directory for one test (mode 0755, so a test that drops privileges can read inside),
/// removed when released.
final class Scratch {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("nvdla-cli-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o755)
    }

    /// A copy of a fixture scenario in this directory (symlinks kept), at `name`.
    func copy(scenario: String, as name: String = "root") -> String {
        let destination = path + "/" + name
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/cp")
        process.arguments = [
            "-a", Binary.packageRoot.appendingPathComponent("Tests/FakeSysfs/\(scenario)").path, destination,
        ]
        try? process.run()
        process.waitUntilExit()
        return destination
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
