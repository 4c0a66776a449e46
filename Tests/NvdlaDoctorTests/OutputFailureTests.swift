import Foundation
import Testing

/// Every subcommand whose output goes to stdout survives a stdout it cannot write: `/dev/full` (ENOSPC), a pipe
/// whose reader is gone (EPIPE, SIGPIPE at its default as a shell leaves it), a closed descriptor (EBADF). Each
/// exits 74 with one line on stderr, never a crash or a death by signal.
@Suite("Output failures")
struct OutputFailureTests {
    enum Stdout: String, CaseIterable, Sendable {
        case full, pipe, closed

        var message: String {
            switch self {
            case .full: return "No space left on device"
            case .pipe: return "Broken pipe"
            case .closed: return "Bad file descriptor"
            }
        }
    }

    /// Runs the binary with its stdout replaced as `mode` says, through Python (which can close a pipe's read end
    /// before the child starts, so EPIPE is certain, and restores SIGPIPE's default in the child).
    static func run(_ arguments: [String], stdout mode: Stdout) throws -> (status: Int32, stderr: String) {
        let script = """
            import json, os, subprocess, sys
            mode, cmd = sys.argv[1], sys.argv[2:]
            out, pre = None, None
            if mode == "full":
                out = open("/dev/full", "wb")
            elif mode == "pipe":
                r, w = os.pipe()
                os.close(r)
                out = w
            else:
                pre = lambda: os.close(1)
            p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, preexec_fn=pre,
                               timeout=100)
            print(json.dumps({"status": p.returncode, "stderr": p.stderr.decode(errors="replace")}))
            """
        let result = try ChildProcess.run(
            "/usr/bin/python3", ["-c", script, mode.rawValue, Binary.url.path] + arguments,
            environment: ["SWIFT_BACKTRACE": "enable=no"], timeout: 110)
        #expect(!result.timedOut)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return ((object?["status"] as? Int).map { Int32($0) } ?? -999, object?["stderr"] as? String ?? result.stderr)
    }

    static let scenario = "Tests/FakeSysfs/jp6-agx-orin-smmu-fault-dla0"

    /// One argument list per subcommand that writes to stdout (and the help and version that ArgumentParser prints).
    static func commands(bundle: String, scratch: String) -> [[String]] {
        [
            ["check", "--root", scenario], ["check", "--root", scenario, "--format", "json"],
            ["check", "--root", scenario, "--format", "prometheus"], ["check", "--root", bundle, "-v"],
            ["analyze", scenario + "/.nvdla-doctor/kmsg"], ["analyze", "--format", "json", scenario + "/proc/meminfo"],
            ["diff", "Tests/FakeSysfs/jp6-agx-orin-64gb", scenario],
            ["diff", "--format", "json", "Tests/FakeSysfs/jp6-agx-orin-64gb", scenario],
            ["unpack", bundle, scratch + "/unpacked-\(UUID().uuidString)"], ["explain", "NVDLA-SMMU-101"],
            ["rules", "list"], ["rules", "facts"], ["udev-devices"], ["--help"], ["check", "--help"],
            ["--version"],
        ]
    }

    @Test("every subcommand: exit 74 and one line on stderr, no crash, no death by signal", arguments: Stdout.allCases)
    func everySubcommand(_ mode: Stdout) throws {
        let temporary = Scratch()
        let bundle = temporary.path + "/b.tar.gz"
        let made = try Binary.run(["bundle", "--no-redact", "--root", Self.scenario, "-o", bundle])
        #expect(made.status == 0, "\(made.stderr)")
        for arguments in Self.commands(bundle: bundle, scratch: temporary.path) {
            let (status, stderr) = try Self.run(arguments, stdout: mode)
            let name = arguments.joined(separator: " ")
            #expect(status == 74, "\(name): status \(status), stderr \(stderr)")
            // The last line says why; no other line speaks of it (analyze prints its input notes on stderr).
            let lines = stderr.split(separator: "\n")
            #expect(lines.last == "nvdla-doctor: cannot write the output: \(mode.message)", "\(name): \(stderr)")
            #expect(lines.filter { $0.contains("cannot write") }.count == 1, "\(name): \(stderr)")
            #expect(!stderr.contains("Fatal error") && !stderr.contains("crashed"), "\(name): \(stderr)")
        }
    }

    @Test(
        "commands that write only files or stderr are not affected by an unwritable stdout", arguments: Stdout.allCases)
    func stdoutUnused(_ mode: Stdout) throws {
        let temporary = Scratch()
        let (status, stderr) = try Self.run(
            ["bundle", "--no-redact", "--root", Self.scenario, "-o", temporary.path + "/b.tar.gz"], stdout: mode)
        #expect(status == 0, "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: temporary.path + "/b.tar.gz"))
        let lint = try Self.run(["rules", "lint"], stdout: mode)
        #expect(lint.status == 0, "\(lint.stderr)")
    }

    @Test(
        "bundle on a full file system: a clear error, a nonzero exit, and no file left behind",
        .enabled(if: ChildProcess.canUnshareMounts, "needs root and unshare -m"))
    func bundleOnFullDisk() throws {
        let temporary = Scratch()
        let target = temporary.path + "/small"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let script = """
            mount -t tmpfs -o size=4k tmpfs "$1" && cd "$2" && "$3" bundle --no-redact --root "$4" -o "$1/b.tar.gz"
            status=$?; ls -A "$1"; exit $status
            """
        let result = try ChildProcess.run(
            "/usr/bin/unshare",
            ["-m", "sh", "-c", script, "sh", target, Binary.packageRoot.path, Binary.url.path, Self.scenario],
            timeout: 100)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "left in the full directory: \(result.stdout)")
    }
}
