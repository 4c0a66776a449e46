import Foundation
import Testing

@testable import NvdlaProbe

/// Paths of the repository and its fixture trees, and helpers to run a check on them.
enum Fixtures {
    /// The package root (the directory holding Package.swift).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let fakeSysfs = packageRoot.appendingPathComponent("Tests/FakeSysfs")

    /// Every scenario directory name.
    static var scenarios: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fakeSysfs.path)) ?? []
        return names.filter { name in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: fakeSysfs.appendingPathComponent(name).path, isDirectory: &isDir)
                && isDir.boolValue
        }.sorted()
    }

    static func path(_ scenario: String) -> String { fakeSysfs.appendingPathComponent(scenario).path }

    static func root(_ scenario: String, deep: Bool = false) -> SystemRoot {
        SystemRoot(path: path(scenario), policy: ReadPolicy(deep: deep))
    }

    static let rules = RuleSet.embedded()

    /// The report of `check` on a root path.
    static func check(_ path: String, deep: Bool = false) -> Report {
        Diagnosis.check(root: SystemRoot(path: path, policy: ReadPolicy(deep: deep)), rules: rules)
    }

    /// The report of `check` on a scenario.
    static func check(scenario: String, deep: Bool = false) -> Report { check(path(scenario), deep: deep) }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nvdla-doctor-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A copy of a fixture scenario inside this directory (symlinks kept as symlinks).
    func copy(scenario: String) -> String {
        let destination = url.appendingPathComponent("\(scenario)-\(UUID().uuidString.prefix(8))").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/cp")
        process.arguments = ["-a", Fixtures.path(scenario), destination]
        try? process.run()
        process.waitUntilExit()
        return destination
    }

    /// Writes `text` at `relative` (parents created).
    func write(_ text: String, at relative: String) {
        let file = url.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: file)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

extension Report {
    /// `ID:subject` of every finding, sorted.
    var findingKeys: [String] { findings.map { "\($0.id):\($0.subject)" }.sorted() }
}
