import CPcre2
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

    /// Which line a match came from, turned into a `Hit` only when it is kept (first, last).
    public struct LineRef: Sendable {
        /// The input's name, or the whole location for kmsg lines.
        public let label: String
        public let number: Int64
        /// Whether the line is kernel-log text (a timestamp may be split off).
        public let isLog: Bool

        public init(label: String, number: Int64 = 0, isLog: Bool = true) {
            self.label = label
            self.number = number
            self.isLog = isLog
        }
    }

    /// Builds the kept text and location of a matching line.
    public typealias Describe = @Sendable (UnsafeBufferPointer<UInt8>, LineRef) -> Hit

    /// Per signal and target: the count, the first line as a `Hit`, and the last line's bytes (described at the end,
    /// so a signal matching every other line costs a copy, not a parse).
    struct Tally {
        var count: Int64 = 0
        var first: Hit?
        var lastBytes: [UInt8] = []
        var lastRef: LineRef?
        var lastHit: Hit?

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ ref: LineRef, _ describe: Describe) {
            count += 1
            if first == nil { first = describe(bytes, ref) }
            lastBytes.removeAll(keepingCapacity: true)
            lastBytes.append(contentsOf: bytes)
            lastRef = ref
            lastHit = nil
        }

        mutating func add(_ hit: Hit) {
            count += 1
            if first == nil { first = hit }
            lastRef = nil
            lastHit = hit
        }

        func last(_ describe: Describe) -> Hit? {
            if let lastHit { return lastHit }
            guard let lastRef else { return nil }
            return lastBytes.withUnsafeBufferPointer { describe($0, lastRef) }
        }
    }

    struct Pending {
        let signal: Int
        let target: String?
        let hit: Hit
        var remaining: Int
    }

    let signals: [LogSignal]
    // The state each line touches is `@exclusivity(unchecked)`: a scanner reads one input on one thread, and no access
    // overlaps another, so the runtime check of each access (six a line) is left out.
    /// Per signal, its matcher and that of its `unless`, made (compiling the pattern) when first needed: most
    /// lines pass no signal's literals, and a run pays only for the patterns its input calls for.
    @exclusivity(unchecked) var matchers: [Regex2.Matcher?]
    @exclusivity(unchecked) var cancelMatchers: [Regex2.Matcher?]
    let literals: LiteralIndex
    /// Which literals of `literals` the current line contains.
    @exclusivity(unchecked) var marks: LiteralIndex.Marks
    let cancelLiterals: [LiteralSet]
    /// The `sentence` signals, by index: looked for on lines taken for a person's sentence.
    let sentenceSignals: [Int]
    /// Per signal: the total, per target (`0`, `1`, `other`), and benign matches.
    @exclusivity(unchecked) var totals: [Tally]
    @exclusivity(unchecked) var byTarget: [[String: Tally]]
    @exclusivity(unchecked) var benign: [Int64]
    @exclusivity(unchecked) var pending: [Pending] = []
    /// Lines scanned.
    @exclusivity(unchecked) public private(set) var lines: Int64 = 0

    let describe: Describe

    /// `describe` turns a kept line into its text and location (default: the bytes as text, the label as location).
    public init(signals: [LogSignal], describe: Describe? = nil) {
        self.describe =
            describe ?? { bytes, ref in Hit(line: String(decoding: bytes, as: UTF8.self), location: ref.label) }
        self.signals = signals
        self.matchers = Array(repeating: nil, count: signals.count)
        self.cancelMatchers = Array(repeating: nil, count: signals.count)
        self.literals = LiteralIndex(groups: signals.map { $0.caseless ? [] : $0.literals })
        self.marks = self.literals.marks()
        self.cancelLiterals = signals.map { LiteralSet($0.unless?.literals ?? []) }
        self.sentenceSignals = signals.indices.filter { signals[$0].sentence }
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

    func matcher(_ index: Int) -> Regex2.Matcher {
        if let matcher = matchers[index] { return matcher }
        let matcher = signals[index].regex.matcher()
        matchers[index] = matcher
        return matcher
    }

    func cancelMatcher(_ index: Int) -> Regex2.Matcher? {
        if let matcher = cancelMatchers[index] { return matcher }
        let matcher = signals[index].unless?.pattern.matcher()
        cancelMatchers[index] = matcher
        return matcher
    }

    static func passes(_ bytes: UnsafeBufferPointer<UInt8>, _ literals: LiteralSet) -> Bool {
        literals.isEmpty || literals.containsAny(in: bytes)
    }

    /// Whether the last scanned line matched a signal.
    @exclusivity(unchecked) public private(set) var lastLineMatched = false
    /// Names of the signals the last scanned line matched.
    @exclusivity(unchecked) public private(set) var lastMatched: [String] = []

    /// Scans one line (the device prefix kept; a timestamp prefix does not hurt the patterns).
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ ref: LineRef) {
        lines += 1
        lastLineMatched = false
        if !lastMatched.isEmpty { lastMatched.removeAll(keepingCapacity: true) }
        if !pending.isEmpty { resolvePending(bytes) }
        literals.mark(bytes, into: &marks)
        for index in signals.indices where literals.passes(index, marks) { match(index, bytes, ref) }
    }

    /// Scans a line taken for a person's sentence for the `sentence` signals only (a message quoted without its
    /// log prefix: `Target GPU SM 87 is not supported by this TensorRT release.`). Their patterns are tried without a
    /// literal prefilter: the caller passes only lines that hold one of their literals (`ArtifactAnalysis` finds them
    /// in the fields' pass over the line).
    public func scanSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ ref: LineRef) {
        lastLineMatched = false
        if !lastMatched.isEmpty { lastMatched.removeAll(keepingCapacity: true) }
        for index in sentenceSignals { match(index, bytes, ref) }
    }

    /// Counts the line for signal `index` when its pattern matches.
    @inline(__always)
    func match(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ ref: LineRef) {
        let signal = signals[index]
        var target: String?
        if signal.attribute != nil {
            guard let captures = matcher(index).captures(bytes) else { return }
            target = signal.target(captures)
        } else {
            guard matcher(index).matches(bytes) else { return }
        }
        lastLineMatched = true
        lastMatched.append(signal.name)
        if let unless = signal.unless {
            let hit = describe(bytes, ref)
            pending.append(Pending(signal: index, target: target, hit: hit, remaining: unless.within))
        } else {
            totals[index].add(bytes, ref, describe)
            if let target { byTarget[index][target, default: Tally()].add(bytes, ref, describe) }
        }
    }

    /// Scans one message given as text, seen at `location`.
    public func scan(_ message: String, location: String) {
        var copy = message
        copy.withUTF8 { scan($0, LineRef(label: location)) }
    }

    func resolvePending(_ bytes: UnsafeBufferPointer<UInt8>) {
        var kept: [Pending] = []
        for var item in pending {
            if Self.passes(bytes, cancelLiterals[item.signal]), cancelMatcher(item.signal)?.matches(bytes) == true {
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
            set("log.\(name)", totals[index], into: &facts, source: source)
            if signal.unless != nil {
                facts.set("log.\(name).benign.count", .int(benign[index]), source: source)
            }
            guard signal.attribute != nil else { continue }
            let other = byTarget[index]["other"]?.count ?? 0
            facts.set("log.\(name).other.count", .int(other), source: source)
            let seen = Set(instances).union(byTarget[index].keys.filter { $0 != "other" })
            for dla in seen.sorted() {
                set("dla.\(dla).log.\(name)", byTarget[index][dla] ?? Tally(), into: &facts, source: source)
            }
        }
    }

    func set(_ prefix: String, _ tally: Tally, into facts: inout FactTable, source: String) {
        let last = tally.last(describe)
        facts.set("\(prefix).count", .int(tally.count), source: last?.location ?? source, raw: last?.line)
        if let first = tally.first, let last {
            facts.set("\(prefix).first", .string(first.line), source: first.location, raw: first.line)
            facts.set("\(prefix).last", .string(last.line), source: last.location, raw: last.line)
        } else {
            facts.set("\(prefix).first", state: .missing(source: source))
            facts.set("\(prefix).last", state: .missing(source: source))
        }
    }
}
