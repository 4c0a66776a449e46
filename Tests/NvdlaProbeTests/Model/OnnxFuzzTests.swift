import Foundation
import Testing

@testable import NvdlaProbe

/// A seeded, in-process mutation fuzz of the ONNX reader and the analysis behind it: bit flips, truncations,
/// insertions, varint bombs and spliced bytes of real test models. Every mutant must give a model or a read error —
/// never a crash, a hang or unbounded memory — and any model it gives must analyse without trapping.
/// (A coverage-guided run with libFuzzer is described in Docs/model.md.)
@Suite("ONNX reader fuzz")
struct OnnxFuzzTests {
    /// xorshift64*: deterministic across runs and platforms.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let seeds = [
        "conv-kernel-33", "shape-chain", "tutorial-model-gn", "resize-sizes", "opset7-upsample", "slice-channel",
        "external-data", "loadable-limit",
    ]

    static func mutate(_ input: [UInt8], _ rng: inout Rng) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + rng.below(4)) {
            guard !bytes.isEmpty else { break }
            let at = rng.below(bytes.count)
            switch rng.below(6) {
            case 0: bytes[at] ^= UInt8(1 << rng.below(8))
            case 1: bytes = Array(bytes.prefix(at))
            case 2: bytes.insert(contentsOf: (0..<rng.below(16)).map { _ in UInt8(rng.below(256)) }, at: at)
            case 3: bytes.replaceSubrange(at..<min(bytes.count, at + 10), with: Array(repeating: 0xff, count: 10))
            case 4: bytes[at] = [0x0a, 0x12, 0x3a, 0x42, 0x08, 0x80][rng.below(6)]
            default:
                let from = rng.below(bytes.count)
                let count = min(rng.below(64), bytes.count - from)
                bytes.insert(contentsOf: bytes[from..<from + count], at: at)
            }
        }
        return bytes
    }

    @Test("3,000 mutants of 8 real models: a model or an error, never a trap", arguments: seeds)
    func mutants(_ seed: String) throws {
        let original = try Array(Data(contentsOf: ModelSupport.models.appendingPathComponent(seed + ".onnx")))
        var rng = Rng(state: UInt64(truncatingIfNeeded: seed.hashValue | 1) ^ 0x9e37_79b9_7f4a_7c15)
        rng.state = 0x5eed_0000 + UInt64(seed.utf8.reduce(0) { $0 &* 31 &+ Int($1) } & 0xffff)
        let target = try ModelSupport.target(tensorrt: "8.6")
        var parsed = 0
        for _ in 0..<375 {
            let mutant = Self.mutate(original, &rng)
            switch OnnxModel.parse(MemoryWireSource(mutant)) {
            case .success(let model):
                parsed += 1
                let analysis = ModelAnalysis(model: model, target: target, shapes: ["x": [1, 4, 16, 16]])
                #expect(analysis.summary.layers + analysis.summary.folded == analysis.nodes.count)
            case .failure(.notOnnx(let why)), .failure(.malformed(let why)):
                #expect(!why.isEmpty)
            }
        }
        #expect(parsed > 0, "no mutant of \(seed) parsed: the mutations are too destructive to test the analysis")
    }

    @Test("a length prefix claiming terabytes is refused without allocating it")
    func hugeLength() {
        // ir_version 8, then graph (field 7) with a length of 2^40.
        let bytes: [UInt8] = [0x08, 0x08, 0x3a, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]
        guard case .failure(.malformed(let why)) = OnnxModel.parse(MemoryWireSource(bytes)) else {
            Issue.record("a graph longer than the file must be refused")
            return
        }
        #expect(why.contains("runs past"))
    }
}
