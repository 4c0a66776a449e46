import Foundation

/// Renders a check in the Prometheus text exposition format (version 0.0.4), for node_exporter's textfile
/// collector: `nvdla_doctor_*` metrics about the check, `nvdla_dla_*`, `nvdla_cma_*` and `nvdla_platform_info`
/// about the hardware, each with HELP and TYPE.
///
/// Names follow Prometheus' naming practice (https://prometheus.io/docs/practices/naming/): one application
/// prefix, base units in the name (`_hertz`, `_bytes`, `_timestamp_seconds`), `_info` for series whose value is
/// always 1 and whose labels carry the data, and no label that Prometheus sets itself (`instance`, `job`): the DLA
/// is the `dla` label.
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
        var families = [up(report.status != .unknown), status(report.status.exitCode)]

        var counts = Family(
            name: "nvdla_doctor_findings", help: "Number of findings of the last check, by severity and area.")
        for severity in Severity.allCases.reversed() {
            for area in Area.allCases {
                let n = report.findings.filter { $0.severity == severity && $0.area == area }.count
                counts.samples.append(([("severity", severity.rawValue), ("area", area.rawValue)], String(n)))
            }
        }
        families.append(counts)

        var findings = Family(
            name: "nvdla_doctor_finding_info",
            help: "One series per finding of the last check (value 1): its ID, area, severity and subject.")
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
            help: "Number of checks of the last run that could not be decided, by reason.")
        for (reason, items) in Dictionary(grouping: report.inconclusive, by: \.reason).sorted(by: { $0.key < $1.key }) {
            inconclusive.samples.append(([("reason", reason)], String(items.count)))
        }
        families.append(inconclusive)

        if let expected = report.platform.dlaExpected {
            var family = Family(name: "nvdla_dla_cores_expected", help: "DLA cores the module SKU has.")
            family.samples.append(([], String(expected)))
            families.append(family)
        }
        if let present = report.platform.dlaPresent {
            var family = Family(
                name: "nvdla_dla_cores_present",
                help: "DLA cores enabled in the device tree, bound to the driver and with a device node.")
            family.samples.append(([], String(present)))
            families.append(family)
        }
        var caps = Family(
            name: "nvdla_dla_clock_cap_hertz", help: "nvpmodel cap (clk_cap) of each clock of each DLA, in hertz.")
        for index in report.facts.instances["dla"] ?? [] {
            for clock in ["core", "falcon"] {
                if let hz = report.facts.int("dla.\(index).clk_cap.\(clock)") {
                    caps.samples.append(([("dla", "dla\(index)"), ("clock", clock)], String(hz)))
                }
            }
        }
        families.append(caps)
        for (key, name, help) in [
            (
                "memory.cma.dt_bytes", "nvdla_cma_reserved_bytes",
                "CMA the device tree reserves (reserved-memory/linux,cma/size), in bytes."
            ),
            (
                "memory.cma.largest_free_bytes", "nvdla_cma_largest_free_block_bytes",
                "Largest free contiguous CMA run (debugfs bitmap, as root), in bytes."
            ),
        ] {
            if let bytes = report.facts.int(key) {
                var family = Family(name: name, help: help)
                family.samples.append(([], String(bytes)))
                families.append(family)
            }
        }

        families.append(buildInfo())
        var labels: [(String, String)] = []
        for (key, value) in [
            ("soc", report.platform.soc), ("module", report.platform.module), ("model", report.platform.model),
            ("l4t", report.platform.l4t), ("jetpack", report.platform.jetpack),
        ] {
            if let value { labels.append((key, value)) }
        }
        if !labels.isEmpty {
            var platform = Family(
                name: "nvdla_platform_info", help: "The platform as the last check identified it (value 1).")
            platform.samples.append((labels, "1"))
            families.append(platform)
        }
        families.append(lastRun(timestamp))
        return families.map(render).joined()
    }

    /// The exposition when the check could not run at all (broken rule files, a root that cannot be opened):
    /// `nvdla_doctor_up` 0 and status 3 (unknown), so the file never keeps an older run's verdict.
    public static func renderUnknown(timestamp: Double) -> String {
        [up(false), status(ReportStatus.unknown.exitCode), buildInfo(), lastRun(timestamp)].map(render).joined()
    }

    private static func up(_ assessed: Bool) -> Family {
        var family = Family(
            name: "nvdla_doctor_up",
            help:
                "1 when the last check reached a verdict (ok, warning or error), 0 when its status is unknown.")
        family.samples.append(([], assessed ? "1" : "0"))
        return family
    }

    private static func status(_ code: Int32) -> Family {
        var family = Family(
            name: "nvdla_doctor_status",
            help:
                "Result of the last check: 0 ok, 1 warning, 2 error, 3 unknown (nothing assessed, or a check that "
                + "could find a fault could not read its input).")
        family.samples.append(([], String(code)))
        return family
    }

    private static func buildInfo() -> Family {
        var family = Family(name: "nvdla_doctor_build_info", help: "The nvdla-doctor version that ran (value 1).")
        family.samples.append(([("version", ToolInfo.version)], "1"))
        return family
    }

    private static func lastRun(_ timestamp: Double) -> Family {
        var family = Family(
            name: "nvdla_doctor_last_run_timestamp_seconds",
            help: "When the last check ran, in seconds since the epoch.")
        family.samples.append(([], String(format: "%.3f", timestamp)))
        return family
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
