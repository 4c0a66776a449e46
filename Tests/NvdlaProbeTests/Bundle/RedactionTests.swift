import Foundation
import Testing

@testable import NvdlaProbe

/// Planted identifying values never reach the archive (file contents, path names, link targets, manifest, report),
/// harmless look-alikes reach it unchanged, and the diagnosis is the same.
@Suite("Bundle redaction")
struct RedactionTests {
    /// Every file, directory and link name and every byte of every file, after unpacking with tar(1); and the
    /// files by inner path.
    static func unpack(_ archive: String, temporary: TemporaryDirectory) throws -> (
        all: String, files: [String: String]
    ) {
        let out = temporary.path + "/unpacked-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-xzf", archive, "-C", out]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        var text = ""
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: out)
        while let relative = enumerator?.nextObject() as? String {
            let path = out + "/" + relative
            text += relative + "\n"
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                text += target + "\n"
            } else if let data = FileManager.default.contents(atPath: path) {
                let content = String(decoding: data, as: UTF8.self)
                text += content + "\n"
                files["/" + relative] = content
            }
        }
        return (text, files)
    }

    @Test("no planted value survives in any form, every harmless look-alike survives byte for byte")
    func plantedSecrets() throws {
        let temporary = TemporaryDirectory()
        let tree = try PlantedSecrets.plant(temporary)
        let options = BundleBuilder.Options(outputPath: temporary.path + "/redacted.tar.gz")
        let result = try BundleBuilder.build(
            root: PlantedSecrets.root(at: tree), rules: Fixtures.rules, options: options)
        let (everything, files) = try Self.unpack(options.outputPath, temporary: temporary)
        let lowered = everything.lowercased()
        for (secret, what) in PlantedSecrets.secrets {
            for form in PlantedSecrets.forms(of: secret) where lowered.contains(form.lowercased()) {
                Issue.record("\(what): '\(form)' survived")
            }
        }
        for (text, file) in PlantedSecrets.harmless {
            let matching = files.filter { $0.key.hasPrefix(file) }
            #expect(!matching.isEmpty, "\(file) is in the bundle")
            if !matching.values.contains(where: { $0.contains(text) }) {
                Issue.record("'\(text)' changed in \(file)")
            }
        }
        // The manifest names each token with a keyed hash the private map's key verifies, never the value.
        let mapData = try #require(FileManager.default.contents(atPath: options.mapPath))
        let map = try JSONDecoder().decode(BundleBuilder.PrivateMap.self, from: mapData)
        let redaction = try #require(result.manifest.redaction)
        #expect(redaction.scheme == "hmac-sha256")
        let key = stride(from: 0, to: map.hmacKey.count, by: 2).compactMap { i -> UInt8? in
            let start = map.hmacKey.index(map.hmacKey.startIndex, offsetBy: i)
            return UInt8(map.hmacKey[start..<map.hmacKey.index(start, offsetBy: 2)], radix: 16)
        }
        #expect(key.count == 32)
        for value in redaction.values where value.category != "secret" {
            let original = try #require(map.tokens[value.category]?[value.token])
            let message = Array((value.category + "\u{0}" + original.lowercased()).utf8)
            #expect(value.hmac == SHA256.hmacHex(key: key, message), "\(value.token)")
        }
        #expect(
            Set(redaction.values.map(\.category)).isSuperset(of: ["serial", "host", "user", "mac", "ssid", "secret"]))
        let mapText = String(decoding: mapData, as: UTF8.self)
        for secret in ["Tr0ub4dor&3-acme", "hunter2-guest-pass", "correct horse battery staple"] {
            #expect(!mapText.contains(secret), "keys and passwords are not kept in the map")
        }
        #expect(mapText.contains("lab-bench-07") && mapText.contains("S64ANS0T123456A"))
        // The diagnosis is the tree's.
        let opened = try OpenedRoot.open(options.outputPath)
        defer { opened.close() }
        #expect(
            BundleRoundTripTests.outline(Diagnosis.check(root: opened.root, rules: Fixtures.rules), messages: true)
                == BundleRoundTripTests.outline(Fixtures.check(tree), messages: true))
    }

    @Test("--no-redact keeps the values and writes no map")
    func noRedact() throws {
        let temporary = TemporaryDirectory()
        let tree = try PlantedSecrets.plant(temporary)
        var options = BundleBuilder.Options(outputPath: temporary.path + "/plain.tar.gz")
        options.redact = false
        let result = try BundleBuilder.build(
            root: PlantedSecrets.root(at: tree), rules: Fixtures.rules, options: options)
        #expect(result.mapPath == nil && !FileManager.default.fileExists(atPath: options.mapPath))
        #expect(result.manifest.redaction == nil && !result.manifest.redacted)
        let (everything, _) = try Self.unpack(options.outputPath, temporary: temporary)
        for (secret, what) in PlantedSecrets.secrets { #expect(everything.contains(secret), "\(what)") }
    }
}
