// nvdla-bench: micro-benchmarks of the parsers that see the largest kernel inputs.
//
// - debugfs CMA `bitmap` (`/sys/kernel/debug/cma/<area>/bitmap`): a 2 GiB area at order_per_bit 0 is 524 288 bits,
//   16 384 decimal u32 words (≈ 100–170 KB of text); parsed from bytes and summarised (largest free run,
//   fragmentation) under several fragmentation patterns.
// - debugfs `clk/clk_summary` (`/sys/kernel/debug/clk/clk_summary`): 10 000 and 50 000 clock rows.
//
// Build and run (release; not part of `swift test`):
//   swift build -c release --product nvdla-bench && .build/release/nvdla-bench
import Foundation
import NvdlaProbe

/// Median wall time of `iterations` runs of `body`, in microseconds.
func medianMicroseconds(iterations: Int, _ body: () -> Void) -> Double {
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        let elapsed = clock.measure(body)
        let (seconds, attoseconds) = elapsed.components
        samples.append(Double(seconds) * 1e6 + Double(attoseconds) / 1e12)
    }
    samples.sort()
    return samples[samples.count / 2]
}

/// A deterministic 64-bit generator (splitmix64) for the random patterns.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// CMA bitmap words for a 2 GiB area at order 0 under a named pattern.
func cmaWords(_ pattern: String, words count: Int) -> [UInt32] {
    var random = SplitMix(state: 42)
    return (0..<count).map { index in
        switch pattern {
        case "all free": return 0
        case "all used": return .max
        case "alternating bits": return 0x5555_5555
        case "9 of 128 words used": return index % 128 < 9 ? .max : 0
        case "random 50 %": return UInt32(truncatingIfNeeded: random.next())
        case "sparse 1 page in 64":
            return index % 2 == 0 ? 1 : 0
        default: return 0
        }
    }
}

/// A clk_summary text with `rows` clocks in a tree four levels deep (5.15 layout with req_rate and hw enable).
func clkSummaryText(rows: Int) -> String {
    var text = """
                                         enable  prepare  protect                                duty  hardware
           clock                          count    count    count        rate   accuracy phase  cycle    enable
        -------------------------------------------------------------------------------------------------------

        """
    for index in 0..<rows {
        let depth = index % 4
        let indent = String(repeating: " ", count: depth * 3 + 1)
        let name = index % 1000 == 7 ? "dla\(index % 2)_core" : "clk_\(index)"
        let padded = name.padding(toLength: max(48 - depth * 3, name.count), withPad: " ", startingAt: 0)
        text += "\(indent)\(padded) \(index % 3) \(index % 3) 0 \(100_000_000 + index * 1000) 0 0 50000 Y\n"
    }
    return text
}

let pageCount: UInt64 = 2 << 30 / 4096  // 524 288 pages of 4 KiB
let wordCount = Int(pageCount / 32)
print("CMA bitmap: 2 GiB area, order_per_bit 0 (\(pageCount) bits, \(wordCount) words)")
print("| pattern | text KiB | parse+summary µs | summary only µs | largest free run | fragmentation |")
print("|---|---:|---:|---:|---:|---:|")
for pattern in [
    "all free", "all used", "9 of 128 words used", "sparse 1 page in 64", "alternating bits", "random 50 %",
] {
    let words = cmaWords(pattern, words: wordCount)
    let text = words.map(String.init).joined(separator: " ") + "\n"
    let bytes = Array(text.utf8)
    var result: CmaBitmap?
    let full = medianMicroseconds(iterations: 21) {
        result = CmaBitmap.parse(bytes, count: pageCount, orderPerBit: 0)
    }
    let summary = medianMicroseconds(iterations: 21) {
        result = CmaBitmap.summarize(words: words, count: pageCount, orderPerBit: 0)
    }
    let run = result.map { Format.mib($0.largestFreeRunBytes) } ?? "-"
    let frag = result.map { String(format: "%.3f", $0.fragmentation) } ?? "-"
    print(
        "| \(pattern) | \(bytes.count / 1024) | \(String(format: "%.0f", full)) | \(String(format: "%.0f", summary)) "
            + "| \(run) | \(frag) |")
}

print("")
print("clk_summary parse")
print("| rows | text KiB | parse ms | rows parsed |")
print("|---:|---:|---:|---:|")
for rows in [10_000, 50_000] {
    let bytes = Array(clkSummaryText(rows: rows).utf8)
    var parsed = 0
    let time = medianMicroseconds(iterations: 11) { parsed = ClkSummary.parse(bytes).clocks.count }
    print("| \(rows) | \(bytes.count / 1024) | \(String(format: "%.2f", time / 1000)) | \(parsed) |")
}
