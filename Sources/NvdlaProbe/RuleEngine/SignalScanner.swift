import Foundation

/// Counts the matches of log signals over kernel-log messages fed one at a time, and turns them into facts.
///
/// Streams: per signal and target it keeps a count and the first and last matching line, nothing else, so
/// memory does not grow with the log. Lines are matched as UTF-8 bytes (invalid UTF-8 never fails a match).
/// Facts (Docs/facts.md, "log"): `log.<S>.count|first|last`, `log.<S>.benign.count` for signals with `unless`,
/// and for attributed signals `dla.<i>.log.<S>.count|first|last` and `log.<S>.other.count`.
public final class SignalScanner {
    /// One matching line: its text and where it was seen (`/dev/kmsg (kmsg seq 12)`, `dmesg.txt:40 [12.3]`).
    public struct Hit: Sendable, Equatable {
        public let line: String
        public let location: String
    }

    struct Tally {
        var count: Int64 = 0
        var first: Hit?
        var last: Hit?

        mutating func add(_ hit: Hit) {
            count += 1
            if first == nil { first = hit }
            last = hit
        }
    }

    struct Pending {
        let signal: Int
        let target: String?
        let hit: Hit
        var remaining: Int
    }

    let signals: [LogSignal]
    let matchers: [Regex2.Matcher]
    let cancelMatchers: [Regex2.Matcher?]
    let literals: [[[UInt8]]]
    let cancelLiterals: [[[UInt8]]]
    /// Per signal: the total, per target (`0`, `1`, `other`), and benign matches.
    var totals: [Tally]
    var byTarget: [[String: Tally]]
    var benign: [Int64]
    var pending: [Pending] = []
    /// Lines scanned.
    public private(set) var lines: Int64 = 0

    public init(signals: [LogSignal]) {
        self.signals = signals
        self.matchers = signals.map { $0.regex.matcher() }
        self.cancelMatchers = signals.map { $0.unless?.pattern.matcher() }
        self.literals = signals.map { $0.caseless ? [] : $0.literals.map { Array($0.utf8) } }
        self.cancelLiterals = signals.map { ($0.unless?.literals ?? []).map { Array($0.utf8) } }
        self.totals = Array(repeating: Tally(), count: signals.count)
        self.byTarget = Array(repeating: [:], count: signals.count)
        self.benign = Array(repeating: 0, count: signals.count)
    }

    /// Whether any signal matched so far (benign ones included).
    public var matchedAny: Bool { totals.contains { $0.count > 0 } || benign.contains { $0 > 0 } || !pending.isEmpty }

    /// DLA instances some match was attributed to.
    public var instancesSeen: Set<String> {
        var seen = Set<String>()
        for targets in byTarget { for key in targets.keys where key != "other" { seen.insert(key) } }
        for item in pending { if let target = item.target, target != "other" { seen.insert(target) } }
        return seen
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let base = haystack.baseAddress, let head = needle.first, needle.count <= haystack.count else {
            return false
        }
        let end = base + haystack.count
        var cursor = base
        return needle.withUnsafeBytes { n -> Bool in
            guard let needleBase = n.baseAddress else { return false }
            while end - cursor >= needle.count {
                guard let found = memchr(cursor, Int32(head), end - cursor - needle.count + 1) else { return false }
                let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if memcmp(at, needleBase, needle.count) == 0 { return true }
                cursor = at + 1
            }
            return false
        }
    }

    static func passes(_ bytes: UnsafeBufferPointer<UInt8>, _ literals: [[UInt8]]) -> Bool {
        literals.isEmpty || literals.contains { contains(bytes, $0) }
    }

    /// Whether the last scanned line matched a signal.
    public private(set) var lastLineMatched = false
    /// Names of the signals the last scanned line matched.
    public private(set) var lastMatched: [String] = []

    /// Scans one line (the device prefix kept; a timestamp prefix does not hurt the patterns); `describe` gives
    /// the text and location to keep and is called only when the line matches.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, describe: () -> Hit) {
        lines += 1
        lastLineMatched = false
        if !lastMatched.isEmpty { lastMatched.removeAll(keepingCapacity: true) }
        if !pending.isEmpty { resolvePending(bytes) }
        var hit: Hit?
        for index in signals.indices where Self.passes(bytes, literals[index]) {
            guard let captures = matchers[index].captures(bytes) else { continue }
            lastLineMatched = true
            lastMatched.append(signals[index].name)
            let found = hit ?? describe()
            hit = found
            let target = signals[index].target(captures)
            if let unless = signals[index].unless {
                pending.append(Pending(signal: index, target: target, hit: found, remaining: unless.within))
            } else {
                commit(index, target, found)
            }
        }
    }

    /// Scans one message given as text.
    public func scan(_ message: String, location: () -> String) {
        var copy = message
        copy.withUTF8 { bytes in scan(bytes) { Hit(line: message, location: location()) } }
    }

    func resolvePending(_ bytes: UnsafeBufferPointer<UInt8>) {
        var kept: [Pending] = []
        for var item in pending {
            if Self.passes(bytes, cancelLiterals[item.signal]), cancelMatchers[item.signal]?.matches(bytes) == true {
                benign[item.signal] += 1
                continue
            }
            item.remaining -= 1
            if item.remaining <= 0 {
                commit(item.signal, item.target, item.hit)
            } else {
                kept.append(item)
            }
        }
        pending = kept
    }

    func commit(_ index: Int, _ target: String?, _ hit: Hit) {
        totals[index].add(hit)
        if let target { byTarget[index][target, default: Tally()].add(hit) }
    }

    /// Ends the log: matches still waiting for a benign follow-up count as real.
    public func finish() {
        for item in pending { commit(item.signal, item.target, item.hit) }
        pending = []
    }

    /// Records every signal's facts; `instances` are the DLA indices that get zero counts when nothing matched.
    /// With `onlyMatched`, signals without a match are left unset (their input was never seen).
    public func record(into facts: inout FactTable, instances: [String], source: String, onlyMatched: Bool = false) {
        finish()
        for (index, signal) in signals.enumerated() {
            if onlyMatched, totals[index].count == 0, benign[index] == 0 { continue }
            let name = signal.name
            Self.set("log.\(name)", totals[index], into: &facts, source: source)
            if signal.unless != nil {
                facts.set("log.\(name).benign.count", .int(benign[index]), source: source)
            }
            guard signal.attribute != nil else { continue }
            let other = byTarget[index]["other"]?.count ?? 0
            facts.set("log.\(name).other.count", .int(other), source: source)
            let seen = Set(instances).union(byTarget[index].keys.filter { $0 != "other" })
            for dla in seen.sorted() {
                Self.set("dla.\(dla).log.\(name)", byTarget[index][dla] ?? Tally(), into: &facts, source: source)
            }
        }
    }

    static func set(_ prefix: String, _ tally: Tally, into facts: inout FactTable, source: String) {
        facts.set("\(prefix).count", .int(tally.count), source: tally.last?.location ?? source, raw: tally.last?.line)
        if let first = tally.first, let last = tally.last {
            facts.set("\(prefix).first", .string(first.line), source: first.location, raw: first.line)
            facts.set("\(prefix).last", .string(last.line), source: last.location, raw: last.line)
        } else {
            facts.set("\(prefix).first", state: .missing(source: source))
            facts.set("\(prefix).last", state: .missing(source: source))
        }
    }
}
