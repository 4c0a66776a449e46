import CPcre2

/// A fixed list of byte strings looked for in one line (glibc `memmem`), stored flat so a lookup costs no reference
/// counting: the literal prefilter of log signals and of the TensorRT reader, run on every line of large logs.
struct LiteralSet: Sendable {
    let flat: [UInt8]
    let spans: [Range<Int>]

    init(_ words: [[UInt8]]) {
        var flat: [UInt8] = []
        var spans: [Range<Int>] = []
        for word in words {
            spans.append(flat.count..<flat.count + word.count)
            flat += word
        }
        self.flat = flat
        self.spans = spans
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
        flat.withUnsafeBufferPointer { words in
            for span in spans where bytes.count - offset >= span.count {
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

/// The literals of many signals, found in one pass over a line: a table of the literals' first two bytes says where
/// a literal may start, and only there are the literals with those two bytes compared. Replaces one `memmem` per
/// literal and line, which dominated `analyze` on large logs.
struct LiteralIndex: Sendable {
    /// Unique literals, flat.
    let words: LiteralSet
    /// One bit per two-byte opening of some literal (65 536 bits).
    let openings: [UInt64]
    /// The literal ids of each opening, flat: ids of opening `k` are `ids[start[k]..<start[k + 1]]` (no hashing on
    /// the hot path).
    let start: [Int32]
    let ids: [Int32]
    /// Literals of one byte: looked for with a plain scan.
    let single: [(byte: UInt8, id: Int)]
    /// Per group (signal): the ids of its literals; a group without literals always passes.
    let groups: [[Int]]

    init(groups literalGroups: [[String]]) {
        var unique: [String] = []
        var idOf: [String: Int] = [:]
        var groups: [[Int]] = []
        for group in literalGroups {
            groups.append(
                group.filter { !$0.isEmpty }.map { word in
                    if let id = idOf[word] { return id }
                    idOf[word] = unique.count
                    unique.append(word)
                    return unique.count - 1
                })
        }
        var openings = [UInt64](repeating: 0, count: 1024)
        var entries: [(key: Int, id: Int32)] = []
        var single: [(UInt8, Int)] = []
        // Counting sort by opening: `start` is built from counts, not by probing a dictionary for all 65 536 keys
        // (which cost more than the rest of a `check`).
        var start = [Int32](repeating: 0, count: 65_537)
        for (id, word) in unique.enumerated() {
            let bytes = Array(word.utf8)
            if bytes.count == 1 {
                single.append((bytes[0], id))
                continue
            }
            let key = Int(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
            openings[key >> 6] |= 1 << UInt64(key & 63)
            entries.append((key, Int32(id)))
            start[key + 1] += 1
        }
        for key in 0..<65_536 { start[key + 1] += start[key] }
        var next = start
        var flatIDs = [Int32](repeating: 0, count: entries.count)
        for (key, id) in entries {
            flatIDs[Int(next[key])] = id
            next[key] += 1
        }
        self.words = LiteralSet(unique)
        self.openings = openings
        self.start = start
        self.ids = flatIDs
        self.single = single
        self.groups = groups
    }

    var count: Int { words.spans.count }

    /// Marks in `present` (one flag per unique literal) which literals occur in `bytes`.
    func mark(_ bytes: UnsafeBufferPointer<UInt8>, into present: inout [Bool]) {
        for i in present.indices { present[i] = false }
        guard bytes.count >= 1 else { return }
        for (byte, id) in single where bytes.contains(byte) { present[id] = true }
        guard bytes.count >= 2 else { return }
        openings.withUnsafeBufferPointer { table in
            words.flat.withUnsafeBufferPointer { flat in
                start.withUnsafeBufferPointer { start in
                    ids.withUnsafeBufferPointer { ids in
                        var previous = UInt16(bytes[0])
                        for i in 1..<bytes.count {
                            let key = previous << 8 | UInt16(bytes[i])
                            previous = UInt16(bytes[i])
                            guard table[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0 else { continue }
                            let at = i - 1
                            for slot in Int(start[Int(key)])..<Int(start[Int(key) + 1]) {
                                let id = Int(ids[slot])
                                guard !present[id] else { continue }
                                let span = words.spans[id]
                                guard bytes.count - at >= span.count else { continue }
                                var equal = true
                                for k in 2..<span.count where bytes[at + k] != flat[span.lowerBound + k] {
                                    equal = false
                                    break
                                }
                                if equal { present[id] = true }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether group `index` passes given the flags of `mark`.
    func passes(_ index: Int, _ present: [Bool]) -> Bool {
        let ids = groups[index]
        if ids.isEmpty { return true }
        for id in ids where present[id] { return true }
        return false
    }
}
