"""Batched augmentation that mimics what the extension's pipeline makes of a camera frame.

After MediaPipe alignment a face is level and centred to within a few degrees and pixels, so the
geometric jitter is small; what varies much more than in FER2013 is the light (gain, gamma,
uneven contrast), the sharpness (webcam blur, low resolution faces scaled up), sensor noise and
what covers the face (glasses, hair, a hand).
"""

import math

import torch
import torch.nn.functional as F


def _geometry(batch, rand):
    n = batch.shape[0]
    angle = (rand(n) * 2 - 1) * math.radians(10)
    scale = 1 + (rand(n) * 2 - 1) * 0.12
    flip = torch.where(rand(n) < 0.5, -1.0, 1.0)
    shift = (rand(n, 2) * 2 - 1) * 0.07
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack(
        [torch.stack([cos * flip, -sin, shift[:, 0]], 1), torch.stack([sin * flip, cos, shift[:, 1]], 1)], 1
    )
    grid = F.affine_grid(theta, batch.shape, align_corners=False)
    return F.grid_sample(batch, grid, padding_mode="border", align_corners=False)


def _box(rows, cols, y0, y1, x0, x1):
    """N,1,H,W mask of one rectangle per image (bounds are N-vectors, in pixels)."""
    inside_y = (rows >= y0.view(-1, 1, 1, 1)) & (rows < y1.view(-1, 1, 1, 1))
    return inside_y & (cols >= x0.view(-1, 1, 1, 1)) & (cols < x1.view(-1, 1, 1, 1))


def _blur(x, sigma):
    radius = 2
    offsets = torch.arange(-radius, radius + 1, dtype=x.dtype, device=x.device)
    kernel = torch.exp(-(offsets**2)[None, :] / (2 * sigma[:, None] ** 2))
    kernel = kernel / kernel.sum(1, keepdim=True)  # n, 5
    n, _, h, w = x.shape
    # Depthwise separable blur with a per-image sigma: images as channels of one batch.
    flat = x.view(1, n, h, w)
    flat = F.conv2d(F.pad(flat, (radius, radius, 0, 0), mode="replicate"), kernel.view(n, 1, 1, -1), groups=n)
    flat = F.conv2d(F.pad(flat, (0, 0, radius, radius), mode="replicate"), kernel.view(n, 1, -1, 1), groups=n)
    return flat.view(n, 1, h, w)


def augment(batch, generator=None):
    """batch: N,1,H,W in [0, 1], on any device. Returns an augmented copy in [0, 1]. Vectorised
    (no per-image Python loops), so it keeps up with a GPU."""
    n, _, size, _ = batch.shape
    device = batch.device

    def rand(*shape):
        return torch.rand(*shape, generator=generator, device=device)

    out = _geometry(batch, rand)

    # Low resolution: a small face in a webcam frame, scaled up by the crop.
    low = torch.nonzero(rand(n) < 0.15).flatten()
    if len(low):
        small = int(size * (0.5 + 0.3 * rand(1).item()))
        down = F.interpolate(out[low], size=(small, small), mode="area")
        out[low] = F.interpolate(down, size=(size, size), mode="bilinear", align_corners=False)

    # Blur (focus, motion), a fifth of the faces.
    blurred = torch.nonzero(rand(n) < 0.2).flatten()
    if len(blurred):
        out[blurred] = _blur(out[blurred], 0.4 + 0.6 * rand(len(blurred)))

    # Light: gamma, gain and offset, and a left-right gradient (a window on one side).
    gamma = torch.exp((rand(n, 1, 1, 1) * 2 - 1) * math.log(1.8))
    out = out.clamp(1e-4, 1) ** gamma
    gain = 1 + (rand(n, 1, 1, 1) * 2 - 1) * 0.3
    bias = (rand(n, 1, 1, 1) * 2 - 1) * 0.15
    ramp = torch.linspace(-1, 1, size, device=device).view(1, 1, 1, size)
    side = (rand(n, 1, 1, 1) * 2 - 1) * 0.2 * (rand(n, 1, 1, 1) < 0.3)
    out = (out - 0.5) * gain + 0.5 + bias + side * ramp

    rows = torch.arange(size, device=device).view(1, 1, size, 1)
    cols = torch.arange(size, device=device).view(1, 1, 1, size)

    # Glasses: two dark lenses on the eye line and a bridge, one face in ten.
    top = (size * (0.33 + 0.1 * rand(n))).long()
    bottom = top + (size * (0.1 + 0.08 * rand(n))).long().clamp(min=2)
    lens = int(size * 0.26)
    left, right = int(size * 0.17), int(size * 0.57)
    full = torch.full((n,), 1, device=device)
    glasses = (
        _box(rows, cols, top, bottom, full * left, full * (left + lens))
        | _box(rows, cols, top, bottom, full * right, full * (right + lens))
        | _box(rows, cols, top, top + 1, full * int(size * 0.43), full * int(size * 0.57))
    ) & (rand(n, 1, 1, 1) < 0.1)
    out = torch.where(glasses, 0.05 + 0.5 * rand(n, 1, 1, 1), out)

    # Sensor noise, a third of the faces.
    noisy = (rand(n, 1, 1, 1) < 0.33) * rand(n, 1, 1, 1) * 0.03
    out = out + noisy * torch.randn(out.shape, generator=generator, device=device)

    # Random erasing: one patch (hair, a hand, a shadow), half the faces.
    h = size // 8 + (rand(n) * (size // 3 - size // 8)).long()
    w = size // 8 + (rand(n) * (size // 3 - size // 8)).long()
    y = (rand(n) * (size - h)).long()
    x = (rand(n) * (size - w)).long()
    erased = _box(rows, cols, y, y + h, x, x + w) & (rand(n, 1, 1, 1) < 0.5)
    out = torch.where(erased, rand(n, 1, 1, 1), out)
    return out.clamp(0, 1)
