export interface IdleWatch {
  /** Runs `work`; the page is not idle while it runs, and the wait starts again when it ends. */
  during<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Calls `onIdle` once `ms` pass with no work under way (and again after each later stretch): the
 * capture page says so, and Chrome's offscreen document is closed with the models it holds.
 */
export function createIdleWatch(ms: number, onIdle: () => void): IdleWatch {
  let running = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = running === 0 ? setTimeout(onIdle, ms) : undefined;
  };
  restart();
  return {
    async during(work) {
      running++;
      restart();
      try {
        return await work();
      } finally {
        running--;
        restart();
      }
    },
  };
}
