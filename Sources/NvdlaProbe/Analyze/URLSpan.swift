/// Where web addresses (`scheme://…`) sit in a line: a version or board inside one names a page, not the system.
///
/// A link to `https://docs.nvidia.com/jetson/archives/r35.5.0/…` or a forum thread called `pci-express-on-jetson-nano`
/// says what someone read, not what their board runs; values found there are not evidence.
enum URLSpan {
    /// Whether `range` (byte offsets into `line`) lies wholly inside one address: from the start of its scheme to the
    /// first space, quote or closing bracket after `://`.
    static func contains(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard line.count >= 3, range.lowerBound >= 0, range.upperBound <= line.count else { return false }
        var i = 0
        while i + 3 <= line.count {
            guard line[i] == UInt8(ascii: ":"), line[i + 1] == UInt8(ascii: "/"), line[i + 2] == UInt8(ascii: "/")
            else {
                i += 1
                continue
            }
            var start = i
            while start > 0, isPart(line[start - 1]) { start -= 1 }
            var end = i + 3
            while end < line.count, isPart(line[end]) { end += 1 }
            if start < i, range.lowerBound >= start, range.upperBound <= end { return true }
            i = end
        }
        return false
    }

    /// A byte that can belong to an address as people paste them: not a space, control byte, quote or bracket.
    static func isPart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...32, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "`"), 127:
            return false
        default: return true
        }
    }
}
