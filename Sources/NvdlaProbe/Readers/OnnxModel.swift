import Foundation

/// An ONNX model as far as placement needs it: opsets, the main graph's nodes, inputs, outputs, value infos, and
/// initializers with their dims and type (values only when small).
///
/// Reads the protobuf wire format of `onnx.proto3` (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto3, IR
/// versions 3–10) field by field from a `WireSource`: tensor `raw_data` larger than `valueCap` elements is skipped
/// without being read, so a 250 MB model streams in bounded memory. Subgraphs (`If`/`Loop` bodies) and model-local
/// functions are skipped: their nodes never run on the DLA. External data (`data_location: EXTERNAL`) is recorded as
/// location, offset and length; `OnnxExternalData` reads small values from it.
public struct OnnxModel: Sendable {
    public var irVersion: Int64 = 0
    /// Opset version per operator domain (`""` and `ai.onnx` are the default domain).
    public var opsets: [String: Int64] = [:]
    public var producer = ""
    public var producerVersion = ""
    public var graph = OnnxGraph()

    /// The default-domain opset the model imports (ONNX calls the empty domain and `ai.onnx` the same).
    public var opset: Int64 { opsets[""] ?? opsets["ai.onnx"] ?? 0 }

    /// Most tensor elements whose values are kept (shape constants, scales, slice bounds); larger tensors keep dims.
    public static let valueCap = 65_536
    /// Longest name or string attribute kept, in bytes.
    static let stringCap = 16_384
}

/// The main graph of a model.
public struct OnnxGraph: Sendable {
    public var name = ""
    public var nodes: [OnnxNode] = []
    public var initializers: [OnnxTensor] = []
    public var inputs: [OnnxValueInfo] = []
    public var outputs: [OnnxValueInfo] = []
    public var valueInfo: [OnnxValueInfo] = []
}

/// One node: operator, domain, inputs and outputs by tensor name (`""` is an omitted optional input), attributes.
public struct OnnxNode: Sendable {
    public var name = ""
    public var op = ""
    public var domain = ""
    public var inputs: [String] = []
    public var outputs: [String] = []
    public var attributes: [String: OnnxAttribute] = [:]
}

/// An attribute value; graphs and sparse tensors are only noted.
public enum OnnxAttribute: Sendable, Equatable {
    case int(Int64)
    case float(Double)
    case string(String)
    case ints([Int64])
    case floats([Double])
    case strings([String])
    case tensor(OnnxTensor)
    case graph
    case other

    public var int: Int64? { if case .int(let v) = self { return v } else { return nil } }
    public var float: Double? {
        switch self {
        case .float(let v): return v
        case .int(let v): return Double(v)
        default: return nil
        }
    }
    public var string: String? { if case .string(let v) = self { return v } else { return nil } }
    public var ints: [Int64]? {
        switch self {
        case .ints(let v): return v
        case .int(let v): return [v]
        default: return nil
        }
    }
    public var floats: [Double]? {
        switch self {
        case .floats(let v): return v
        case .float(let v): return [v]
        default: return nil
        }
    }
}

/// A tensor's type, dims and (when small and stored inline) values.
public struct OnnxTensor: Sendable, Equatable {
    public var name = ""
    public var dims: [Int64] = []
    /// `TensorProto.DataType` (1 float, 6 int32, 7 int64, 9 bool, 10 float16, …).
    public var dataType: Int32 = 0
    /// Integer values (integer and bool types), when kept.
    public var ints: [Int64]?
    /// Floating-point values, when kept.
    public var floats: [Double]?
    /// Where external data lives (`location`, `offset`, `length`), for `data_location: EXTERNAL`.
    public var external: [String: String]?

    public init() {}

    /// Number of elements (1 for a scalar); nil when a dim is negative or the product overflows.
    public var count: Int? {
        var n = 1
        for d in dims {
            guard d >= 0, d <= Int64(Int32.max) else { return nil }
            let (product, overflow) = n.multipliedReportingOverflow(by: Int(d))
            if overflow { return nil }
            n = product
        }
        return n
    }

    /// Whether the type is an integer or bool type.
    public var isInteger: Bool { OnnxDataType.isInteger(dataType) }
}

/// A graph input, output or value info: name, element type and dims (`nil` dims: shape not given).
public struct OnnxValueInfo: Sendable, Equatable {
    public var name = ""
    public var elemType: Int32 = 0
    /// Dims: a value, a symbolic name (`batch`), or neither (`nil` entry).
    public var dims: [OnnxDim]?
}

/// One dimension of a declared shape.
public enum OnnxDim: Sendable, Equatable {
    case value(Int64)
    case symbol(String)
    case unknown
}

/// `TensorProto.DataType` codes and names (onnx.proto3).
public enum OnnxDataType {
    static let names: [Int32: String] = [
        1: "float32", 2: "uint8", 3: "int8", 4: "uint16", 5: "int16", 6: "int32", 7: "int64", 8: "string", 9: "bool",
        10: "float16", 11: "float64", 12: "uint32", 13: "uint64", 14: "complex64", 15: "complex128", 16: "bfloat16",
        17: "float8e4m3fn", 18: "float8e4m3fnuz", 19: "float8e5m2", 20: "float8e5m2fnuz", 21: "uint4", 22: "int4",
    ]

    public static func name(_ code: Int32) -> String { names[code] ?? "type \(code)" }

    public static func isInteger(_ code: Int32) -> Bool { [2, 3, 4, 5, 6, 7, 9, 12, 13, 21, 22].contains(code) }

    public static func isFloat(_ code: Int32) -> Bool { [1, 10, 11, 16, 17, 18, 19, 20].contains(code) }

    /// Bytes per element of the fixed-size types raw values are decoded for.
    static func width(_ code: Int32) -> Int? {
        switch code {
        case 2, 3, 9: return 1
        case 4, 5, 10, 16: return 2
        case 1, 6, 12: return 4
        case 7, 11, 13: return 8
        default: return nil
        }
    }
}

/// Why a file could not be read as an ONNX model.
public enum OnnxReadError: Error, Equatable, Sendable {
    /// The bytes are not an ONNX `ModelProto` at all.
    case notOnnx(String)
    /// It starts as a model but is malformed or truncated.
    case malformed(String)
}

extension OnnxModel {
    /// Reads the model at `path` (I/O: open, fstat; the parse streams from the descriptor).
    public static func read(path: String) -> Result<OnnxModel, OnnxReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.notOnnx("\(path): \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.notOnnx("\(path): \(String(cString: strerror(errno)))")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notOnnx("\(path): not a regular file")) }
        return parse(FileWireSource(fd: fd, length: Int64(info.st_size)))
    }

    /// Parses a `ModelProto` from `source`.
    public static func parse(_ source: any WireSource) -> Result<OnnxModel, OnnxReadError> {
        var model = OnnxModel()
        var reader = WireReader(source)
        var sawIR = false
        var sawGraph = false
        var fields = 0
        do throws(WireError) {
            guard source.length > 0 else { return .failure(.notOnnx("the file is empty")) }
            while reader.more {
                let (field, type) = try reader.tag()
                fields += 1
                switch (field, type) {
                case (1, .varint):
                    model.irVersion = Int64(bitPattern: try reader.varint())
                    sawIR = true
                case (2, .lengthDelimited): model.producer = try reader.string(cap: 256)
                case (3, .lengthDelimited): model.producerVersion = try reader.string(cap: 256)
                case (8, .lengthDelimited):
                    var domain = ""
                    var version: Int64 = 0
                    try reader.message { (r: inout WireReader) throws(WireError) in
                        while r.more {
                            let (f, t) = try r.tag()
                            if f == 1, t == .lengthDelimited {
                                domain = try r.string(cap: 256)
                            } else if f == 2, t == .varint {
                                version = Int64(bitPattern: try r.varint())
                            } else {
                                try r.skip(t)
                            }
                        }
                    }
                    model.opsets[domain] = version
                case (7, .lengthDelimited):
                    sawGraph = true
                    try reader.message { (r: inout WireReader) throws(WireError) in model.graph = try readGraph(&r) }
                default:
                    try reader.skip(type)
                }
            }
        } catch {
            if !sawIR || fields <= 1 { return .failure(.notOnnx("not an ONNX model: \(error.summary)")) }
            return .failure(.malformed("malformed ONNX model: \(error.summary)"))
        }
        guard sawIR, (1...100).contains(model.irVersion) else {
            return .failure(.notOnnx("not an ONNX model: no IR version"))
        }
        guard sawGraph else { return .failure(.notOnnx("not an ONNX model: no graph")) }
        return .success(model)
    }

    static func readGraph(_ r: inout WireReader) throws(WireError) -> OnnxGraph {
        var graph = OnnxGraph()
        while r.more {
            let (field, type) = try r.tag()
            guard type == .lengthDelimited else {
                try r.skip(type)
                continue
            }
            switch field {
            case 1:
                var node = OnnxNode()
                try r.message { (m: inout WireReader) throws(WireError) in node = try readNode(&m) }
                graph.nodes.append(node)
            case 2: graph.name = try r.string(cap: stringCap)
            case 5:
                var tensor = OnnxTensor()
                try r.message { (m: inout WireReader) throws(WireError) in tensor = try readTensor(&m) }
                graph.initializers.append(tensor)
            case 11, 12, 13:
                var info = OnnxValueInfo()
                try r.message { (m: inout WireReader) throws(WireError) in info = try readValueInfo(&m) }
                if field == 11 {
                    graph.inputs.append(info)
                } else if field == 12 {
                    graph.outputs.append(info)
                } else {
                    graph.valueInfo.append(info)
                }
            default:
                try r.skip(type)
            }
        }
        return graph
    }

    static func readNode(_ r: inout WireReader) throws(WireError) -> OnnxNode {
        var node = OnnxNode()
        while r.more {
            let (field, type) = try r.tag()
            guard type == .lengthDelimited else {
                try r.skip(type)
                continue
            }
            switch field {
            case 1: node.inputs.append(try r.string(cap: stringCap))
            case 2: node.outputs.append(try r.string(cap: stringCap))
            case 3: node.name = try r.string(cap: stringCap)
            case 4: node.op = try r.string(cap: 256)
            case 7: node.domain = try r.string(cap: 256)
            case 5:
                var name = ""
                var value = OnnxAttribute.other
                try r.message { (m: inout WireReader) throws(WireError) in (name, value) = try readAttribute(&m) }
                node.attributes[name] = value
            default: try r.skip(type)
            }
        }
        return node
    }

    static func readAttribute(_ r: inout WireReader) throws(WireError) -> (String, OnnxAttribute) {
        var name = ""
        var kind: Int64 = 0
        var i: Int64?
        var f: Double?
        var s: String?
        var t: OnnxTensor?
        var ints: [Int64] = []
        var floats: [Double] = []
        var strings: [String] = []
        var graph = false
        while r.more {
            let (field, type) = try r.tag()
            switch field {
            case 1 where type == .lengthDelimited: name = try r.string(cap: 256)
            case 20 where type == .varint: kind = Int64(bitPattern: try r.varint())
            case 2 where type == .fixed32: f = Double(Float(bitPattern: try r.fixed32()))
            case 3 where type == .varint: i = Int64(bitPattern: try r.varint())
            case 4 where type == .lengthDelimited: s = try r.string(cap: stringCap)
            case 5 where type == .lengthDelimited:
                var tensor = OnnxTensor()
                try r.message { (m: inout WireReader) throws(WireError) in tensor = try readTensor(&m) }
                t = tensor
            case 6, 11:
                graph = true
                try r.skip(type)
            case 7: try r.floats(type, into: &floats, cap: OnnxModel.valueCap)
            case 8: try r.varints(type, into: &ints, cap: OnnxModel.valueCap)
            case 9 where type == .lengthDelimited:
                let value = try r.string(cap: stringCap)
                if strings.count < 1024 { strings.append(value) }
            default: try r.skip(type)
            }
        }
        // `type` (field 20) says which field holds the value; files from old exporters omit it.
        switch kind {
        case 1: return (name, f.map { .float($0) } ?? .float(0))
        case 2: return (name, i.map { .int($0) } ?? .int(0))
        case 3: return (name, .string(s ?? ""))
        case 4: return (name, t.map { .tensor($0) } ?? .other)
        case 5: return (name, .graph)
        case 6: return (name, .floats(floats))
        case 7: return (name, .ints(ints))
        case 8: return (name, .strings(strings))
        default: break
        }
        if let t { return (name, .tensor(t)) }
        if let s { return (name, .string(s)) }
        if let f { return (name, .float(f)) }
        if let i { return (name, .int(i)) }
        if !ints.isEmpty { return (name, .ints(ints)) }
        if !floats.isEmpty { return (name, .floats(floats)) }
        if !strings.isEmpty { return (name, .strings(strings)) }
        return (name, graph ? .graph : .other)
    }

    static func readTensor(_ r: inout WireReader) throws(WireError) -> OnnxTensor {
        var tensor = OnnxTensor()
        var ints: [Int64] = []
        var floats: [Double] = []
        var raw: [UInt8]?
        var external: [String: String] = [:]
        var location: Int64 = 0
        var int32Data = false
        let cap = OnnxModel.valueCap
        while r.more {
            let (field, type) = try r.tag()
            switch field {
            case 1: try r.varints(type, into: &tensor.dims, cap: 64)
            case 2 where type == .varint: tensor.dataType = Int32(truncatingIfNeeded: try r.varint())
            case 8 where type == .lengthDelimited: tensor.name = try r.string(cap: stringCap)
            case 4: try r.floats(type, into: &floats, cap: cap)
            case 10: try r.doubles(type, into: &floats, cap: cap)
            case 5:
                int32Data = true
                try r.varints(type, into: &ints, cap: cap)
            case 7, 11: try r.varints(type, into: &ints, cap: cap)
            case 9 where type == .lengthDelimited:
                let count = try r.length()
                // Large raw data (weights) is skipped without being read: only shape constants need values.
                if count <= Int64(cap * 8) {
                    raw = try r.source.bytes(Int(count))
                } else {
                    try r.source.skip(count)
                }
            case 13 where type == .lengthDelimited:
                var key = ""
                var value = ""
                try r.message { (m: inout WireReader) throws(WireError) in
                    while m.more {
                        let (f, t) = try m.tag()
                        if f == 1, t == .lengthDelimited {
                            key = try m.string(cap: 4096)
                        } else if f == 2, t == .lengthDelimited {
                            value = try m.string(cap: 4096)
                        } else {
                            try m.skip(t)
                        }
                    }
                }
                if external.count < 16 { external[key] = value }
            case 14 where type == .varint: location = Int64(bitPattern: try r.varint())
            default: try r.skip(type)
            }
        }
        if location == 1 { tensor.external = external }
        guard let count = tensor.count, count <= cap else { return tensor }
        if let raw {
            tensor.decodeRaw(raw, count: count)
        } else if !floats.isEmpty, floats.count == count {
            tensor.floats = floats
        } else if !ints.isEmpty, ints.count == count {
            if int32Data, tensor.dataType == 10 || tensor.dataType == 16 {
                // float16/bfloat16 values are stored as bit patterns in int32_data.
                tensor.floats = ints.map {
                    OnnxTensor.halfBits(UInt16(truncatingIfNeeded: $0), bfloat: tensor.dataType == 16)
                }
            } else if OnnxDataType.isFloat(tensor.dataType) {
                tensor.floats = ints.map { Double($0) }
            } else {
                tensor.ints = ints
            }
        } else if count == 0 {
            if tensor.isInteger { tensor.ints = [] } else { tensor.floats = [] }
        }
        return tensor
    }

    static func readValueInfo(_ r: inout WireReader) throws(WireError) -> OnnxValueInfo {
        var info = OnnxValueInfo()
        while r.more {
            let (field, type) = try r.tag()
            if field == 1, type == .lengthDelimited {
                info.name = try r.string(cap: stringCap)
            } else if field == 2, type == .lengthDelimited {
                try r.message { (m: inout WireReader) throws(WireError) in try readType(&m, into: &info) }
            } else {
                try r.skip(type)
            }
        }
        return info
    }

    /// `TypeProto`: only `tensor_type` (field 1) carries what placement needs.
    static func readType(_ r: inout WireReader, into info: inout OnnxValueInfo) throws(WireError) {
        while r.more {
            let (field, type) = try r.tag()
            guard field == 1, type == .lengthDelimited else {
                try r.skip(type)
                continue
            }
            try r.message { (t: inout WireReader) throws(WireError) in
                while t.more {
                    let (f, ty) = try t.tag()
                    if f == 1, ty == .varint {
                        info.elemType = Int32(truncatingIfNeeded: try t.varint())
                    } else if f == 2, ty == .lengthDelimited {
                        var dims: [OnnxDim] = []
                        try t.message { (s: inout WireReader) throws(WireError) in
                            while s.more {
                                let (sf, st) = try s.tag()
                                guard sf == 1, st == .lengthDelimited else {
                                    try s.skip(st)
                                    continue
                                }
                                var dim = OnnxDim.unknown
                                try s.message { (d: inout WireReader) throws(WireError) in
                                    while d.more {
                                        let (df, dt) = try d.tag()
                                        if df == 1, dt == .varint {
                                            dim = .value(Int64(bitPattern: try d.varint()))
                                        } else if df == 2, dt == .lengthDelimited {
                                            dim = .symbol(try d.string(cap: 256))
                                        } else {
                                            try d.skip(dt)
                                        }
                                    }
                                }
                                if dims.count < 64 { dims.append(dim) }
                            }
                        }
                        info.dims = dims
                    } else {
                        try t.skip(ty)
                    }
                }
            }
        }
    }
}

extension OnnxTensor {
    /// Decodes little-endian raw data of `count` elements into `ints` or `floats`; leaves both nil for types it
    /// does not decode or a byte count that does not match.
    mutating func decodeRaw(_ raw: [UInt8], count: Int) {
        guard let width = OnnxDataType.width(dataType), raw.count == count * width else { return }
        func word(_ i: Int) -> UInt64 {
            var v: UInt64 = 0
            for b in 0..<width { v |= UInt64(raw[i * width + b]) << UInt64(8 * b) }
            return v
        }
        switch dataType {
        case 1: floats = (0..<count).map { Double(Float(bitPattern: UInt32(word($0)))) }
        case 11: floats = (0..<count).map { Double(bitPattern: word($0)) }
        case 10, 16: floats = (0..<count).map { Self.halfBits(UInt16(word($0)), bfloat: dataType == 16) }
        case 3: ints = (0..<count).map { Int64(Int8(bitPattern: UInt8(word($0)))) }
        case 5: ints = (0..<count).map { Int64(Int16(bitPattern: UInt16(word($0)))) }
        case 6: ints = (0..<count).map { Int64(Int32(bitPattern: UInt32(word($0)))) }
        case 7: ints = (0..<count).map { Int64(bitPattern: word($0)) }
        case 13: ints = (0..<count).map { Int64(bitPattern: word($0)) }
        default: ints = (0..<count).map { Int64(word($0)) }
        }
    }

    /// An IEEE half (or bfloat16) bit pattern as a Double.
    static func halfBits(_ bits: UInt16, bfloat: Bool) -> Double {
        if bfloat { return Double(Float(bitPattern: UInt32(bits) << 16)) }
        let sign = (bits & 0x8000) != 0 ? -1.0 : 1.0
        let exponent = Int((bits >> 10) & 0x1f)
        let fraction = Double(bits & 0x3ff)
        if exponent == 0 { return sign * fraction * pow(2, -24) }
        if exponent == 31 { return fraction == 0 ? sign * .infinity : .nan }
        return sign * (1 + fraction / 1024) * pow(2, Double(exponent - 15))
    }
}
