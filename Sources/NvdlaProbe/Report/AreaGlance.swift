/// The per-area line at the top of `check`: one mark per area that was checked, read in two seconds
/// (`✓ platform  ✓ device tree  ✗ driver  ✓ nodes  ! memory  ? clocks …`).
public enum AreaGlance {
    /// What a person needs to know of one area, worst first.
    public enum State: Int, Sendable, Comparable, CaseIterable {
        case ok, info, inconclusive, warning, error

        public static func < (a: State, b: State) -> Bool { a.rawValue < b.rawValue }

        /// The mark in UTF-8 and in ASCII.
        public func mark(unicode: Bool) -> String {
            switch self {
            case .ok: return unicode ? "✓" : "ok"
            case .info: return "i"
            case .inconclusive: return "?"
            case .warning: return "!"
            case .error: return unicode ? "✗" : "X"
            }
        }

        /// ANSI colour of the mark.
        var colorCode: String {
            switch self {
            case .ok: return "32"
            case .info: return "36"
            case .inconclusive: return "2"
            case .warning: return "1;33"
            case .error: return "1;31"
            }
        }
    }

    /// The word shown for an area: the `--area` name, in plain words where it is a compound (`nodes`, `device tree`).
    public static func label(_ area: Area) -> String {
        switch area {
        case .devnodes: return "nodes"
        case .devicetree: return "device tree"
        default: return area.rawValue
        }
    }

    /// The state of every area with at least one rule that applied, in report order. An area is `error` or
    /// `warning` by its worst finding; `inconclusive` when some check could not be decided and nothing was found;
    /// `info` when its only findings are informational; else `ok`. `ruleAreas` maps rule IDs to areas (site rules
    /// may use any ID, so the ID alone does not say).
    public static func states(_ report: Report, ruleAreas: [String: Area]) -> [(area: Area, state: State)] {
        var states: [Area: State] = [:]
        func raise(_ area: Area, _ state: State) { states[area] = max(states[area] ?? .ok, state) }
        for item in report.passed {
            if let area = ruleAreas[item.rule] { raise(area, .ok) }
        }
        for item in report.inconclusive {
            if let area = ruleAreas[item.rule] { raise(area, .inconclusive) }
        }
        for finding in report.findings {
            switch finding.severity {
            case .error: raise(finding.area, .error)
            case .warning: raise(finding.area, .warning)
            case .info: raise(finding.area, .info)
            }
        }
        return Area.allCases.compactMap { area in states[area].map { (area, $0) } }
    }
}
