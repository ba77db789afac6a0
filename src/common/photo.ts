/**
 * A photo file made ready for the recognition pipeline, in the page: checked (an image, not too
 * big), decoded by the browser and scaled down to a size the face detector reads as well, faster.
 * Nothing leaves the page.
 */
import type { MessageKey } from '../common/i18n';

/** Larger files are refused before decoding: a phone photo is 2-12 MB. */
export const MAX_PHOTO_MB = 25;
/** The longer side the photo is scaled to (at most): the detector works on far fewer pixels anyway. */
export const MAX_PHOTO_SIDE = 1280;

/** Why a file cannot be read, as the message to show and what fills it. */
export class PhotoProblem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly subs: (string | number)[] = [],
  ) {
    super(key);
  }
}

const megabytes = (bytes: number) => bytes / (1024 * 1024);

/** What is wrong with the file before it is decoded, if anything. An unnamed type is tried. */
export function fileProblem(file: Pick<File, 'type' | 'size'>): PhotoProblem | undefined {
  if (file.type && !file.type.startsWith('image/')) return new PhotoProblem('web_photoNotImage');
  if (megabytes(file.size) > MAX_PHOTO_MB)
    return new PhotoProblem('web_photoTooBig', [Math.ceil(megabytes(file.size)), MAX_PHOTO_MB]);
  return undefined;
}

/** The scale that fits `width` x `height` within MAX_PHOTO_SIDE, never enlarging. */
export const fitScale = (width: number, height: number): number =>
  Math.min(1, MAX_PHOTO_SIDE / Math.max(width, height));

/** The photo's pixels, upright (EXIF orientation applied), scaled to fit MAX_PHOTO_SIDE. */
export async function decodePhoto(file: Blob): Promise<ImageData> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoProblem('web_photoNotImage'); // not an image the browser can decode
  }
  try {
    const scale = fitScale(bitmap.width, bitmap.height);
    const [width, height] = [Math.round(bitmap.width * scale), Math.round(bitmap.height * scale)];
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width, height });
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(bitmap, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}

/** The first file of a drop or a paste, if it carries one. */
export const firstFile = (transfer: DataTransfer | null): File | undefined => transfer?.files[0] ?? undefined;
