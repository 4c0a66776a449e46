import Testing

@testable import NvdlaProbe

/// Fields whose name and value are not joined by a colon: GitHub issue forms (`### Label`, a blank line, the value)
/// and hand-typed lists (`CUDA - 11.4.315`). Wordings written for these tests.
@Suite("Heading and dash fields")
struct HeadingFieldTests {
    static func analyze(_ text: String) -> Report { ArtifactAnalysisTests.analyze(text) }

    @Test("an issue form's headings name the values under them, at a form's rank")
    func issueForm() {
        let report = Self.analyze(
            """
            ### JetPack Version

            5.1.2

            ### TensorRT Version

            8.5.2.2

            ### CUDA Driver

            11.4
            """)
        #expect(report.facts.string("versions.jetpack") == "5.1.2")
        #expect(report.facts.string("versions.tensorrt") == "8.5.2.2")
        #expect(report.facts.string("versions.cuda") == "11.4")
        #expect(StatedVersionTests.stated(report) == [])
    }

    @Test(
        "no value where the heading is followed by another heading, a sentence without one, or is a shell comment",
        arguments: [
            "### Environment\n\n### JetPack\nI could not find which one we run, the board came with it.",
            "# CUDA\n11.4",
            "### CUDA\n\n" + String(repeating: "a long paragraph about the build ", count: 4) + "11.4",
        ])
    func noValue(_ text: String) {
        let report = Self.analyze(text)
        #expect(report.facts.string("versions.jetpack") == nil)
        #expect(report.facts.string("versions.cuda") == nil)
    }

    @Test("a hand-typed list with dashes between name and value")
    func dashList() {
        let report = Self.analyze(
            """
            Jetpack - 5.1.4
            CUDA - 11.4.315
            cuDNN – 8.6.0.166
            TensorRT — 8.5.2.2
            """)
        #expect(report.facts.string("versions.jetpack") == "5.1.4")
        #expect(report.facts.string("versions.cuda") == "11.4.315")
        #expect(report.facts.string("versions.cudnn") == "8.6.0.166")
        #expect(report.facts.string("versions.tensorrt") == "8.5.2.2")
    }

    @Test("a dash without a space after it, or without a value, gives nothing")
    func dashSilent() {
        let report = Self.analyze("JetPack - see below\nCUDA -11.4")
        #expect(report.facts.string("versions.jetpack") == nil)
        #expect(report.facts.string("versions.cuda") == nil)
    }

    @Test("a sentence under a heading stays a person's words")
    func sentenceUnderHeading() {
        let report = Self.analyze("### Describe the bug\n\nTensorRT 8.6 fails to build my model on the board today")
        #expect(report.facts.string("versions.tensorrt") == "8.6")
        #expect(StatedVersionTests.stated(report) == ["tensorrt"])
    }
}
