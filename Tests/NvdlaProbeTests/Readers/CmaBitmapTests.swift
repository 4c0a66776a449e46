import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", " \n ", "\0\0", String(decoding: [0x31, 0xFF, 0x20, 0x80, 0x00], as: UTF8.self), "garbage",
    "4294967296", "-1", "1 2 3x", "99999999999999999999", "0x10", "1,2",
    String(repeating: "9", count: 1_000_000),
]

/// Bit-by-bit reference used to cross-check the word scanner.
private func naive(_ words: [UInt32], units: Int) -> (used: Int, largest: Int, runs: Int) {
    var used = 0, largest = 0, runs = 0, current = 0
    for bit in 0..<units {
        if words[bit / 32] >> UInt32(bit % 32) & 1 == 1 {
            used += 1
            if current > 0 { runs += 1 }
            largest = max(largest, current)
            current = 0
        } else {
            current += 1
        }
    }
    if current > 0 { runs += 1 }
    return (used, max(largest, current), runs)
}

/// Tests for the debugfs `cma/<area>/bitmap` reader.
struct CmaBitmapTests {
    @Test func halfUsedArea() throws {
        let bitmap = try #require(CmaBitmap.parse("4294967295 4294967295 0 0\n", count: 128, orderPerBit: 0))
        #expect(bitmap.totalUnits == 128)
        #expect(bitmap.usedUnits == 64)
        #expect(bitmap.freeUnits == 64)
        #expect(bitmap.largestFreeRunPages == 64)
        #expect(bitmap.largestFreeRunBytes == 64 * 4096)
        #expect(bitmap.freeRuns == 1)
        #expect(bitmap.fragmentation == 0)
        #expect(bitmap.isTruncated == false)
    }

    @Test func fragmentedArea() throws {
        // word 0: bits 4-7 used; word 1 free; word 2 used; word 3: only bit 31 used.
        let text = "240 0 4294967295 2147483648\n"
        let bitmap = try #require(CmaBitmap.parse(text, count: 128, orderPerBit: 0))
        #expect(bitmap.usedUnits == 37)
        #expect(bitmap.freeUnits == 91)
        #expect(bitmap.freeRuns == 3)
        #expect(bitmap.largestFreeRunPages == 56)
        #expect(abs(bitmap.fragmentation - (1 - 56.0 / 91.0)) < 1e-12)
    }

    @Test func orderPerBitScalesPages() throws {
        let bitmap = try #require(CmaBitmap.parse("240 0 4294967295 2147483648", count: 512, orderPerBit: 2))
        #expect(bitmap.pagesPerUnit == 4)
        #expect(bitmap.largestFreeRunPages == 224)
        #expect(bitmap.largestFreeRunBytes == 224 * 4096)
        #expect(bitmap.usedPages == 148)
        #expect(bitmap.freePages == 364)
    }

    @Test func bitsBeyondCountAreIgnored() throws {
        let bitmap = try #require(CmaBitmap.parse("0 4294967040\n", count: 40, orderPerBit: 0))
        #expect(bitmap.totalUnits == 40)
        #expect(bitmap.usedUnits == 0)
        #expect(bitmap.largestFreeRunPages == 40)
        #expect(bitmap.freeRuns == 1)
    }

    @Test func shortBitmapIsFlaggedTruncated() throws {
        let bitmap = try #require(CmaBitmap.parse("0 4294967295", count: 128, orderPerBit: 0))
        #expect(bitmap.isTruncated)
        #expect(bitmap.totalUnits == 64)
        #expect(bitmap.usedUnits == 32)
    }

    @Test func fullyUsedAndEmptyCount() throws {
        let full = try #require(CmaBitmap.parse("4294967295 4294967295", count: 64, orderPerBit: 0))
        #expect(full.freeUnits == 0)
        #expect(full.fragmentation == 0)
        #expect(full.freeRuns == 0)
        let none = try #require(CmaBitmap.parse("0", count: 0, orderPerBit: 0))
        #expect(none.totalUnits == 0)
    }

    @Test func hugeOrderSaturatesInsteadOfTrapping() throws {
        let words = Array(repeating: "4294967295", count: 1024).joined(separator: " ")
        let bitmap = try #require(CmaBitmap.parse(words, count: UInt64.max, orderPerBit: 40))
        #expect(bitmap.usedUnits == 32768)
        #expect(bitmap.usedPages == Int64(32768) << 40)
        let zeros = Array(repeating: "0", count: 4096).joined(separator: " ")
        let free = try #require(CmaBitmap.parse(zeros, count: UInt64.max, orderPerBit: 40))
        #expect(free.largestFreeRunPages == Int64(131_072) << 40)
        #expect(free.largestFreeRunBytes == Int64.max)
        #expect(free.isTruncated)
    }

    @Test func impossibleOrderIsRejected() {
        #expect(CmaBitmap.parse("0", count: 64, orderPerBit: 41) == nil)
        #expect(CmaBitmap.parse("0", count: UInt64.max, orderPerBit: 40) != nil)
    }

    @Test func bytesOverloadMatchesText() {
        let text = "240 0 4294967295 2147483648\n"
        #expect(
            CmaBitmap.parse(Array(text.utf8), count: 128, orderPerBit: 0)
                == CmaBitmap.parse(text, count: 128, orderPerBit: 0))
    }

    /// A 2 GiB area scans like the naive reference (its speed is in Benchmarks/Micro).
    @Test func twoGibibyteAreaMatchesNaiveScan() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var words: [UInt32] = []
        for index in 0..<16_384 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            switch index % 4 {
            case 0: words.append(0)
            case 1: words.append(.max)
            default: words.append(UInt32(truncatingIfNeeded: state >> 29))
            }
        }
        let text = words.map(String.init).joined(separator: " ") + "\n"
        let parsed = try #require(CmaBitmap.parse(text, count: 524_288 - 7, orderPerBit: 0))
        let reference = naive(words, units: 524_288 - 7)
        #expect(parsed.usedUnits == Int64(reference.used))
        #expect(parsed.largestFreeRunPages == Int64(reference.largest))
        #expect(parsed.freeRuns == reference.runs)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(CmaBitmap.parse(text, count: 128, orderPerBit: 0) == nil)
    }
}
