/// The first eight bytes of each literal of a set as one word, to compare a literal with a line in one step.
///
/// Reads literals lower-cased (caseless) or as they are. A line's eight bytes from a place, read as one little-endian
/// `UInt64`, hold literal `i` there when `(bytes | fold) & mask == head` for its first `min(8, count)` bytes: `mask`
/// keeps those bytes, and `fold` sets the case bit (0x20) of each letter of a caseless literal, so both cases of a
/// letter compare equal and every other byte compares as it is. Bytes past the eighth are compared one by one.
struct LiteralHeads: Sendable {
    struct Head: Sendable {
        let head: UInt64
        let mask: UInt64
        let fold: UInt64
        let count: Int
        let offset: Int
    }

    let heads: [Head]
    /// The literals, flat (as given).
    let flat: [UInt8]
    let caseless: Bool

    init(_ literals: [[UInt8]], caseless: Bool) {
        var heads: [Head] = []
        var flat: [UInt8] = []
        for word in literals {
            var head: UInt64 = 0
            var mask: UInt64 = 0
            var fold: UInt64 = 0
            for (k, b) in word.prefix(8).enumerated() {
                head |= UInt64(b) << UInt64(8 * k)
                mask |= 0xFF << UInt64(8 * k)
                if caseless, b >= 97, b <= 122 { fold |= 0x20 << UInt64(8 * k) }
            }
            heads.append(Head(head: head, mask: mask, fold: fold, count: word.count, offset: flat.count))
            flat += word
        }
        self.heads = heads
        self.flat = flat
        self.caseless = caseless
    }

    /// Whether literal `id` is at `at` of `bytes`, which holds at least eight bytes from `at` (`word` is those
    /// eight, read as one little-endian `UInt64`).
    @inline(__always)
    func matches(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, at: Int, word: UInt64) -> Bool {
        let h = heads[id]
        guard (word | h.fold) & h.mask == h.head else { return false }
        guard h.count > 8 else { return true }
        guard bytes.count - at >= h.count else { return false }
        return rest(id, bytes, at: at)
    }

    /// Whether literal `id` is at `at` of `bytes` (any length left), compared byte by byte.
    func matchesShort(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        let h = heads[id]
        guard bytes.count - at >= h.count else { return false }
        for k in 0..<h.count where !same(bytes[at + k], flat[h.offset + k]) { return false }
        return true
    }

    /// The bytes of literal `id` past its eighth.
    func rest(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        let h = heads[id]
        for k in 8..<h.count where !same(bytes[at + k], flat[h.offset + k]) { return false }
        return true
    }

    /// A line's byte against a literal's: a letter of a caseless literal in either case, else equal.
    @inline(__always)
    func same(_ b: UInt8, _ l: UInt8) -> Bool {
        caseless && l >= 97 && l <= 122 ? b | 0x20 == l : b == l
    }

    /// The eight bytes of `bytes` from `at`, when there are eight.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> UInt64? {
        guard let base = bytes.baseAddress, bytes.count - at >= 8 else { return nil }
        return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }
}
