"""DenseNet-121 for 1-channel 48x48 faces: torchvision's architecture with a grey stem and 5 outputs."""

import torch
import torchvision

NUM_MOODS = 5
# Input normalisation, applied by the training loop and baked into the exported tfjs graph, so
# the extension feeds raw grey levels in [0, 255].
MEAN, STD = 0.5, 0.25


def build_densenet121(num_classes=NUM_MOODS):
    model = torchvision.models.densenet121(weights=None, num_classes=num_classes)
    stem = model.features.conv0
    model.features.conv0 = torch.nn.Conv2d(
        1, stem.out_channels, kernel_size=stem.kernel_size, stride=stem.stride, padding=stem.padding, bias=False
    )
    torch.nn.init.kaiming_normal_(model.features.conv0.weight)
    return model


def normalise(x01):
    """x01: N,1,H,W in [0, 1]."""
    return (x01 - MEAN) / STD
