import Foundation

/// Reads the values of a small external-data tensor (`data_location: EXTERNAL`, ONNX external data
/// https://onnx.ai/onnx/repo-docs/ExternalData.html): `location` relative to the model's directory, `offset` and
/// `length` in bytes.
///
/// Only names inside the model's directory are opened: absolute locations and `..` components are refused, so a
/// hostile model cannot make the tool read elsewhere. Large tensors are never read (weights are not needed).
public enum OnnxExternalData {
    /// Why the values could not be read, or nil when they were.
    public static func load(_ tensor: inout OnnxTensor, modelDirectory: String) -> String? {
        guard let external = tensor.external, let location = external["location"], !location.isEmpty else {
            return "no location"
        }
        guard let count = tensor.count, count <= OnnxModel.valueCap, let width = OnnxDataType.width(tensor.dataType)
        else { return "too large or of a type whose values are not read" }
        let parts = location.split(separator: "/", omittingEmptySubsequences: false)
        guard !location.hasPrefix("/"), !parts.contains(".."), !location.contains("\0") else {
            return "location \(location) is outside the model's directory"
        }
        let offset = Int64(external["offset"] ?? "0") ?? -1
        let length = Int64(external["length"] ?? "\(count * width)") ?? -1
        guard offset >= 0, length == Int64(count * width) else { return "offset or length does not match the dims" }
        let path = (modelDirectory as NSString).appendingPathComponent(location)
        guard let bytes = readRange(path: path, offset: offset, length: Int(length)) else {
            return "\(location): cannot read \(length) bytes at offset \(offset)"
        }
        tensor.decodeRaw(bytes, count: count)
        return nil
    }

    /// The I/O: `length` bytes at `offset` of a regular file, or nil.
    static func readRange(path: String, offset: Int64, length: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, offset >= 0, length >= 0,
            offset <= Int64(info.st_size) - Int64(length)
        else { return nil }
        var buffer = [UInt8](repeating: 0, count: length)
        let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
        return got == length ? buffer : nil
    }
}
