import { fitsWithin } from '../../src/protocol/messageSize';

describe('fitsWithin', () => {
  it('counts roughly as JSON spells a value', () => {
    expect(fitsWithin({ type: 'warm-up' }, 30)).toBe(true);
    expect(fitsWithin({ type: 'x'.repeat(40) }, 30)).toBe(false);
    expect(fitsWithin([1, 2, 3], 41)).toBe(true);
    expect(fitsWithin([1, 2, 3], 40)).toBe(false);
  });

  it('refuses a huge array as soon as the budget is spent, without listing its keys', () => {
    const huge = new Proxy(new Array(10_000_000).fill(0), {
      ownKeys() {
        throw new Error('listed every key');
      },
    });
    expect(fitsWithin({ frames: huge }, 4096)).toBe(false);
  });

  it('walks deep nesting without overflowing the call stack', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(fitsWithin(deep, 4096)).toBe(false);
  });
});
