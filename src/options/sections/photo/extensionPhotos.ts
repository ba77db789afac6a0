/**
 * The photo reader's engine on the options page: the photo is read where the extension's models
 * are, the capture page (Chrome's offscreen document, through the background; on Firefox this
 * page's own capture frame, as "Teach Moodtab your face" does). The message names the photo by an
 * id; the capture page takes the file from this page over the same-origin photo channel
 * (src/protocol/photoChannel.ts). Nothing is uploaded or stored, and the offer ends with the read.
 */
import { sendRequest } from '../../../platform/browserApi';
import { CAPTURE_PAGE_WAIT_MS } from '../../../model/limits';
import { offerPhoto, type OpenChannel } from '../../../protocol/photoChannel';
import type { PhotoEngine } from '../../../ui/photo-reader';

type Send = typeof sendRequest;

export interface ExtensionPhotosOptions {
  /** This page's capture frame (Firefox); none where Chrome's offscreen document reads. */
  capturePage?: string;
  /** Called before each read: the page shows its capture frame then, which loads the models. */
  beforeRead?: () => void;
  send?: Send;
  open?: OpenChannel;
}

export function extensionPhotos({
  capturePage,
  beforeRead,
  send = sendRequest,
  open,
}: ExtensionPhotosOptions = {}): PhotoEngine {
  return {
    async readPhoto({ file }, face) {
      beforeRead?.();
      const offered = open ? offerPhoto(file, open) : offerPhoto(file);
      try {
        return await send(
          {
            target: 'background',
            type: 'read-photo',
            photo: offered.id,
            ...(face === undefined ? {} : { face }),
            ...(capturePage ? { capturePage } : {}),
          },
          { waitForReceiverMs: CAPTURE_PAGE_WAIT_MS },
        );
      } finally {
        offered.release();
      }
    },
  };
}
