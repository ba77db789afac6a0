"""Export a trained DenseNet-121 checkpoint to a tfjs GraphModel (model.json + binary shards).

    python3 training/export_tfjs.py training/runs/cpu48/best.pt models/mood-densenet121 --dtype float16

Writes the TensorFlow GraphDef as tfjs JSON directly (no TensorFlow needed). The graph takes
`input`: float32 [N, 48, 48, 1] raw grey levels 0..255 and returns `probabilities`: [N, 5]
softmax in Moodtab mood order (training/moods.py, also written to the metadata, which the
extension checks). The preprocessing of model.py (per-face standardisation) is the graph's first
ops, so there is one definition of it, and the parity test checks both sides.

Batch norms that follow a convolution are folded into it (a fused conv + bias + relu);
the pre-activation batch norms of DenseNet become a per-channel multiply-add. A checkpoint
written by choose.py carries a calibration (logits * scale + offset), folded into the last layer.

Weight dtypes: float32; float16; uint8 (affine per tensor, value = q * scale + min, as tfjs
dequantises) for the convolution kernels and the dense layer, with the small per-channel
vectors in float16.
"""

import argparse
import base64
import json
import os
import sys

import numpy as np
import torch

from model import MIN_STD, build_densenet121
from moods import MOODS

SHARD_BYTES = 4 * 1024 * 1024


def b64(text):
    return base64.b64encode(text.encode()).decode()


def ints(values):
    return {"list": {"i": [str(v) for v in values]}}


class GraphWriter:
    def __init__(self):
        self.nodes, self.weights = [], []
        self.counter = 0

    def name(self, hint):
        self.counter += 1
        return f"{hint}_{self.counter}"

    def const(self, hint, array, quantise=True):
        array = np.ascontiguousarray(array)
        name = self.name(hint)
        tf_dtype = "DT_INT32" if array.dtype == np.int32 else "DT_FLOAT"
        self.nodes.append(
            {
                "name": name,
                "op": "Const",
                "attr": {
                    "value": {
                        "tensor": {"dtype": tf_dtype, "tensorShape": {"dim": [{"size": str(d)} for d in array.shape]}}
                    },
                    "dtype": {"type": tf_dtype},
                },
            }
        )
        self.weights.append((name, array, quantise and array.dtype != np.int32))
        return name

    def op(self, hint, op, inputs, attr=None):
        name = self.name(hint)
        node = {"name": name, "op": op, "input": list(inputs), "attr": {"T": {"type": "DT_FLOAT"}, **(attr or {})}}
        self.nodes.append(node)
        return name

    def conv(self, x, weight, stride=1, padding=0, bias=None, relu=False):
        """weight: torch [out, in, kh, kw]; padding: symmetric pixels (PyTorch style)."""
        kernel = self.const("kernel", weight.permute(2, 3, 1, 0).numpy().astype(np.float32))
        attr = {
            "strides": ints([1, stride, stride, 1]),
            "data_format": {"s": b64("NHWC")},
            "dilations": ints([1, 1, 1, 1]),
        }
        if padding == 0:
            attr["padding"] = {"s": b64("VALID")}
        elif stride == 1 and weight.shape[-1] == 2 * padding + 1:
            attr["padding"] = {"s": b64("SAME")}  # identical to symmetric padding here
        else:
            attr["padding"] = {"s": b64("EXPLICIT")}
            attr["explicit_paddings"] = ints([0, 0, padding, padding, padding, padding, 0, 0])
        if bias is None:
            return self.op("conv", "Conv2D", [x, kernel], attr)
        attr["fused_ops"] = {"list": {"s": [b64("BiasAdd")] + ([b64("Relu")] if relu else [])}}
        attr["num_args"] = {"i": "1"}
        return self.op(
            "fused_conv", "_FusedConv2D", [x, kernel, self.const("bias", bias.numpy().astype(np.float32))], attr
        )

    def scale_shift(self, x, scale, shift, relu=True):
        x = self.op("bn_mul", "Mul", [x, self.const("bn_scale", scale.numpy().astype(np.float32))])
        x = self.op("bn_add", "AddV2", [x, self.const("bn_shift", shift.numpy().astype(np.float32))])
        return self.op("relu", "Relu", [x]) if relu else x


def bn_affine(bn):
    scale = bn.weight.detach() / torch.sqrt(bn.running_var + bn.eps)
    shift = bn.bias.detach() - bn.running_mean * scale
    return scale.double(), shift.double()


def fold_conv_bn(conv, bn):
    scale, shift = bn_affine(bn)
    weight = (conv.weight.detach().double() * scale[:, None, None, None]).float()
    return weight, shift.float()


def standardise(g, x):
    """model.standardise as graph ops: (x - mean) / max(std, MIN_STD) per face."""
    axes = g.const("face_axes", np.array([1, 2, 3], np.int32))
    keep = {"keep_dims": {"b": True}, "Tidx": {"type": "DT_INT32"}}
    centred = g.op("centred", "Sub", [x, g.op("face_mean", "Mean", [x, axes], keep)])
    variance = g.op("face_var", "Mean", [g.op("squared", "Mul", [centred, centred]), axes], keep)
    std = g.op(
        "face_std",
        "Maximum",
        [g.op("sqrt", "Sqrt", [variance]), g.const("min_std", np.array(MIN_STD, np.float32), False)],
    )
    return g.op("standardised", "RealDiv", [centred, std])


def resize(g, x, size):
    """model.preprocess's bilinear scaling (PyTorch align_corners=False is TF's half-pixel centres)."""
    attr = {"align_corners": {"b": False}, "half_pixel_centers": {"b": True}}
    return g.op("resize", "ResizeBilinear", [x, g.const("size", np.array([size, size], np.int32))], attr)


def build_graph(model, calibration=None, img_size=48):
    g = GraphWriter()
    f = model.features
    g.nodes.append(
        {
            "name": "input",
            "op": "Placeholder",
            "attr": {
                "dtype": {"type": "DT_FLOAT"},
                "shape": {"shape": {"dim": [{"size": "-1"}, {"size": "48"}, {"size": "48"}, {"size": "1"}]}},
            },
        }
    )
    x = standardise(g, "input" if img_size == 48 else resize(g, "input", img_size))
    weight, bias = fold_conv_bn(f.conv0, f.norm0)
    x = g.conv(x, weight, stride=2, padding=3, bias=bias, relu=True)
    # PyTorch pads max-pool input with -inf; after the ReLU every value is >= 0, so zeros are equivalent.
    x = g.op("pad", "Pad", [x, g.const("paddings", np.array([[0, 0], [1, 1], [1, 1], [0, 0]], np.int32))])
    x = g.op(
        "maxpool",
        "MaxPool",
        [x],
        {
            "ksize": ints([1, 3, 3, 1]),
            "strides": ints([1, 2, 2, 1]),
            "padding": {"s": b64("VALID")},
            "data_format": {"s": b64("NHWC")},
        },
    )
    axis = g.const("concat_axis", np.array(3, np.int32))
    for block_index in range(1, 5):
        block = getattr(f, f"denseblock{block_index}")
        for layer in block.values():
            h = g.scale_shift(x, *map(lambda t: t.float(), bn_affine(layer.norm1)))
            weight, bias = fold_conv_bn(layer.conv1, layer.norm2)
            h = g.conv(h, weight, bias=bias, relu=True)
            h = g.conv(h, layer.conv2.weight.detach(), padding=1)
            x = g.op("concat", "ConcatV2", [x, h, axis], {"N": {"i": "2"}, "Tidx": {"type": "DT_INT32"}})
        if block_index < 4:
            trans = getattr(f, f"transition{block_index}")
            x = g.scale_shift(x, *map(lambda t: t.float(), bn_affine(trans.norm)))
            x = g.conv(x, trans.conv.weight.detach())
            x = g.op(
                "avgpool",
                "AvgPool",
                [x],
                {
                    "ksize": ints([1, 2, 2, 1]),
                    "strides": ints([1, 2, 2, 1]),
                    "padding": {"s": b64("VALID")},
                    "data_format": {"s": b64("NHWC")},
                },
            )
    x = g.scale_shift(x, *map(lambda t: t.float(), bn_affine(f.norm5)))
    x = g.op(
        "mean",
        "Mean",
        [x, g.const("mean_axes", np.array([1, 2], np.int32))],
        {"keep_dims": {"b": False}, "Tidx": {"type": "DT_INT32"}},
    )
    weight, bias = model.classifier.weight.detach().double(), model.classifier.bias.detach().double()
    if calibration:  # logits * scale + offset, folded into the dense layer
        weight = weight * calibration["scale"]
        bias = bias * calibration["scale"] + torch.tensor(calibration["offset"], dtype=torch.float64)
    fc_w, fc_b = weight.t().float().numpy(), bias.float().numpy()
    x = g.op("matmul", "MatMul", [x, g.const("fc_w", fc_w)], {"transpose_a": {"b": False}, "transpose_b": {"b": False}})
    x = g.op("logits", "BiasAdd", [x, g.const("fc_b", fc_b)], {"data_format": {"s": b64("NHWC")}})
    g.nodes.append({"name": "probabilities", "op": "Softmax", "input": [x], "attr": {"T": {"type": "DT_FLOAT"}}})
    return g


# In uint8 models, tensors smaller than this stay float16: per-channel scales and shifts have a
# wide range for few values, and quantising them saves nothing worth their precision.
UINT8_MIN_SIZE = 4096


def encode_weights(weights, dtype):
    specs, chunks = [], []
    for name, array, quantise in weights:
        spec = {"name": name, "shape": list(array.shape), "dtype": "int32" if array.dtype == np.int32 else "float32"}
        if quantise and dtype == "uint8" and array.size < UINT8_MIN_SIZE:
            data = array.astype(np.float16).tobytes()
            spec["quantization"] = {"dtype": "float16", "original_dtype": "float32"}
        elif quantise and dtype == "float16":
            data = array.astype(np.float16).tobytes()
            spec["quantization"] = {"dtype": "float16", "original_dtype": "float32"}
        elif quantise and dtype == "uint8":
            lo, hi = float(array.min()), float(array.max())
            scale = (hi - lo) / 255.0 or 1.0
            data = np.round((array - lo) / scale).clip(0, 255).astype(np.uint8).tobytes()
            spec["quantization"] = {"dtype": "uint8", "min": lo, "scale": scale, "original_dtype": "float32"}
        else:
            data = array.astype(np.int32 if array.dtype == np.int32 else np.float32).tobytes()
        specs.append(spec)
        chunks.append(data)
    return specs, b"".join(chunks)


def export(checkpoint_path, out_dir, dtype):
    state = torch.load(checkpoint_path, map_location="cpu")
    model = build_densenet121()
    model.load_state_dict(state["model"])
    model.eval()
    img_size = state["args"]["img_size"]
    graph = build_graph(model, state.get("calibration"), img_size)
    specs, blob = encode_weights(graph.weights, dtype)
    os.makedirs(out_dir, exist_ok=True)
    for old in os.listdir(out_dir):
        if old.startswith("group1-shard"):
            os.remove(os.path.join(out_dir, old))
    count = max(1, -(-len(blob) // SHARD_BYTES))
    paths = []
    for i in range(count):
        path = f"group1-shard{i + 1}of{count}.bin"
        with open(os.path.join(out_dir, path), "wb") as shard:
            shard.write(blob[i * SHARD_BYTES : (i + 1) * SHARD_BYTES])
        paths.append(path)
    model_json = {
        "format": "graph-model",
        "generatedBy": f"torch {torch.__version__}",
        "convertedBy": "moodtab training/export_tfjs.py",
        "signature": {
            "inputs": {
                "input": {
                    "name": "input:0",
                    "dtype": "DT_FLOAT",
                    "tensorShape": {"dim": [{"size": "-1"}, {"size": "48"}, {"size": "48"}, {"size": "1"}]},
                }
            },
            "outputs": {
                "probabilities": {
                    "name": "probabilities:0",
                    "dtype": "DT_FLOAT",
                    "tensorShape": {"dim": [{"size": "-1"}, {"size": "5"}]},
                }
            },
        },
        "userDefinedMetadata": {
            "moods": list(MOODS),
            "inputSize": 48,
            "inputRange": [0, 255],
            "preprocessing": f"per-face standardisation, std floor {MIN_STD}",
            "trainedInputSize": img_size,
            **({"calibration": state["calibration"]} if state.get("calibration") else {}),
        },
        "modelTopology": {"node": graph.nodes, "library": {}, "versions": {"producer": 1}},
        "weightsManifest": [{"paths": paths, "weights": specs}],
    }
    with open(os.path.join(out_dir, "model.json"), "w") as handle:
        json.dump(model_json, handle, separators=(",", ":"))
    return model, len(blob)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkpoint")
    parser.add_argument("out_dir")
    parser.add_argument("--dtype", choices=["float32", "float16", "uint8"], default="float16")
    args = parser.parse_args(argv)
    _, size = export(args.checkpoint, args.out_dir, args.dtype)
    print(f"wrote {args.out_dir} ({size / 1e6:.1f} MB weights, {args.dtype})", file=sys.stderr)


if __name__ == "__main__":
    main()
