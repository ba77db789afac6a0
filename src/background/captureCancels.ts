import { popupClosedError } from '../common/waits';

/** How many closed ports to remember whose capture request has not come (yet, or ever). */
const MAX_EARLY_CLOSES = 20;

export interface CaptureCancels {
  /** The signal a popup's capture runs under: it aborts when the popup's port `id` closes. */
  signalFor(id: string): AbortSignal;
  /** The capture is over: its port closing later cancels nothing. */
  finished(id: string): void;
  /** The popup's port closed: its capture is cancelled, now or as soon as its request comes. */
  portClosed(id: string): void;
}

/**
 * The cancellations of popup captures, by the id of the port each popup holds. A port and its
 * request travel separately, so a port may close before its request arrives: the id is kept
 * (a few at most) and that request starts cancelled.
 */
export function createCaptureCancels(): CaptureCancels {
  const running = new Map<string, AbortController>();
  const closedEarly = new Set<string>();
  return {
    signalFor(id) {
      const controller = new AbortController();
      if (closedEarly.delete(id)) controller.abort(popupClosedError());
      running.set(id, controller);
      return controller.signal;
    },
    finished(id) {
      running.delete(id);
    },
    portClosed(id) {
      const controller = running.get(id);
      if (controller) return controller.abort(popupClosedError());
      closedEarly.add(id);
      if (closedEarly.size > MAX_EARLY_CLOSES) closedEarly.delete(closedEarly.values().next().value!);
    },
  };
}
