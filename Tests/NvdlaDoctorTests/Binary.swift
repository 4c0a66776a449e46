import Foundation

/// Runs the built `nvdla-doctor` binary and captures what it prints.
enum Binary {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The binary next to the test bundle (same build configuration), else `.build/debug`.
    static let url: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("nvdla-doctor")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        for dir in Bundle.allBundles.map(\.bundleURL) {
            let candidate = dir.deletingLastPathComponent().appendingPathComponent("nvdla-doctor")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/nvdla-doctor")
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutData: Data
    }

    /// Runs the binary with `arguments` from the package root (or `directory`), with `NO_COLOR` set, a UTF-8
    /// locale and stdin closed; a run past `timeout` seconds is stopped (SIGTERM, then SIGKILL) and throws, so no
    /// test hangs.
    static func run(
        _ arguments: [String], environment extra: [String: String] = [:], timeout: TimeInterval = 120,
        directory: URL? = nil
    ) throws -> Result {
        let result = try ChildProcess.run(
            url.path, arguments, environment: extra, timeout: timeout, directory: directory)
        if result.timedOut { throw TimedOut(arguments: arguments, seconds: timeout) }
        return Result(
            status: result.status, stdout: result.stdout, stderr: result.stderr, stdoutData: result.stdoutData)
    }

    struct TimedOut: Error, CustomStringConvertible {
        let arguments: [String]
        let seconds: TimeInterval
        var description: String { "nvdla-doctor \(arguments.joined(separator: " ")) ran longer than \(seconds) s" }
    }
}
