/// Every value the pasted text gives for a version or identity fact, with how sure it is, and how they resolve into
/// facts (`Data/fields.yaml` explains the ranks).
///
/// A fact takes the value of the highest rank, the first one seen on a tie; a shape that lists alternatives (apt-cache
/// show of several candidates) leaves its fact unknown when it gives two values. Module P-numbers of known modules
/// win over carrier boards (`p3737-0000+p3701-0005`). What the text does not give is derived only where the tables
/// make it certain: L4T → JetPack, P-number or board name → SoC and DLA count. Memory is bounded: at most
/// `perFactCap` distinct values are kept per fact.
public struct IdentityEvidence: Sendable {
    /// One value seen for a fact.
    public struct Candidate: Sendable, Equatable {
        public let value: String
        public let rank: Int
        public let order: Int
        public let source: String
        public let raw: String
        public let shape: String
        public let alternatives: Bool
        /// How many times the value was offered in this shape (lines that repeat it).
        public internal(set) var mentions = 1
    }

    static let perFactCap = 32
    public private(set) var candidates: [String: [Candidate]] = [:]
    var order = 0
    /// Values offered by a tool's or a file's own format (rank 2 and up), kept or not: a line that adds one is
    /// version or identity output, not unrecognised text.
    public private(set) var machineOffers = 0

    public init() {}

    /// Records a value for `fact`.
    public mutating func add(
        _ fact: String, _ value: String, rank: Int, source: String, raw: String, shape: String,
        alternatives: Bool = false
    ) {
        order += 1
        if rank >= 2 { machineOffers += 1 }
        var list = candidates[fact, default: []]
        var mentions = 1
        if let i = list.firstIndex(where: { $0.value == value && $0.shape == shape }) {
            if list[i].rank >= rank {
                list[i].mentions += 1
                candidates[fact] = list
                return
            }
            mentions += list[i].mentions
            list.remove(at: i)
        }
        guard list.count < Self.perFactCap else { return }
        var candidate = Candidate(
            value: value, rank: rank, order: order, source: source, raw: raw, shape: shape, alternatives: alternatives)
        candidate.mentions = mentions
        list.append(candidate)
        candidates[fact] = list
    }

    /// Drops the values of `facts` offered after `order` (a line that turned out to describe another system: the host
    /// PC's CUDA). A value the line repeated at no higher rank keeps its earlier offer.
    mutating func drop(after order: Int, _ facts: Set<String>) {
        for fact in facts {
            guard var list = candidates[fact], list.contains(where: { $0.order > order }) else { continue }
            list.removeAll { $0.order > order }
            candidates[fact] = list.isEmpty ? nil : list
        }
    }

    /// The value `fact` resolves to, or nil (none seen, or alternatives that disagree).
    public func best(_ fact: String, prefer: ((String) -> Bool)? = nil) -> Candidate? {
        guard let list = candidates[fact], !list.isEmpty else { return nil }
        let sorted = list.sorted { a, b in
            if let prefer {
                let pa = prefer(a.value)
                let pb = prefer(b.value)
                if pa != pb { return pa }
            }
            if a.rank != b.rank { return a.rank > b.rank }
            // A person's words: the version a text keeps naming is the one it is about ("JetPack 5.0" in three
            // sentences against an aside's "JetPack 4.5"); the first one on a tie.
            if a.rank <= 1, Self.isDotted(a.value), Self.isDotted(b.value) {
                let ma = Self.mentions(of: a.value, rank: a.rank, in: list)
                let mb = Self.mentions(of: b.value, rank: b.rank, in: list)
                if ma != mb { return ma > mb }
            }
            return a.order < b.order
        }
        let top = sorted[0]
        if top.alternatives {
            let rivals = list.filter { $0.shape == top.shape && $0.rank == top.rank && $0.value != top.value }
            if !rivals.isEmpty { return nil }
        }
        // A more precise value that agrees with the chosen one refines it (`7` from a soname, `7.1.3.0` in a report).
        let refinements = list.filter { $0.value.hasPrefix(top.value + ".") && Self.isDotted($0.value) }
        if Self.isDotted(top.value), let finest = refinements.max(by: { $0.value.count < $1.value.count }) {
            return finest
        }
        return top
    }

    /// How often values of `rank` name `value` or a version of its family (`8.6` and `8.6.2`): a statement counts
    /// among statements, a question (rank 0) among questions.
    static func mentions(of value: String, rank: Int, in list: [Candidate]) -> Int {
        list.reduce(0) { sum, other in
            guard other.rank == rank,
                VersionCompare.isInFamily(value, other.value) || VersionCompare.isInFamily(other.value, value)
            else { return sum }
            return sum + other.mentions
        }
    }

    /// Digits and dots only.
    static func isDotted(_ value: String) -> Bool {
        !value.isEmpty && value.allSatisfy { $0 == "." || ($0.isASCII && $0.isNumber) }
    }

    /// Whether anything was seen for `fact`.
    public func has(_ fact: String) -> Bool { !(candidates[fact]?.isEmpty ?? true) }
}
