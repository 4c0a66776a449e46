import Foundation

/// One-line-per-instance summaries shown before the findings ("at a glance").
public enum Glance {
    /// The presence chain of each DLA instance, e.g. `dla0 (15880000): dt okay → bound nvdla → node
    /// nvhost-ctrl-nvdla0 0660 root:video → suspended`, stopping at the first broken link.
    public static func lines(_ facts: FactTable) -> [String] {
        var lines: [String] = []
        for index in facts.instances["dla"] ?? [] {
            let key = "dla.\(index)"
            guard let status = facts.string("\(key).dt.status") else { continue }
            var chain = ["dt \(status)"]
            chainLinks(facts, key: key, into: &chain)
            let address = facts.string("\(key).hw_address").map { " (\($0))" } ?? ""
            lines.append("  dla\(index)\(address): " + chain.joined(separator: " → "))
        }
        return lines
    }

    static func chainLinks(_ facts: FactTable, key: String, into chain: inout [String]) {
        guard facts.bool("\(key).dt.enabled") == true else { return }
        if facts.bool("\(key).log.fused") == true {
            chain.append("fused off")
            return
        }
        switch facts.bool("\(key).sysfs.present") {
        case false?:
            chain.append("no platform device")
            return
        case nil:
            return
        default: break
        }
        switch facts.bool("\(key).driver.bound") {
        case true?:
            chain.append("bound \(facts.string("\(key).driver.name") ?? "")".trimmingCharacters(in: .whitespaces))
        case false?:
            chain.append("not bound")
            return
        case nil: return
        }
        if let present = facts.bool("\(key).node.ctrl.present") {
            let name = facts.string("\(key).node.ctrl.name") ?? "node"
            if present {
                let mode = facts.string("\(key).node.ctrl.mode") ?? "?"
                let owner = facts.string("\(key).node.ctrl.owner") ?? "?"
                chain.append("\(name) \(mode) \(owner)")
            } else {
                chain.append("\(name) missing")
                return
            }
        }
        if let status = facts.string("\(key).power.runtime_status") { chain.append(status) }
    }
}
