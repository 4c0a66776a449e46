import CPcre2
import Foundation

/// A fixed list of byte strings looked for in one line (glibc `memmem`), stored flat so a lookup costs no reference
/// counting: the literal prefilter of log signals and of the TensorRT reader, run on every line of large logs.
struct LiteralSet: Sendable {
    let flat: [UInt8]
    let spans: [Range<Int>]
    /// Per byte: whether some word starts with it.
    let starts: [Bool]
    /// Word indices ordered by first byte: those starting with `b` are `byFirst[firstStart[b]..<firstStart[b + 1]]`.
    let firstStart: [Int32]
    let byFirst: [Int32]

    init(_ words: [[UInt8]]) {
        var flat: [UInt8] = []
        var spans: [Range<Int>] = []
        var starts = [Bool](repeating: false, count: 256)
        for word in words {
            spans.append(flat.count..<flat.count + word.count)
            flat += word
            if let first = word.first { starts[Int(first)] = true }
        }
        self.flat = flat
        self.spans = spans
        self.starts = starts
        var firstStart = [Int32](repeating: 0, count: 257)
        for word in words { if let first = word.first { firstStart[Int(first) + 1] += 1 } }
        for b in 0..<256 { firstStart[b + 1] += firstStart[b] }
        var slot = firstStart
        var byFirst = [Int32](repeating: 0, count: Int(firstStart[256]))
        for (index, word) in words.enumerated() {
            guard let first = word.first else { continue }
            byFirst[Int(slot[Int(first)])] = Int32(index)
            slot[Int(first)] += 1
        }
        self.firstStart = firstStart
        self.byFirst = byFirst
    }

    init(_ words: [String]) {
        self.init(words.map { Array($0.utf8) })
    }

    var isEmpty: Bool { spans.isEmpty }

    /// Whether `bytes` contains any of the words.
    func containsAny(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let haystack = bytes.baseAddress else { return false }
        return flat.withUnsafeBufferPointer { words in
            guard let base = words.baseAddress else { return false }
            for span in spans where span.count <= bytes.count {
                if nvdla_contains(haystack, bytes.count, base + span.lowerBound, span.count) != 0 { return true }
            }
            return false
        }
    }

    /// Whether any of the words starts at `offset` of `bytes`.
    func anyPrefix(of bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.count, starts[Int(bytes[offset])] else { return false }
        let first = Int(bytes[offset])
        return flat.withUnsafeBufferPointer { words in
            for slot in Int(firstStart[first])..<Int(firstStart[first + 1]) {
                let span = spans[Int(byFirst[slot])]
                guard bytes.count - offset >= span.count else { continue }
                var equal = true
                for k in 0..<span.count where bytes[offset + k] != words[span.lowerBound + k] {
                    equal = false
                    break
                }
                if equal { return true }
            }
            return false
        }
    }
}

/// A few literals looked for without ASCII case in one pass over a line: the bits of a place's two bytes and of a
/// hash of its three, as the line holds them (`OpeningFilter`), say where one may start, and only there are the
/// literals with that first byte compared (`memchr` finds one-byte literals). The second check of a field or shape that
/// passed the line's literal index (`FieldTable`).
struct FoldedLiterals: Sendable {
    /// Lower-cased literals.
    let words: LiteralSet
    /// Where one of two bytes or more may start (every case).
    let filter: OpeningFilter
    /// The literals of one byte.
    let singles: [UInt8]
    /// The literals as words, for comparing (`LiteralHeads`), in the order of `words`.
    let heads: LiteralHeads

    init(_ words: [String]) {
        let folded = words.map { $0.utf8.map(Self.fold) }.filter { !$0.isEmpty }
        self.words = LiteralSet(folded)
        heads = LiteralHeads(folded, caseless: true)
        filter = OpeningFilter(folded, caseless: true)
        singles = folded.filter { $0.count == 1 }.map { $0[0] }
    }

    static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    /// Whether `bytes` contains one of the literals, ASCII letters compared without case.
    func containsAny(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for b in singles {
            if memchr(base, Int32(b), bytes.count) != nil { return true }
            if b >= 97, b <= 122, memchr(base, Int32(b - 32), bytes.count) != nil { return true }
        }
        var found = false
        filter.scan(bytes) { at in
            found = match(bytes, at: at)
            return found
        }
        return found
    }

    /// Whether a literal starts at `at` (its first byte's literals compared).
    @inline(never)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        let first = Int(Self.fold(bytes[at]))
        let word = LiteralHeads.word(bytes, at: at)
        for slot in Int(words.firstStart[first])..<Int(words.firstStart[first + 1]) {
            let id = Int(words.byFirst[slot])
            if let word {
                if heads.matches(id, bytes, at: at, word: word) { return true }
            } else if heads.matchesShort(id, bytes, at: at) {
                return true
            }
        }
        return false
    }
}

/// The literals of many groups (signals, fields, shapes), found in one pass over a line: tables of the literals' first
/// two bytes and of hashes of their first three (`OpeningFilter`) say where a literal may start, and only there are
/// the literals with those first two bytes compared, eight bytes at once (`LiteralHeads`).
/// Replaces one `memmem` per literal and line, which dominated `analyze` on large logs. A caseless index folds ASCII
/// letters on both sides, so lines are matched as they are, without a lower-cased copy. A final class: its users hold
/// one reference, so a line's scan copies no table and retains none of its arrays.
final class LiteralIndex: Sendable {
    /// Unique literals, flat (lower-cased when caseless).
    let words: LiteralSet
    /// Whether ASCII letters are compared without case.
    let caseless: Bool
    /// Byte → the byte compared: ASCII lower case when caseless, else the byte itself.
    let fold: [UInt8]
    /// Where a literal of two bytes or more may start in a line (a hash of its three raw bytes; every case of a
    /// caseless literal).
    let filter: OpeningFilter
    /// The literals as words, for comparing (`LiteralHeads`), by id.
    let heads: LiteralHeads
    /// The literal ids of each opening, flat: ids of opening `k` are `ids[start[k]..<start[k + 1]]` (no hashing on
    /// the hot path).
    let start: [Int32]
    let ids: [Int32]
    /// Literals of one byte: looked for with a plain scan.
    let single: [(byte: UInt8, id: Int)]
    /// Per group, its literal ids, flat: group `g` has `groupIDs[groupStart[g]..<groupStart[g + 1]]`; a group
    /// without literals always passes.
    let groupStart: [Int32]
    let groupIDs: [Int32]
    /// Per literal, the groups that hold it, flat: literal `l` is in `literalGroups[literalStart[l]..<literalStart[l + 1]]`.
    let literalStart: [Int32]
    let literalGroups: [Int32]

    init(groups literalGroups: [[String]], caseless: Bool = false) {
        let fold = (0...255).map { b -> UInt8 in caseless && b >= 65 && b <= 90 ? UInt8(b) | 0x20 : UInt8(b) }
        var unique: [[UInt8]] = []
        var idOf: [[UInt8]: Int] = [:]
        var groupStart: [Int32] = [0]
        var groupIDs: [Int32] = []
        for group in literalGroups {
            for word in group where !word.isEmpty {
                let bytes = word.utf8.map { fold[Int($0)] }
                let id: Int
                if let known = idOf[bytes] {
                    id = known
                } else {
                    id = unique.count
                    idOf[bytes] = id
                    unique.append(bytes)
                }
                if !groupIDs[Int(groupStart.last ?? 0)...].contains(Int32(id)) { groupIDs.append(Int32(id)) }
            }
            groupStart.append(Int32(groupIDs.count))
        }
        var entries: [(key: Int, id: Int32)] = []
        var single: [(UInt8, Int)] = []
        // Counting sort by opening: `start` is built from counts, not by probing a dictionary for all 65 536 keys
        // (which cost more than the rest of a `check`).
        var start = [Int32](repeating: 0, count: 65_537)
        for (id, bytes) in unique.enumerated() {
            if bytes.count == 1 {
                single.append((bytes[0], id))
                continue
            }
            let key = Int(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
            entries.append((key, Int32(id)))
            start[key + 1] += 1
        }
        for key in 0..<65_536 { start[key + 1] += start[key] }
        filter = OpeningFilter(unique, caseless: caseless)
        heads = LiteralHeads(unique, caseless: caseless)
        var next = start
        var flatIDs = [Int32](repeating: 0, count: entries.count)
        for (key, id) in entries {
            flatIDs[Int(next[key])] = id
            next[key] += 1
        }
        self.words = LiteralSet(unique)
        self.caseless = caseless
        self.fold = fold
        self.start = start
        self.ids = flatIDs
        self.single = single
        self.groupStart = groupStart
        self.groupIDs = groupIDs
        var literalStart = [Int32](repeating: 0, count: unique.count + 1)
        for id in groupIDs { literalStart[Int(id) + 1] += 1 }
        for id in 0..<unique.count { literalStart[id + 1] += literalStart[id] }
        var slot = literalStart
        var literalGroups = [Int32](repeating: 0, count: groupIDs.count)
        for group in 0..<groupStart.count - 1 {
            for k in Int(groupStart[group])..<Int(groupStart[group + 1]) {
                let id = Int(groupIDs[k])
                literalGroups[Int(slot[id])] = Int32(group)
                slot[id] += 1
            }
        }
        self.literalStart = literalStart
        self.literalGroups = literalGroups
    }

    /// Number of unique literals.
    var count: Int { words.spans.count }

    /// Number of groups.
    var groupCount: Int { groupStart.count - 1 }

    /// Which literals one line contains: flags per literal and the list of those set, so the next line clears
    /// only what this one set.
    struct Marks: Sendable {
        var present: [Bool]
        /// The literals set on this line: `found[0..<foundCount]` (the array keeps its length from line to line, so
        /// clearing it costs nothing).
        var found: [Int32] = []
        var foundCount = 0

        init(count: Int) { present = [Bool](repeating: false, count: count) }

        /// Whether the line contained any literal.
        var any: Bool { foundCount > 0 }

        mutating func reset() {
            for k in 0..<foundCount { present[Int(found[k])] = false }
            foundCount = 0
        }

        mutating func set(_ id: Int) {
            guard !present[id] else { return }
            present[id] = true
            if foundCount < found.count {
                found[foundCount] = Int32(id)
            } else {
                found.append(Int32(id))
            }
            foundCount += 1
        }
    }

    /// A fresh set of marks for this index.
    func marks() -> Marks { Marks(count: count) }

    /// Records in `marks` which literals occur in `bytes`.
    func mark(_ bytes: UnsafeBufferPointer<UInt8>, into marks: inout Marks) {
        marks.reset()
        scan(bytes) { id in
            marks.set(id)
            return false
        }
    }

    /// Whether `bytes` contains any of the literals (stops at the first).
    func containsAny(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        scan(bytes) { _ in
            found = true
            return true
        }
        return found
    }

    /// Calls `hit` with the id of each literal found at each place (a literal may be reported more than once);
    /// stops when `hit` returns true.
    ///
    /// `filter` tests each place by its raw bytes; the rare places that pass are compared out of line (`compare`).
    @inline(__always)
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ hit: (Int) -> Bool) {
        guard let base = bytes.baseAddress, bytes.count >= 1 else { return }
        for (byte, id) in single where containsByte(bytes, byte) {
            if hit(id) { return }
        }
        guard bytes.count >= 2 else { return }
        fold.withUnsafeBufferPointer { fold in
            guard let fold = fold.baseAddress else { return }
            filter.scan(bytes) { place in
                let key = UInt16(fold[Int(base[place])]) << 8 | UInt16(fold[Int(base[place + 1])])
                return compare(bytes, at: place, key: key, hit)
            }
        }
    }

    /// Compares the literals opening with `key` at `at`, calling `hit` for each found; true when `hit` said stop.
    @inline(never)
    func compare(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, key: UInt16, _ hit: (Int) -> Bool) -> Bool {
        let word = LiteralHeads.word(bytes, at: at)
        for slot in Int(start[Int(key)])..<Int(start[Int(key) + 1]) {
            let id = Int(ids[slot])
            let equal: Bool
            if let word {
                equal = heads.matches(id, bytes, at: at, word: word)
            } else {
                equal = heads.matchesShort(id, bytes, at: at)
            }
            if equal, hit(id) { return true }
        }
        return false
    }

    /// Whether `bytes` holds the (folded) byte of a one-byte literal: `memchr`, for each case of a letter.
    @inline(__always)
    func containsByte(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if memchr(base, Int32(byte), bytes.count) != nil { return true }
        if caseless, byte >= 97, byte <= 122 { return memchr(base, Int32(byte - 32), bytes.count) != nil }
        return false
    }

    /// Whether group `index` passes given the marks of `mark`: it has no literals, or one of them was found.
    func passes(_ index: Int, _ marks: Marks) -> Bool {
        let lower = Int(groupStart[index])
        let upper = Int(groupStart[index + 1])
        if lower == upper { return true }
        guard marks.any else { return false }
        for slot in lower..<upper where marks.present[Int(groupIDs[slot])] { return true }
        return false
    }

    /// The groups that hold a literal of `marks`, ascending and once each, into `out`: the groups that pass, less
    /// those without literals.
    func candidates(_ marks: Marks, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        for id in marks.found[0..<marks.foundCount] {
            for slot in Int(literalStart[Int(id)])..<Int(literalStart[Int(id) + 1]) {
                out.append(Int(literalGroups[slot]))
            }
        }
        guard out.count > 1 else { return }
        out.sort()
        var kept = 1
        for k in 1..<out.count where out[k] != out[kept - 1] {
            out[kept] = out[k]
            kept += 1
        }
        out.removeLast(out.count - kept)
    }

    /// Whether the line of `marks` holds one of the literals of group `index` (false for a group without literals).
    func holds(_ index: Int, _ marks: Marks) -> Bool {
        guard marks.any else { return false }
        for slot in Int(groupStart[index])..<Int(groupStart[index + 1]) where marks.present[Int(groupIDs[slot])] {
            return true
        }
        return false
    }

    /// Whether group `index` has no literals, so it must be tried on every line.
    func alwaysRuns(_ index: Int) -> Bool { groupStart[index] == groupStart[index + 1] }
}

extension Substring {
    /// Calls `body` with the text's UTF-8 bytes, in place where the storage allows, else from a copy.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}
