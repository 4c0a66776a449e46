#!/usr/bin/env python3
"""Writes the ONNX test models of Tests/OnnxModels/ with onnx.helper (pip install onnx).

Each boundary model holds one operator at one side of a DLA limit (kernel 32/33, window 8/9, stride 8/9, padding
31/32, resize scale 32/33, ...), so `nvdla-doctor model` can be checked rule by rule; the structural models cover
external data, old opsets and IR versions, the jetson_dla_tutorial networks and the per-core loadable limit.
`generate.py --check` regenerates into a temporary directory and fails if any file differs.
Models are tiny (zero weights, few channels): only shapes and attributes matter to placement.
"""
import os
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
F = TensorProto.FLOAT


def tensor(name, shape, dtype=np.float32, value=0.0):
    return numpy_helper.from_array(np.full(shape, value, dtype=dtype), name)


def model(name, nodes, inputs, outputs, inits=(), opset=17, ir=8):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(inits))
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="nvdla-doctor-tests")
    m.ir_version = ir
    return m


def vi(name, shape, dtype=F):
    return helper.make_tensor_value_info(name, dtype, shape)


def conv(name, c_in=1, c_out=1, hw=64, kernel=3, stride=1, pad=0, dilation=1, group=1):
    w = tensor("w", [c_out, c_in // group, kernel, kernel])
    node = helper.make_node("Conv", ["x", "w"], ["y"], name=name, kernel_shape=[kernel, kernel],
                            strides=[stride, stride], pads=[pad] * 4, dilations=[dilation, dilation], group=group)
    return model(name, [node], [vi("x", [1, c_in, hw, hw])], [vi("y", None)], [w])


def single(name, op, shape=(1, 4, 16, 16), inputs=None, inits=(), extra_inputs=(), opset=17, **attrs):
    node = helper.make_node(op, inputs or ["x"], ["y"], name=name, **attrs)
    return model(name, [node], [vi("x", list(shape))] + list(extra_inputs), [vi("y", None)], inits, opset=opset)


def models():
    out = {}
    # Convolution limits (NvInfer.h: kernel [1,32], stride [1,8], padding [0,31] and < kernel, dilation [1,32],
    # groups and output maps [1,8192]).
    out["conv-kernel-32"] = conv("conv-kernel-32", kernel=32)
    out["conv-kernel-33"] = conv("conv-kernel-33", kernel=33)
    out["conv-stride-8"] = conv("conv-stride-8", stride=8)
    out["conv-stride-9"] = conv("conv-stride-9", stride=9)
    out["conv-padding-31"] = conv("conv-padding-31", kernel=32, pad=31)
    out["conv-padding-32"] = conv("conv-padding-32", kernel=32, pad=32)
    out["conv-dilation-32"] = conv("conv-dilation-32", kernel=2, dilation=32, hw=96)
    out["conv-dilation-33"] = conv("conv-dilation-33", kernel=2, dilation=33, hw=96)
    out["conv-groups-8192"] = conv("conv-groups-8192", c_in=8192, c_out=8192, hw=2, kernel=1, group=8192)
    out["conv-output-maps-8193"] = conv("conv-output-maps-8193", c_out=8193, hw=2, kernel=1)
    # Deconvolution: padding must be 0.
    for pad in (0, 1):
        name = f"deconv-padding-{pad}"
        w = tensor("w", [2, 2, 2, 2])
        node = helper.make_node("ConvTranspose", ["x", "w"], ["y"], name=name, kernel_shape=[2, 2], strides=[2, 2],
                                pads=[pad] * 4)
        out[name] = model(name, [node], [vi("x", [1, 2, 8, 8])], [vi("y", None)], [w])
    # Pooling limits: window [1,8], stride [1,16], padding [0,7]; Xavier: inclusive average padding only.
    for window in (8, 9):
        out[f"pool-window-{window}"] = single(f"pool-window-{window}", "MaxPool", shape=(1, 4, 32, 32),
                                              kernel_shape=[window, window])
    for stride in (16, 17):
        out[f"pool-stride-{stride}"] = single(f"pool-stride-{stride}", "MaxPool", shape=(1, 4, 64, 64),
                                              kernel_shape=[2, 2], strides=[stride, stride])
    for pad in (7, 8):
        out[f"pool-padding-{pad}"] = single(f"pool-padding-{pad}", "MaxPool", shape=(1, 4, 32, 32),
                                            kernel_shape=[8, 8], pads=[pad] * 4)
    out["avgpool-exclusive"] = single("avgpool-exclusive", "AveragePool", kernel_shape=[3, 3], pads=[1, 1, 1, 1],
                                      count_include_pad=0)
    out["avgpool-inclusive"] = single("avgpool-inclusive", "AveragePool", kernel_shape=[3, 3], pads=[1, 1, 1, 1],
                                      count_include_pad=1)
    # Resize: 4 scales, batch/channel 1, integer H/W scales [1,32] nearest, [1,4] bilinear; supported modes.
    def resize(name, scale, mode="nearest", transform="asymmetric", nearest="floor", sizes=None):
        roi = tensor("roi", [0])
        scales = numpy_helper.from_array(np.array([1, 1, scale, scale], dtype=np.float32), "scales")
        inits = [roi, scales]
        args = ["x", "roi", "scales"]
        if sizes is not None:
            inits = [roi, numpy_helper.from_array(np.array(sizes, dtype=np.int64), "sizes")]
            args = ["x", "roi", "", "sizes"]
        attrs = dict(mode=mode, coordinate_transformation_mode=transform)
        if mode == "nearest":
            attrs["nearest_mode"] = nearest
        return single(name, "Resize", shape=(1, 2, 4, 4), inputs=args, inits=inits, **attrs)
    out["resize-nearest-32"] = resize("resize-nearest-32", 32)
    out["resize-nearest-33"] = resize("resize-nearest-33", 33)
    out["resize-linear-4"] = resize("resize-linear-4", 4, mode="linear", transform="half_pixel")
    out["resize-linear-5"] = resize("resize-linear-5", 5, mode="linear", transform="half_pixel")
    out["resize-linear-asymmetric"] = resize("resize-linear-asymmetric", 2, mode="linear", transform="asymmetric")
    out["resize-cubic"] = resize("resize-cubic", 2, mode="cubic", transform="half_pixel")
    out["resize-sizes"] = resize("resize-sizes", 2, sizes=[1, 2, 8, 8])
    # Concatenation on C only.
    for axis, name in ((1, "concat-channel"), (2, "concat-height")):
        node = helper.make_node("Concat", ["x", "x2"], ["y"], name=name, axis=axis)
        out[name] = model(name, [node], [vi("x", [1, 4, 8, 8]), vi("x2", [1, 4, 8, 8])], [vi("y", None)])
    # SoftMax: Orin only; axis dimension at most 8192 (others 1) or 1024 (others above 1).
    out["softmax-channel"] = single("softmax-channel", "Softmax", shape=(1, 16, 1, 1), axis=1)
    out["softmax-spread-1024"] = single("softmax-spread-1024", "Softmax", shape=(1, 1024, 2, 2), axis=1)
    out["softmax-spread-1025"] = single("softmax-spread-1025", "Softmax", shape=(1, 1025, 2, 2), axis=1)
    # ElementWise: SUM/PROD/MAX/MIN/SUB everywhere; DIV not in 8.x (real JetPack 6.0 log), disputed in 10.3.
    c = tensor("c", [1, 4, 1, 1], value=2.0)
    out["div-constant"] = single("div-constant", "Div", inputs=["x", "c"], inits=[c])
    out["mul-constant"] = single("mul-constant", "Mul", inputs=["x", "c"], inits=[c])
    out["pow-constant"] = single("pow-constant", "Pow", inputs=["x", "c"], inits=[c])
    out["greater"] = single("greater", "Greater", inputs=["x", "c"], inits=[c])
    out["add-3d"] = single("add-3d", "Add", shape=(1, 4, 16), inputs=["x", "c3"], inits=[tensor("c3", [1, 4, 1], value=1.0)])
    # Reduce: GlobalAveragePool becomes Reduce AVG; GlobalMaxPool Reduce MAX.
    out["global-average-pool"] = single("global-average-pool", "GlobalAveragePool")
    out["global-max-pool"] = single("global-max-pool", "GlobalMaxPool")
    # Shuffle: 4-D only, batch untouched.
    shape4 = numpy_helper.from_array(np.array([1, 8, 8, 16], dtype=np.int64), "shape")
    out["reshape-4d"] = single("reshape-4d", "Reshape", inputs=["x", "shape"], inits=[shape4])
    out["flatten"] = single("flatten", "Flatten", axis=1)
    out["transpose-batch"] = single("transpose-batch", "Transpose", perm=[1, 0, 2, 3])
    out["transpose-hw"] = single("transpose-hw", "Transpose", perm=[0, 1, 3, 2])
    # Slice: 4-D, constant parameters, stride 1, not on the batch axis; Expand/Tile are out-of-bounds slices.
    def slice_model(name, starts, ends, axes, steps, shape=(1, 4, 16, 16)):
        inits = [numpy_helper.from_array(np.array(v, dtype=np.int64), n)
                 for v, n in ((starts, "starts"), (ends, "ends"), (axes, "axes"), (steps, "steps"))]
        return single(name, "Slice", shape=shape, inputs=["x", "starts", "ends", "axes", "steps"], inits=inits)
    out["slice-channel"] = slice_model("slice-channel", [0], [2], [1], [1])
    out["slice-step-2"] = slice_model("slice-step-2", [0], [16], [2], [2])
    out["slice-3d"] = slice_model("slice-3d", [0], [2], [1], [1], shape=(1, 4, 16))
    out["slice-batch"] = slice_model("slice-batch", [0], [1], [0], [1], shape=(2, 4, 16, 16))
    expand_shape = numpy_helper.from_array(np.array([1, 4, 16, 16], dtype=np.int64), "eshape")
    out["expand"] = single("expand", "Expand", shape=(1, 4, 1, 16), inputs=["x", "eshape"], inits=[expand_shape])
    # Activations and unary.
    out["relu"] = single("relu", "Relu")
    out["leaky-relu"] = single("leaky-relu", "LeakyRelu", alpha=0.1)
    out["hard-swish"] = single("hard-swish", "HardSwish")
    for lo, hi, name in ((0.0, 6.0, "clip-0-6"), (-1.0, 1.0, "clip-minus-1-1")):
        inits = [numpy_helper.from_array(np.array(lo, dtype=np.float32), "lo"),
                 numpy_helper.from_array(np.array(hi, dtype=np.float32), "hi")]
        out[name] = single(name, "Clip", inputs=["x", "lo", "hi"], inits=inits)
    out["abs"] = single("abs", "Abs")
    out["neg"] = single("neg", "Neg")
    out["lrn-5"] = single("lrn-5", "LRN", size=5)
    out["lrn-11"] = single("lrn-11", "LRN", size=11)
    out["prelu"] = single("prelu", "PRelu", inputs=["x", "slope"], inits=[tensor("slope", [1, 4, 1, 1], value=0.1)])
    out["batchnorm"] = single("batchnorm", "BatchNormalization", inputs=["x", "s", "b", "m", "v"],
                              inits=[tensor(n, [4], value=1.0) for n in ("s", "b", "m", "v")])
    # MatMul/Gemm need a constant second input.
    out["gemm-constant"] = single("gemm-constant", "Gemm", shape=(1, 16), inputs=["x", "wg"],
                                  inits=[tensor("wg", [16, 8])])
    mm = helper.make_node("MatMul", ["x", "x2"], ["y"], name="matmul-tensors")
    out["matmul-tensors"] = model("matmul-tensors", [mm], [vi("x", [1, 4, 8, 8]), vi("x2", [1, 4, 8, 8])], [vi("y", None)])
    # Precision: integer tensors cannot run on the DLA.
    add_int = helper.make_node("Add", ["x", "x2"], ["y"], name="add-int32")
    out["add-int32"] = model("add-int32", [add_int], [vi("x", [1, 4, 8, 8], TensorProto.INT32),
                                                      vi("x2", [1, 4, 8, 8], TensorProto.INT32)],
                             [vi("y", None, TensorProto.INT32)])
    # Dynamic batch: GPU unless --shapes fixes it.
    relu = helper.make_node("Relu", ["x"], ["y"], name="relu-dynamic")
    out["relu-dynamic"] = model("relu-dynamic", [relu], [vi("x", ["N", 4, 16, 16])], [vi("y", None)])
    nms = helper.make_node("NonMaxSuppression", ["boxes", "scores"], ["y"], name="nms")
    out["nms"] = model("nms", [nms], [vi("boxes", [1, 100, 4]), vi("scores", [1, 1, 100])],
                       [vi("y", None, TensorProto.INT64)])
    out.update(structural())
    return out


def structural():
    out = {}
    # Opset 7 Upsample (scales attribute) and opset 9 Slice (attributes): old exporters.
    up = helper.make_node("Upsample", ["x"], ["y"], name="upsample", mode="nearest", scales=[1.0, 1.0, 2.0, 2.0])
    out["opset7-upsample"] = model("opset7-upsample", [up], [vi("x", [1, 4, 8, 8])], [vi("y", None)], opset=7, ir=3)
    sl = helper.make_node("Slice", ["x"], ["y"], name="slice", starts=[0], ends=[2], axes=[1])
    out["opset9-slice"] = model("opset9-slice", [sl], [vi("x", [1, 4, 8, 8])], [vi("y", None)], opset=9, ir=4)
    # A view/flatten chain: Shape -> Gather -> Unsqueeze -> Concat -> Reshape (folded at build time).
    nodes = [
        helper.make_node("Conv", ["x", "w"], ["c"], name="conv", kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("Shape", ["c"], ["s"], name="shape"),
        helper.make_node("Gather", ["s", "zero"], ["n"], name="gather", axis=0),
        helper.make_node("Unsqueeze", ["n", "axes0"], ["n1"], name="unsqueeze"),
        helper.make_node("Concat", ["n1", "minus1"], ["target"], name="concat", axis=0),
        helper.make_node("Reshape", ["c", "target"], ["y"], name="reshape"),
    ]
    inits = [tensor("w", [4, 4, 3, 3]), numpy_helper.from_array(np.array(0, dtype=np.int64), "zero"),
             numpy_helper.from_array(np.array([0], dtype=np.int64), "axes0"),
             numpy_helper.from_array(np.array([-1], dtype=np.int64), "minus1")]
    out["shape-chain"] = model("shape-chain", nodes, [vi("x", [1, 4, 8, 8])], [vi("y", None)], inits, opset=13)
    out.update(tutorial())
    # 18 DLA regions separated by GPU layers: more than the 16 loadables a core holds.
    nodes, inits, prev = [], [], "x"
    for i in range(18):
        inits.append(tensor(f"w{i}", [4, 4, 1, 1]))
        nodes.append(helper.make_node("Conv", [prev, f"w{i}"], [f"c{i}"], name=f"Conv_{2 * i}"))
        nodes.append(helper.make_node("Neg", [f"c{i}"], [f"n{i}"], name=f"Neg_{2 * i + 1}"))
        prev = f"n{i}"
    nodes[-1].output[0] = "y"
    out["loadable-limit"] = model("loadable-limit", nodes, [vi("x", [1, 4, 8, 8])], [vi("y", None)], inits)
    return out


def omit_weights(t):
    """Marks a weight tensor as external data in a file that is not shipped: placement needs only its dims, and a
    model copied without its side file must still be judged (the tool never reads large external tensors)."""
    length = len(t.raw_data)
    t.ClearField("raw_data")
    t.data_location = TensorProto.EXTERNAL
    for key, value in (("location", "omitted-weights.bin"), ("offset", "0"), ("length", str(length))):
        entry = t.external_data.add()
        entry.key, entry.value = key, value


def tutorial():
    """ModelBN and ModelGN of NVIDIA-AI-IOT/jetson_dla_tutorial (models.py), as torch.onnx (opset 11, 2022) writes
    them: BatchNorm folded into Conv, GroupNorm as Reshape/InstanceNormalization/Reshape/Mul/Add, the head as
    GlobalAveragePool, a Shape/Gather/Unsqueeze/Concat/Reshape view and Gemm; node names as in the tutorial's log."""
    out = {}
    channels = [3, 64, 128, 256, 512]
    for kind in ("bn", "gn"):
        nodes, inits, prev, n = [], [], "input", 0

        def name(op):
            nonlocal n
            text = f"{op}_{n}"
            n += 1
            return text
        for i in range(4):
            inits += [tensor(f"cnn.{3 * i}.weight", [channels[i + 1], channels[i], 3, 3]),
                      tensor(f"cnn.{3 * i}.bias", [channels[i + 1]])]
            conv_out = f"conv{i}"
            nodes.append(helper.make_node("Conv", [prev, f"cnn.{3 * i}.weight", f"cnn.{3 * i}.bias"], [conv_out],
                                          name=name("Conv"), kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1]))
            prev = conv_out
            if kind == "gn":
                c = channels[i + 1]
                shape_name = f"gn_shape{i}"
                inits += [numpy_helper.from_array(np.array([0, 8, -1], dtype=np.int64), shape_name)]
                nodes.append(helper.make_node("Constant", [], [f"k{i}"], name=name("Constant"),
                                              value=numpy_helper.from_array(np.array([0, 8, -1], dtype=np.int64))))
                nodes.append(helper.make_node("Reshape", [prev, f"k{i}"], [f"r{i}"], name=name("Reshape")))
                nodes.append(helper.make_node("Constant", [], [f"ones{i}"], name=name("Constant"),
                                              value=numpy_helper.from_array(np.ones(8, dtype=np.float32))))
                nodes.append(helper.make_node("Constant", [], [f"zeros{i}"], name=name("Constant"),
                                              value=numpy_helper.from_array(np.zeros(8, dtype=np.float32))))
                nodes.append(helper.make_node("InstanceNormalization", [f"r{i}", f"ones{i}", f"zeros{i}"],
                                              [f"in{i}"], name=name("InstanceNormalization"), epsilon=1e-5))
                nodes.append(helper.make_node("Shape", [prev], [f"s{i}"], name=name("Shape")))
                nodes.append(helper.make_node("Reshape", [f"in{i}", f"s{i}"], [f"b{i}"], name=name("Reshape")))
                inits += [tensor(f"gn{i}.weight", [c, 1, 1], value=1.0), tensor(f"gn{i}.bias", [c, 1, 1])]
                nodes.append(helper.make_node("Mul", [f"b{i}", f"gn{i}.weight"], [f"m{i}"], name=name("Mul")))
                nodes.append(helper.make_node("Add", [f"m{i}", f"gn{i}.bias"], [f"a{i}"], name=name("Add")))
                inits.pop(-3)  # the shape initializer above is only for reference; the Constant node carries it
                prev = f"a{i}"
            nodes.append(helper.make_node("Relu", [prev], [f"relu{i}"], name=name("Relu")))
            prev = f"relu{i}"
        nodes.append(helper.make_node("GlobalAveragePool", [prev], ["pool"], name=name("GlobalAveragePool")))
        nodes.append(helper.make_node("Shape", ["pool"], ["ps"], name=name("Shape")))
        nodes.append(helper.make_node("Constant", [], ["idx"], name=name("Constant"),
                                      value=numpy_helper.from_array(np.array(0, dtype=np.int64))))
        nodes.append(helper.make_node("Gather", ["ps", "idx"], ["batch"], name=name("Gather"), axis=0))
        nodes.append(helper.make_node("Unsqueeze", ["batch"], ["batch1"], name=name("Unsqueeze"), axes=[0]))
        inits.append(numpy_helper.from_array(np.array([-1], dtype=np.int64), "minus_one"))
        nodes.append(helper.make_node("Concat", ["batch1", "minus_one"], ["view"], name=name("Concat"), axis=0))
        nodes.append(helper.make_node("Reshape", ["pool", "view"], ["flat"], name=name("Reshape")))
        inits += [tensor("linear.weight", [10, 512]), tensor("linear.bias", [10])]
        nodes.append(helper.make_node("Gemm", ["flat", "linear.weight", "linear.bias"], ["output"], name=name("Gemm"),
                                      alpha=1.0, beta=1.0, transB=1))
        for t in inits:
            if t.name.endswith(".weight") and t.name.startswith("cnn."):
                omit_weights(t)
        out[f"tutorial-model-{kind}"] = model(f"model_{kind}", nodes, [vi("input", ["batch", 3, 32, 32])],
                                              [vi("output", ["batch", 10])], inits, opset=11, ir=6)
    return out


def write(directory):
    written = []
    for name, m in sorted(models().items()):
        assert m.graph.node, name
        path = os.path.join(directory, name + ".onnx")
        with open(path, "wb") as f:
            f.write(m.SerializeToString())
        written.append(path)
    # External data: the same Reshape as reshape-4d with its shape tensor in a side file.
    ext = models()["reshape-4d"]
    ext.graph.name = "external-data"
    if os.path.exists(os.path.join(directory, "external-data.bin")):
        os.remove(os.path.join(directory, "external-data.bin"))
    cwd = os.getcwd()
    os.chdir(directory)  # onnx resolves the side file against the working directory
    try:
        onnx.save_model(ext, "external-data.onnx", save_as_external_data=True, all_tensors_to_one_file=True,
                        location="external-data.bin", size_threshold=0)
    finally:
        os.chdir(cwd)
    return written


def main():
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            write(tmp)
            bad = []
            for name in sorted(os.listdir(tmp)):
                mine = os.path.join(HERE, name)
                if not os.path.exists(mine) or open(mine, "rb").read() != open(os.path.join(tmp, name), "rb").read():
                    bad.append(name)
            if bad:
                sys.exit("generate.py --check: differs from the generator: " + ", ".join(bad))
            print("generate.py --check: all models match")
        return
    write(HERE)


if __name__ == "__main__":
    main()
