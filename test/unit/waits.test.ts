/** Waits that end: a limit fails with its own error, a cancellation with its reason, no timer left behind. */
import { MoodtabError } from '../../src/common/errors';
import { cancelledError, sleep, untilAborted, withLimit } from '../../src/common/waits';

const never = () => new Promise<never>(() => undefined);

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('withLimit', () => {
  it('fails with its own code once the limit passes, and not a moment before', async () => {
    const waiting = withLimit(never(), { ms: 1000, code: 'camera-start-timeout' });
    const outcome = jest.fn();
    waiting.then(outcome, outcome);
    await jest.advanceTimersByTimeAsync(999);
    expect(outcome).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(outcome).toHaveBeenCalledWith(expect.objectContaining({ code: 'camera-start-timeout' }));
  });

  it('passes on the value or error that comes in time, and clears its timer', async () => {
    await expect(withLimit(Promise.resolve(7), { ms: 1000, code: 'no-answer' })).resolves.toBe(7);
    await expect(withLimit(Promise.reject(new Error('boom')), { ms: 1000 })).rejects.toThrow('boom');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('fails with the abort reason as soon as the signal aborts, and at once when it already has', async () => {
    const controller = new AbortController();
    const waiting = withLimit(never(), { ms: 60_000, code: 'reading-timeout', signal: controller.signal });
    controller.abort(cancelledError('popup closed'));
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled', detail: 'popup closed' });
    expect(jest.getTimerCount()).toBe(0);
    await expect(withLimit(Promise.resolve(1), { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('turns a foreign abort reason into `cancelled`', async () => {
    const controller = new AbortController();
    controller.abort(new Error('whatever'));
    await expect(untilAborted(never(), controller.signal)).rejects.toEqual(new MoodtabError('cancelled'));
  });
});

describe('sleep', () => {
  it('waits its time, or ends at the cancellation without leaving its timer', async () => {
    const done = jest.fn();
    void sleep(500).then(done);
    await jest.advanceTimersByTimeAsync(500);
    expect(done).toHaveBeenCalled();

    const controller = new AbortController();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort(cancelledError());
    await expect(sleeping).rejects.toMatchObject({ code: 'cancelled' });
    expect(jest.getTimerCount()).toBe(0);
  });
});
