import Foundation

/// Renders a report in the Prometheus text exposition format (version 0.0.4), for node_exporter's textfile
/// collector: `nvdla_doctor_*` metrics about the check, `nvdla_dla_*` about the hardware, each with HELP and TYPE.
public enum PrometheusRenderer {
    /// One metric family: name, help, type and samples (labels, value).
    struct Family {
        let name: String
        let help: String
        var samples: [(labels: [(String, String)], value: String)] = []
    }

    /// The exposition text of `report`; `timestamp` (seconds since the epoch) fills
    /// `nvdla_doctor_last_run_timestamp_seconds`.
    public static func render(_ report: Report, timestamp: Double) -> String {
        var families: [Family] = []
        var status = Family(
            name: "nvdla_doctor_status",
            help:
                "Overall result of the last check: 0 ok, 1 warning, 2 error, 3 unknown (nothing assessed, or a check that could find a fault could not read its input)."
        )
        status.samples.append(([], String(report.status.exitCode)))
        families.append(status)

        var counts = Family(name: "nvdla_doctor_findings", help: "Findings of the last check by severity and area.")
        for severity in Severity.allCases.reversed() {
            for area in Area.allCases {
                let n = report.findings.filter { $0.severity == severity && $0.area == area }.count
                counts.samples.append(([("severity", severity.rawValue), ("area", area.rawValue)], String(n)))
            }
        }
        families.append(counts)

        var findings = Family(
            name: "nvdla_doctor_finding",
            help: "A finding of the last check (value 1), by ID, area, severity and subject.")
        for finding in report.findings {
            findings.samples.append(
                (
                    [
                        ("id", finding.id), ("area", finding.area.rawValue), ("severity", finding.severity.rawValue),
                        ("subject", finding.subject),
                    ], "1"
                ))
        }
        families.append(findings)

        var inconclusive = Family(
            name: "nvdla_doctor_inconclusive_checks",
            help: "Checks of the last run that could not be decided, by reason.")
        for (reason, items) in Dictionary(grouping: report.inconclusive, by: \.reason).sorted(by: { $0.key < $1.key }) {
            inconclusive.samples.append(([("reason", reason)], String(items.count)))
        }
        families.append(inconclusive)

        if let expected = report.platform.dlaExpected {
            var family = Family(name: "nvdla_dla_expected", help: "DLA cores the module SKU has.")
            family.samples.append(([], String(expected)))
            families.append(family)
        }
        if let present = report.platform.dlaPresent {
            var family = Family(
                name: "nvdla_dla_present", help: "DLA instances enabled, bound to the driver and with a device node.")
            family.samples.append(([], String(present)))
            families.append(family)
        }
        var caps = Family(name: "nvdla_dla_clock_cap_hz", help: "nvpmodel cap of each DLA clock (clk_cap), in Hz.")
        for index in report.facts.instances["dla"] ?? [] {
            for clock in ["core", "falcon"] {
                if let hz = report.facts.int("dla.\(index).clk_cap.\(clock)") {
                    caps.samples.append(([("instance", "dla\(index)"), ("clock", clock)], String(hz)))
                }
            }
        }
        families.append(caps)

        var info = Family(name: "nvdla_doctor_info", help: "The tool version and the platform it checked (value 1).")
        var labels: [(String, String)] = [("version", ToolInfo.version)]
        for (key, value) in [
            ("soc", report.platform.soc), ("module", report.platform.module), ("l4t", report.platform.l4t),
            ("jetpack", report.platform.jetpack),
        ] {
            if let value { labels.append((key, value)) }
        }
        info.samples.append((labels, "1"))
        families.append(info)

        var last = Family(
            name: "nvdla_doctor_last_run_timestamp_seconds",
            help: "When the last check ran, in seconds since the epoch.")
        last.samples.append(([], String(format: "%.3f", timestamp)))
        families.append(last)

        return families.map(render).joined()
    }

    static func render(_ family: Family) -> String {
        var text = "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) gauge\n"
        for sample in family.samples {
            let labels =
                sample.labels.isEmpty
                ? "" : "{" + sample.labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
            text += "\(family.name)\(labels) \(sample.value)\n"
        }
        return text
    }

    /// Escapes a label value: backslash, double quote and newline.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
