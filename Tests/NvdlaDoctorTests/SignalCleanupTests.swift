import Foundation
import Testing

/// SIGINT, SIGTERM and SIGHUP during a command remove what it created (the private directory a bundle is unpacked
/// into, the temporary file of an archive being written) and exit 128 + the signal; a second signal exits at once.
/// Each run gets a private TMPDIR whose files are counted afterwards.
@Suite("Signals", .serialized)
struct SignalCleanupTests {
    /// A `.tar.gz` snapshot of a healthy fixture plus `filler` small files, so unpacking it takes a while.
    static func bigBundle(in directory: String, filler: Int) throws -> String {
        let path = directory + "/big.tar.gz"
        let script = """
            import io, sys, tarfile
            src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
            with tarfile.open(out, "w:gz", compresslevel=1) as tar:
                tar.add(src, arcname=".")
                for i in range(n):
                    info = tarfile.TarInfo(f"filler/{i // 1000}/{i}")
                    info.size = 4
                    tar.addfile(info, io.BytesIO(b"data"))
            """
        let fixture = Binary.packageRoot.appendingPathComponent("Tests/FakeSysfs/jp6-agx-orin-64gb").path
        let made = try ChildProcess.run("/usr/bin/python3", ["-c", script, fixture, path, String(filler)])
        #expect(made.status == 0, "\(made.stderr)")
        return path
    }

    /// Starts the binary with TMPDIR set; its output goes to files in `directory`.
    static func start(_ arguments: [String], tmpdir: String, in directory: String) throws -> Process {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = arguments
        process.currentDirectoryURL = Binary.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = tmpdir
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls `directory` until an entry whose name passes `match` appears (or the process ends, or 60 s pass).
    static func waitFor(_ directory: String, while process: Process, _ match: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            if names.contains(where: match) { return true }
            usleep(2_000)
        }
        return false
    }

    static func count(_ directory: String) -> Int {
        (FileManager.default.enumerator(atPath: directory)?.allObjects.count) ?? -1
    }

    @Test(
        "check --root BUNDLE.tar.gz: the unpacked directory is removed, exit 128 + signal",
        arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)] as [(Int32, Int32)])
    func checkBundle(signal: Int32, status: Int32) throws {
        let scratch = Scratch()
        let bundle = try Self.bigBundle(in: scratch.path, filler: 20_000)
        let tmpdir = scratch.path + "/tmp"
        try FileManager.default.createDirectory(atPath: tmpdir, withIntermediateDirectories: true)
        let process = try Self.start(["check", "--root", bundle], tmpdir: tmpdir, in: scratch.path)
        let seen = Self.waitFor(tmpdir, while: process) { $0.hasPrefix("nvdla-doctor-bundle-") }
        #expect(seen, "the private directory never appeared")
        kill(process.processIdentifier, signal)
        #expect(ChildProcess.wait(process, timeout: 60))
        ChildProcess.stop(process)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        #expect(Self.count(tmpdir) == 0, "left in TMPDIR: \(Self.count(tmpdir)) entries")
    }

    @Test("bundle: the temporary archive is removed and nothing is left beside it")
    func bundle() throws {
        let scratch = Scratch()
        let root = scratch.copy(scenario: "jp6-agx-orin-64gb")
        // An 8 MB firmware file makes writing the archive take long enough to be interrupted.
        let firmware = root + "/lib/firmware/nvhost_nvdla020.fw"
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(8 << 20) / 8).flatMap { _ in withUnsafeBytes(of: generator.next()) { Array($0) } }
        #expect(FileManager.default.createFile(atPath: firmware, contents: Data(bytes)))
        let out = scratch.path + "/out"
        let tmpdir = scratch.path + "/tmp"
        for directory in [out, tmpdir] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let process = try Self.start(
            ["bundle", "--no-redact", "--root", root, "-o", out + "/b.tar.gz"], tmpdir: tmpdir, in: scratch.path)
        let seen = Self.waitFor(out, while: process) { $0.hasPrefix(".b.tar.gz.tmp-") }
        #expect(seen, "the temporary archive never appeared")
        kill(process.processIdentifier, SIGINT)
        #expect(ChildProcess.wait(process, timeout: 60))
        ChildProcess.stop(process)
        #expect(process.terminationStatus == 130)
        #expect(
            Self.count(out) == 0,
            "left beside the archive: \((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [])")
        #expect(Self.count(tmpdir) == 0)
    }

    @Test("a second signal exits at once, without waiting for the cleanup")
    func secondSignal() throws {
        let scratch = Scratch()
        let bundle = try Self.bigBundle(in: scratch.path, filler: 40_000)
        let tmpdir = scratch.path + "/tmp"
        try FileManager.default.createDirectory(atPath: tmpdir, withIntermediateDirectories: true)
        let process = try Self.start(["check", "--root", bundle], tmpdir: tmpdir, in: scratch.path)
        // Wait until thousands of files are unpacked, so removing them takes far longer than a second kill(2).
        let deadline = Date().addingTimeInterval(60)
        var unpacked = 0
        while Date() < deadline && process.isRunning && unpacked < 15_000 {
            usleep(20_000)
            unpacked = Self.count(tmpdir)
        }
        kill(process.processIdentifier, SIGTERM)
        kill(process.processIdentifier, SIGINT)
        #expect(ChildProcess.wait(process, timeout: 60))
        ChildProcess.stop(process)
        // Both signals may be pending when the process next runs; the kernel then delivers SIGINT (the lower number)
        // first, so either one can be the second. The second exits with its own status, before the cleanup ends.
        #expect(
            [130, 143].contains(process.terminationStatus),
            "exited \(process.terminationStatus) after \(unpacked) files")
        #expect(Self.count(tmpdir) > 0, "the cleanup ran to its end: the second signal did not exit at once")
    }
}
