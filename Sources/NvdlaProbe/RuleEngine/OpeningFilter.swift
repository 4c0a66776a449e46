/// Where in a line a literal of a set may start, from the line's raw bytes: one or two table lookups per place.
///
/// Reads lower-cased (folded) literals. Each place of a line is tested by its two bytes as they are (one unaligned
/// load; no case folding) against a bitmap of every case of the literals' first two bytes; where that passes (about
/// one place in six of English text), by a hash of its three bytes against a bitmap that holds every case of the first
/// three bytes of each literal of three bytes or more, and every third byte after a two-byte literal. The last place of
/// a line, with two bytes left, is tested against a bitmap of the two-byte literals. Places that pass are candidates
/// only (hashes collide): the caller compares the literals there. Literals of one byte are not held (the callers find
/// them with `memchr`).
struct OpeningFilter: Sendable {
    /// One bit per two bytes a literal may start with (every case, the two bytes read as one little-endian `UInt16`;
    /// 65 536 bits).
    let openings: [UInt64]
    /// One bit per `hash` of three raw bytes a literal may start with (131 072 bits).
    let threes: [UInt64]
    /// One bit per two-byte literal as a line may hold it (every case, the two bytes read as one little-endian
    /// `UInt16`; 65 536 bits).
    let pairs: [UInt64]

    static let hashBits = 17

    /// A hash of three bytes `b0 | b1 << 8 | b2 << 16`, `hashBits` wide.
    @inline(__always)
    static func hash(_ three: UInt32) -> Int { Int((three &* 0x9E37_79B1) >> UInt32(32 - hashBits)) }

    /// `literals` lower-cased when `caseless` (a letter then also matches its upper case), else compared as they are.
    init(_ literals: [[UInt8]], caseless: Bool) {
        var threes = [UInt64](repeating: 0, count: (1 << Self.hashBits) / 64)
        var pairs = [UInt64](repeating: 0, count: 1024)
        var openings = [UInt64](repeating: 0, count: 1024)
        func cases(_ b: UInt8) -> [UInt8] { caseless && b >= 97 && b <= 122 ? [b, b - 32] : [b] }
        func set(_ three: UInt32) {
            let h = Self.hash(three)
            threes[h >> 6] |= 1 << UInt64(h & 63)
        }
        for word in literals where word.count >= 2 {
            for first in cases(word[0]) {
                for second in cases(word[1]) {
                    let two = UInt32(first) | UInt32(second) << 8
                    openings[Int(two) >> 6] |= 1 << UInt64(two & 63)
                    guard word.count >= 3 else {
                        pairs[Int(two) >> 6] |= 1 << UInt64(two & 63)
                        for third in 0...255 { set(two | UInt32(third) << 16) }
                        continue
                    }
                    for third in cases(word[2]) { set(two | UInt32(third) << 16) }
                }
            }
        }
        self.threes = threes
        self.pairs = pairs
        self.openings = openings
    }

    /// Calls `candidate` with each place of `bytes` where a literal may start, in order; stops when it returns true.
    @inline(__always)
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ candidate: (Int) -> Bool) {
        guard let base = bytes.baseAddress, bytes.count >= 2 else { return }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        threes.withUnsafeBufferPointer { threes in
            openings.withUnsafeBufferPointer { openings in
                guard let threes = threes.baseAddress, let openings = openings.baseAddress else { return }
                var at = 0
                // Places with three bytes from them: the two, then the hash of the three.
                while at + 2 < count {
                    let two = Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
                    if openings[two >> 6] & (1 << UInt64(two & 63)) != 0 {
                        let h = Self.hash(UInt32(two) | UInt32(base[at + 2]) << 16)
                        if threes[h >> 6] & (1 << UInt64(h & 63)) != 0, candidate(at) { return }
                    }
                    at += 1
                }
                // The last place: only a two-byte literal fits.
                let two = Int(base[at]) | Int(base[at + 1]) << 8
                if pairs[two >> 6] & (1 << UInt64(two & 63)) != 0, candidate(at) { return }
            }
        }
    }
}
