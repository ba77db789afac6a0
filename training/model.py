"""DenseNet-121 for 1-channel 48x48 faces, and the one definition of its input preprocessing.

The network is torchvision's architecture with a grey stem and 5 outputs. Preprocessing is
per-face standardisation: each face's grey levels minus their mean, divided by their standard
deviation (at least MIN_STD, so a flat or nearly black crop is not blown up into noise). A
camera's crops differ from FER2013's in brightness and contrast far more than in anything a
face says; standardising removes that difference at both ends. The exporter bakes the same ops
into the tfjs graph (training/export_tfjs.py), so the extension feeds raw grey levels 0..255 and
the parity test (test/model/parity.test.ts) checks both sides against each other.

A model trained at a larger input size (--img-size, on a GPU) still takes the pipeline's 48x48
crop: it is scaled up bilinearly first, in training (FER2013 faces are 48x48 too) and in the graph.
"""

import torch
import torch.nn.functional as F
import torchvision

NUM_MOODS = 5
# Floor on a face's grey-level standard deviation (0..255 scale). FER2013 faces have 20-90.
MIN_STD = 8.0


def build_densenet121(num_classes=NUM_MOODS):
    model = torchvision.models.densenet121(weights=None, num_classes=num_classes)
    stem = model.features.conv0
    model.features.conv0 = torch.nn.Conv2d(
        1, stem.out_channels, kernel_size=stem.kernel_size, stride=stem.stride, padding=stem.padding, bias=False
    )
    torch.nn.init.kaiming_normal_(model.features.conv0.weight)
    return model


def standardise(grey255):
    """grey255: N,1,H,W grey levels in [0, 255] (float). Returns zero-mean, unit-std faces."""
    mean = grey255.mean(dim=(1, 2, 3), keepdim=True)
    centred = grey255 - mean
    std = centred.square().mean(dim=(1, 2, 3), keepdim=True).sqrt()
    return centred / std.clamp(min=MIN_STD)


def preprocess(grey255, img_size=48):
    """The network input for N,1,48,48 grey levels: scaled to img_size, then standardised."""
    if img_size != grey255.shape[-1]:
        grey255 = F.interpolate(grey255, size=(img_size, img_size), mode="bilinear", align_corners=False)
    return standardise(grey255)
