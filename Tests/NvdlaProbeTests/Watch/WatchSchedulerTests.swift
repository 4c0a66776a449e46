import Testing

@testable import NvdlaProbe

/// Debounce, rate limit and the longest delay of `WatchScheduler`, on a virtual clock.
@Suite("WatchScheduler")
struct WatchSchedulerTests {
    static let policy = WatchPolicy(debounce: 2, minInterval: 10, maxDelay: 30)
    static let add = WatchEvent(action: "add", device: "15880000.nvdla0")

    @Test("nothing pending: nothing due")
    func idle() {
        var scheduler = WatchScheduler(policy: Self.policy)
        #expect(scheduler.dueTime == nil)
        #expect(scheduler.takeDue(at: 1000) == nil)
    }

    @Test("a burst is checked once, debounce seconds after its last event")
    func debounce() {
        var scheduler = WatchScheduler(policy: Self.policy)
        scheduler.ranCheck(at: 0)
        for time in [20.0, 20.5, 21.0, 22.5] { scheduler.record(Self.add, at: time) }
        #expect(scheduler.dueTime == 24.5)
        #expect(scheduler.takeDue(at: 24.4) == nil)
        #expect(scheduler.takeDue(at: 24.5)?.count == 4)
        #expect(scheduler.dueTime == nil)
        #expect(scheduler.pending.isEmpty)
    }

    @Test("no check sooner than minInterval after the previous one")
    func rateLimit() {
        var scheduler = WatchScheduler(policy: Self.policy)
        scheduler.ranCheck(at: 100)
        scheduler.record(Self.add, at: 101)
        #expect(scheduler.dueTime == 110)
        #expect(scheduler.takeDue(at: 103) == nil)
        #expect(scheduler.takeDue(at: 110) == [Self.add])
    }

    @Test("events that never stop are still checked, maxDelay after the first")
    func maxDelay() {
        var scheduler = WatchScheduler(policy: Self.policy)
        scheduler.ranCheck(at: 0)
        var time = 50.0
        while time < 100 {
            scheduler.record(Self.add, at: time)
            time += 1
        }
        #expect(scheduler.dueTime == 80)
    }

    @Test("the policy never lets maxDelay undercut the debounce")
    func policyBounds() {
        #expect(WatchPolicy(debounce: 5, minInterval: 0, maxDelay: 1).maxDelay == 5)
        #expect(WatchPolicy() == WatchPolicy(debounce: 2, minInterval: 10, maxDelay: 30))
    }
}
