import Testing

@testable import NvdlaProbe

private let hostileInputs: [String] = [
    "", "\n", "\0#define\0", String(decoding: [0x23, 0x64, 0xFF, 0x80, 0x00], as: UTF8.self),
    String(repeating: "#define NV_TENSORRT_MAJOR ", count: 50_000), "garbage",
    "#define NV_TENSORRT_MAJOR 8\n#define NV_TENSORRT_MINOR 6\n",
    "#define NV_TENSORRT_MAJOR A\n#define A B\n#define B A\n#define NV_TENSORRT_MINOR 1\n#define "
        + "NV_TENSORRT_PATCH 1",
    "#define NV_TENSORRT_MAJOR 99999999999999999999999\n#define NV_TENSORRT_MINOR 1\n#define "
        + "NV_TENSORRT_PATCH 1",
]

/// Tests for the `NvInferVersion.h` reader.
struct NvInferVersionHeaderTests {
    @Test(arguments: [
        (
            """
            #ifndef NV_INFER_VERSION_H
            #define NV_INFER_VERSION_H

            #define NV_TENSORRT_MAJOR 8 //!< TensorRT major version.
            #define NV_TENSORRT_MINOR 6 //!< TensorRT minor version.
            #define NV_TENSORRT_PATCH 2 //!< TensorRT patch version.
            #define NV_TENSORRT_BUILD 3 //!< TensorRT build number.

            #define NV_TENSORRT_SONAME_MAJOR 8 //!< Shared object library major version number.
            #endif // NV_INFER_VERSION_H
            """, "8.6.2.3"
        ),
        (
            """
            #define TRT_MAJOR_ENTERPRISE 10
            #define TRT_MINOR_ENTERPRISE 14
            #define TRT_PATCH_ENTERPRISE 1
            #define TRT_BUILD_ENTERPRISE 48
            #define NV_TENSORRT_MAJOR TRT_MAJOR_ENTERPRISE //!< TensorRT major version.
            #define NV_TENSORRT_MINOR TRT_MINOR_ENTERPRISE //!< TensorRT minor version.
            #define NV_TENSORRT_PATCH TRT_PATCH_ENTERPRISE //!< TensorRT patch version.
            #define NV_TENSORRT_BUILD TRT_BUILD_ENTERPRISE //!< TensorRT build number.
            """, "10.14.1.48"
        ),
        (
            "#define NV_TENSORRT_MAJOR 10\r\n#define NV_TENSORRT_MINOR 3\r\n#define NV_TENSORRT_PATCH 0\r\n"
                + "#define NV_TENSORRT_BUILD 30\r\n", "10.3.0.30"
        ),
        (
            "#  define NV_TENSORRT_MAJOR (7)\n#define NV_TENSORRT_MINOR 1U /* minor */\n#define "
                + "NV_TENSORRT_PATCH 3",
            "7.1.3"
        ),
    ])
    func validForms(text: String, version: String) {
        #expect(NvInferVersionHeader.parse(text)?.version == version)
    }

    @Test func fieldsOfIndirectForm() throws {
        let text =
            "#define TRT_MAJOR_ENTERPRISE 10\n#define NV_TENSORRT_MAJOR TRT_MAJOR_ENTERPRISE\n"
            + "#define NV_TENSORRT_MINOR 11\n#define NV_TENSORRT_PATCH 0\n"
        let header = try #require(NvInferVersionHeader.parse(text))
        #expect(header.major == 10)
        #expect(header.minor == 11)
        #expect(header.patch == 0)
        #expect(header.build == nil)
        #expect(header.version == "10.11.0")
    }

    @Test(arguments: hostileInputs)
    func survivesHostileInput(text: String) {
        #expect(NvInferVersionHeader.parse(text) == nil)
    }
}
