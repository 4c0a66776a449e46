// libFuzzer entry point for the ONNX reader (Readers/ProtobufWire.swift, Readers/OnnxModel.swift): any bytes must
// give a model or a typed error. Built and run by Tests/Fuzz/run-onnx-reader-fuzz; not part of the package.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch OnnxModel.parse(MemoryWireSource(bytes)) {
    case .success(let model):
        // Touch what the analysis reads, so a model with inconsistent fields is exercised too.
        var total = 0
        for node in model.graph.nodes { total &+= node.inputs.count &+ node.attributes.count }
        for tensor in model.graph.initializers { total &+= tensor.count ?? 0 }
        _ = total
    case .failure:
        break
    }
    return 0
}
