/**
 * How a photo file goes from the page that reads it (the options page) to the capture page that
 * reads it (Chrome's offscreen document, or the page's own capture frame on Firefox) without its
 * pixels in an extension message: the `read-photo` message names the photo by a random id, and
 * the capture page asks for that id on a BroadcastChannel, which only contexts of the same origin
 * (this extension's own pages) share; the page that offered it answers with the file (a Blob,
 * passed by the browser, not serialised into text). Nothing is stored or uploaded: the file lives
 * in the two pages' memory while it is read. (A blob: URL the capture page fetches would work
 * too; the channel keeps the message to a plain id, checked like the other ids, and hands the file
 * over only while its read runs, with nothing to revoke afterwards.)
 */
import { MoodtabError } from '../common/errors';
import { isRecord } from '../common/records';

export const PHOTO_CHANNEL = 'moodtab-photo';

/** The part of BroadcastChannel used here, so tests can pass their own. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}
export type OpenChannel = (name: string) => ChannelLike;

const openBroadcastChannel: OpenChannel = (name) => new BroadcastChannel(name) as unknown as ChannelLike;

export interface OfferedPhoto {
  /** The id the `read-photo` message names the photo by. */
  id: string;
  /** Stops offering the photo (the read is over); the page keeps no other copy for this. */
  release(): void;
}

/** Offers `photo` under a new id to the capture page, which asks for it by that id, until released. */
export function offerPhoto(photo: Blob, open: OpenChannel = openBroadcastChannel): OfferedPhoto {
  const id = crypto.randomUUID();
  const channel = open(PHOTO_CHANNEL);
  channel.onmessage = ({ data }) => {
    if (isRecord(data) && data.want === id) channel.postMessage({ id, photo });
  };
  return { id, release: () => channel.close() };
}

/**
 * Asks the extension's pages for the photo offered as `id`; fails with `no-answer` when none
 * hands it over within `ms` (the page closed, or the id is not one it offered).
 */
export function takePhoto(id: string, ms: number, open: OpenChannel = openBroadcastChannel): Promise<Blob> {
  const channel = open(PHOTO_CHANNEL);
  return new Promise<Blob>((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.close();
      reject(new MoodtabError('no-answer', 'no page handed the photo over'));
    }, ms);
    channel.onmessage = ({ data }) => {
      if (!isRecord(data) || data.id !== id || !(data.photo instanceof Blob)) return;
      clearTimeout(timer);
      channel.close();
      resolve(data.photo);
    };
    channel.postMessage({ want: id });
  });
}
