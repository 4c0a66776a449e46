@testable import NvdlaProbe

/// TensorRT logs written for the tests in the wordings of other TensorRT releases and models than the real samples
/// (formats from NVIDIA/TensorRT sampleReporting/sampleOptions and public issue logs; see Docs/testing.md), with the
/// findings each must give (`ID:subject`).
enum TensorRTFixtures {
    static let trt7GroupsAndGPUList = ArtifactFixtures.Case(
        name: "TensorRT 7.1 trtexec: DLA groups and a GPU list, three layers fell back",
        text: """
            &&&& RUNNING TensorRT.trtexec # /usr/src/tensorrt/bin/trtexec --onnx=resnet_head.onnx --useDLACore=1 --allowGPUFallback --fp16
            [09/30/2020-13:12:01] [I] === Build Options ===
            [09/30/2020-13:12:01] [I] Precision: FP32+FP16
            [09/30/2020-13:12:01] [I] Inputs format: fp32:CHW
            [09/30/2020-13:12:01] [I] Outputs format: fp32:CHW
            [09/30/2020-13:12:01] [I] === System Options ===
            [09/30/2020-13:12:01] [I] DLACore: 1(With GPU fallback)
            [09/30/2020-13:12:40] [W] [TRT] Default DLA is enabled but layer Resize_42 is not supported on DLA, falling back to GPU.
            [09/30/2020-13:12:40] [W] [TRT] Default DLA is enabled but layer Transpose_50 is not supported on DLA, falling back to GPU.
            [09/30/2020-13:12:40] [W] [TRT] DLA Layer Concat_51 does not support dynamic shapes in any dimension.
            [09/30/2020-13:12:40] [W] [TRT] Default DLA is enabled but layer Concat_51 is not supported on DLA, falling back to GPU.
            [09/30/2020-13:12:43] [I] [TRT]
            [09/30/2020-13:12:43] [I] [TRT] --------------- Layers running on DLA:
            [09/30/2020-13:12:43] [I] [TRT] {Conv_0,Relu_1,MaxPool_2,Conv_3,Relu_4,Conv_5,Add_6,Relu_7,Conv_8,Relu_9}, {Conv_43,Relu_44,Conv_45,Relu_46,Conv_47,Relu_48,Conv_49},
            [09/30/2020-13:12:43] [I] [TRT] --------------- Layers running on GPU:
            [09/30/2020-13:12:43] [I] [TRT] Resize_42, Transpose_50, Concat_51,
            [09/30/2020-13:12:44] [I] [TRT] Detected 1 inputs and 1 output network tensors.
            &&&& PASSED TensorRT.trtexec # /usr/src/tensorrt/bin/trtexec --onnx=resnet_head.onnx --useDLACore=1 --allowGPUFallback --fp16
            """,
        findings: ["NVDLA-TRT-002:system", "NVDLA-TRT-014:system"])

    static let trt84TutorialLists = ArtifactFixtures.Case(
        name: "TensorRT 8.4 (JetPack 5.0): five DLA subgraphs around instance-norm plugins",
        text: """
            [03/31/2022-14:34:20] [W] [TRT] Layer 'InstanceNormalization_5' (PLUGIN_V2): Unsupported on DLA. Switching this layer's device type to GPU.
            [03/31/2022-14:34:20] [W] [TRT] Layer 'Reshape_2' (SHUFFLE): Unsupported on DLA. Switching this layer's device type to GPU.
            [03/31/2022-14:34:54] [I] [TRT] ---------- Layers Running on DLA ----------
            [03/31/2022-14:34:54] [I] [TRT] [DlaLayer] {ForeignNode[Conv_0]}
            [03/31/2022-14:34:54] [I] [TRT] [DlaLayer] {ForeignNode[Relu_10...Conv_11]}
            [03/31/2022-14:34:54] [I] [TRT] [DlaLayer] {ForeignNode[Relu_21...Conv_22]}
            [03/31/2022-14:34:54] [I] [TRT] [DlaLayer] {ForeignNode[Relu_32...Conv_33]}
            [03/31/2022-14:34:54] [I] [TRT] [DlaLayer] {ForeignNode[Relu_43]}
            [03/31/2022-14:34:54] [I] [TRT] ---------- Layers Running on GPU ----------
            [03/31/2022-14:34:54] [I] [TRT] [GpuLayer] SHUFFLE: Reshape_2 + (Unnamed Layer* 7) [Shuffle]
            [03/31/2022-14:34:54] [I] [TRT] [GpuLayer] PLUGIN_V2: InstanceNormalization_5
            [03/31/2022-14:34:54] [I] [TRT] [GpuLayer] SHUFFLE: (Unnamed Layer* 12) [Shuffle] + Reshape_7
            [03/31/2022-14:34:54] [I] [TRT] [GpuLayer] SCALE: 71 + (Unnamed Layer* 16) [Shuffle] + Mul_8
            [03/31/2022-14:34:54] [I] [TRT] [GpuLayer] SCALE: 72 + (Unnamed Layer* 19) [Shuffle] + Add_9
            [03/31/2022-14:34:54] [I] [TRT] [GpuLayer] SHUFFLE: Reshape_13 + (Unnamed Layer* 29) [Shuffle]
            """,
        findings: ["NVDLA-TRT-002:system"])

    static let trt10ProfileReformats = ArtifactFixtures.Case(
        name: "TensorRT 10.3 trtexec: INT8 on DLA core 0, profile shows reformats at the DLA boundary",
        text: """
            &&&& RUNNING TensorRT.trtexec [TensorRT v100300] # trtexec --onnx=yolo_backbone.onnx --int8 --fp16 --useDLACore=0 --allowGPUFallback --dumpProfile --separateProfileRun
            [11/02/2025-09:10:11] [I] === Build Options ===
            [11/02/2025-09:10:11] [I] Precision: FP32+FP16+INT8
            [11/02/2025-09:10:11] [I] Allow GPU fallback for DLA: Enabled
            [11/02/2025-09:10:11] [I] Build DLA standalone loadable: Disabled
            [11/02/2025-09:10:11] [I] Input(s)s format: fp32:CHW
            [11/02/2025-09:10:11] [I] Output(s)s format: fp32:CHW
            [11/02/2025-09:10:11] [I] === System Options ===
            [11/02/2025-09:10:11] [I] DLACore: 0
            [11/02/2025-09:10:11] [I] TensorRT version: 10.3.0
            [11/02/2025-09:12:40] [I] [TRT] ---------- Layers Running on DLA ----------
            [11/02/2025-09:12:40] [I] [TRT] [DlaLayer] {ForeignNode[/backbone/conv1/Conv.../backbone/stage4/Relu_3]}
            [11/02/2025-09:12:40] [I] [TRT] ---------- Layers Running on GPU ----------
            [11/02/2025-09:12:40] [I] [TRT] No layer is running on GPU
            [11/02/2025-09:13:02] [I] === Profile (1024 iterations ) ===
            [11/02/2025-09:13:02] [I]    Time(ms)     Avg.(ms)   Median(ms)   Time(%)   Layer
            [11/02/2025-09:13:02] [I]      812.31       0.7933       0.7910      18.2   Reformatting CopyNode for Input Tensor 0 to {ForeignNode[/backbone/conv1/Conv.../backbone/stage4/Relu_3]}
            [11/02/2025-09:13:02] [I]     3325.40       3.2475       3.2470      74.5   {ForeignNode[/backbone/conv1/Conv.../backbone/stage4/Relu_3]}
            [11/02/2025-09:13:02] [I]      325.02       0.3174       0.3170       7.3   Reformatting CopyNode for Output Tensor 0 to /backbone/stage4/Relu_3
            [11/02/2025-09:13:02] [I]     4462.73       4.3581       4.3550     100.0   Total
            &&&& PASSED TensorRT.trtexec [TensorRT v100300] # trtexec --onnx=yolo_backbone.onnx --int8 --fp16 --useDLACore=0 --allowGPUFallback --dumpProfile --separateProfileRun
            """,
        findings: ["NVDLA-TRT-005:system", "NVDLA-TRT-016:system"])

    static let trt82NvmProfileOnly = ArtifactFixtures.Case(
        name: "Profile table only (TensorRT 8.2, DRIVE Orin): one DLA subgraph, NVM copies",
        text: """
            [07/06/2023-17:19:08] [I] === Profile (399 iterations ) ===
            [07/06/2023-17:19:08] [I]                               Layer   Time (ms)   Avg. Time (ms)   Time %
            [07/06/2023-17:19:08] [I]                       images to nvm       33.99           0.0852      1.1
            [07/06/2023-17:19:08] [I]  {ForeignNode[Conv_0...Concat_198]}        3.38           0.0085      0.1
            [07/06/2023-17:19:08] [I]                     head_3 from nvm     3069.55           7.6931     98.4
            [07/06/2023-17:19:08] [I]                  images copy finish        0.67           0.0017      0.0
            [07/06/2023-17:19:08] [I]                  head_3 copy finish        1.17           0.0029      0.0
            [07/06/2023-17:19:08] [I]                               Total     3108.76           7.7914    100.0
            """,
        findings: ["NVDLA-TRT-004:system", "NVDLA-TRT-016:system"])

    static let trt71PrecisionFallback = ArtifactFixtures.Case(
        name: "TensorRT 7.1 Python API without FP16: shape layers switched for precision",
        text: """
            [TensorRT] WARNING: DLA only supports FP16 and Int8 precision type. Switching (Unnamed Layer* 39) [Shape] device type to GPU.
            [TensorRT] WARNING: DLA only supports FP16 and Int8 precision type. Switching (Unnamed Layer* 40) [Constant] device type to GPU.
            [TensorRT] WARNING: Default DLA is enabled but layer Transpose__560 is not supported on DLA, falling back to GPU.
            """,
        findings: ["NVDLA-TRT-002:system", "NVDLA-TRT-015:system"])

    static let trt85MostlyGPU = ArtifactFixtures.Case(
        name: "TensorRT 8.6 verbose: most of a YOLOv8 head on the GPU (Div, Constant, Reshape)",
        text: """
            [10/14/2024-23:52:40] [TRT] [V] Original: 8 layers
            [10/14/2024-23:52:59] [TRT] [W] Layer '/model.22/Gather_output_0' (CONSTANT): Unsupported on DLA. Switching this layer's device type to GPU.
            [10/14/2024-23:52:59] [TRT] [W] /model.22/Div: DLA cores do not support DIV ElementWise operation.
            [10/14/2024-23:52:59] [TRT] [W] Layer '/model.22/Div' (ELEMENTWISE): Unsupported on DLA. Switching this layer's device type to GPU.
            [10/14/2024-23:52:59] [TRT] [W] Layer '/model.22/Reshape' (SHUFFLE): Unsupported on DLA. Switching this layer's device type to GPU.
            [10/14/2024-23:52:59] [TRT] [W] /model.22/Slice_1: DLA only supports slicing 4 dimensional tensors.
            [10/14/2024-23:52:59] [TRT] [W] Layer '/model.22/Slice_1' (SLICE): Unsupported on DLA. Switching this layer's device type to GPU.
            [10/14/2024-23:53:10] [TRT] [V] ---------- Layers Running on DLA ----------
            [10/14/2024-23:53:10] [TRT] [V] [DlaLayer] {ForeignNode[/model.0/conv/Conv.../model.21/cv2/act/Mul]}
            [10/14/2024-23:53:10] [TRT] [V] ---------- Layers Running on GPU ----------
            [10/14/2024-23:53:10] [TRT] [V] [GpuLayer] CONSTANT: /model.22/Gather_output_0
            [10/14/2024-23:53:10] [TRT] [V] [GpuLayer] POINTWISE: PWN(/model.22/Div)
            [10/14/2024-23:53:10] [TRT] [V] [GpuLayer] SHUFFLE: /model.22/Reshape
            [10/14/2024-23:53:10] [TRT] [V] [GpuLayer] SLICE: /model.22/Slice_1
            [10/14/2024-23:53:10] [TRT] [V] [GpuLayer] COPY: /model.22/Reshape_copy_output
            """,
        findings: ["NVDLA-TRT-001:system", "NVDLA-TRT-004:system"])

    static let orinNXCoreOne = ArtifactFixtures.Case(
        name: "Orin NX 8GB: --useDLACore=1 does not exist (jetson_release + trtexec)",
        text: """
            Model: NVIDIA Jetson Orin NX Engineering Reference Developer Kit - Jetpack 6.2 [L4T 36.4.3]
             - P-Number: p3767-0001

            &&&& RUNNING TensorRT.trtexec [TensorRT v100300] # /usr/src/tensorrt/bin/trtexec --onnx=model.onnx --fp16 --useDLACore=1
            [05/02/2025-10:01:02] [E] Cannot create DLA engine, 1 not available
            [05/02/2025-10:01:02] [E] Engine set up failed
            &&&& FAILED TensorRT.trtexec [TensorRT v100300] # /usr/src/tensorrt/bin/trtexec --onnx=model.onnx --fp16 --useDLACore=1
            """,
        findings: ["NVDLA-TRT-007:system", "NVDLA-TRT-017:system"])

    static let nvmediaSubmit = ArtifactFixtures.Case(
        name: "TensorRT 7.1 runtime on Xavier NX: NVMEDIA_DLA bind and submit failures",
        text: """
            NVMEDIA_DLA :  308, ERROR: setInputTensorDesc failed
            NVMEDIA_DLA : 1914, ERROR: BindInputTensorArgs failed (Input). status: 0x7.
            [11/16/2020-09:39:45] [E] [TRT] ../rtExt/dla/native/dlaUtils.cpp (194) - DLA Error in submit: 7 (Failure to submit program to DLA engine.)
            [11/16/2020-09:39:45] [E] [TRT] FAILED_EXECUTION: std::exception
            """,
        findings: ["NVDLA-TRT-010:system"])

    static let plainEngineMagic = ArtifactFixtures.Case(
        name: "trtexec --loadEngine on an exporter's .engine: not a TensorRT plan",
        text: """
            &&&& RUNNING TensorRT.trtexec [TensorRT v8602] # trtexec --loadEngine=yolov8m.engine
            [10/15/2024-08:00:01] [E] Error[1]: [runtime.cpp::parsePlan::314] Error Code 1: Serialization (Serialization assertion plan->header.magicTag == rt::kPLAN_MAGIC_TAG failed.)
            [10/15/2024-08:00:01] [E] Engine deserialization failed
            """,
        findings: ["NVDLA-TRT-009:system"])

    static let int8NoCalibration = ArtifactFixtures.Case(
        name: "TensorRT 8.5 INT8 on DLA without calibration, whole network on DLA",
        text: """
            [01/10/2024-21:52:50] [I] Precision: FP32+INT8
            [01/10/2024-21:52:50] [I] DLACore: 0(With GPU fallback)
            [01/10/2024-21:52:55] [W] [TRT] Calibrator is not being used. Users must provide dynamic range for all tensors that are not Int32 or Bool.
            [01/10/2024-21:53:40] [I] [TRT] ---------- Layers Running on DLA ----------
            [01/10/2024-21:53:40] [I] [TRT] [DlaLayer] {ForeignNode[conv1...fc8]}
            [01/10/2024-21:53:40] [I] [TRT] ---------- Layers Running on GPU ----------
            [01/10/2024-21:53:40] [I] [TRT] No layer is running on GPU
            """,
        findings: ["NVDLA-TRT-013:system", "NVDLA-TRT-016:system"])

    static let torchCPU = ArtifactFixtures.Case(
        name: "torch2trt with a CPU-only PyTorch wheel",
        text: """
            Traceback (most recent call last):
              File "convert.py", line 12, in <module>
                model = model.cuda().eval()
            AssertionError: Torch not compiled with CUDA enabled
            """,
        findings: ["NVDLA-USR-002:system"])

    static let gpuOnlyBuild = ArtifactFixtures.Case(
        name: "A GPU-only TensorRT build (no DLA asked for): nothing to say about the DLA",
        text: """
            &&&& RUNNING TensorRT.trtexec [TensorRT v8602] # trtexec --onnx=model.onnx --fp16 --saveEngine=model.engine
            [10/15/2024-08:00:01] [I] === Build Options ===
            [10/15/2024-08:00:01] [I] Precision: FP32+FP16
            [10/15/2024-08:00:01] [I] === System Options ===
            [10/15/2024-08:00:01] [I] DLACore:
            [10/15/2024-08:01:40] [I] Engine built in 99.1 sec.
            &&&& PASSED TensorRT.trtexec [TensorRT v8602] # trtexec --onnx=model.onnx --fp16 --saveEngine=model.engine
            """,
        findings: [])

    static let truncatedWarningsOnly = ArtifactFixtures.Case(
        name: "A truncated paste: only fallback warnings, no placement list",
        text: """
            [TRT] [W] /model.23/Concat_6: DLA only supports concatenation on the C dimension.
            [TRT] [W] Layer '/model.23/Concat_6' (CONCATENATION): Unsupported on DLA. Switching this layer's device type to GPU.
            [TRT] [W] Layer '/model.23/Tile_1' (SLICE): Unsupported on DLA. Switching this layer's device type to GPU.
            """,
        findings: ["NVDLA-TRT-002:system"])

    static let unknownDevice = ArtifactFixtures.Case(
        name: "TensorRT 8.2 on a Xavier NX 16GB: unknown embedded device assertion",
        text: """
            [07/14/2022-10:01:02] [E] Error[2]: [utils.cpp::checkMemLimit::380] Error Code 2: Internal Error (Assertion upperBound != 0 failed. Unknown embedded device detected. Please update the table with the entry: {{1794, 6, 16}, 12660},)
            [07/14/2022-10:01:02] [E] Engine could not be created from network
            """,
        findings: ["NVDLA-TRT-018:system"])

    static let unknownDeviceWarning = ArtifactFixtures.Case(
        name: "TensorRT 8.6 on AGX Orin 64GB: the allocation-cap warning is harmless; dynamic profile on a GPU build",
        text: """
            [06/01/2024-12:00:00] [TRT] [W] Unknown embedded device detected. Using 59656MiB as the allocation cap for memory on embedded devices.
            [06/01/2024-12:00:01] [TRT] [W] DLA requests all profiles have same min, max, and opt value. All dla layers are falling back to GPU
            [06/01/2024-12:00:40] [TRT] [I] Engine built in 39.2 sec.
            """,
        findings: [])

    static let deepStreamSubgraphLimit = ArtifactFixtures.Case(
        name: "DeepStream (TensorRT 7) on AGX Xavier: subgraph limit reached",
        text: """
            INFO: [TRT]: --------------- Layers running on DLA:
            WARNING: [TRT]: Default DLA is enabled but layer upsample_1 is not supported on DLA, falling back to GPU.
            WARNING: [TRT]: DLA supports only 8 subgraphs per DLA core. Switching to GPU for layer conv_6
            WARNING: [TRT]: DLA supports only 8 subgraphs per DLA core. Switching to GPU for layer conv_7
            """,
        findings: ["NVDLA-TRT-003:system"])

    static let trt7NothingOnDLA = ArtifactFixtures.Case(
        name: "TensorRT 7.1 sample on Xavier NX: an empty DLA list, everything on the GPU",
        text: """
            [06/29/2021-21:07:46] [W] [TRT] setDefaultDeviceType was called but no layer in the network can run on DLA.
            [06/29/2021-21:07:46] [I] [TRT]
            [06/29/2021-21:07:46] [I] [TRT] --------------- Layers running on DLA:
            [06/29/2021-21:07:46] [I] [TRT]
            [06/29/2021-21:07:46] [I] [TRT] --------------- Layers running on GPU:
            [06/29/2021-21:07:46] [I] [TRT] conv1 + relu1, norm1, pool1, conv2 + relu2, norm2, pool2, fc8, prob,
            """,
        findings: ["NVDLA-TRT-006:system"])

    static let safeStandalone = ArtifactFixtures.Case(
        name: "trtexec 8.6 refuses a kDLA_STANDALONE engine (source wording)",
        text: """
            &&&& RUNNING TensorRT.trtexec [TensorRT v8602] # trtexec --loadEngine=model.dla.bin
            [03/02/2024-09:00:01] [E] Safe DLA engine built with kDLA_STANDALONE should not be deserialized in TRT!
            &&&& FAILED TensorRT.trtexec [TensorRT v8602] # trtexec --loadEngine=model.dla.bin
            """,
        findings: ["NVDLA-TRT-008:system"])

    static let trtPoseRegionAssert = ArtifactFixtures.Case(
        name: "TensorRT 7.1.3 trt_pose on Xavier NX: kNVM region assertion",
        text: """
            [03/09/2021-10:15:24] [E] [TRT] ../builder/cudnnBuilder2.cpp (1757) - Assertion Error in operator(): 0 (et.region->getType() == RegionType::kNVM)
            [03/09/2021-10:15:24] [E] Engine creation failed
            [03/09/2021-10:15:24] [E] Engine set up failed
            &&&& FAILED TensorRT.trtexec # /usr/src/tensorrt/bin/trtexec --onnx=./trt_pose.onnx --useDLACore=0 --allowGPUFallback --verbose
            """,
        findings: ["NVDLA-TRT-011:system"])

    static let lfsPointerHead = ArtifactFixtures.Case(
        name: "head of a model that is a Git LFS pointer, then the parser failure",
        text: """
            $ head -3 models/yolov5s.onnx
            version https://git-lfs.github.com/spec/v1
            oid sha256:3b0ea8b3a4d1b0b4c0f6c1f3a0d8e5f1c2b3a4d5e6f708192a3b4c5d6e7f8091
            size 28031419
            $ trtexec --onnx=models/yolov5s.onnx --fp16 --useDLACore=0
            [08/17/2023-14:54:45] [E] [TRT] ModelImporter.cpp:735: Failed to parse ONNX model from file: models/yolov5s.onnx
            """,
        findings: ["NVDLA-TRT-012:system"])

    static let agxOrinCoreOne = ArtifactFixtures.Case(
        name: "AGX Orin: --useDLACore=1 exists, the whole network on DLA core 1",
        text: """
            Model: NVIDIA Jetson AGX Orin Developer Kit - Jetpack 6.2 [L4T 36.4.3]
             - P-Number: p3701-0005

            &&&& RUNNING TensorRT.trtexec [TensorRT v100300] # trtexec --onnx=resnet50.onnx --int8 --useDLACore=1
            [05/02/2025-10:01:40] [I] [TRT] ---------- Layers Running on DLA ----------
            [05/02/2025-10:01:40] [I] [TRT] [DlaLayer] {ForeignNode[conv1...fc1000]}
            [05/02/2025-10:01:40] [I] [TRT] ---------- Layers Running on GPU ----------
            [05/02/2025-10:01:40] [I] [TRT] No layer is running on GPU
            """,
        findings: ["NVDLA-TRT-016:system"])

    static let trt10OnJetPack5 = ArtifactFixtures.Case(
        name: "TensorRT 10 banner on a JetPack 5 (L4T 35.4.1) board: TensorRT from another JetPack",
        text: """
            $ cat /etc/nv_tegra_release
            # R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, DATE: Tue Aug  1 19:57:35 UTC 2023

            &&&& RUNNING TensorRT.trtexec [TensorRT v100300] # trtexec --onnx=model.onnx --fp16 --useDLACore=0
            [05/02/2025-10:01:02] [E] Error[1]: [nvdlaUtils.cpp::submit::198] Error Code 1: DLA (Failure to submit program to DLA engine.)
            """,
        findings: ["NVDLA-TRT-010:system", "NVDLA-VER-005:system"])

    static let deviceTypeRejected = ArtifactFixtures.Case(
        name: "TensorRT 7.1 OSS sample built against other headers: setDeviceType rejected, DLA list empty",
        text: """
            nvidia@nvidia:~/out$ ./sample_googlenet --useDLACore=0
            [06/29/2021-21:07:46] [E] [TRT] Parameter check failed at: ../builder/BuilderConfig.cpp::setDeviceType::178, condition: int(deviceType) >= 0 && int(deviceType) < EnumMax<DeviceType>()
            [06/29/2021-21:07:46] [I] [TRT]
            [06/29/2021-21:07:46] [I] [TRT] --------------- Layers running on DLA:
            [06/29/2021-21:07:46] [I] [TRT]
            [06/29/2021-21:07:46] [I] [TRT] --------------- Layers running on GPU:
            [06/29/2021-21:07:46] [I] [TRT] conv1 + relu1, norm1, pool1, conv2 + relu2, norm2, pool2, conv3 + relu3, conv4 + relu4, conv5 + relu5, pool5, fc6 + relu6, fc7 + relu7, fc8, prob,
            [06/29/2021-21:07:50] [I] [TRT] Detected 1 inputs and 1 output network tensors.
            """,
        findings: ["NVDLA-TRT-019:system"])

    static let wrappedGroups = ArtifactFixtures.Case(
        name: "TensorRT 7 Python logger, DLA groups hard-wrapped by the terminal, then a short GPU list",
        text: """
            [TensorRT] INFO: --------------- Layers running on DLA:
            [TensorRT] INFO: {002_convolutional_tanh,002_convolutional_mish,003_convolutional,003_convolutional_bn}, {003_convolutional_tanh
            ,003_convolutional_mish,005_convolutional}, {012_convolutional_tanh,012_convolutional_mish,013_convo
            lutional,013_convolutional_bn},
            [TensorRT] INFO: --------------- Layers running on GPU:
            [TensorRT] INFO: 001_convolutional_softplus, 002_convolutional_softplus, 003_convolutional_softplus, 004_upsample, 005_route, 006_yolo, 007_yolo, 008_yolo,
            [TensorRT] INFO: Detected 1 inputs and 3 output network tensors.
            """,
        findings: ["NVDLA-TRT-002:system"])

    static let standaloneNotAllDLA = ArtifactFixtures.Case(
        name: "TensorRT 8.4 standalone loadable build: a consumer of an I/O tensor is not on the DLA",
        text: """
            &&&& RUNNING TensorRT.trtexec [TensorRT v8401] # trtexec --onnx=model.onnx --fp16 --useDLACore=0 --buildOnly --safe --inputIOFormats=fp16:chw16 --outputIOFormats=fp16:chw16
            [04/22/2024-19:51:27] [E] Error[2]: [nvmRegionOptimizer.cpp::forceToUseNvmIO::175] Error Code 2: Internal Error (Assertion std::all_of(a->consumers.begin(), a->consumers.end(), [](Node* n) { return isDLA(n->backend); }) failed. )
            [04/22/2024-19:51:27] [E] Error[2]: [builder.cpp::buildSerializedNetwork::636] Error Code 2: Internal Error (Assertion engine != nullptr failed. )
            [04/22/2024-19:51:27] [E] Engine could not be created from network
            """,
        findings: ["NVDLA-TRT-020:system"])

    static let engineFromOtherRelease = ArtifactFixtures.Case(
        name: "an engine from another TensorRT release (TensorRT 8 serialization tag)",
        text: """
            [12/01/2024-10:11:12] [TRT] [E] 1: [stdArchiveReader.cpp::StdArchiveReader::40] Error Code 1: Serialization (Serialization assertion stdVersionRead == serializationVersion failed.Version tag does not match. Note: Current Version: 236, Serialized Engine Version: 213)
            [12/01/2024-10:11:12] [TRT] [E] 4: [runtime.cpp::deserializeCudaEngine::66] Error Code 4: Internal Error (Engine deserialization failed.)
            """,
        findings: ["NVDLA-TRT-022:system"])

    static let dlaNoImplementation = ArtifactFixtures.Case(
        name: "a DLA build whose DLA subgraph has no implementation (TensorRT 8.6 wording)",
        text: """
            $ /usr/src/tensorrt/bin/trtexec --onnx=net.onnx --int8 --useDLACore=1 --allowGPUFallback --saveEngine=net.plan
            [03/04/2024-08:01:02] [E] Error[10]: Could not find any implementation for node {ForeignNode[/backbone/conv1/Conv.../backbone/layer4/Relu]}.
            [03/04/2024-08:01:02] [E] Error[10]: [optimizer.cpp::computeCosts::3869] Error Code 10: Internal Error (Could not find any implementation for node {ForeignNode[/backbone/conv1/Conv.../backbone/layer4/Relu]}.)
            [03/04/2024-08:01:02] [E] Engine could not be created from network
            """,
        findings: ["NVDLA-TRT-021:system"])

    static let gpuOnlyNoImplementation = ArtifactFixtures.Case(
        name: "GPU-only build with no implementation for a Myelin node: not a DLA matter",
        text: """
            $ trtexec --onnx=vit.onnx --fp16 --saveEngine=vit.plan
            [05/06/2024-09:10:11] [E] Error[10]: Could not find any implementation for node {ForeignNode[/embeddings/Reshape.../encoder/layer.11/Add_1]}.
            """,
        findings: [])

    static let cases: [ArtifactFixtures.Case] = [
        ArtifactFixtures.Case(
            name: "JetPack 7.2 on AGX Orin, a GPU-only trtexec build: its TensorRT without DLA is not the question",
            text: """
                Model: NVIDIA Jetson AGX Orin Developer Kit - Jetpack 7.2 [L4T 39.2.0]
                $ /usr/src/tensorrt/bin/trtexec --onnx=detector.onnx --fp16 --saveEngine=detector.plan
                &&&& RUNNING TensorRT.trtexec [TensorRT v101602] [b10] # /usr/src/tensorrt/bin/trtexec --onnx=detector.onnx --fp16 --saveEngine=detector.plan
                [11/30/2026-08:15:02] [I] === Model Options ===
                [11/30/2026-08:15:02] [I] Format: ONNX
                [11/30/2026-08:15:02] [I] Precision: FP32+FP16
                [11/30/2026-08:15:02] [I] === Device Information ===
                [11/30/2026-08:15:02] [I] Selected Device: Orin
                [11/30/2026-08:15:02] [I] TensorRT version: 10.16.2
                [11/30/2026-08:15:40] [I] Engine built in 38.1 sec.
                &&&& PASSED TensorRT.trtexec [TensorRT v101602] [b10] # /usr/src/tensorrt/bin/trtexec --onnx=detector.onnx --fp16 --saveEngine=detector.plan
                """,
            findings: []),
        ArtifactFixtures.Case(
            name: "JetPack 7.2 on AGX Orin, trtexec asked for DLA core 1: its TensorRT 10.16 cannot use the DLA",
            text: """
                Model: NVIDIA Jetson AGX Orin Developer Kit - Jetpack 7.2 [L4T 39.2.0]
                &&&& RUNNING TensorRT.trtexec [TensorRT v101602] [b10] # trtexec --onnx=detector.onnx --int8 --useDLACore=1 --allowGPUFallback
                [11/30/2026-08:20:11] [I] === Model Options ===
                [11/30/2026-08:20:11] [I] Format: ONNX
                [11/30/2026-08:20:11] [I] === Device Information ===
                [11/30/2026-08:20:11] [I] Selected Device: Orin
                [11/30/2026-08:20:11] [I] TensorRT version: 10.16.2
                """,
            findings: ["NVDLA-VER-008:system"]),
        engineFromOtherRelease, dlaNoImplementation, gpuOnlyNoImplementation,
        deviceTypeRejected, wrappedGroups, standaloneNotAllDLA,
        trt10OnJetPack5,
        deepStreamSubgraphLimit, trt7NothingOnDLA, safeStandalone, trtPoseRegionAssert, lfsPointerHead, agxOrinCoreOne,
        unknownDevice, unknownDeviceWarning,
        trt7GroupsAndGPUList, trt84TutorialLists, trt10ProfileReformats, trt82NvmProfileOnly, trt71PrecisionFallback,
        trt85MostlyGPU, orinNXCoreOne, nvmediaSubmit, plainEngineMagic, int8NoCalibration, torchCPU, gpuOnlyBuild,
        truncatedWarningsOnly,
        ArtifactFixtures.Case(
            name: "TensorRT 8.6's ONNX parser stops on a Resize node",
            text: """
                [08/14/2024-10:02:11] [E] [TRT] ModelImporter.cpp:828: While parsing node number 12 [Resize -> "up1"]:
                [08/14/2024-10:02:11] [E] [TRT] ModelImporter.cpp:831: ERROR: ModelImporter.cpp:195 In function parseGraph:
                [08/14/2024-10:02:11] [E] Failed to parse onnx file
                """,
            findings: ["NVDLA-TRT-026:system"]),
        ArtifactFixtures.Case(
            name: "Python's ONNX parser error from TensorRT 7",
            text: """
                [TensorRT] ERROR: Failed to parse the ONNX file.
                In node 3 (importResize): UNSUPPORTED_NODE: Assertion failed: scales.is_weights()
                """,
            findings: ["NVDLA-TRT-026:system"]),
        ArtifactFixtures.Case(
            name: "the ONNX parser's verbose trace and a bare 'Failed to parse' are no parser rejection",
            text: """
                [TensorRT] VERBOSE: ModelImporter.cpp:179:  [Relu] outputs: [275 -> (1, 64, 224, 336)],
                [TensorRT] VERBOSE: ModelImporter.cpp:103: Parsing node:  [MaxPool]
                [E] Failed to parse onnx file
                """,
            findings: []),
        ArtifactFixtures.Case(
            name: "pip TensorRT in a venv refuses the Orin's GPU (SM 87)",
            text: """
                (venv) user@orin:~/yolo$ python3 export.py
                [03/21/2026-03:05:27] [TRT] [E] IBuilder::buildSerializedNetwork: Error Code 9: API Usage Error (Target GPU SM 87 is not supported by this TensorRT release.)
                """,
            findings: ["NVDLA-USR-012:system"]),
        ArtifactFixtures.Case(
            name: "Python code for TensorRT 8 run with TensorRT 10 (max_workspace_size removed)",
            text: """
                Traceback (most recent call last):
                  File "export_engine.py", line 58, in build_engine
                    config.max_workspace_size = 1 << 30
                AttributeError: 'tensorrt_bindings.tensorrt.IBuilderConfig' object has no attribute 'max_workspace_size'
                """,
            findings: ["NVDLA-TRT-023:system"]),
        ArtifactFixtures.Case(
            name: "C++ for TensorRT 7 compiled against TensorRT 8/10 headers (clang and GCC wording)",
            text: """
                $ make
                src/engine.cpp:112:23: error: no member named 'buildEngineWithConfig' in 'nvinfer1::IBuilder'
                    engine = builder->buildEngineWithConfig(*network, *config);
                src/engine.cpp:140:30: error: 'class nvinfer1::ICudaEngine' has no member named 'getBindingIndex'
                """,
            findings: ["NVDLA-TRT-023:system"]),
        ArtifactFixtures.Case(
            name: "a DLA standalone loadable build with a layer the DLA refuses (TensorRT 8.6)",
            text: """
                &&&& RUNNING TensorRT.trtexec [TensorRT v8601] # /usr/src/tensorrt/bin/trtexec --onnx=yolo_int8.onnx --useDLACore=0 --int8 --fp16 --buildDLAStandalone --saveEngine=yolo.dla --inputIOFormats=int8:dla_hwc4 --outputIOFormats=fp16:chw16
                [12/01/2025-09:12:44] [W] [TRT] Layer '/model.24/Reshape' (SHUFFLE): Unsupported on DLA. Switching this layer's device type to GPU.
                &&&& FAILED TensorRT.trtexec [TensorRT v8601]
                """,
            findings: ["NVDLA-TRT-002:system", "NVDLA-TRT-024:system"]),
        ArtifactFixtures.Case(
            name: "the same refusal with GPU fallback allowed is an ordinary split, not TRT-024",
            text: """
                &&&& RUNNING TensorRT.trtexec [TensorRT v8601] # /usr/src/tensorrt/bin/trtexec --onnx=yolo.onnx --useDLACore=0 --fp16 --allowGPUFallback
                [12/01/2025-09:12:44] [W] [TRT] Layer '/model.24/Reshape' (SHUFFLE): Unsupported on DLA. Switching this layer's device type to GPU.
                &&&& PASSED TensorRT.trtexec [TensorRT v8601]
                """,
            findings: ["NVDLA-TRT-002:system"]),
        ArtifactFixtures.Case(
            name: "a standalone build that TensorRT splits into more than one DLA graph (TRT-020)",
            text: """
                &&&& RUNNING TensorRT.trtexec [TensorRT v8601] # /usr/src/tensorrt/bin/trtexec --onnx=net.onnx --int8 --useDLACore=0 --buildDLAStandalone --inputIOFormats=int8:dla_linear --outputIOFormats=int8:dla_linear
                [03/02/2025-11:02:03] [E] Error[2]: [foreignNode.cpp::determineCandidateForeignNodes::895] Error Code 2: Internal Error (Safety certified DLA should only have one graph for the whole network.)
                [03/02/2025-11:02:03] [E] Engine could not be created from network
                &&&& FAILED TensorRT.trtexec [TensorRT v8601]
                """,
            findings: ["NVDLA-TRT-020:system"]),
        ArtifactFixtures.Case(
            name: "a person saying layers stayed off the DLA, next to the command but without the build log (TRT-025)",
            text: """
                $ /usr/src/tensorrt/bin/trtexec --onnx=segnet.onnx --useDLACore=1 --fp16 --allowGPUFallback
                &&&& PASSED TensorRT.trtexec [TensorRT v8502]

                The upsampling layers were executed on the GPU instead of the DLA, the rest is fine.
                """,
            findings: ["NVDLA-TRT-025:system"]),
    ]
}
