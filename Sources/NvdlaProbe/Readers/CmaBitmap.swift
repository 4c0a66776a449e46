/// Parses debugfs `cma/<area>/bitmap` (`/sys/kernel/debug/cma/cma-linux,cma/bitmap`) and summarises it.
///
/// The file is a debugfs u32 array: each bitmap word printed as a DECIMAL u32, separated by single spaces,
/// with a newline after the last. Bit `i` of word `w` (least significant first) is allocation unit
/// `w * 32 + i`; a set bit is an allocated unit of `1 << order_per_bit` pages. Only the first
/// `count >> order_per_bit` bits are meaningful. Words are scanned whole (all-free and all-used words are
/// skipped wholesale, mixed words walked with `trailingZeroBitCount`), so a 2 GiB area at order 0
/// (16 384 words) takes well under a millisecond in release builds.
public struct CmaBitmap: Sendable, Equatable {
    /// Page size assumed for byte figures (Jetson arm64 kernels use 4 KiB pages).
    public static let pageSize: Int64 = 4096

    /// Allocation units covered (`count >> order_per_bit`, or fewer when the bitmap is short).
    public let totalUnits: Int64
    /// Allocated units (set bits).
    public let usedUnits: Int64
    /// Free units (clear bits).
    public let freeUnits: Int64
    /// Pages per unit (`1 << order_per_bit`).
    public let pagesPerUnit: Int64
    /// The largest run of free units, in pages.
    public let largestFreeRunPages: Int64
    /// The largest run of free units, in bytes (pages × 4096).
    public let largestFreeRunBytes: Int64
    /// How many separate runs of free units there are.
    public let freeRuns: Int
    /// `1 − largest free run / total free`; 0 when nothing is free or all free space is contiguous.
    public let fragmentation: Double
    /// Whether the bitmap held fewer bits than `count >> order_per_bit` (only the present bits are counted).
    public let isTruncated: Bool

    /// Used pages of the CMA area (what debugfs `used` reports).
    public var usedPages: Int64 { Self.saturatingProduct(usedUnits, pagesPerUnit) }
    /// Free pages of the CMA area.
    public var freePages: Int64 { Self.saturatingProduct(freeUnits, pagesPerUnit) }

    /// Multiplies two CMA bitmap figures, clamping to `Int64.max` instead of trapping on overflow.
    static func saturatingProduct(_ lhs: Int64, _ rhs: Int64) -> Int64 {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        return overflow ? Int64.max : product
    }

    /// Parses debugfs CMA `bitmap` text and summarises it for an area of `count` pages at `orderPerBit`.
    ///
    /// Returns `nil` for empty text, a token that is not a decimal u32, or impossible parameters
    /// (`orderPerBit` above 40).
    public static func parse(_ text: String, count: UInt64, orderPerBit: UInt64) -> CmaBitmap? {
        guard let words = words(text) else { return nil }
        return summarize(words: words, count: count, orderPerBit: orderPerBit)
    }

    /// Parses raw debugfs CMA `bitmap` bytes and summarises them (see `parse(_:count:orderPerBit:)`).
    public static func parse(_ bytes: [UInt8], count: UInt64, orderPerBit: UInt64) -> CmaBitmap? {
        guard let words = bytes.withUnsafeBufferPointer({ words(bytes: $0) }) else { return nil }
        return summarize(words: words, count: count, orderPerBit: orderPerBit)
    }

    /// The words of debugfs CMA `bitmap` text; `nil` when empty or when a token is not a decimal u32.
    public static func words(_ text: String) -> [UInt32]? {
        ReaderLex.withBytes(text) { words(bytes: $0) }
    }

    /// Reads the decimal u32 words of a debugfs `bitmap` file from its bytes.
    private static func words(bytes: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        var words: [UInt32] = []
        words.reserveCapacity(bytes.count / 2)
        var value: UInt64 = 0
        var digits = 0
        for byte in bytes {
            if ReaderLex.isDigit(byte) {
                value = value &* 10 &+ UInt64(byte &- 0x30)
                digits += 1
                guard digits <= 10, value <= UInt64(UInt32.max) else { return nil }
            } else if ReaderLex.isSpace(byte) {
                if digits > 0 { words.append(UInt32(truncatingIfNeeded: value)) }
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        if digits > 0 { words.append(UInt32(truncatingIfNeeded: value)) }
        return words.isEmpty ? nil : words
    }

    /// Summarises debugfs CMA `bitmap` words for an area of `count` pages at `orderPerBit`.
    ///
    /// Returns `nil` when `orderPerBit` is above 40.
    public static func summarize(words: [UInt32], count: UInt64, orderPerBit: UInt64) -> CmaBitmap? {
        guard orderPerBit <= 40 else { return nil }
        let wantedBits = count >> orderPerBit
        let availableBits = UInt64(words.count) * 32
        let bits = Int(min(wantedBits, availableBits))
        let pagesPerUnit = Int64(1) << Int64(orderPerBit)

        var used = 0
        var runs = 0
        var largest = 0
        var current = 0
        var wordIndex = 0
        while wordIndex * 32 < bits {
            let word = words[wordIndex]
            let validBits = min(32, bits - wordIndex * 32)
            wordIndex += 1
            let mask: UInt32 = validBits == 32 ? .max : (UInt32(1) << UInt32(validBits)) &- 1
            let usedBits = word & mask
            if usedBits == 0 {
                current += validBits
                continue
            }
            if usedBits == mask {
                if current > 0 {
                    runs += 1
                    largest = max(largest, current)
                    current = 0
                }
                used += validBits
                continue
            }
            used += usedBits.nonzeroBitCount
            var position = 0
            while position < validBits {
                let shifted = usedBits >> UInt32(position)
                let freeHere = min(shifted.trailingZeroBitCount, validBits - position)
                if freeHere > 0 {
                    current += freeHere
                    position += freeHere
                    continue
                }
                if current > 0 {
                    runs += 1
                    largest = max(largest, current)
                    current = 0
                }
                let usedHere = min((~shifted).trailingZeroBitCount, validBits - position)
                position += usedHere
            }
        }
        if current > 0 {
            runs += 1
            largest = max(largest, current)
        }
        let total = Int64(bits)
        let free = total - Int64(used)
        let largestPages = saturatingProduct(Int64(largest), pagesPerUnit)
        let fragmentation = free > 0 ? 1 - Double(largest) / Double(free) : 0
        return CmaBitmap(
            totalUnits: total, usedUnits: Int64(used), freeUnits: free, pagesPerUnit: pagesPerUnit,
            largestFreeRunPages: largestPages, largestFreeRunBytes: saturatingProduct(largestPages, pageSize),
            freeRuns: runs, fragmentation: fragmentation, isTruncated: availableBits < wantedBits)
    }
}
