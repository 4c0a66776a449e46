import Foundation
import Testing

@testable import NvdlaProbe

/// The one atomic writer of files other programs read: unique temporaries, rename over the old file, no leftovers.
@Suite("TextfileWriter")
struct TextfileWriterTests {
    @Test("a temporary left by an earlier run with the same PID (PID 1 in a container) does not block the write")
    func staleTemporary() throws {
        let temporary = TemporaryDirectory()
        let stale = [".nvdla_doctor.prom.\(getpid()).tmp", ".nvdla_doctor.prom.1.tmp", ".nvdla_doctor.prom.tmp-AAAAAA"]
        for name in stale { temporary.write("half a file", at: name) }
        temporary.write("nvdla_doctor_status 0\n", at: "nvdla_doctor.prom")
        #expect(TextfileWriter.write("nvdla_doctor_status 3\n", directory: temporary.path) == nil)
        let text = try String(contentsOfFile: temporary.path + "/nvdla_doctor.prom", encoding: .utf8)
        #expect(text == "nvdla_doctor_status 3\n", "the old verdict is replaced")
        let names = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(Set(names) == Set(stale + ["nvdla_doctor.prom"]), "nothing of ours is left, nothing else is touched")
    }

    @Test("the file is replaced by rename, with the requested mode, and never written through a symlink")
    func replaceByRename() throws {
        let temporary = TemporaryDirectory()
        let path = temporary.path + "/status.json"
        #expect(TextfileWriter.write("{}\n", directory: temporary.path, name: "status.json") == nil)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber
        #expect(TextfileWriter.write("{\"a\":1}\n", directory: temporary.path, name: "status.json") == nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.systemFileNumber] as? NSNumber != before, "a new inode: readers never see half a file")
        #expect(attributes[.posixPermissions] as? Int == 0o644)
        try FileManager.default.createSymbolicLink(
            atPath: temporary.path + "/link.prom", withDestinationPath: temporary.path + "/target")
        let problem = TextfileWriter.write("x\n", directory: temporary.path, name: "link.prom")
        #expect(problem?.contains("symlink") == true)
        #expect(!FileManager.default.fileExists(atPath: temporary.path + "/target"))
        #expect(TextfileWriter.write("x\n", directory: temporary.path + "/absent")?.contains("not a directory") == true)
    }
}
