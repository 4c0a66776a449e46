/// The facts gathered from one source, keyed by dotted names (`platform.soc`, `dla.0.dt.status`).
///
/// The only contract between collection (probes, artefact recognisers) and rules. Per-instance facts use
/// `<family>.<index>.<rest>` and the family's instances are listed in `instances`.
public struct FactTable: Sendable {
    public private(set) var states: [String: FactState] = [:]
    /// Instance indices per family, e.g. `dla` → `["0", "1"]`.
    public private(set) var instances: [String: [String]] = [:]

    public init() {}

    public subscript(key: String) -> FactState? { states[key] }

    /// The known value of `key`, if any.
    public func value(_ key: String) -> FactValue? { states[key]?.value }

    public func string(_ key: String) -> String? {
        if case .string(let s)? = value(key) { return s }
        return nil
    }

    public func int(_ key: String) -> Int64? {
        if case .int(let i)? = value(key) { return i }
        return nil
    }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let b)? = value(key) { return b }
        return nil
    }

    public func list(_ key: String) -> [String]? {
        if case .list(let l)? = value(key) { return l }
        return nil
    }

    /// Sets a known value.
    public mutating func set(_ key: String, _ value: FactValue, source: String, raw: String? = nil) {
        states[key] = .known(value, Provenance(source: source, raw: raw))
    }

    /// Sets any state.
    public mutating func set(_ key: String, state: FactState) {
        states[key] = state
    }

    /// Records a read result: its value through `convert`, or the failure as the fact's state.
    public mutating func set<T>(
        _ key: String, from result: ReadResult<T>, source: String, raw: ((T) -> String?)? = nil,
        _ convert: (T) -> FactValue?
    ) {
        switch result {
        case .value(let v):
            if let converted = convert(v) {
                set(key, converted, source: source, raw: raw?(v))
            } else {
                states[key] = .malformed(source: source, detail: "unexpected value")
            }
        case .missing: states[key] = .missing(source: source)
        case .unreadable(let why): states[key] = .unreadable(why, source: source)
        case .malformed(let detail): states[key] = .malformed(source: source, detail: detail)
        }
    }

    /// Declares an instance of `family` (kept sorted, no duplicates).
    public mutating func addInstance(_ family: String, _ index: String) {
        var list = instances[family] ?? []
        if !list.contains(index) {
            list.append(index)
            list.sort()
        }
        instances[family] = list
    }

    /// Copies every fact of `other` that is not already known here.
    public mutating func merge(_ other: FactTable) {
        for (key, state) in other.states where states[key]?.value == nil {
            states[key] = state
        }
        for (family, list) in other.instances {
            for index in list { addInstance(family, index) }
        }
    }

    /// All keys, sorted.
    public var keys: [String] { states.keys.sorted() }
}
