/** The capture page says when it has been idle: never while a request runs, again after each idle stretch. */
import { createIdleWatch } from '../../src/capture/idleWatch';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('says idle once the time passes with nothing under way, counting from the last request', async () => {
  const onIdle = jest.fn();
  const watch = createIdleWatch(1000, onIdle);
  await jest.advanceTimersByTimeAsync(600);
  await watch.during(async () => 'warm');
  await jest.advanceTimersByTimeAsync(999);
  expect(onIdle).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(1);
  expect(onIdle).toHaveBeenCalledTimes(1);
});

it('is never idle while a request runs, however long', async () => {
  const onIdle = jest.fn();
  const watch = createIdleWatch(1000, onIdle);
  let finish!: () => void;
  const running = watch.during(() => new Promise<void>((resolve) => (finish = resolve)));
  await jest.advanceTimersByTimeAsync(5000);
  expect(onIdle).not.toHaveBeenCalled();
  finish();
  await running;
  await jest.advanceTimersByTimeAsync(1000);
  expect(onIdle).toHaveBeenCalledTimes(1);
});

it('counts a failed request as activity too', async () => {
  const onIdle = jest.fn();
  const watch = createIdleWatch(1000, onIdle);
  await jest.advanceTimersByTimeAsync(900);
  await expect(watch.during(async () => Promise.reject(new Error('no face')))).rejects.toThrow('no face');
  await jest.advanceTimersByTimeAsync(900);
  expect(onIdle).not.toHaveBeenCalled();
});
