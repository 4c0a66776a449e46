import Foundation

/// Reads a file descriptor in fixed chunks and hands out its lines as byte buffers, never holding more than one
/// chunk and one (bounded) line: memory stays flat whatever the input size.
///
/// Lines end at `\n` (a trailing `\r` is dropped). A line longer than `maxLine` bytes is cut to its first `maxLine`
/// bytes for matching, and counted in `truncatedLines`.
public struct LineReader {
    /// Longest line kept for matching (64 KiB).
    public static let maxLine = 64 * 1024
    static let chunkSize = 256 * 1024

    /// Why reading stopped early.
    public enum Failure: Error, Sendable, Equatable {
        case read(errno: Int32)
    }

    public private(set) var bytesRead: Int64 = 0
    public private(set) var truncatedLines: Int64 = 0
    public private(set) var lineCount: Int64 = 0

    public init() {}

    /// Reads `fd` to its end, calling `body` with each line and its 1-based number.
    public mutating func read(
        _ fd: Int32, _ body: (UnsafeBufferPointer<UInt8>, Int64) -> Void
    ) -> Failure? {
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { chunk.deallocate() }
        var carry: [UInt8] = []
        carry.reserveCapacity(1024)
        var carryTruncated = false
        func emit(_ line: UnsafeBufferPointer<UInt8>) {
            var count = line.count
            if count > 0, line[count - 1] == 13 { count -= 1 }
            lineCount += 1
            body(UnsafeBufferPointer(rebasing: line[0..<count]), lineCount)
        }
        while true {
            let n = Foundation.read(fd, chunk, Self.chunkSize)
            if n < 0 {
                if errno == EINTR { continue }
                return .read(errno: errno)
            }
            if n == 0 { break }
            bytesRead += Int64(n)
            var start = 0
            while start < n {
                let rest = n - start
                guard let found = memchr(chunk + start, 10, rest) else {
                    append(chunk + start, rest, to: &carry, truncated: &carryTruncated)
                    break
                }
                let end = UnsafeMutablePointer(found.assumingMemoryBound(to: UInt8.self)) - chunk
                if carry.isEmpty && !carryTruncated {
                    let length = min(end - start, Self.maxLine)
                    if end - start > Self.maxLine { truncatedLines += 1 }
                    emit(UnsafeBufferPointer(start: chunk + start, count: length))
                } else {
                    append(chunk + start, end - start, to: &carry, truncated: &carryTruncated)
                    if carryTruncated { truncatedLines += 1 }
                    carry.withUnsafeBufferPointer { emit($0) }
                    carry.removeAll(keepingCapacity: carry.capacity <= 4 * 1024)
                    carryTruncated = false
                }
                start = end + 1
            }
        }
        if !carry.isEmpty || carryTruncated {
            if carryTruncated { truncatedLines += 1 }
            carry.withUnsafeBufferPointer { emit($0) }
        }
        return nil
    }

    private func append(
        _ base: UnsafeMutablePointer<UInt8>, _ count: Int, to carry: inout [UInt8], truncated: inout Bool
    ) {
        let room = Self.maxLine - carry.count
        if count > room { truncated = true }
        let take = max(0, min(count, room))
        if take > 0 { carry.append(contentsOf: UnsafeBufferPointer(start: base, count: take)) }
    }
}
