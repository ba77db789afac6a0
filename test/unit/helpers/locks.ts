/**
 * Web Locks as the extension's pages share them: tasks holding the same name run one at a time,
 * in the order they asked; tasks under other names run alongside. A free lock is granted at once.
 */
export function fakeLocks() {
  const queues = new Map<string, Promise<void>>();
  return {
    exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
      const previous = queues.get(name);
      const run = previous ? previous.then(task) : task();
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      queues.set(name, done);
      const settle = () => {
        if (queues.get(name) === done) queues.delete(name);
        release();
      };
      run.then(settle, settle);
      return run;
    },
  };
}
