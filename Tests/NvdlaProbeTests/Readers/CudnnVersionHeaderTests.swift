import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0\0", String(decoding: [0x23, 0xFF, 0x80, 0x00], as: UTF8.self),
    String(repeating: "#define CUDNN_MAJOR", count: 50_000), "garbage",
    "#define CUDNN_MAJOR 9\n#define CUDNN_MINOR",
]

/// Tests for the `cudnn_version.h` reader.
struct CudnnVersionHeaderTests {
    @Test(arguments: [
        (
            """
            #ifndef CUDNN_VERSION_H_
            #define CUDNN_VERSION_H_

            #define CUDNN_MAJOR 9
            #define CUDNN_MINOR 3
            #define CUDNN_PATCHLEVEL 0

            #define CUDNN_VERSION (CUDNN_MAJOR * 10000 + CUDNN_MINOR * 100 + CUDNN_PATCHLEVEL)
            #endif
            """, "9.3.0"
        ),
        ("#define CUDNN_MAJOR 8\n#define CUDNN_MINOR 9\n#define CUDNN_PATCHLEVEL 4\n", "8.9.4"),
        ("#define CUDNN_MAJOR 8\r\n#define CUDNN_MINOR 6\r\n#define CUDNN_PATCHLEVEL 0\r\n", "8.6.0"),
    ])
    func validForms(text: String, version: String) throws {
        let header = try #require(CudnnVersionHeader.parse(text))
        #expect(header.version == version)
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(CudnnVersionHeader.parse(text) == nil)
    }
}
