import Foundation
import Testing

@testable import NvdlaProbe

/// Hostile bundles (built with Python's tarfile by `make_hostile.py`) are refused with a clear message, and
/// nothing is written outside the private directory, which is removed.
@Suite("Hostile bundles")
struct HostileArchiveTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let message: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "absolute.tar.gz", message: "absolute path"),
        Case(file: "dotdot.tar.gz", message: "'..' component"),
        Case(file: "symlink-escape.tar.gz", message: "symlink escaping the root"),
        Case(file: "symlink-chain.tar.gz", message: "symlink chain escaping the root"),
        Case(file: "symlink-chain-absolute.tar.gz", message: "symlink chain escaping the root"),
        Case(file: "through-symlink.tar.gz", message: "passes through the symlink"),
        Case(file: "hardlink-escape.tar.gz", message: "hard link"),
        Case(file: "hardlink-absolute.tar.gz", message: "hard link"),
        Case(file: "chardev.tar.gz", message: "device file"),
        Case(file: "blockdev.tar.gz", message: "device file"),
        Case(file: "fifo.tar.gz", message: "FIFO"),
        Case(file: "many-entries.tar.gz", message: "more than 10 members"),
        Case(file: "big.tar.gz", message: "unpacks to more than 1000 bytes"),
        Case(file: "ratio-bomb.tar.gz", message: "compression ratio above 200:1"),
        Case(file: "plain.tar.gz", message: "not a gzip-compressed tar archive"),
        Case(file: "text.tar.gz", message: "not a gzip-compressed tar archive"),
        Case(file: "gzip-not-tar.tar.gz", message: "corrupt"),
        Case(file: "truncated.tar.gz", message: "corrupt or truncated"),
        Case(file: "corrupt.tar.gz", message: "corrupt"),
    ]

    /// Builds every hostile archive once per test into `directory`; the tag names the files an escape would create.
    static func build(in directory: String, tag: String) throws {
        var options = BundleBuilder.Options(outputPath: directory + "/valid.tar.gz")
        options.redact = false
        _ = try BundleBuilder.build(root: Fixtures.root("jp6-agx-orin-64gb"), rules: Fixtures.rules, options: options)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = [
            "python3", Fixtures.packageRoot.appendingPathComponent("Tests/NvdlaProbeTests/Bundle/make_hostile.py").path,
            directory, tag, options.outputPath,
        ]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
    }

    @Test("each hostile archive is refused, nothing lands outside, and the private directory is removed")
    func refused() throws {
        let temporary = TemporaryDirectory()
        let tag = UUID().uuidString
        let archives = temporary.path + "/archives"
        let scratch = temporary.path + "/scratch/a/b/c"
        try FileManager.default.createDirectory(atPath: archives, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        try Self.build(in: archives, tag: tag)
        var limits = BundleExtractor.Limits()
        for item in Self.cases {
            if item.file == "many-entries.tar.gz" { limits.maxEntries = 10 } else { limits.maxEntries = 100_000 }
            limits.maxUnpackedBytes = item.file == "big.tar.gz" ? 1000 : BundleLimits.maxUnpackedBytes
            var message = ""
            do {
                let made = try BundleExtractor.extract(archives + "/" + item.file, limits: limits, parent: scratch)
                try? FileManager.default.removeItem(atPath: made)
                Issue.record("\(item.file) was accepted")
            } catch {
                message = error.description
            }
            #expect(message.contains(item.message), "\(item.file): \(message)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty, "\(item.file) left files")
        }
        let escaped = "escaped-\(tag)"
        for place in ["/tmp/" + escaped, temporary.path + "/" + escaped, temporary.path + "/scratch/" + escaped] {
            #expect(!FileManager.default.fileExists(atPath: place), "\(place) was written")
        }
        #expect(FileManager.default.enumerator(atPath: temporary.path + "/scratch")?.allObjects.count == 3)
    }

    @Test("check --root on a hostile bundle exits 3 with the reason; a valid bundle is accepted")
    func throughOpenedRoot() throws {
        let temporary = TemporaryDirectory()
        try Self.build(in: temporary.path, tag: UUID().uuidString)
        #expect(throws: BundleError.self) { try OpenedRoot.open(temporary.path + "/dotdot.tar.gz") }
        let output = Output(stdout: { _ in }, stderr: { _ in })
        var job = CheckJob()
        job.includeSiteRules = false
        job.rootPath = temporary.path + "/symlink-escape.tar.gz"
        #expect(job.run(output) == ExitStatus.unknown)
        job.rootPath = temporary.path + "/valid.tar.gz"
        #expect(job.run(output) == ExitStatus.ok)
    }
}
