/// Why TensorRT moved a layer from the DLA to the GPU, grouped the way a DLA engineer would fix it.
///
/// Classifies the DLA validation messages of TensorRT 7.x–10.x (`DLA only supports concatenation on the C dimension`,
/// `This version of DLA does not support reshape layers directly connected to Slice or Concat`, `DLA only supports
/// FP16 and Int8 precision type`, `DLA only supports slicing 4 dimensional tensors`, `DLA Layer … does not support
/// dynamic shapes in any dimension`, `DLA LAYER: Batch size … exceeds max batch size`, `DLA cores do not support DIV
/// ElementWise operation`, `DLA supports only 8 subgraphs per DLA core`,
/// `Unsupported on DLA`, `is not supported on DLA, falling back to GPU`).
public enum FallbackReason: String, Sendable, CaseIterable, Comparable {
    case unsupportedLayer = "layer or operation not supported on DLA"
    case concatAxis = "concatenation not on the channel axis"
    case reshapeNextToSliceConcat = "reshape next to Slice/Concat"
    case precision = "precision not FP16/INT8"
    case dimensions = "tensor not 4-dimensional"
    case dynamicShapes = "dynamic shapes"
    case parameters = "parameters outside DLA limits"
    case subgraphLimit = "DLA subgraph limit reached"
    case validation = "DLA validation failed"

    /// The reason a validation detail line gives; `unsupportedLayer` when it names none of the known ones.
    public static func classify(_ detail: Substring?) -> FallbackReason {
        guard let text = detail?.lowercased() else { return .unsupportedLayer }
        if text.contains("subgraphs per dla core") { return .subgraphLimit }
        if text.contains("concatenation on the c") || text.contains("concat") && text.contains("channel") {
            return .concatAxis
        }
        if text.contains("reshape") && (text.contains("slice") || text.contains("concat")) {
            return .reshapeNextToSliceConcat
        }
        if text.contains("dynamic") || text.contains("profiles have same") { return .dynamicShapes }
        if text.contains("fp16") && text.contains("int8") || text.contains("precision") { return .precision }
        if text.contains("4 dimension") || text.contains("four dimension") || text.contains("4d")
            || text.contains("rank")
        {
            return .dimensions
        }
        if [
            "out-of-bounds", "batch size", "kernel", "stride", "padding", "window", "dilation", "group", "exceeds",
            "size", "range", "limit",
        ]
        .contains(where: text.contains) {
            return .parameters
        }
        if text.contains("validation failed") { return .validation }
        return .unsupportedLayer
    }

    public static func < (a: FallbackReason, b: FallbackReason) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
