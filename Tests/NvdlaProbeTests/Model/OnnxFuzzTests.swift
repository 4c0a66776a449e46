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

/// Extreme attribute and shape values a hostile or broken exporter can write: inference must give unknown dims,
/// never trap on overflow, allocate from a claimed size, or divide by zero.
@Suite("Model hostile values")
struct ModelHostileValueTests {
    static func node(_ op: String, _ inputs: [String], _ output: String, _ attributes: [String: OnnxAttribute] = [:])
        -> OnnxNode
    {
        ShapeInferenceTests.node(op, inputs, [output], attributes)
    }

    static func floats(_ name: String, _ values: [Double]) -> OnnxTensor {
        var t = OnnxTensor()
        t.name = name
        t.dataType = 1
        t.dims = [Int64(values.count)]
        t.floats = values
        return t
    }

    @Test("overflowing pads, strides, repeats, sizes, NaN and infinite constants, ranks from a claimed shape")
    func extremes() throws {
        let big = Int64.max
        let model = ShapeInferenceTests.graph(
            [
                Self.node("Conv", ["x", "w"], "c", ["pads": .ints([big, big, big, big]), "strides": .ints([1, 1])]),
                Self.node(
                    "MaxPool", ["x"], "p",
                    ["kernel_shape": .ints([big, 2]), "strides": .ints([big, 1]), "ceil_mode": .int(1)]),
                Self.node(
                    "ConvTranspose", ["x", "w"], "d", ["strides": .ints([big, big]), "kernel_shape": .ints([3, 3])]),
                Self.node("Tile", ["x", "huge"], "t"),
                Self.node("Pad", ["x", "huge8"], "pd"),
                Self.node("ConstantOfShape", ["huge"], "k"),
                Self.node("Range", ["zero", "inf", "one"], "r"),
                Self.node("Range", ["zero", "nan", "one"], "r2"),
                Self.node("Cast", ["inf"], "ci", ["to": .int(7)]),
                Self.node("Resize", ["x", "", "hugescale"], "rs"),
                Self.node("Clip", ["x", "nan", "inf"], "cl"),
                Self.node("Reshape", ["x", "claimed"], "rr"),
                Self.node("Slice", ["x", "s0", "s1", "s2", "smin"], "sl"),
                Self.node("Gather", ["huge", "imin"], "g"),
                Self.node("DepthToSpace", ["x"], "ds", ["blocksize": .int(1 << 40)]),
                Self.node("MaxPool", ["scalar"], "p1", ["kernel_shape": .ints([2, 2])]),
                Self.node("Conv", ["scalar", "w"], "c1"),
                Self.node("Size", ["t"], "z"),
            ],
            inputs: [
                ("x", [.value(1), .value(Int64(Int32.max)), .value(Int64(Int32.max)), .value(Int64(Int32.max))]),
                ("claimed", [.value(1 << 40)]), ("scalar", [.value(3)]),
            ],
            initializers: [
                ShapeInferenceTests.weight("w", [4, 4, 3, 3]), ShapeInferenceTests.ints("huge", [big, big, big, big]),
                ShapeInferenceTests.ints("huge8", Array(repeating: big, count: 8)), Self.floats("zero", [0]),
                Self.floats("one", [1e-300]), Self.floats("inf", [.infinity]), Self.floats("nan", [.nan]),
                Self.floats("hugescale", [1, 1, 1e300, 1e300]), ShapeInferenceTests.ints("s0", [0]),
                ShapeInferenceTests.ints("s1", [big]), ShapeInferenceTests.ints("s2", [1]),
                ShapeInferenceTests.ints("smin", [Int64.min]), ShapeInferenceTests.ints("imin", [Int64.min]),
            ])
        for trt in ["8.5", "8.6", "10.3"] {
            let a = ModelAnalysis(model: model, target: try ModelSupport.target(tensorrt: trt))
            #expect(a.nodes.count == model.graph.nodes.count)
            #expect(a.facts["k"]?.ints == nil)
            #expect(a.facts["r"]?.dims == [.unknown])
            #expect(a.facts["rs"]?.dims?.suffix(2) == [.unknown, .unknown])
            for v in a.nodes where v.placement == .dla {
                // Nothing with an absurd shape may be called DLA-capable.
                #expect(v.op == "Clip" || v.op == "Cast", "\(v.name) \(v.op) on the DLA with extreme values")
            }
        }
    }
}
