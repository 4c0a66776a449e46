import Foundation
import Testing

@testable import NvdlaProbe

/// Real TensorRT logs from public issue threads (`Tests/TensorRTLogs/`, sources in its README) give the diagnosis a DLA
/// engineer reads from them, and nothing the excerpt does not show.
@Suite("Real TensorRT logs")
struct TensorRTCorpusTests {
    static let directory = Fixtures.packageRoot.appendingPathComponent("Tests/TensorRTLogs")

    /// Findings per file number, and the facts that matter for it.
    static let expected: [String: (findings: Set<String>, facts: [String: String])] = [
        "01": ([], ["trt.version": "5.0.0"]),
        "02": (["NVDLA-TRT-010"], ["trt.dla_core": "0"]),
        "03": (["NVDLA-TRT-010"], [:]),
        "04": (["NVDLA-TRT-011"], ["trt.dla_core": "0", "trt.gpu_fallback": "true"]),
        "05": (["NVDLA-TRT-019"], ["trt.layers.gpu": "14"]),
        "06": (["NVDLA-TRT-003"], ["trt.subgraph_limit": "8", "trt.subgraph_limit.layers": "12"]),
        "07": ([], ["trt.subgraphs.dla": "8", "trt.layers.dla": "48"]),  // cut inside the lists: no share to judge
        "08": (["NVDLA-TRT-007"], [:]),
        "09": (["NVDLA-TRT-002", "NVDLA-TRT-014", "NVDLA-TRT-015"], ["trt.fallback.count": "11"]),
        "10": ([], ["trt.layers.gpu": "11"]),
        "11": (["NVDLA-TRT-010"], [:]),
        "12": (["NVDLA-TRT-011"], [:]),
        "13": (["NVDLA-TRT-020"], [:]),
        "14": (["NVDLA-TRT-004", "NVDLA-TRT-016"], ["trt.subgraphs.dla": "1", "trt.reformats.count": "4"]),
        "15": (["NVDLA-TRT-002"], ["trt.fallback.summary": "Constant ×5, Shuffle ×4"]),
        "16": (["NVDLA-TRT-002"], ["trt.fallback.count": "6"]),
        "17": (["NVDLA-TRT-010"], [:]),
        "18": (["NVDLA-TRT-006"], ["trt.dla_core": "0", "trt.placement": "all_gpu"]),
        "19": (["NVDLA-TRT-002"], ["trt.fallback.summary": "Constant ×3, Div ×1"]),
        "20": (["NVDLA-TRT-009"], [:]),
    ]

    static func describe(_ value: FactValue?) -> String? {
        switch value {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .bool(let b)?: return String(b)
        default: return nil
        }
    }

    @Test("every real TensorRT log gives its diagnosis; none blames the kernel, driver or hardware")
    func corpus() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == Self.expected.count)
        for name in names {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
            let body = text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
            let report = AnalyzeJob.analyze(text: body, name: name, rules: Fixtures.rules)
            let key = String(name.prefix(2))
            guard let want = Self.expected[key] else {
                Issue.record("\(name): no expectation")
                continue
            }
            #expect(Set(report.findings.map(\.id)) == want.findings, "\(name)")
            #expect(report.unassessable == nil, "\(name)")
            #expect(!report.findings.contains { [.driver, .smmu, .firmware, .memory].contains($0.area) }, "\(name)")
            for (fact, value) in want.facts {
                #expect(Self.describe(report.facts.value(fact)) == value, "\(name): \(fact)")
            }
        }
    }
}
