import Foundation
import Testing

/// `nvdla-doctor watch` as a process on a snapshot root: startup check, SIGHUP re-check, SIGTERM exits 0.
@Suite("watch command")
struct WatchCommandTests {
    /// Polls `condition` every 50 ms for up to `timeout` seconds.
    static func eventually(timeout: TimeInterval = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    static func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test("writes status.json and the textfile at startup, re-checks on SIGHUP, logs state changes, exits 0 on SIGTERM")
    func lifecycle() throws {
        let scratch = try ScratchDirectory("watch")
        let root = scratch.path + "/root"
        let state = scratch.path + "/state"
        let textfile = scratch.path + "/textfile"
        try FileManager.default.createDirectory(atPath: textfile, withIntermediateDirectories: true)
        let copy = try ChildProcess.run(
            "/bin/cp", ["-a", Binary.packageRoot.path + "/Tests/FakeSysfs/jp6-agx-orin-64gb", root], timeout: 30)
        try #require(copy.status == 0)
        let errURL = URL(fileURLWithPath: scratch.path + "/stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = [
            "watch", "--root", root, "--state-dir", state, "--textfile", textfile, "--debounce", "0", "--min-interval",
            "0",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            ChildProcess.stop(process)
            try? err.close()
        }
        let status = state + "/status.json"
        #expect(Self.eventually { Self.read(status).contains("\"status\" : \"ok\"") }, "startup check")
        #expect(Self.eventually { Self.read(textfile + "/nvdla_doctor.prom").contains("nvdla_doctor_status 0") })
        #expect(Self.eventually { Self.read(errURL.path).contains("event=startup") })

        // Unbind dla0 in the snapshot, then ask for a re-check.
        try FileManager.default.removeItem(
            atPath: root + "/sys/devices/platform/bus@0/13e00000.host1x/15880000.nvdla0/driver")
        kill(process.processIdentifier, SIGHUP)
        #expect(Self.eventually { Self.read(status).contains("NVDLA-DRV-001") }, "re-check after SIGHUP")
        #expect(Self.eventually { Self.read(textfile + "/nvdla_doctor.prom").contains("nvdla_doctor_status 2") })
        #expect(Self.eventually { Self.read(errURL.path).contains("event=hup") })

        // The same state again: a check (status.json is replaced), but no new log line.
        let before = Self.inode(status)
        kill(process.processIdentifier, SIGHUP)
        #expect(Self.eventually { Self.inode(status) != before }, "third check")
        usleep(100_000)
        kill(process.processIdentifier, SIGTERM)
        #expect(ChildProcess.wait(process, timeout: 20), "exits after SIGTERM")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let log = Self.read(errURL.path)
        let changes = log.split(separator: "\n").filter { $0.contains("msg=\"state changed\"") }
        #expect(changes.count == 2, "one line per state change: \(log)")
        #expect(changes.last?.contains("status=error") == true)
        #expect(changes.last?.contains("findings=NVDLA-DRV-001:dla0") == true)
        #expect(log.contains("msg=stopping checks=3"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: state)
        #expect(leftovers == ["status.json"])
    }

    @Test("bad options and directories: a message and exit 64 or 3, nothing started")
    func badInput() throws {
        let scratch = try ScratchDirectory("watch-bad")
        let file = scratch.path + "/file"
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        let cases: [([String], Int32, String)] = [
            (["watch", "--debounce", "nan"], 64, "--debounce"),
            (["watch", "--min-interval", "100000"], 64, "--min-interval"),
            (["watch", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--state-dir", file], 3, "not a directory"),
            (["watch", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--state-dir", scratch.path + "/a/b"], 3, "a/b"),
            (
                [
                    "watch", "--root", "Tests/FakeSysfs/jp6-agx-orin-64gb", "--state-dir", scratch.path, "--textfile",
                    file,
                ],
                3, "--textfile"
            ),
            (["watch", "--root", scratch.path + "/absent", "--state-dir", scratch.path], 3, "absent"),
        ]
        for (arguments, status, message) in cases {
            let result = try ChildProcess.run(Binary.url.path, arguments, timeout: 20)
            #expect(!result.timedOut, "\(arguments)")
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
