import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x7B, 0xFF, 0x80, 0x00], as: UTF8.self),
    String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 50_000), "garbage",
    "{\"cuda\": {",
    "[1, 2, 3]", "{\"cuda\": {\"version\": 12}}", "{\"cuda\": \"12.6\"}",
    "{\"cuda\": {\"version\": \"   \"}}",
]

/// Tests for the `/usr/local/cuda/version.json` reader.
struct CudaVersionJSONTests {
    @Test func jetPack6File() throws {
        let text = """
            {
               "cuda" : {
                  "name" : "CUDA SDK",
                  "version" : "12.6.11"
               },
               "cuda_cudart" : {
                  "name" : "CUDA Runtime (cudart)",
                  "version" : "12.6.68"
               },
               "libcudla" : {
                  "name" : "CUDA cuDLA",
                  "version" : "12.6.68"
               }
            }
            """
        let parsed = try #require(CudaVersionJSON.parse(text))
        #expect(parsed.version == "12.6.11")
        #expect(parsed.components["libcudla"] == "12.6.68")
        #expect(parsed.components.count == 3)
    }

    @Test(arguments: [
        ("{\"cuda\": {\"name\": \"CUDA SDK\", \"version\": \"11.4.19\"}}", "11.4.19"),
        ("{\"cuda\":{\"version\":\"12.2.140\"},\"nvcc\":{}}", "12.2.140"),
    ])
    func compactForms(text: String, version: String) {
        #expect(CudaVersionJSON.parse(text)?.version == version)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(CudaVersionJSON.parse(text) == nil)
    }
}
