/** A popup capture's cancellation, by the port the popup holds: closed before or after its request came. */
import { createCaptureCancels } from '../../src/background/captureCancels';

describe('capture cancels', () => {
  it('aborts the capture whose port closes, and only that one', () => {
    const cancels = createCaptureCancels();
    const first = cancels.signalFor('a');
    const second = cancels.signalFor('b');
    cancels.portClosed('a');
    expect(first.aborted).toBe(true);
    expect(first.reason).toMatchObject({ code: 'cancelled' });
    expect(second.aborted).toBe(false);
  });

  it('starts a capture cancelled when its port closed before its request came', () => {
    const cancels = createCaptureCancels();
    cancels.portClosed('early');
    expect(cancels.signalFor('early').aborted).toBe(true);
    expect(cancels.signalFor('other').aborted).toBe(false);
  });

  it('cancels nothing once the capture finished (the popup releases the port after the answer)', () => {
    const cancels = createCaptureCancels();
    const signal = cancels.signalFor('done');
    cancels.finished('done');
    cancels.portClosed('done');
    expect(signal.aborted).toBe(false);
  });

  it('remembers only a few early closes', () => {
    const cancels = createCaptureCancels();
    for (let i = 0; i < 100; i++) cancels.portClosed(`gone-${i}`);
    expect(cancels.signalFor('gone-0').aborted).toBe(false);
    expect(cancels.signalFor('gone-99').aborted).toBe(true);
  });
});
