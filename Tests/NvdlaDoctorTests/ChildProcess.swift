import Foundation

/// Runs a child process with a deadline: past it the child gets SIGTERM, then SIGKILL, so no test hangs and no
/// child outlives its test.
enum ChildProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let timedOut: Bool
        /// Standard output as bytes (an archive written with `-o -`).
        let stdoutData: Data
    }

    /// Runs `executable` with `arguments` in `directory` (default: the package root); stdout and stderr go to
    /// temporary files (no pipe can fill up). The environment is this process's with `NO_COLOR=1` and
    /// `LC_ALL=C.UTF-8` (so output does not depend on the machine's locale), then `extra`; an empty value in
    /// `extra` for `LC_ALL` leaves it empty.
    static func run(
        _ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
        timeout: TimeInterval = 60, directory workingDirectory: URL? = nil
    ) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nvdla-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory ?? Binary.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["LC_ALL"] = "C.UTF-8"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timedOut = !wait(process, timeout: timeout)
        if timedOut { stop(process) }
        try? out.close()
        try? err.close()
        let stdoutData = (try? Data(contentsOf: outURL)) ?? Data()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self), timedOut: timedOut,
            stdoutData: stdoutData)
    }

    /// Waits up to `timeout` seconds for `process` to exit; returns whether it did.
    @discardableResult
    static func wait(_ process: Process, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline { return false }
            usleep(20_000)
        }
        return true
    }

    /// Ends `process`: SIGTERM, then SIGKILL after two seconds; waits for it.
    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        if !wait(process, timeout: 2) {
            kill(process.processIdentifier, SIGKILL)
            wait(process, timeout: 5)
        }
    }

    /// Whether the tests may use `unshare -m` and `mount --bind`: running as root and a private mount namespace
    /// can be created.
    static let canUnshareMounts: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let result = try? run("/usr/bin/unshare", ["-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], timeout: 20)
        return result?.status == 0
    }()
}

/// Whether the tests may also create a private network namespace (`unshare -n`) and run python3.
extension ChildProcess {
    static let canUnshareNetwork: Bool = {
        guard canUnshareMounts, FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            return false
        }
        let result = try? run("/usr/bin/unshare", ["-m", "-n", "true"], timeout: 20)
        return result?.status == 0
    }()
}

/// A temporary directory removed (with everything in it) when the value is released.
final class ScratchDirectory {
    let path: String

    init(_ label: String = "nvdla-doctor-test") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
