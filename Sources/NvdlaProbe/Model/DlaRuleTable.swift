import Yams

/// Where a node runs: on the DLA, on the GPU, undecided, or nowhere (folded into constants at build time).
public enum Placement: String, Sendable, Comparable {
    case dla, gpu, unknown, folded

    var severity: Int {
        switch self {
        case .folded: return 0
        case .dla: return 1
        case .unknown: return 2
        case .gpu: return 3
        }
    }

    public static func < (a: Placement, b: Placement) -> Bool { a.severity < b.severity }
}

/// One DLA restriction of a TensorRT release: a layer parameter, what is allowed, and what follows otherwise.
public struct DlaCheck: Sendable, Equatable {
    /// Stable name of the rule (`conv-kernel`), reported with the verdict.
    public var id: String
    /// The layer parameter it reads (`kernel`, `operation`, `dynamic`…).
    public var param: String
    /// Allowed words (or numbers as text); nil when `range` applies.
    public var allow: [String]?
    /// Allowed inclusive range for every number of the parameter.
    public var range: ClosedRange<Int64>?
    /// Platforms the check applies on (nil: all).
    public var platforms: [String]?
    /// Precisions the check applies in (nil: all).
    public var precisions: [String]?
    /// What a failed check means: `gpu`, or `unknown` where sources disagree or are silent.
    public var verdict: Placement
    /// The message, worded like TensorRT's warning; `{name}`, `{type}`, `{value}`, `{allowed}` are filled in.
    public var says: String
    /// Key of the source in the table's `sources`.
    public var source: String
    /// How to fix the model when the fix is known.
    public var fix: String?
}

/// What a layer type gets on the DLA: a fixed verdict (unsupported, or undecided) or a list of checks.
public struct DlaLayerRule: Sendable, Equatable {
    public var checks: [DlaCheck] = []
    /// A verdict for every layer of the type (`gpu` unsupported, `unknown` undecided), with its check.
    public var fixed: DlaCheck?
}

/// The DLA restrictions of one TensorRT release on Jetson, read from `Data/dla/tensorrt-<version>.yaml`.
public struct DlaRuleTable: Sendable {
    public var tensorrt = ""
    public var release = ""
    public var platforms: [String] = []
    public var loadableLimit = 16
    public var loadableSource = ""
    public var sources: [String: String] = [:]
    public var general: [DlaCheck] = []
    public var layers: [String: DlaLayerRule] = [:]
    /// For layer types the table does not list.
    public var unsupported = DlaCheck(
        id: "unsupported-layer", param: "type", verdict: .gpu, says: "Layer '{name}' ({type}): Unsupported on DLA.",
        source: "")
    /// Where the table came from (`Data/dla/tensorrt-8.6.yaml`).
    public var path = ""

    /// The citation text of a source key (the key itself when the table has no such source).
    public func citation(_ key: String) -> String {
        key.split(separator: "+").map { sources[String($0)] ?? String($0) }.joined(separator: "; ")
    }
}

/// A malformed rule table: file and what is wrong.
public struct DlaTableError: Error, Equatable, Sendable {
    public let message: String
}

extension DlaRuleTable {
    static let schemaVersion = 1

    /// Parses a table; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(DlaTableError) -> DlaRuleTable {
        func fail(_ message: String) -> DlaTableError { DlaTableError(message: "\(path): \(message)") }
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw fail("not valid YAML: \(error)")
        }
        guard let top = loaded as? [String: Any] else { throw fail("the top level must be a mapping") }
        guard (top["schema"] as? Int) == schemaVersion else { throw fail("unsupported schema (this version reads 1)") }
        var table = DlaRuleTable()
        table.path = path
        table.tensorrt = "\(top["tensorrt"] ?? "")"
        table.release = "\(top["release"] ?? table.tensorrt)"
        table.platforms = (top["platforms"] as? [Any])?.map { "\($0)" } ?? []
        guard !table.tensorrt.isEmpty, !table.platforms.isEmpty else {
            throw fail("`tensorrt` and `platforms` are required")
        }
        if let sources = top["sources"] as? [String: Any] {
            for (key, value) in sources { table.sources[key] = "\(value)" }
        }
        if let limit = top["loadables_per_core"] as? [String: Any] {
            guard let value = limit["value"] as? Int, value > 0 else {
                throw fail("loadables_per_core.value must be > 0")
            }
            table.loadableLimit = value
            table.loadableSource = "\(limit["source"] ?? "")"
        }
        if let unsupported = top["unsupported"] as? [String: Any] {
            table.unsupported = try check(unsupported, id: "unsupported-layer", fixedVerdict: .gpu, table: table, fail)
        }
        for (i, raw) in ((top["general"] as? [Any]) ?? []).enumerated() {
            guard let entry = raw as? [String: Any] else { throw fail("general[\(i)] must be a mapping") }
            table.general.append(try check(entry, id: nil, fixedVerdict: nil, table: table, fail))
        }
        guard let layers = top["layers"] as? [String: Any] else { throw fail("`layers` must be a mapping") }
        for (type, raw) in layers {
            guard let entry = raw as? [String: Any] else { throw fail("layers.\(type) must be a mapping") }
            var rule = DlaLayerRule()
            if let fixed = entry["verdict"] {
                let verdict = try placement("\(fixed)", fail)
                rule.fixed = try check(
                    entry, id: "\(type.lowercased())-\(verdict.rawValue)", fixedVerdict: verdict, table: table, fail)
            }
            for (i, rawCheck) in ((entry["checks"] as? [Any]) ?? []).enumerated() {
                guard let c = rawCheck as? [String: Any] else {
                    throw fail("layers.\(type).checks[\(i)] must be a mapping")
                }
                rule.checks.append(try check(c, id: nil, fixedVerdict: nil, table: table, fail))
            }
            table.layers[type] = rule
        }
        return table
    }

    static func placement(_ text: String, _ fail: (String) -> DlaTableError) throws(DlaTableError) -> Placement {
        guard let p = Placement(rawValue: text), p == .gpu || p == .unknown else {
            throw fail("verdict must be gpu or unknown, not \(text)")
        }
        return p
    }

    static func check(
        _ entry: [String: Any], id: String?, fixedVerdict: Placement?, table: DlaRuleTable,
        _ fail: (String) -> DlaTableError
    ) throws(DlaTableError) -> DlaCheck {
        let name = id ?? (entry["id"] as? String) ?? ""
        guard !name.isEmpty else { throw fail("a check without an id") }
        let says = (entry["says"] as? String) ?? (entry["why"] as? String) ?? ""
        guard !says.isEmpty else { throw fail("\(name): `says` is required") }
        let source = "\(entry["source"] ?? "")"
        guard !source.isEmpty else { throw fail("\(name): every rule cites a `source`") }
        for key in source.split(separator: "+") where table.sources[String(key)] == nil {
            throw fail("\(name): source `\(key)` is not in `sources`")
        }
        var check = DlaCheck(
            id: name, param: "\(entry["param"] ?? "type")", verdict: fixedVerdict ?? .gpu, says: says, source: source)
        if fixedVerdict == nil, let v = entry["verdict"] { check.verdict = try placement("\(v)", fail) }
        if let allow = entry["allow"] as? [Any] { check.allow = allow.map { "\($0)" } }
        if let range = entry["range"] as? [Any] {
            guard range.count == 2, let lo = range[0] as? Int, let hi = range[1] as? Int, lo <= hi else {
                throw fail("\(name): range must be [low, high]")
            }
            check.range = Int64(lo)...Int64(hi)
        }
        if fixedVerdict == nil, check.allow == nil, check.range == nil {
            throw fail("\(name): a check needs `allow` or `range`")
        }
        check.platforms = (entry["platforms"] as? [Any])?.map { "\($0)" }
        check.precisions = (entry["precisions"] as? [Any])?.map { "\($0)" }
        check.fix = entry["fix"] as? String
        return check
    }
}
