import Foundation
import Testing

@testable import NvdlaProbe

/// `Data/fields.yaml` decoded at build time (`EmbeddedFieldTable`, written by nvdla-embed) against the same file
/// decoded by Yams at run time, as `FieldTable(yaml:)` and `--fields`-style callers still do.
@Suite("Embedded field table")
struct EmbeddedFieldTableTests {
    @Test("the table decoded at build time equals Data/fields.yaml decoded now, and is the shipped one")
    func embeddedEqualsYAML() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("Data/fields.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        let decoded = try FieldTable.decode(text)
        let embedded = try #require(EmbeddedFieldTable.document)
        #expect(embedded == decoded)
        #expect(try FieldTable.decode(EmbeddedFiles.data["Data/fields.yaml"] ?? "") == embedded)
        #expect(FieldTable.shipped.document == embedded)
        #expect(FieldTable.shipped.fieldRegexes.count == embedded.fields.count)
        #expect(FieldTable.shipped.shapeRegexes.count == embedded.shapes.count)
    }
}
