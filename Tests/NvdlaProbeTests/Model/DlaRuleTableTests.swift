import Foundation
import Testing

@testable import NvdlaProbe

/// The shipped rule tables (`Data/dla/`) and the index: they parse, every rule cites a source, every check reads a
/// parameter the mapper produces, and targets resolve as the JetPack/TensorRT tables say.
@Suite("DLA rule tables")
struct DlaRuleTableTests {
    static let tables = ["Data/dla/tensorrt-8.5.yaml", "Data/dla/tensorrt-8.6.yaml", "Data/dla/tensorrt-10.3.yaml"]

    /// Parameters `LayerMapping` and `PlacementEvaluator` produce, for the lint below.
    static let knownParams: Set<String> = [
        "type", "platform", "precision", "dynamic", "batch", "dimension", "data_type", "rank", "spatial_dims", "kernel",
        "stride", "dilation", "padding", "padding_below_kernel", "groups", "output_maps", "weights_constant",
        "pooling", "window", "exclusive_padding", "activation", "clip_min", "clip_max", "operation", "axis_from_end",
        "mode", "transform", "scale_count", "batch_channel_scales_one", "scale_hw", "scale_hw_linear", "sizes_given",
        "axis_is_batch", "axis_size", "axis_size_spread", "output_rank", "moves_batch", "next_to_slice_or_concat",
        "slice_mode", "static_params", "steps", "slices_batch", "reduce", "reduces_batch", "second_input_constant",
        "slope_constant",
    ]

    @Test("each shipped table parses, every check cites a known source and reads a known parameter", arguments: tables)
    func shipped(_ path: String) throws {
        let text = try #require(EmbeddedFiles.data[path], "\(path) is not embedded")
        let table = try DlaRuleTable.parse(text, path: path)
        #expect(table.loadableLimit == 16)
        let checks = table.general + table.layers.values.flatMap { $0.checks + ($0.fixed.map { [$0] } ?? []) }
        #expect(checks.count > 40)
        for check in checks {
            #expect(Self.knownParams.contains(check.param), "\(path) \(check.id): unknown param \(check.param)")
            #expect(!table.citation(check.source).isEmpty)
        }
        let ids = checks.map(\.id)
        #expect(Set(ids).count == ids.count, "\(path): duplicate check ids")
        let onDisk = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(path), encoding: .utf8)
        #expect(
            onDisk.trimmingCharacters(in: .newlines) == text.trimmingCharacters(in: .newlines), "\(path): stale embed")
    }

    @Test("broken tables name the file and the problem")
    func broken() {
        let base = "schema: 1\ntensorrt: \"9.9\"\nplatforms: [orin]\nsources: {a: \"x\"}\n"
        let cases: [(String, String)] = [
            ("schema: 2\n", "unsupported schema"),
            (base, "`layers` must be a mapping"),
            (
                base + "layers: {CONVOLUTION: {checks: [{id: k, param: kernel, range: [1, 32], says: s}]}}",
                "cites a `source`"
            ),
            (
                base + "layers: {CONVOLUTION: {checks: [{id: k, param: kernel, range: [1, 32], says: s, source: b}]}}",
                "source `b`"
            ),
            (
                base + "layers: {CONVOLUTION: {checks: [{id: k, param: kernel, says: s, source: a}]}}",
                "needs `allow` or `range`"
            ),
            (base + "layers: {CONVOLUTION: {verdict: dla, says: s, source: a}}", "verdict must be gpu or unknown"),
            ("[unclosed", "not valid YAML"),
        ]
        for (text, expected) in cases {
            do {
                _ = try DlaRuleTable.parse(text, path: "t.yaml")
                Issue.record("\(expected): parsed")
            } catch {
                #expect(error.message.hasPrefix("t.yaml: "))
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
    }

    @Test("targets: JetPack implies TensorRT; Xavier only with JetPack 5; releases without DLA; usage errors")
    func targets() throws {
        let jp512 = try ModelSupport.target(jetpack: "5.1.2", platform: "xavier")
        #expect(jp512.tensorrt == "8.5.2" && jp512.table?.tensorrt == "8.5" && jp512.platform == "xavier")
        let jp60 = try ModelSupport.target(jetpack: "6.0")
        #expect(jp60.table?.release == "8.6.2" && jp60.platform == "orin" && jp60.precision == "fp16")
        let jp62 = try ModelSupport.target(jetpack: "6.2", precision: "INT8")
        #expect(jp62.table?.release == "10.3.0" && jp62.precision == "int8")
        let trt = try ModelSupport.target(tensorrt: "8.6.2.3")
        #expect(trt.table?.tensorrt == "8.6")
        let plain = try ModelSupport.target()
        #expect(plain.table?.tensorrt == "10.3")
        let gap = try ModelSupport.target(tensorrt: "10.16")
        #expect(gap.noDLA && gap.table == nil)
        #expect(try ModelSupport.target(jetpack: "7.2").noDLA)
        for (jetpack, tensorrt, platform, precision, message) in [
            ("6.0", nil, "xavier", nil, "does not run on xavier"),
            (nil, "10.3", "xavier", nil, "does not run on xavier"),
            ("4.6", nil, nil, nil, "unknown JetPack 4.6"), (nil, "7.1", nil, nil, "unknown TensorRT 7.1"),
            (nil, nil, nil, "fp32", "fp16 or int8"), ("6.0", "8.6", nil, nil, "not both"),
            (nil, nil, "nano", nil, "orin or xavier"),
        ] as [(String?, String?, String?, String?, String)] {
            guard
                case .failure(let error) = DlaTargets.resolve(
                    jetpack: jetpack, tensorrt: tensorrt, platform: platform, precision: precision)
            else {
                Issue.record("\(message): resolved")
                continue
            }
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test("--shapes as trtexec takes it; bad values are usage errors")
    func shapes() throws {
        #expect(try ModelJob.parseShapes("images:1x3x640x640").get() == ["images": [1, 3, 640, 640]])
        #expect(try ModelJob.parseShapes("'in:put':1x3,b:2").get() == ["in:put": [1, 3], "b": [2]])
        #expect(try ModelJob.parseShapes("").get() == [:])
        for bad in ["images", "images:1x0", "images:1xx3", ":1x3", "images:-1x3", "a:1x2x3x4x5x6x7x8x9"] {
            #expect(throws: ModelJob.ShapesError.self) { try ModelJob.parseShapes(bad).get() }
        }
    }
}
