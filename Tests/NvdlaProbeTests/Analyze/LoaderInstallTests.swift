import Testing

@testable import NvdlaProbe

/// Loader and package-manager output that looks like a failure of the JetPack stack but is not one: library rows of
/// their real size, apt errors about other packages. Wordings written for these tests.
@Suite("Loader and install lines")
struct LoaderInstallTests {
    static func analyze(_ text: String) -> Report {
        AnalyzeJob.analyze(text: text, name: "paste.txt", rules: Fixtures.rules)
    }

    static func ids(_ report: Report) -> [String] { report.findings.map(\.id) }

    @Test("an ls -l row of a library with its real size, or of a non-library file of size 0, is no loader finding")
    func librarySizeRows() {
        let text = """
            root@3f2a9c1e7b10:/# ls -l /usr/lib/aarch64-linux-gnu/
            -rw-r--r-- 1 root root 165184 Feb  1  2022 /usr/lib/aarch64-linux-gnu/libcudnn.so.8.2.1
            -rw-r--r-- 1 root root 0 Feb  1  2022 /usr/lib/aarch64-linux-gnu/nvidia.lock
            """
        let ids = Self.ids(Self.analyze(text))
        #expect(!ids.contains("NVDLA-USR-003"))
        #expect(!ids.contains("NVDLA-USR-001"))
    }

    @Test("unmet dependencies of packages that are not JetPack's give no JetPack finding")
    func otherPackagesUnmet() {
        let text = """
            $ sudo apt install ros-humble-desktop
            The following packages have unmet dependencies:
             ros-humble-desktop : Depends: ros-humble-rviz2 but it is not going to be installed
            E: Unable to correct problems, you have held broken packages.
            """
        #expect(!Self.ids(Self.analyze(text)).contains("NVDLA-USR-010"))
    }

    @Test("a CUDA initialization failure with another error number is no driver-mismatch finding")
    func otherCudaInitErrors() {
        let text = """
            [03/02/2024-09:12:44] [W] [TRT] CUDA initialization failure with error: 100. Please check your CUDA installation
            [03/02/2024-09:12:44] [E] Builder creation failed
            """
        #expect(!Self.ids(Self.analyze(text)).contains("NVDLA-USR-011"))
    }

    @Test("TensorRT's own report of the driver refusing CUDA code (error 222) gives NVDLA-USR-011")
    func tensorRTCudaInit() {
        let text = """
            [03/02/2024-09:12:44] [W] [TRT] CUDA initialization failure with error: 222. Please check your CUDA installation
            [03/02/2024-09:12:44] [E] Builder creation failed
            """
        #expect(Self.ids(Self.analyze(text)).contains("NVDLA-USR-011"))
    }

    @Test("a run of loader errors names every library, once, in the order seen (ldd, Python, ld forms)")
    func everyLibraryNamed() throws {
        let text = """
            $ python3 -c 'import tensorrt'
            ImportError: libnvinfer.so.8: cannot open shared object file: No such file or directory
            $ ldd /usr/lib/aarch64-linux-gnu/libnvinfer.so.8
            \tlibnvdla_compiler.so => not found
            \tlibcudla.so.1 => not found
            \tlibnvdla_compiler.so => not found
            /usr/bin/ld: cannot find -lnvinfer_plugin
            ImportError: libnvonnxparser.so.8: cannot open shared objectfile: No such file or directory
            """
        let report = Self.analyze(text)
        #expect(
            report.facts.string("log.dla_lib_missing.libraries")
                == "libnvinfer.so.8, libnvdla_compiler.so, libcudla.so.1, libnvinfer_plugin.so, libnvonnxparser.so.8")
        let finding = try #require(report.findings.first { $0.id == "NVDLA-USR-001" })
        #expect(finding.message.contains("libcudla.so.1"))
    }

    @Test("library names come from the token, not from paths or words around it")
    func libraryToken() {
        func name(_ line: String) -> String? {
            var copy = line
            return copy.withUTF8 { LoaderLibraries.library(in: $0) }
        }
        #expect(
            name("-rw-r--r-- 1 root root 0 Oct 19  2020 /usr/lib/aarch64-linux-gnu/libcudnn.so.8.0.0")
                == "libcudnn.so.8.0.0")
        #expect(name("/usr/bin/ld: cannot find -lcudart") == "libcudart.so")
        #expect(name("/usr/bin/ld: cannot find -lnvbufsurface: No such file or directory") == "libnvbufsurface.so")
        #expect(
            name("warning: libnvdla_compiler.so, needed by /usr/lib/libnvinfer.so.8, not found")
                == "libnvdla_compiler.so")
        #expect(name("no library named here at all") == nil)
    }

    @Test(
        "TensorRT refusing the Jetson's GPU (a build for another platform) gives NVDLA-USR-012; a supported build does not"
    )
    func smUnsupported() {
        let failing = """
            [05/02/2025-10:11:12] [TRT] [E] IBuilder::buildSerializedNetwork: Error Code 9: API Usage Error (Target GPU SM 72 is not supported by this TensorRT release.)
            """
        #expect(Self.ids(Self.analyze(failing)).contains("NVDLA-USR-012"))
        let fine =
            "[05/02/2025-10:11:12] [TRT] [I] [MemUsageChange] Init CUDA: CPU +2, GPU +0, now: CPU 180, GPU 3200 (MiB)"
        #expect(!Self.ids(Self.analyze(fine)).contains("NVDLA-USR-012"))
    }

    @Test("ld missing an L4T multimedia library (`cannot find -lnvbuf_utils`) is a stack library finding")
    func multimediaLinkLibrary() throws {
        let report = Self.analyze("/usr/bin/ld: cannot find -lnvbuf_utils\ncollect2: error: ld returned 1 exit status")
        let finding = try #require(report.findings.first { $0.id == "NVDLA-USR-003" })
        #expect(finding.message.contains("libnvbuf_utils.so"))
    }

    @Test("a JetPack library missing gives its own finding, not the generic one")
    func jetPackLibraryNotGeneric() {
        let ids = Self.ids(
            Self.analyze(
                "./app: error while loading shared libraries: libnvinfer.so.8: cannot open shared object file: No such file or directory"
            ))
        #expect(ids.contains("NVDLA-USR-001"))
        #expect(!ids.contains("NVDLA-USR-013"))
    }

    @Test(
        "dpkg failing on a package that is not NVIDIA's, or only naming one in its summary, gives no USR-014",
        arguments: [
            """
            Setting up python3-pip (20.0.2-5ubuntu1.10) ...
            dpkg: error processing package python3-pip (--configure):
             installed python3-pip package post-installation script subprocess returned error exit status 1
            """,
            // The summary lists packages, not what failed on them (a dependency of the one that failed).
            """
            Errors were encountered while processing:
             nvidia-l4t-bootloader
            E: Sub-process /usr/bin/dpkg returned an error code (1)
            """,
        ])
    func otherPackageFailed(_ text: String) {
        #expect(!Self.ids(Self.analyze(text)).contains("NVDLA-USR-014"))
    }

    @Test("TensorFlow 1.x's loader failing to open a CUDA library is a stack library missing; opening one is not")
    func tensorflowLoader() {
        let failed = Self.analyze(
            "I tensorflow/stream_executor/dso_loader.cc:102] Couldn't open CUDA library libcudnn.so.7. LD_LIBRARY_PATH:"
        )
        #expect(Self.ids(failed).contains("NVDLA-USR-003"))
        #expect(failed.facts.string("log.stack_lib_missing.libraries") == "libcudnn.so.7")
        let opened = Self.analyze(
            "I tensorflow/stream_executor/dso_loader.cc:108] successfully opened CUDA library libcublas.so.10.0 locally"
        )
        #expect(!Self.ids(opened).contains("NVDLA-USR-003"))
    }

    @Test("a library the program ships in its own directory, missing, is named without its path")
    func ownLibraryWithPath() {
        let report = Self.analyze(
            "OSError: ./plugins/libyolo_layer.so: cannot open shared object file: No such file or directory")
        #expect(Self.ids(report).contains("NVDLA-USR-013"))
        #expect(report.facts.string("log.other_lib_missing.libraries") == "libyolo_layer.so")
    }
}
