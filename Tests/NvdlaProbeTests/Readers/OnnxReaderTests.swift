import Foundation
import Testing

@testable import NvdlaProbe

/// The protobuf wire reader and the ONNX model reader: real files written by `onnx.helper`, hand-made wire bytes,
/// and hostile inputs (empty, text, truncated, lengths past the end, deep nesting).
@Suite("ONNX reader")
struct OnnxReaderTests {
    static let models = Fixtures.packageRoot.appendingPathComponent("Tests/OnnxModels")

    static func read(_ name: String) throws -> OnnxModel {
        try OnnxModel.read(path: models.appendingPathComponent(name + ".onnx").path).get()
    }

    static func parse(_ bytes: [UInt8]) -> Result<OnnxModel, OnnxReadError> { OnnxModel.parse(MemoryWireSource(bytes)) }

    // Minimal protobuf encoder for hand-made inputs.
    static func varint(_ v: UInt64) -> [UInt8] {
        var v = v
        var out: [UInt8] = []
        repeat {
            out.append(UInt8(v & 0x7f) | (v >= 0x80 ? 0x80 : 0))
            v >>= 7
        } while v > 0
        return out
    }
    static func field(_ n: Int, _ v: UInt64) -> [UInt8] { varint(UInt64(n << 3)) + varint(v) }
    static func field(_ n: Int, _ bytes: [UInt8]) -> [UInt8] {
        varint(UInt64(n << 3 | 2)) + varint(UInt64(bytes.count)) + bytes
    }
    static func field(_ n: Int, _ s: String) -> [UInt8] { field(n, Array(s.utf8)) }

    @Test("varints: one byte, several bytes, the 10-byte maximum; an 11th byte is malformed")
    func varints() throws {
        #expect(try WireReader(MemoryWireSource([0x05])).varint() == 5)
        #expect(try WireReader(MemoryWireSource([0xac, 0x02])).varint() == 300)
        let max: [UInt8] = Array(repeating: 0xff, count: 9) + [0x01]
        #expect(try WireReader(MemoryWireSource(max)).varint() == UInt64.max)
        #expect(throws: WireError.badVarint(at: 0)) {
            try WireReader(MemoryWireSource(Array(repeating: 0xff, count: 11))).varint()
        }
        #expect(throws: WireError.truncated(at: 1)) { try WireReader(MemoryWireSource([0x80])).varint() }
    }

    @Test("groups and unknown wire types are refused; a length past the message is refused")
    func wireTypes() throws {
        #expect(throws: WireError.badWireType(3, at: 0)) { try WireReader(MemoryWireSource([0x0b])).tag() }
        #expect(throws: WireError.badWireType(7, at: 0)) { try WireReader(MemoryWireSource([0x0f])).tag() }
        let reader = WireReader(MemoryWireSource([0x0a, 0x7f, 0x01]))
        _ = try reader.tag()
        #expect(throws: WireError.badLength(at: 1)) { try reader.bytes() }
    }

    @Test("a file source reads across chunk edges and skips without reading")
    func fileSource() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wire-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let size = FileWireSource.chunk * 2 + 100
        let bytes = (0..<size).map { UInt8($0 % 251) }
        try Data(bytes).write(to: url)
        let fd = open(url.path, O_RDONLY)
        defer { close(fd) }
        let source = FileWireSource(fd: fd, length: Int64(size))
        #expect(try source.bytes(10) == Array(bytes[0..<10]))
        try source.skip(Int64(FileWireSource.chunk))
        #expect(try source.byte() == bytes[FileWireSource.chunk + 10])
        let across = try source.bytes(FileWireSource.chunk)
        #expect(across == Array(bytes[(FileWireSource.chunk + 11)..<(2 * FileWireSource.chunk + 11)]))
        #expect(throws: WireError.truncated(at: source.offset)) { try source.skip(Int64(size)) }
    }

    @Test("models written by onnx.helper: IR version, opset, nodes, attributes, initializers with small values")
    func helperModels() throws {
        let conv = try Self.read("conv-kernel-33")
        #expect(conv.irVersion == 8)
        #expect(conv.opset == 17)
        #expect(conv.producer == "nvdla-doctor-tests")
        #expect(conv.graph.nodes.map(\.op) == ["Conv"])
        #expect(conv.graph.nodes[0].attributes["kernel_shape"] == .ints([33, 33]))
        #expect(conv.graph.nodes[0].attributes["group"] == .int(1))
        #expect(conv.graph.initializers[0].dims == [1, 1, 33, 33])
        #expect(conv.graph.inputs[0].dims == [.value(1), .value(1), .value(64), .value(64)])
        let old = try Self.read("opset7-upsample")
        #expect(old.irVersion == 3 && old.opset == 7)
        #expect(old.graph.nodes[0].attributes["scales"] == .floats([1, 1, 2, 2]))
        #expect(old.graph.nodes[0].attributes["mode"] == .string("nearest"))
        let chain = try Self.read("shape-chain")
        #expect(chain.graph.initializers.first { $0.name == "minus1" }?.ints == [-1])
        let dynamic = try Self.read("relu-dynamic")
        #expect(dynamic.graph.inputs[0].dims?.first == .symbol("N"))
    }

    @Test("large raw data is skipped: a 8192-channel weight keeps its dims, not its values")
    func largeTensorsKeepDims() throws {
        let model = try Self.read("conv-groups-8192")
        let weight = try #require(model.graph.initializers.first)
        #expect(weight.dims == [8192, 1, 1, 1])
        #expect(weight.floats?.count == 8192)  // at the cap: kept
        let tutorial = try Self.read("tutorial-model-bn")
        let big = try #require(tutorial.graph.initializers.first { $0.name == "cnn.9.weight" })
        #expect(big.dims == [512, 256, 3, 3])
        #expect(big.floats == nil)
        #expect(big.external?["location"] == "omitted-weights.bin")
    }

    @Test("external data: small values are read from the side file next to the model, never from outside it")
    func externalData() throws {
        let model = try Self.read("external-data")
        var shape = try #require(model.graph.initializers.first { $0.name == "shape" })
        #expect(shape.external?["location"] == "external-data.bin")
        #expect(shape.ints == nil)
        #expect(OnnxExternalData.load(&shape, modelDirectory: Self.models.path) == nil)
        #expect(shape.ints == [1, 8, 8, 16])
        var hostile = shape
        hostile.ints = nil
        hostile.external = ["location": "../../etc/passwd", "offset": "0", "length": "32"]
        #expect(OnnxExternalData.load(&hostile, modelDirectory: Self.models.path)?.contains("outside") == true)
        hostile.external = ["location": "/etc/passwd", "offset": "0", "length": "32"]
        #expect(OnnxExternalData.load(&hostile, modelDirectory: Self.models.path)?.contains("outside") == true)
        #expect(hostile.ints == nil)
    }

    @Test("hand-made models: attribute type codes, packed and unpacked ints, float16 raw data, unknown fields")
    func handMade() throws {
        let attr = Self.field(1, "axes") + Self.field(20, 7) + Self.field(8, Self.varint(1) + Self.varint(2))
        let unpacked = Self.field(1, "perm") + Self.field(20, 7) + Self.field(8, 3) + Self.field(8, 1)
        let half: [UInt8] = [0x00, 0x3c, 0x00, 0xc0]  // 1.0, -2.0
        let tensor = Self.field(1, 2) + Self.field(2, 10) + Self.field(8, "h") + Self.field(9, half)
        let node =
            Self.field(1, "x") + Self.field(2, "y") + Self.field(3, "n") + Self.field(4, "Squeeze")
            + Self.field(5, attr) + Self.field(5, unpacked) + Self.field(99, 42)
        let graph = Self.field(1, node) + Self.field(5, tensor) + Self.field(2, "g")
        let model =
            Self.field(1, 9) + Self.field(8, Self.field(2, 21)) + Self.field(7, graph) + Self.field(77, "future")
        let parsed = try Self.parse(model).get()
        #expect(parsed.irVersion == 9 && parsed.opset == 21)
        #expect(parsed.graph.nodes[0].attributes["axes"] == .ints([1, 2]))
        #expect(parsed.graph.nodes[0].attributes["perm"] == .ints([3, 1]))
        #expect(parsed.graph.initializers[0].floats == [1.0, -2.0])
    }

    @Test("not ONNX: empty, text, a PNG header, random bytes; a truncated model is malformed")
    func notOnnx() throws {
        for bytes in [
            [], Array("hello, this is a text file\n".utf8), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        ] {
            guard case .failure(.notOnnx) = Self.parse(bytes) else {
                Issue.record("\(bytes.prefix(8)) should not be ONNX")
                continue
            }
        }
        // A well-formed protobuf that is not a model (no IR version, no graph).
        guard case .failure(.notOnnx) = Self.parse(Self.field(3, "x") + Self.field(5, 1)) else {
            Issue.record("a message without a graph is not a model")
            return
        }
        let whole = try Data(contentsOf: Self.models.appendingPathComponent("conv-kernel-33.onnx"))
        let cut = Array(whole.prefix(whole.count - 100))
        guard case .failure(.malformed(let why)) = Self.parse(cut) else {
            Issue.record("a truncated model is malformed")
            return
        }
        #expect(why.hasPrefix("malformed ONNX model"))
        guard case .failure(.notOnnx(let why)) = OnnxModel.read(path: Self.models.path) else {
            Issue.record("a directory is not a model")
            return
        }
        #expect(why.contains("not a regular file"))
    }

    @Test("nesting deeper than the reader allows is refused, not recursed into")
    func deepNesting() {
        // TypeProto nesting is not followed; a value_info whose type nests 1000 messages still parses flat.
        var inner: [UInt8] = Self.field(1, 1)
        for _ in 0..<1000 { inner = Self.field(4, inner) }
        let info = Self.field(1, "v") + Self.field(2, inner)
        let model = Self.field(1, 8) + Self.field(7, Self.field(13, info) + Self.field(1, Self.field(4, "Relu")))
        guard case .success(let parsed) = Self.parse(model) else {
            Issue.record("deep but unread nesting should parse")
            return
        }
        #expect(parsed.graph.valueInfo.first?.name == "v")
    }
}
