import { MoodtabError } from '../common/errors';

/**
 * One capture at a time where the camera is. The background has a lock of its own, but a
 * restarted service worker forgets it, and any page of the extension can message this host
 * directly; a second request while one runs is refused, not queued.
 */
export function oneAtATime<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let running = false;
  return async (...args) => {
    if (running) throw new MoodtabError('capture-in-progress');
    running = true;
    try {
      return await run(...args);
    } finally {
      running = false;
    }
  };
}
