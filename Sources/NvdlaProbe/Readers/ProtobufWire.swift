import Foundation

/// Why the protobuf wire reader stopped: the bytes are not a well-formed protobuf message.
public enum WireError: Error, Equatable, Sendable {
    /// The input ended inside a field.
    case truncated(at: Int64)
    /// A varint longer than ten bytes.
    case badVarint(at: Int64)
    /// A wire type protobuf does not define, or a group (types 3 and 4, never used by ONNX).
    case badWireType(Int, at: Int64)
    /// A length-delimited field that runs past its enclosing message.
    case badLength(at: Int64)
    /// Nesting deeper than the reader allows.
    case tooDeep(at: Int64)
    /// The file could not be read.
    case io(String)

    /// One line for a message to the user.
    public var summary: String {
        switch self {
        case .truncated(let at): return "the data ends inside a field (byte \(at))"
        case .badVarint(let at): return "a malformed varint at byte \(at)"
        case .badWireType(let type, let at): return "an unknown protobuf wire type \(type) at byte \(at)"
        case .badLength(let at): return "a field length that runs past its message at byte \(at)"
        case .tooDeep(let at): return "messages nested too deeply at byte \(at)"
        case .io(let message): return message
        }
    }
}

/// The four wire types protobuf 3 uses (https://protobuf.dev/programming-guides/encoding/).
public enum WireType: Int, Sendable {
    case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
}

/// Bytes the wire reader pulls from, front to back: a buffer in memory or a file read in chunks.
///
/// `skip` lets the reader pass over large fields (tensor `raw_data`) without holding them.
public protocol WireSource: AnyObject {
    /// Bytes consumed so far.
    var offset: Int64 { get }
    /// Total length in bytes.
    var length: Int64 { get }
    /// The next byte; throws `truncated` at the end.
    func byte() throws(WireError) -> UInt8
    /// The next `count` bytes.
    func bytes(_ count: Int) throws(WireError) -> [UInt8]
    /// Passes over `count` bytes.
    func skip(_ count: Int64) throws(WireError)
}

/// A `WireSource` over bytes in memory (tests, fuzzing, small external-data reads).
public final class MemoryWireSource: WireSource {
    let data: [UInt8]
    var position = 0

    public init(_ data: [UInt8]) { self.data = data }

    public var offset: Int64 { Int64(position) }
    public var length: Int64 { Int64(data.count) }

    public func byte() throws(WireError) -> UInt8 {
        guard position < data.count else { throw .truncated(at: offset) }
        defer { position += 1 }
        return data[position]
    }

    public func bytes(_ count: Int) throws(WireError) -> [UInt8] {
        guard count >= 0, count <= data.count - position else { throw .truncated(at: offset) }
        defer { position += count }
        return Array(data[position..<position + count])
    }

    public func skip(_ count: Int64) throws(WireError) {
        guard count >= 0, count <= Int64(data.count - position) else { throw .truncated(at: offset) }
        position += Int(count)
    }
}

/// A `WireSource` over an open file: 256 KiB chunks through `pread`, skips without reading.
///
/// Memory stays at one chunk whatever the file size; the caller owns the descriptor.
public final class FileWireSource: WireSource {
    static let chunk = 256 * 1024
    let fd: Int32
    public let length: Int64
    var buffer: [UInt8] = []
    /// File offset of `buffer[0]`.
    var bufferStart: Int64 = 0
    var index = 0

    public init(fd: Int32, length: Int64) {
        self.fd = fd
        self.length = length
    }

    public var offset: Int64 { bufferStart + Int64(index) }

    /// Reads the chunk at `start`; the only I/O of the reader.
    func fill(at start: Int64) throws(WireError) {
        let want = Int(min(Int64(Self.chunk), length - start))
        guard want > 0 else { throw .truncated(at: start) }
        var chunk = [UInt8](repeating: 0, count: want)
        var got = 0
        while got < want {
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(fd, base + got, want - got, off_t(start + Int64(got)))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(String(cString: strerror(errno)))
            }
            if n == 0 { throw .truncated(at: start + Int64(got)) }
            got += n
        }
        buffer = chunk
        bufferStart = start
        index = 0
    }

    public func byte() throws(WireError) -> UInt8 {
        if index >= buffer.count { try fill(at: offset) }
        defer { index += 1 }
        return buffer[index]
    }

    public func bytes(_ count: Int) throws(WireError) -> [UInt8] {
        guard count >= 0, Int64(count) <= length - offset else { throw .truncated(at: offset) }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            if index >= buffer.count { try fill(at: offset) }
            let take = min(count - out.count, buffer.count - index)
            out.append(contentsOf: buffer[index..<index + take])
            index += take
        }
        return out
    }

    public func skip(_ count: Int64) throws(WireError) {
        guard count >= 0, count <= length - offset else { throw .truncated(at: offset) }
        let target = offset + count
        if target <= bufferStart + Int64(buffer.count) {
            index = Int(target - bufferStart)
        } else {
            buffer = []
            bufferStart = target
            index = 0
        }
    }
}

/// Reads protobuf wire format (varints, tags, length-delimited fields) from a `WireSource`, within nested bounds.
///
/// Format: https://protobuf.dev/programming-guides/encoding/. Each message is read between its start and the end
/// its length prefix gives; a field that runs past that end is an error, so hostile lengths cannot make it read
/// outside the message or allocate more than the file holds.
public struct WireReader {
    public let source: any WireSource
    /// End offset of the message being read.
    public private(set) var end: Int64
    var depth = 0
    static let maxDepth = 64

    public init(_ source: any WireSource) {
        self.source = source
        self.end = source.length
    }

    /// Whether the current message has more fields.
    public var more: Bool { source.offset < end }

    /// A base-128 varint.
    public func varint() throws(WireError) -> UInt64 {
        var result: UInt64 = 0
        let start = source.offset
        for shift in stride(from: 0, to: 70, by: 7) {
            guard source.offset < end else { throw .truncated(at: source.offset) }
            let b = try source.byte()
            if shift == 63 && b > 1 { throw .badVarint(at: start) }
            result |= UInt64(b & 0x7f) << UInt64(shift)
            if b & 0x80 == 0 { return result }
        }
        throw .badVarint(at: start)
    }

    /// The next field number and wire type.
    public func tag() throws(WireError) -> (field: Int, type: WireType) {
        let at = source.offset
        let key = try varint()
        let raw = Int(key & 7)
        guard let type = WireType(rawValue: raw) else { throw .badWireType(raw, at: at) }
        let field = key >> 3
        guard field > 0, field < 1 << 29 else { throw .badWireType(raw, at: at) }
        return (Int(field), type)
    }

    /// The length prefix of a length-delimited field, checked against the enclosing message.
    public func length() throws(WireError) -> Int64 {
        let at = source.offset
        let value = try varint()
        guard value <= UInt64(end - source.offset) else { throw .badLength(at: at) }
        return Int64(value)
    }

    /// A length-delimited field's bytes (callers cap `count` themselves).
    public func bytes() throws(WireError) -> [UInt8] {
        let count = try length()
        return try source.bytes(Int(count))
    }

    /// A length-delimited UTF-8 string; at most `cap` bytes are kept, the rest skipped.
    public func string(cap: Int = 4096) throws(WireError) -> String {
        let count = try length()
        let kept = min(count, Int64(cap))
        let text = String(decoding: try source.bytes(Int(kept)), as: UTF8.self)
        try source.skip(count - kept)
        return text
    }

    public func fixed32() throws(WireError) -> UInt32 {
        guard end - source.offset >= 4 else { throw .truncated(at: source.offset) }
        let b = try source.bytes(4)
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }

    public func fixed64() throws(WireError) -> UInt64 {
        guard end - source.offset >= 8 else { throw .truncated(at: source.offset) }
        let b = try source.bytes(8)
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(b[i]) << UInt64(8 * i) }
        return value
    }

    /// Passes over a field's value.
    public func skip(_ type: WireType) throws(WireError) {
        switch type {
        case .varint: _ = try varint()
        case .fixed64:
            guard end - source.offset >= 8 else { throw .truncated(at: source.offset) }
            try source.skip(8)
        case .fixed32:
            guard end - source.offset >= 4 else { throw .truncated(at: source.offset) }
            try source.skip(4)
        case .lengthDelimited: try source.skip(try length())
        }
    }

    /// Reads an embedded message: `body` runs with the reader bounded to it, then the reader resumes after it.
    public mutating func message(_ body: (inout WireReader) throws(WireError) -> Void) throws(WireError) {
        let count = try length()
        guard depth < Self.maxDepth else { throw .tooDeep(at: source.offset) }
        let outer = end
        end = source.offset + count
        depth += 1
        try body(&self)
        // Fields the body left unread are skipped.
        if source.offset < end { try source.skip(end - source.offset) }
        depth -= 1
        end = outer
    }

    /// Packed (or single) varints of a repeated field, e.g. `TensorProto.dims`; at most `cap` values are kept.
    public func varints(_ type: WireType, into values: inout [Int64], cap: Int = 1 << 20) throws(WireError) {
        if type == .varint {
            let value = Int64(bitPattern: try varint())
            if values.count < cap { values.append(value) }
            return
        }
        guard type == .lengthDelimited else { return try skip(type) }
        let count = try length()
        let stop = source.offset + count
        while source.offset < stop {
            let value = Int64(bitPattern: try varint())
            if values.count < cap { values.append(value) }
        }
    }

    /// Packed (or single) 32-bit floats of a repeated field (`float_data`, `floats`); at most `cap` kept.
    public func floats(_ type: WireType, into values: inout [Double], cap: Int = 1 << 20) throws(WireError) {
        if type == .fixed32 {
            let value = Double(Float(bitPattern: try fixed32()))
            if values.count < cap { values.append(value) }
            return
        }
        guard type == .lengthDelimited else { return try skip(type) }
        let count = try length()
        guard count % 4 == 0 else { throw .badLength(at: source.offset) }
        var left = count / 4
        while left > 0 {
            let value = Double(Float(bitPattern: try fixed32()))
            if values.count < cap { values.append(value) }
            left -= 1
        }
    }

    /// Packed (or single) 64-bit doubles of a repeated field (`double_data`); at most `cap` kept.
    public func doubles(_ type: WireType, into values: inout [Double], cap: Int = 1 << 20) throws(WireError) {
        if type == .fixed64 {
            let value = Double(bitPattern: try fixed64())
            if values.count < cap { values.append(value) }
            return
        }
        guard type == .lengthDelimited else { return try skip(type) }
        let count = try length()
        guard count % 8 == 0 else { throw .badLength(at: source.offset) }
        var left = count / 8
        while left > 0 {
            let value = Double(bitPattern: try fixed64())
            if values.count < cap { values.append(value) }
            left -= 1
        }
    }
}
