import Foundation
import Logging
import Testing

@testable import NvdlaProbe

/// Scripted inputs on a virtual clock: each input arrives at its time; waiting advances the clock.
final class VirtualClock: @unchecked Sendable {
    var now = 0.0
}

struct ScriptedSource: WatchEventSource {
    let clock: VirtualClock
    var script: [(time: Double, input: WatchInput)]
    /// The timeouts the loop asked for.
    var waits: [Double?] = []

    mutating func wait(timeout: Double?) -> [WatchInput] {
        waits.append(timeout)
        guard let next = script.first else { return [.stop] }
        if let timeout, clock.now + timeout < next.time {
            clock.now += timeout
            return []
        }
        clock.now = max(clock.now, next.time)
        script.removeFirst()
        return [next.input]
    }
}

/// Collects log lines.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    var all: [String] { lock.withLock { storage } }
    func append(_ line: String) { lock.withLock { storage.append(line) } }
    var logger: Logger {
        Logger(label: "test") { _ in LogfmtLogHandler(sink: { self.append($0) }, timestamps: false) }
    }
}

@Suite("WatchLoop")
struct WatchLoopTests {
    static let ok = WatchState(status: "ok", findings: [])
    static let broken = WatchState(status: "error", findings: ["NVDLA-DRV-001:dla0"])

    /// Runs a loop over `script` whose successive checks return `states` (the last one repeats).
    static func run(
        _ script: [(Double, WatchInput)], states: [WatchState], policy: WatchPolicy = WatchPolicy()
    ) -> (loop: WatchLoop, lines: [String], checkTimes: [Double], source: ScriptedSource) {
        let clock = VirtualClock()
        let lines = LogLines()
        var checkTimes: [Double] = []
        var remaining = states
        let loop = WatchLoop(policy: policy, logger: lines.logger, clock: { clock.now }) {
            checkTimes.append(clock.now)
            let state = remaining.count > 1 ? remaining.removeFirst() : remaining[0]
            return WatchCheck.Outcome(state: state, writeErrors: [])
        }
        var source = ScriptedSource(clock: clock, script: script.map { (time: $0.0, input: $0.1) })
        loop.run(&source)
        return (loop, lines.all, checkTimes, source)
    }

    static func event(_ action: String, _ device: String = "15880000.nvdla0") -> WatchInput {
        .event(WatchEvent(action: action, device: device))
    }

    @Test("a startup check, one debounced check per burst, rate limited, and a clean stop")
    func burstsAndStop() {
        let result = Self.run(
            [
                (1, Self.event("unbind")), (1.5, Self.event("remove", "nvhost-ctrl-nvdla0")),
                (30, Self.event("add")), (30.5, Self.event("bind")), (31, Self.event("add", "nvhost-ctrl-nvdla0")),
                (50, .stop),
            ], states: [Self.ok, Self.broken, Self.ok])
        // Startup at 0; the first burst settles at 3.5 but waits for the 10 s interval; the second settles at 33.
        #expect(result.checkTimes == [0, 10, 33])
        #expect(result.loop.checks == 3)
        #expect(
            result.lines == [
                "level=info msg=\"state changed\" event=startup findings=none status=ok\n",
                "level=info msg=\"state changed\" device=15880000.nvdla0,nvhost-ctrl-nvdla0 event=unbind,remove "
                    + "findings=NVDLA-DRV-001:dla0 status=error\n",
                "level=info msg=\"state changed\" device=15880000.nvdla0,nvhost-ctrl-nvdla0 event=add,bind "
                    + "findings=none status=ok\n",
                "level=info msg=stopping checks=3\n",
            ])
    }

    @Test("checks whose state does not change log nothing")
    func unchangedIsQuiet() {
        let result = Self.run(
            [(1, Self.event("change")), (20, .event(.hangup)), (40, .stop)], states: [Self.broken],
            policy: WatchPolicy(debounce: 2, minInterval: 10))
        #expect(result.checkTimes == [0, 10, 22])
        #expect(result.lines.filter { $0.contains("state changed") }.count == 1)
    }

    @Test("a stop while events are pending ends the loop without checking them")
    func stopWins() {
        let result = Self.run([(20, Self.event("add")), (20.5, .stop)], states: [Self.ok])
        #expect(result.checkTimes == [0])
        #expect(result.lines.last == "level=info msg=stopping checks=1\n")
    }

    @Test("the loop waits forever when nothing is pending and exactly until the due time otherwise")
    func timeouts() {
        let result = Self.run([(20, Self.event("add")), (60, .stop)], states: [Self.ok])
        #expect(result.source.waits == [nil, 2, nil])
        #expect(result.checkTimes == [0, 22])
    }

    @Test("write failures are logged as errors")
    func writeErrors() {
        let lines = LogLines()
        let loop = WatchLoop(policy: WatchPolicy(), logger: lines.logger, clock: { 0 }) {
            WatchCheck.Outcome(state: Self.ok, writeErrors: ["/x/status.json: Read-only file system"])
        }
        var source = ScriptedSource(clock: VirtualClock(), script: [])
        loop.run(&source)
        #expect(lines.all.first == "level=error msg=\"write failed\" error=\"/x/status.json: Read-only file system\"\n")
    }

    @Test("logfmt values are quoted only when needed")
    func quoting() {
        #expect(LogfmtLogHandler.quote("error") == "error")
        #expect(LogfmtLogHandler.quote("a b") == "\"a b\"")
        #expect(LogfmtLogHandler.quote("k=v") == "\"k=v\"")
        #expect(LogfmtLogHandler.quote("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
        #expect(LogfmtLogHandler.quote("") == "\"\"")
    }
}
