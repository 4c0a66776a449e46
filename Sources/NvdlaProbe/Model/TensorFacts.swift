/// One dimension as shape inference knows it: a number, a symbol from the model (`batch`), or unknown.
public enum Dim: Equatable, Sendable, CustomStringConvertible {
    case known(Int64)
    case symbol(String)
    case unknown

    public var value: Int64? { if case .known(let v) = self { return v } else { return nil } }

    public var description: String {
        switch self {
        case .known(let v): return "\(v)"
        case .symbol(let s): return s
        case .unknown: return "?"
        }
    }
}

/// Overflow-safe arithmetic for shapes from untrusted models: nil instead of a trap.
enum ShapeMath {
    /// The product, or nil when it overflows.
    static func product<S: Sequence>(_ values: S) -> Int64? where S.Element == Int64 {
        var p: Int64 = 1
        for v in values {
            let (r, overflow) = p.multipliedReportingOverflow(by: v)
            if overflow { return nil }
            p = r
        }
        return p
    }

    /// A finite Double as Int64, or nil.
    static func int(_ d: Double) -> Int64? { d.isFinite && Swift.abs(d) < 9.0e18 ? Int64(d) : nil }

    /// A computed dimension when it is plausible (0 to 2^31), else unknown.
    static func dim(_ v: Int64) -> Dim { v >= 0 && v <= Int64(Int32.max) ? .known(v) : .unknown }
}

/// What shape inference knows of one tensor: dims (nil when even the rank is unknown), element type, and whether
/// it is a build-time constant (with its values when they are small enough to keep).
public struct TensorFacts: Sendable, Equatable {
    public var dims: [Dim]?
    public var elemType: Int32
    public var constant = false
    public var ints: [Int64]?
    public var floats: [Double]?

    public init(dims: [Dim]?, elemType: Int32, constant: Bool = false) {
        self.dims = dims
        self.elemType = elemType
        self.constant = constant
    }

    /// A constant with integer values and the given dims.
    static func ints(_ values: [Int64], dims: [Int64]? = nil, type: Int32 = 7) -> TensorFacts {
        var facts = TensorFacts(
            dims: (dims ?? [Int64(values.count)]).map { .known($0) }, elemType: type, constant: true)
        facts.ints = values
        return facts
    }

    /// A constant with floating-point values and the given dims.
    static func floats(_ values: [Double], dims: [Int64], type: Int32 = 1) -> TensorFacts {
        var facts = TensorFacts(dims: dims.map { .known($0) }, elemType: type, constant: true)
        facts.floats = values
        return facts
    }

    public var rank: Int? { dims?.count }

    /// All dims as numbers, or nil when one is not known.
    public var knownDims: [Int64]? {
        guard let dims else { return nil }
        var out: [Int64] = []
        for d in dims {
            guard let v = d.value else { return nil }
            out.append(v)
        }
        return out
    }

    /// Values as numbers whatever the type (integers exactly, floats as they are).
    public var numbers: [Double]? { floats ?? ints.map { $0.map(Double.init) } }

    /// Values as integers (floats only when they are whole).
    public var integers: [Int64]? {
        if let ints { return ints }
        guard let floats else { return nil }
        var out: [Int64] = []
        for f in floats {
            guard f.isFinite, f == f.rounded(), abs(f) < 9.0e18 else { return nil }
            out.append(Int64(f))
        }
        return out
    }

    /// `1x3x640x640`, `?x3x?x?` or `?` for the user.
    public var shapeText: String {
        guard let dims else { return "?" }
        return dims.isEmpty ? "scalar" : dims.map(\.description).joined(separator: "x")
    }
}
