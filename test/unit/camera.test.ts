/** @jest-environment jsdom */
import { captureFrames } from '../../src/capture/camera';
import { cameraError } from '../../src/shared/errors';

class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  stop = jest.fn(() => {
    this.readyState = 'ended';
  });
}

function fakeStream(tracks: FakeTrack[]) {
  return { getTracks: () => tracks } as unknown as MediaStream;
}

describe('camera errors', () => {
  it.each([
    ['NotAllowedError', 'camera-permission-denied'],
    ['SecurityError', 'camera-permission-denied'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'camera-busy'],
    ['AbortError', 'camera-busy'],
    ['TypeError', 'internal'],
  ])('%s becomes %s', (name, code) => {
    expect(cameraError({ name, message: 'x' }).code).toBe(code);
  });
});

describe('captureFrames', () => {
  beforeEach(() => {
    // jsdom implements no media playback.
    jest.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
  });

  it('maps a refused getUserMedia to a clear error', async () => {
    const mediaDevices = {
      getUserMedia: jest.fn().mockRejectedValue({ name: 'NotFoundError', message: 'none' }),
    };
    await expect(captureFrames({ frames: 1, mediaDevices })).rejects.toMatchObject({ code: 'no-camera' });
  });

  it('reports no camera API at all', async () => {
    await expect(captureFrames({ frames: 1, mediaDevices: {} as MediaDevices })).rejects.toMatchObject({
      code: 'no-camera',
    });
  });

  it('stops every track even when the video fails to play', async () => {
    const tracks = [new FakeTrack(), new FakeTrack()];
    const mediaDevices = { getUserMedia: jest.fn().mockResolvedValue(fakeStream(tracks)) };
    jest.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValue(new Error('autoplay blocked'));
    await expect(captureFrames({ frames: 1, mediaDevices })).rejects.toThrow('autoplay blocked');
    tracks.forEach((track) => expect(track.stop).toHaveBeenCalled());
  });

  it('stops every track after a capture with no picture and reports it', async () => {
    const tracks = [new FakeTrack()];
    const mediaDevices = { getUserMedia: jest.fn().mockResolvedValue(fakeStream(tracks)) };
    jest.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    // No 2D context (as when the camera delivers nothing drawable): "no picture".
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    await expect(captureFrames({ frames: 1, mediaDevices, warmUpMs: 0 })).rejects.toMatchObject({
      code: 'no-camera',
    });
    expect(tracks[0]!.readyState).toBe('ended');
  });
});
