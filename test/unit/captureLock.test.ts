import { oneAtATime } from '../../src/capture/captureLock';

describe('oneAtATime (the lock where the camera is)', () => {
  it('refuses a second capture while one runs, and frees the lock after success or failure', async () => {
    let finish!: (value: string) => void;
    const run = jest.fn(
      (fail: boolean) =>
        new Promise<string>((resolve, reject) => (finish = fail ? () => reject(new Error('boom')) : resolve)),
    );
    const capture = oneAtATime(run);

    const first = capture(false);
    await expect(capture(false)).rejects.toMatchObject({ code: 'capture-in-progress' });
    expect(run).toHaveBeenCalledTimes(1);
    finish('read');
    await expect(first).resolves.toBe('read');

    const failing = capture(true);
    finish('');
    await expect(failing).rejects.toThrow('boom');
    const again = capture(false);
    finish('again');
    await expect(again).resolves.toBe('again');
  });
});
