/// One-line-per-instance summaries shown before the findings ("at a glance").
public enum Glance {
    /// Lines describing each DLA instance from the facts (device-tree status for now).
    public static func lines(_ facts: FactTable) -> [String] {
        var lines: [String] = []
        for index in facts.instances["dla"] ?? [] {
            let key = "dla.\(index)"
            var chain: [String] = []
            if let status = facts.string("\(key).dt.status") { chain.append("dt \(status)") }
            if chain.isEmpty { continue }
            let address = facts.string("\(key).hw_address").map { " (\($0))" } ?? ""
            lines.append("  dla\(index)\(address): " + chain.joined(separator: " → "))
        }
        return lines
    }
}
