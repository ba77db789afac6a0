"""Read an exported tfjs mood model (model.json + shards) back into a PyTorch DenseNet-121.

Two uses:
- the parity fixture: PyTorch's outputs for the weights exactly as tfjs dequantises them
  (float16, or uint8 affine), so the Node test compares like with like;
- warm starts from a shipped model when its training checkpoint is gone (train.py --init-tfjs).

The exporter folds every batch norm that follows a convolution into it and turns the others into
a per-channel scale and shift. Reading back, each folded pair becomes the folded convolution and
a batch norm holding the shift (identity statistics), which computes exactly the same function in
eval mode. Before training, `recalibrate_batchnorm` gives those batch norms the statistics of real
data (a reparametrisation that leaves eval outputs unchanged) so train-mode batch statistics
match them.
"""

import json
import os
import pathlib

import numpy as np
import torch

from model import build_densenet121

# Weight names the exporter gives, in the order it writes the network's parameters.
PARAM_PREFIXES = ("kernel", "bias", "bn_scale", "bn_shift", "fc_w", "fc_b")


def read_weights(model_dir):
    """[(name, float32 array)] in manifest order, dequantised as tfjs does (value = q * scale + min)."""
    with open(os.path.join(model_dir, "model.json")) as handle:
        manifest = json.load(handle)["weightsManifest"]
    weights = []
    for group in manifest:
        blob = b"".join(pathlib.Path(model_dir, path).read_bytes() for path in group["paths"])
        offset = 0
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            quant = spec.get("quantization")
            if quant and quant["dtype"] == "float16":
                raw = np.frombuffer(blob, np.float16, count, offset).astype(np.float32)
                offset += 2 * count
            elif quant and quant["dtype"] == "uint8":
                q = np.frombuffer(blob, np.uint8, count, offset).astype(np.float64)
                raw = (q * quant["scale"] + quant["min"]).astype(np.float32)
                offset += count
            else:
                dtype = np.int32 if spec["dtype"] == "int32" else np.float32
                raw = np.frombuffer(blob, dtype, count, offset)
                offset += 4 * count
            weights.append((spec["name"], raw.reshape(spec["shape"])))
    return weights


def _set_bn(bn, scale, shift):
    """Batch norm computing x * scale + shift in eval mode (identity running statistics)."""
    with torch.no_grad():
        bn.weight.copy_(torch.from_numpy(scale))
        bn.bias.copy_(torch.from_numpy(shift))
        bn.running_mean.zero_()
        bn.running_var.fill_(1.0 - bn.eps)


def _set_conv(conv, kernel_hwio):
    with torch.no_grad():
        conv.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel_hwio.transpose(3, 2, 0, 1))))


def load_tfjs(model_dir):
    """A PyTorch DenseNet-121 (eval mode) computing what the tfjs graph's network computes.

    Input preprocessing is not part of it: callers apply the convention the model was exported
    with (model.standardise for Moodtab v2 models)."""
    params = iter([array for name, array in read_weights(model_dir) if name.rsplit("_", 1)[0] in PARAM_PREFIXES])
    model = build_densenet121()
    f = model.features
    _set_conv(f.conv0, next(params))
    _set_bn(f.norm0, np.ones(f.norm0.num_features, np.float32), next(params))
    for block_index in range(1, 5):
        for layer in getattr(f, f"denseblock{block_index}").values():
            _set_bn(layer.norm1, next(params), next(params))
            _set_conv(layer.conv1, next(params))
            _set_bn(layer.norm2, np.ones(layer.norm2.num_features, np.float32), next(params))
            _set_conv(layer.conv2, next(params))
        if block_index < 4:
            trans = getattr(f, f"transition{block_index}")
            _set_bn(trans.norm, next(params), next(params))
            _set_conv(trans.conv, next(params))
    _set_bn(f.norm5, next(params), next(params))
    with torch.no_grad():
        model.classifier.weight.copy_(torch.from_numpy(next(params).T.copy()))
        model.classifier.bias.copy_(torch.from_numpy(next(params)))
    if next(params, None) is not None:
        raise ValueError(f"{model_dir}: more weights than a DenseNet-121 has")
    return model.eval()


@torch.no_grad()
def recalibrate_batchnorm(model, batches):
    """Sets each batch norm's running statistics to those of its input over `batches`, adjusting
    its scale and shift so eval outputs stay the same: gamma (x - m) / sqrt(v + eps) + beta' equals
    the old gamma0 (x - m0) / sqrt(v0 + eps) + beta0 for gamma = gamma0 sqrt(v + eps) / sqrt(v0 + eps)
    and beta' = beta0 + gamma0 (m - m0) / sqrt(v0 + eps)."""
    norms = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    sums = {bn: [0.0, 0.0, 0] for bn in norms}

    def hook(bn, inputs, _output):
        x = inputs[0].double()
        acc = sums[bn]
        acc[0] = acc[0] + x.sum(dim=(0, 2, 3))
        acc[1] = acc[1] + x.square().sum(dim=(0, 2, 3))
        acc[2] += x.numel() // x.shape[1]

    handles = [bn.register_forward_hook(hook) for bn in norms]
    model.eval()
    for batch in batches:
        model(batch)
    for handle in handles:
        handle.remove()
    for bn in norms:
        total, squares, count = sums[bn]
        mean = total / count
        var = (squares / count - mean.square()).clamp(min=0)
        old_std = (bn.running_var.double() + bn.eps).sqrt()
        gamma0, beta0, mean0 = bn.weight.double(), bn.bias.double(), bn.running_mean.double()
        bn.bias.copy_((beta0 + gamma0 * (mean - mean0) / old_std).float())
        bn.weight.copy_((gamma0 * (var + bn.eps).sqrt() / old_std).float())
        bn.running_mean.copy_(mean.float())
        bn.running_var.copy_(var.float())
