/// Parses `/proc/buddyinfo`: free block counts per order for each node and zone.
///
/// Line format: `Node 0, zone      DMA      5      3      2 …` (order 0 first).
public struct ProcBuddyinfo: Sendable, Equatable {
    /// One `/proc/buddyinfo` node/zone row.
    public struct Zone: Sendable, Equatable {
        /// The NUMA node number.
        public let node: Int
        /// The zone name (`DMA`, `DMA32`, `Normal`, `Movable`).
        public let zone: String
        /// Free block counts; index = order (block size `4096 << order` bytes with 4 KiB pages).
        public let freeBlocks: [Int64]
    }

    /// Rows in file order.
    public let zones: [Zone]
    /// 1-based numbers of non-blank lines that could not be parsed.
    public let malformedLines: [Int]

    /// Parses `/proc/buddyinfo` text; never fails.
    public static func parse(_ text: String) -> ProcBuddyinfo {
        var zones: [Zone] = []
        var malformed: [Int] = []
        for (offset, line) in ReaderLex.lines(text).enumerated() {
            let columns = ReaderLex.fields(line)
            if columns.isEmpty { continue }
            guard columns.count >= 4, columns[0] == "Node", columns[1].last == ",",
                let node = ReaderLex.int(columns[1].dropLast()), columns[2] == "zone"
            else {
                malformed.append(offset + 1)
                continue
            }
            var counts: [Int64] = []
            var valid = true
            for column in columns.dropFirst(4) {
                guard let count = ReaderLex.int64(column), count >= 0 else {
                    valid = false
                    break
                }
                counts.append(count)
            }
            guard valid else {
                malformed.append(offset + 1)
                continue
            }
            zones.append(Zone(node: node, zone: String(columns[3]), freeBlocks: counts))
        }
        return ProcBuddyinfo(zones: zones, malformedLines: malformed)
    }
}
