import Testing

@testable import NvdlaProbe

/// Loader lines and DLA requests in the shapes held-out tickets showed (ldconfig's empty-file warning, library names a
/// forum turned into links, TensorRT's companion libraries, a program printing the DLA core it uses, measurement
/// lists), and the words around them that must not count (negated claims, questions). Wordings written for these
/// tests, with other libraries, boards and releases than the tickets held.
@Suite("Loader and request variants")
struct LoaderRequestVariantTests {
    static func analyze(_ text: String) -> Report { ArtifactAnalysisTests.analyze(text) }
    static func ids(_ report: Report) -> [String] { ArtifactAnalysisTests.ids(report) }

    @Test("ldconfig's 'is empty, not checked' for JetPack libraries is the container placeholder")
    func ldconfigEmpty() {
        let report = Self.analyze(
            """
            root@5c1d:/# ldconfig
            /sbin/ldconfig.real: File /usr/lib/aarch64-linux-gnu/libnvinfer_plugin.so.7 is empty, not checked.
            /sbin/ldconfig.real: File /usr/lib/aarch64-linux-gnu/libcudnn.so.8 is empty, not checked.
            """)
        let ids = Self.ids(report)
        #expect(ids.contains("NVDLA-USR-001"))
        #expect(ids.contains("NVDLA-USR-003"))
        #expect(report.facts.string("log.dla_lib_missing.libraries") == "libnvinfer_plugin.so.7")
    }

    @Test("ldconfig's other warnings, or an empty file of another library, are no JetPack loader finding")
    func ldconfigOther() {
        let report = Self.analyze(
            """
            root@5c1d:/# ldconfig
            /sbin/ldconfig.real: /usr/local/lib/libfoo.so.1 is not a symbolic link
            /sbin/ldconfig.real: File /usr/local/lib/libbar.so.2 is empty, not checked.
            """)
        let ids = Self.ids(report)
        #expect(!ids.contains("NVDLA-USR-001"))
        #expect(!ids.contains("NVDLA-USR-003"))
    }

    @Test(
        "a library name a forum turned into a link is read as the name",
        arguments: [
            (
                "OSError: [libcudart.so.11.0](http://libcudart.so.11.0/): cannot open shared object file",
                "NVDLA-USR-003"
            ),
            (
                "./detect: error while loading shared libraries: [libnvinfer.so.8](http://libnvinfer.so.8/): cannot open shared object file: No such file or directory",
                "NVDLA-USR-001"
            ),
        ])
    func linkedLibraryName(_ text: String, _ id: String) {
        #expect(Self.ids(Self.analyze(text)).contains(id))
    }

    @Test(
        "TensorRT's companion libraries give its version; the one the loader names missing does not",
        arguments: [
            ("\tlibnvonnxparser.so.10 => /usr/lib/aarch64-linux-gnu/libnvonnxparser.so.10 (0x0000ffff8f2a0000)", "10"),
            (
                "-rw-r--r-- 1 root root 1873920 Mar 3 2023 /usr/lib/aarch64-linux-gnu/libnvinfer_plugin.so.8.5.2",
                "8.5.2"
            ),
            ("could not load libnvparsers.so.7 because libcublasLt.so.10: cannot open shared object file", "7"),
        ])
    func companionLibraries(_ text: String, _ version: String) {
        #expect(Self.analyze(text).facts.string("versions.tensorrt") == version)
    }

    @Test("a missing companion library, or TensorRT 5's parser soname .so.0, is no TensorRT version")
    func companionLibrariesSilent() {
        let missing = Self.analyze(
            "python3: error while loading shared libraries: libnvinfer_plugin.so.10: cannot open shared object file")
        #expect(missing.facts.string("versions.tensorrt") == nil)
        let parser = Self.analyze(
            "lrwxrwxrwx 1 root root 24 Jan 9 2019 libnvonnxparser.so.0 -> libnvonnxparser.so.0.1.0")
        #expect(parser.facts.string("versions.tensorrt") == nil)
    }

    @Test(
        "a program printing the DLA core it uses, or a person's 'on DLA1', asks for a DLA",
        arguments: [
            "[2024-02-01 10:00:00.000] [info] Current use DLA core: 1",
            "[W:onnxruntime:Default, tensorrt_execution_provider.cc:1934] [TensorRT EP] Try to use DLA core, but platform doesn't have any DLA core",
            "- resnet50 b8 on DLA1: 310 fps",
            "int8 with DLA 0 is slower than the GPU for us",
            "[2021-05-02 09:12:40,101 builder.py:61 INFO] Using DLA: Core 1",
            "[2021-05-02 09:12:33,870 main.py:90 INFO] Building DLA engine for AGX_resnet50_SingleStream",
        ])
    func dlaCoreUse(_ text: String) {
        #expect(Self.analyze(text).facts.bool("trt.dla_requested") == true)
    }

    @Test(
        "a DLA count, or a monitor's DLA fields, asks for nothing",
        arguments: [
            "[info] Number of DLA core: 2",
            "DLA0 [OFF]   DLA1 [OFF]",
            "RAM 2101/7620MB (lfb 12x4MB) NVDLA0 off NVDLA1 off",
            "We are timing the same pooling layer on both DLA and GPU to compare them.",
            "Below: my detector running on DLA vs GPU, built from one ONNX file.",
        ])
    func dlaCoreCount(_ text: String) {
        #expect(Self.analyze(text).facts.bool("trt.dla_requested") != true)
    }

    @Test("an empty DLA list under a program's own DLA request: the whole network on the GPU")
    func requestAroundLists() {
        let report = Self.analyze(
            """
            [2024-02-01 10:00:00.000] [info] Current use DLA core: 0
            [2024-02-01 10:00:00.001] [info] build engine...

            --------------- Layers running on DLA:

            --------------- Layers running on GPU:
            conv_stem + act_stem, blocks.0.conv_dw, blocks.0.conv_pw, head.fc,
            """)
        #expect(report.facts.bool("trt.dla_requested") == true)
        #expect(report.facts.string("trt.placement") == "all_gpu")
    }

    @Test(
        "'not all layers can run on the DLA' and 'all layers could run on the DLA' claim no placement",
        arguments: [
            "With the deconv head, not all layers can run on the DLA and the rest falls back to the GPU.",
            "I hoped all layers could run on the DLA when I built it with int8 and fallback.",
        ])
    func negatedWholeClaims(_ text: String) {
        let report = Self.analyze(text + "\n$ trtexec --onnx=m.onnx --useDLACore=0 --allowGPUFallback\n")
        #expect(report.facts.string("trt.placement") != "all_dla")
    }

    @Test("a version a person asks about counts below one they state")
    func versionInQuestion() {
        let report = Self.analyze(
            "Do I have to move to TensorRT 8.6 for this?\nWe are on TensorRT 8.5.2 with the stock image today.")
        #expect(report.facts.string("versions.tensorrt") == "8.5.2")
        // Asked about and nothing else: still the only version the text names.
        let only = Self.analyze("Does the DLA work with TensorRT 8.6 on the Orin NX?")
        #expect(only.facts.string("versions.tensorrt") == "8.6")
    }

    @Test("a JetPack a person only asks about sets no L4T release, so nothing is checked against it")
    func jetpackInQuestion() {
        let report = Self.analyze(
            "Should we move the fleet to JetPack 6.2 for this?\nToday the units run TensorRT 8.5.2.")
        #expect(report.facts.string("versions.l4t") == nil)
        #expect(!Self.ids(report).contains("NVDLA-VER-005"))
        #expect(report.facts.string("versions.tensorrt") == "8.5.2")
    }

    @Test("dpkg's install progress gives the versions being installed; other 'Setting up' lines give none")
    func dpkgProgress() {
        let report = Self.analyze(
            """
            Preparing to unpack .../nvidia-jetpack-runtime_6.2.1+b38_arm64.deb ...
            Unpacking nvidia-jetpack-runtime (6.2.1+b38) ...
            Setting up libnvinfer10 (10.3.0.30-1+cuda12.5) ...
            """)
        #expect(report.facts.string("versions.jetpack") == "6.2.1")
        #expect(report.facts.string("versions.tensorrt") == "10.3.0.30")
        let other = Self.analyze(
            "Setting up the carrier (2 hours) ...\nUnpacking ros-humble-desktop (0.10.0-1jammy) ...")
        #expect(other.facts.string("versions.jetpack") == nil)
        #expect(other.facts.string("versions.tensorrt") == nil)
    }

    @Test(
        "dlerror's 'PATH: libX.so: cannot open shared object file' after a program's words names the library",
        arguments: [
            (
                "[plugin_host-2] [ERROR] [1712000000.000000001] [Loader]: dlopen failed when opening \"/opt/ext/libgxf_cam.so\": libfoo_bar.so.3: cannot open shared object file: No such file or directory",
                "NVDLA-USR-013", "libfoo_bar.so.3"
            ),
            (
                "Failed to load /opt/app/plugins/libvision.so: libprotobuf.so.23: cannot open shared object file",
                "NVDLA-USR-013", "libprotobuf.so.23"
            ),
            (
                "E0301 loader.cc:88] dlopen(libgstnvarguscamerasrc.so): libgstnvcustomhelper.so: cannot open shared object file: No such file or directory",
                "NVDLA-USR-003", "libgstnvcustomhelper.so"
            ),
        ])
    func dlerrorShape(_ text: String, _ id: String, _ library: String) {
        let report = Self.analyze(text)
        #expect(Self.ids(report).contains(id))
        #expect(report.findings.first { $0.id == id }?.message.contains(library) == true)
    }

    @Test(
        "ldd's '=> not found' and ld's 'needed by …, not found' name a missing library of any kind, quoted or not",
        arguments: [
            ("\tlibpcl_io.so.1.12 => not found", "NVDLA-USR-013", "libpcl_io.so.1.12"),
            ("\t`libyaml-cpp.so.0.7` => not found`", "NVDLA-USR-013", "libyaml-cpp.so.0.7"),
            (
                "/usr/bin/ld: warning: libglog.so.0, needed by /opt/sdk/lib/libtracker.so, not found (try using -rpath or -rpath-link)",
                "NVDLA-USR-013", "libglog.so.0"
            ),
            ("\t\"libcudla.so.1\" => not found", "NVDLA-USR-001", "libcudla.so.1"),
        ])
    func notFoundShape(_ text: String, _ id: String, _ library: String) {
        let report = Self.analyze("$ ldd ./tracker\n\tlinux-vdso.so.1 (0x0000ffff9a2e1000)\n" + text)
        #expect(Self.ids(report).contains(id))
        #expect(report.findings.first { $0.id == id }?.message.contains(library) == true)
    }

    @Test("TensorRT's EGL assertion in both wordings says the L4T EGL library is missing (USR-003)")
    func eglAssertion() {
        for text in [
            "[12/01/2026-10:00:00] [E] Error[2]: [eglUtils.cpp::operator()::72] Error Code 2: Internal Error "
                + "(Assertion (eglCreateStreamKHR) != nullptr failed. )",
            "python3: dla/eglUtils.cpp:56: Assertion failed: eglCreateStreamKHR != nullptr",
        ] {
            #expect(Self.ids(Self.analyze(text)).contains("NVDLA-USR-003"), "\(text)")
        }
        #expect(!Self.ids(Self.analyze("Assertion (ptr) != nullptr failed.")).contains("NVDLA-USR-003"))
    }

    @Test("a library name with no loader error, or the words without a library, is no loader finding")
    func dlerrorSilent() {
        for text in [
            "Loaded /opt/app/plugins/libvision.so and libprotobuf.so.23 fine",
            "cannot open shared object file: the path was wrong, I fixed it",
        ] {
            let ids = Self.ids(Self.analyze(text))
            #expect(!ids.contains("NVDLA-USR-013"))
            #expect(!ids.contains("NVDLA-USR-003"))
        }
    }

    @Test(
        "a CUDA runtime call's error 35 the way a program prints it is the driver refusing newer CUDA code",
        arguments: [
            "app | cudaSetDevice err: 35",
            "cudaGetDeviceCount() error 35 while probing the GPU",
        ])
    func cudaError35(_ text: String) {
        #expect(Self.ids(Self.analyze(text)).contains("NVDLA-USR-011"))
    }

    @Test("another error number of a CUDA call, or 35 without one, is no driver mismatch")
    func cudaError35Silent() {
        for text in ["cudaSetDevice err: 350", "cudaMalloc error: 2", "worker err: 35"] {
            #expect(!Self.ids(Self.analyze(text)).contains("NVDLA-USR-011"))
        }
    }

    @Test("a TensorRT 6 DLA list cut off before its closing brace still puts those layers on the DLA")
    func truncatedDLAList() {
        let report = Self.analyze(
            """
            [TensorRT] INFO: --------------- Layers running on DLA:
            [TensorRT] INFO: {(Unnamed Layer* 0) [Convolution],(Unnamed Layer* 1) [Scale],(Unnamed Layer* 2) [Activa
            """)
        #expect(report.facts.bool("trt.dla_requested") == true)
        #expect(report.facts.int("trt.subgraphs.dla") == 1)
    }

    @Test(
        "TensorRT's loader failing on a library it loads at run time names that library",
        arguments: [
            "[TRT] [E] 6: [libLoader.cpp::Impl::293] Error Code 6: API Usage Error (Unable to load library: libnvinfer_builder_resource.so.10.3.0)",
            "[E] [TRT] 6: [libLoader.h::DynamicLibrary::54] Error Code 6: Internal Error (Unable to load library: libnvinfer_builder_resource.so.8.5.2)",
        ])
    func trtLibLoader(_ text: String) {
        let report = Self.analyze(text)
        #expect(Self.ids(report).contains("NVDLA-USR-001"))
        #expect(
            report.facts.string("log.dla_lib_missing.libraries")?.hasPrefix("libnvinfer_builder_resource.so") == true)
    }

    @Test("TensorRT loading its library fine, or a Windows DLL, is no JetPack loader finding")
    func trtLibLoaderSilent() {
        for text in [
            "[TRT] [V] Loaded shared library libnvinfer_builder_resource.so.10.3.0",
            "Error Code 6: Internal Error (Unable to load library: nvinfer_builder_resource_10.dll)",
        ] {
            #expect(!Self.ids(Self.analyze(text)).contains("NVDLA-USR-001"))
        }
    }

    @Test("a loader message wrapped after its colons is read once, joined")
    func wrappedAfterColon() {
        let report = Self.analyze(
            """
            ```
            [E] builder: Error Code 6: API Usage Error
            Unable to load library:
            libnvinfer_builder_resource.so.10.3.0:
            cannot open shared object file: No such file or directory
            ```
            """)
        #expect(Self.ids(report).contains("NVDLA-USR-001"))
        #expect(report.facts.int("log.dla_lib_missing.count") == 1)
        #expect(report.facts.string("log.dla_lib_missing.libraries") == "libnvinfer_builder_resource.so.10.3.0")
    }

    @Test("a label line ending in a colon, or a colon line with a blank line after it, joins nothing")
    func wrappedAfterColonSilent() {
        for text in [
            "```\nLibraries:\nlibnvinfer.so.8.5.2 libcudla.so.1\n```",
            "```\nUnable to load library:\n\nlibnvinfer_builder_resource.so.10.3.0:\n```",
        ] {
            let report = Self.analyze(text)
            #expect(!Self.ids(report).contains("NVDLA-USR-001"))
        }
    }
}
