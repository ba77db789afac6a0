/** @jest-environment jsdom */
/** The webcam: fast, specific errors; settling on the picture's brightness; bursts; always released. */
import { openCamera } from '../../src/capture/camera';
import { cameraError } from '../../src/common/errors';

class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  stop = jest.fn(() => {
    this.readyState = 'ended';
  });
}

const fakeStream = (tracks: FakeTrack[]) => ({ getTracks: () => tracks }) as unknown as MediaStream;

/** A camera whose picture has the grey level `level()` at the moment it is read. */
function fakeCamera(level: () => number = () => 120) {
  const tracks = [new FakeTrack()];
  const mediaDevices = { getUserMedia: jest.fn().mockResolvedValue(fakeStream(tracks)) };
  const context = {
    drawImage: jest.fn(),
    getImageData: jest.fn((_x: number, _y: number, width: number, height: number) => ({
      data: new Uint8ClampedArray(width * height * 4).fill(level()),
      width,
      height,
    })),
  };
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never);
  return { tracks, mediaDevices, context };
}

beforeEach(() => {
  jest.restoreAllMocks();
  // jsdom plays no media: the video "plays" at 640x480.
  jest.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  jest.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
  jest.spyOn(HTMLVideoElement.prototype, 'videoWidth', 'get').mockReturnValue(640);
  jest.spyOn(HTMLVideoElement.prototype, 'videoHeight', 'get').mockReturnValue(480);
});

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

describe('openCamera', () => {
  it('maps a refused getUserMedia to a clear error', async () => {
    const mediaDevices = {
      getUserMedia: jest.fn().mockRejectedValue({ name: 'NotFoundError', message: 'none' }),
    };
    await expect(openCamera({ mediaDevices })).rejects.toMatchObject({ code: 'no-camera' });
  });

  it('reports no camera API at all', async () => {
    await expect(openCamera({ mediaDevices: {} as MediaDevices })).rejects.toMatchObject({
      code: 'no-camera',
    });
  });

  it('stops every track when the video fails to play', async () => {
    const tracks = [new FakeTrack(), new FakeTrack()];
    const mediaDevices = { getUserMedia: jest.fn().mockResolvedValue(fakeStream(tracks)) };
    jest.spyOn(HTMLMediaElement.prototype, 'play').mockRejectedValue(new Error('autoplay blocked'));
    await expect(openCamera({ mediaDevices })).rejects.toThrow('autoplay blocked');
    tracks.forEach((track) => expect(track.stop).toHaveBeenCalled());
  });

  it('stops every track and says so when the camera delivers no picture', async () => {
    const { tracks, mediaDevices } = fakeCamera();
    jest.spyOn(HTMLVideoElement.prototype, 'videoWidth', 'get').mockReturnValue(0);
    await expect(openCamera({ mediaDevices })).rejects.toMatchObject({
      code: 'no-camera',
      message: expect.stringContaining('no picture'),
    });
    expect(tracks[0]!.readyState).toBe('ended');
  });

  it("makes a small JPEG of the picture for the preview, at the camera's aspect, as base64 only", async () => {
    const { mediaDevices, context } = fakeCamera();
    const encode = jest
      .spyOn(HTMLCanvasElement.prototype, 'toDataURL')
      .mockReturnValue('data:image/jpeg;base64,/9j/4AAQ');
    const camera = await openCamera({ mediaDevices });
    expect(camera.previewJpeg(160)).toBe('/9j/4AAQ');
    expect(context.drawImage).toHaveBeenLastCalledWith(expect.any(HTMLVideoElement), 0, 0, 160, 120);
    expect(encode).toHaveBeenLastCalledWith('image/jpeg', expect.any(Number));
    // A browser without a JPEG encoder answers PNG: refused, not sent as if it were a JPEG.
    encode.mockReturnValue('data:image/png;base64,iVBORw0K');
    expect(() => camera.previewJpeg(160)).toThrow(/JPEG/);
    camera.release();
  });

  describe('timing (fake clock)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Runs `work` while the fake clock advances `ms`; returns what it gave and when it ended. */
    async function during<T>(ms: number, work: () => Promise<T>): Promise<{ value: T; elapsed: number }> {
      const started = performance.now();
      let ended = NaN;
      const running = work().then((value) => ((ended = performance.now()), value));
      await jest.advanceTimersByTimeAsync(ms);
      return { value: await running, elapsed: ended - started };
    }

    it('takes a burst of full-size frames the interval apart', async () => {
      const { mediaDevices } = fakeCamera();
      const camera = await openCamera({ mediaDevices });
      const started = performance.now();
      const { value: taken } = await during(500, async () => {
        const at: number[] = [];
        for await (const frame of camera.frames(3, 40)) {
          at.push(performance.now() - started);
          expect([frame.width, frame.height]).toEqual([640, 480]);
        }
        return at;
      });
      expect(taken).toEqual([0, 40, 80]);
      expect(camera.release()).toBe(true);
    });

    it('counts the time spent reading a frame towards the interval', async () => {
      const { mediaDevices } = fakeCamera();
      const camera = await openCamera({ mediaDevices });
      const started = performance.now();
      const { value: taken } = await during(1000, async () => {
        const at: number[] = [];
        for await (const frame of camera.frames(3, 60)) {
          at.push(performance.now() - started);
          expect(frame.width).toBe(640);
          await new Promise((resolve) => setTimeout(resolve, 50)); // reading the frame
        }
        return at;
      });
      // Not 0, 110, 220 (reading + interval): the next frame comes 60 ms after the last.
      expect(taken).toEqual([0, 60, 120]);
      camera.release();
    });

    it('settles once the picture has been steady and bright enough for the window', async () => {
      const { mediaDevices } = fakeCamera(() => 120);
      const camera = await openCamera({ mediaDevices });
      const { elapsed } = await during(2000, () => camera.settle({ windowMs: 100, maxMs: 2000 }));
      expect(elapsed).toBe(100);
      camera.release();
    });

    it('waits while the exposure still changes, and gives up at maxMs', async () => {
      let level = 30;
      const { mediaDevices } = fakeCamera(() => (level += 10) % 250); // brightening all the time
      const camera = await openCamera({ mediaDevices });
      const { elapsed } = await during(2000, () => camera.settle({ windowMs: 100, maxMs: 400 }));
      expect(elapsed).toBe(400);
      camera.release();
    });

    it('does not take a black picture for a steady one', async () => {
      const { mediaDevices } = fakeCamera(() => 0);
      const camera = await openCamera({ mediaDevices });
      const { elapsed } = await during(2000, () => camera.settle({ windowMs: 100, maxMs: 400 }));
      expect(elapsed).toBe(400);
      camera.release();
    });
  });

  describe('time limits and cancellation (fake clock)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('gives up on a camera that does not open in time, and stops it if it opens later', async () => {
      const tracks = [new FakeTrack()];
      let open!: (stream: MediaStream) => void;
      const mediaDevices = { getUserMedia: jest.fn(() => new Promise<MediaStream>((done) => (open = done))) };
      const opening = openCamera({ mediaDevices, startMs: 1000 });
      const failed = expect(opening).rejects.toMatchObject({ code: 'camera-start-timeout' });
      await jest.advanceTimersByTimeAsync(1000);
      await failed;
      open(fakeStream(tracks));
      await jest.advanceTimersByTimeAsync(0);
      expect(tracks[0]!.readyState).toBe('ended');
    });

    it('gives up on a camera that shows no picture in time, and releases it', async () => {
      const { tracks, mediaDevices } = fakeCamera();
      jest.spyOn(HTMLMediaElement.prototype, 'play').mockReturnValue(new Promise(() => undefined));
      const opening = openCamera({ mediaDevices, firstFrameMs: 500 });
      const failed = expect(opening).rejects.toMatchObject({ code: 'camera-no-picture' });
      await jest.advanceTimersByTimeAsync(500);
      await failed;
      expect(tracks[0]!.readyState).toBe('ended');
    });

    it('stops opening, settling and taking frames once the capture is cancelled', async () => {
      const { mediaDevices } = fakeCamera(() => 0); // never steady: settle would wait its maxMs
      const controller = new AbortController();
      const camera = await openCamera({ mediaDevices, signal: controller.signal });
      const settling = expect(
        camera.settle({ maxMs: 5000, signal: controller.signal }),
      ).rejects.toMatchObject({
        code: 'cancelled',
      });
      await jest.advanceTimersByTimeAsync(120);
      controller.abort();
      await settling;
      const frames = camera.frames(3, 100, controller.signal);
      await expect(frames.next()).rejects.toMatchObject({ code: 'cancelled' });
      await expect(openCamera({ mediaDevices, signal: controller.signal })).rejects.toMatchObject({
        code: 'cancelled',
      });
      camera.release();
    });
  });

  it('release stops every track, can be called again, and says whether all ended', async () => {
    const { tracks, mediaDevices } = fakeCamera();
    const camera = await openCamera({ mediaDevices });
    expect(tracks[0]!.readyState).toBe('live');
    expect(camera.release()).toBe(true);
    expect(camera.release()).toBe(true);
    expect(tracks[0]!.stop).toHaveBeenCalled();
  });
});
