import Foundation

/// Reads an input's lines on a second thread, a block at a time, with the per-line work that does not depend on the
/// lines before; the caller's thread consumes each block while the next is read (`ArtifactAnalysis.feed(fd:name:)`).
///
/// Reads text from a file descriptor in `LineReader`'s format (lines end at `\n`, a trailing `\r` dropped, lines over
/// 64 KiB cut). Per line, the reading thread finds what `ArtifactAnalysis.line` and `LineClassifier.classify` would
/// compute first from the line's bytes alone: the compose and bullet prefixes it drops, the prose test of its content,
/// and — where that test takes the line — the fields' literals of the content (`LiteralIndex.mark`). The consumer
/// uses those answers instead of computing them, so the results are the same as reading on one thread. Memory stays
/// bounded: three blocks of at most 256 KiB of text (plus one line) and 4 096 lines each.
final class LinePipeline: @unchecked Sendable {
    static let blockBytes = 256 * 1024
    static let blockLines = 4096
    static let depth = 3

    /// What the reading thread found on one line.
    struct Line {
        var offset: Int
        var count: Int
        /// The bytes the compose and bullet prefixes take off the line's start.
        var strip: Int
        /// The prose test of the content (`LineClassifier.proseTest`): 0 when the line has no content, else
        /// 1 | prose << 1 | spans << 2 | census << 3.
        var prose: UInt8
        /// The literals the fields' index found in the content, when the prose test took it: `ids[markStart...]`.
        var markStart: Int
        var markCount: Int
    }

    /// A block of lines, their bytes back to back.
    final class Block {
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: LinePipeline.blockBytes + LineReader.maxLine)
        @exclusivity(unchecked) var used = 0
        @exclusivity(unchecked) var lines: [Line] = []
        @exclusivity(unchecked) var ids: [Int32] = []
        @exclusivity(unchecked) var firstNumber: Int64 = 0
        /// The input ended with this block.
        @exclusivity(unchecked) var last = false

        init() {
            lines.reserveCapacity(LinePipeline.blockLines)
        }

        deinit { bytes.deallocate() }

        func reset() {
            used = 0
            lines.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            last = false
        }
    }

    /// What the consumer is handed with each line.
    struct Prepared {
        /// Bytes the compose and bullet prefixes take.
        let strip: Int
        /// The prose test's answer, when the line has content.
        let prose: (prose: Bool, spans: Bool, census: Bool)?
        /// The fields' literals of the content, when the prose test took it.
        let marks: UnsafeBufferPointer<Int32>?
    }

    let index: LiteralIndex
    let classes: [UInt8]
    let blocks = (0..<LinePipeline.depth).map { _ in Block() }
    /// Blocks free to fill, and blocks filled and not yet consumed.
    let free = DispatchSemaphore(value: LinePipeline.depth)
    let ready = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    /// The reader's state at the end (read by the consumer after `finished`).
    var failure: LineReader.Failure?
    var bytesRead: Int64 = 0
    var truncatedLines: Int64 = 0

    /// `index`: the fields' literal index; `classes`: the prose test's byte classes (`LineClassifier.ProseByte.table`).
    init(index: LiteralIndex, classes: [UInt8]) {
        self.index = index
        self.classes = classes
    }

    /// Reads `fd` to its end on a second thread, calling `body` on this one with each line, its 1-based number and
    /// what was found on it, in order.
    func run(_ fd: Int32, _ body: (UnsafeBufferPointer<UInt8>, Int64, Prepared) -> Void) {
        let thread = Thread { [self] in
            produce(fd)
            finished.signal()
        }
        thread.start()
        var next = 0
        while true {
            ready.wait()
            let block = blocks[next]
            next = (next + 1) % Self.depth
            block.ids.withUnsafeBufferPointer { ids in
                for (k, line) in block.lines.enumerated() {
                    let raw = UnsafeBufferPointer(start: block.bytes + line.offset, count: line.count)
                    let prose =
                        line.prose == 0
                        ? nil : (prose: line.prose & 2 != 0, spans: line.prose & 4 != 0, census: line.prose & 8 != 0)
                    let marks =
                        line.prose & 2 != 0
                        ? UnsafeBufferPointer(rebasing: ids[line.markStart..<line.markStart + line.markCount]) : nil
                    body(raw, block.firstNumber + Int64(k), Prepared(strip: line.strip, prose: prose, marks: marks))
                }
            }
            let last = block.last
            free.signal()
            if last { break }
        }
        finished.wait()
    }

    /// The reading thread: fills the blocks in turn.
    func produce(_ fd: Int32) {
        var reader = LineReader()
        var marks = index.marks()
        var next = 0
        free.wait()
        var block = blocks[next]
        block.reset()
        classes.withUnsafeBufferPointer { classes in
            failure = reader.read(fd) { raw, number in
                if block.lines.count == Self.blockLines || block.used + raw.count > Self.blockBytes {
                    ready.signal()
                    next = (next + 1) % Self.depth
                    free.wait()
                    block = blocks[next]
                    block.reset()
                }
                if block.lines.isEmpty { block.firstNumber = number }
                if let base = raw.baseAddress { (block.bytes + block.used).update(from: base, count: raw.count) }
                let stripped = BulletPrefix.strip(ComposePrefix.strip(GrepPrefix.strip(raw)))
                var line = Line(
                    offset: block.used, count: raw.count, strip: raw.count - stripped.count, prose: 0,
                    markStart: block.ids.count, markCount: 0)
                block.used += raw.count
                // As `LineClassifier.classify` tests it: the content after spaces, tabs and `>`.
                let start = LineShape.contentStart(stripped)
                if start < stripped.count {
                    let content = UnsafeBufferPointer(rebasing: stripped[start...])
                    let test = LineClassifier.proseTest(content, classes: classes)
                    line.prose = 1 | (test.prose ? 2 : 0) | (test.spans ? 4 : 0) | (test.census ? 8 : 0)
                    if test.prose {
                        index.mark(content, into: &marks)
                        for k in 0..<marks.foundCount { block.ids.append(marks.found[k]) }
                        line.markCount = marks.foundCount
                    }
                }
                block.lines.append(line)
            }
        }
        bytesRead = reader.bytesRead
        truncatedLines = reader.truncatedLines
        block.last = true
        ready.signal()
    }
}
