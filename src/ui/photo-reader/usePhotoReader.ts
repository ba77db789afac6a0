/** The photo reader's behaviour: a file in, its faces and the chosen face's reading out. */
import { useState } from 'preact/hooks';
import { errorMessageKey, MoodtabError } from '../../common/errors';
import type { MessageKey } from '../../common/i18n';
import { decodePhoto, fileProblem, PhotoProblem } from '../../common/photo';
import type { Box, PhotoReading, RecognitionResult } from '../../model/recognition';

/** A photo as the reader holds it: the file as given, and its pixels as this page decoded them. */
export interface Photo {
  file: Blob;
  /** Upright and scaled as decodePhoto does it: the faces' boxes are in these pixels. */
  image: ImageData;
}

/**
 * Where a photo is read: the web app passes its in-page engine, which reads `image`; the options
 * page one that has the extension's capture page read `file` (decoded there the same way, so the
 * boxes fit `image`). `face`: which of the faces (largest first) to read; the largest by default.
 */
export interface PhotoEngine {
  readPhoto(photo: Photo, face?: number): Promise<PhotoReading>;
}

export interface PhotoState {
  status: 'idle' | 'reading' | 'read' | 'failed';
  /** The photo, drawn with its faces. */
  photo?: Photo;
  /** The faces found, largest first, and which was read. */
  faces?: Box[];
  face?: number;
  problem?: { key: MessageKey; subs: (string | number)[] };
}

/** What the user is told for a failure: the photo's own messages, or the pipeline's. */
export function problemOf(error: unknown): NonNullable<PhotoState['problem']> {
  if (error instanceof PhotoProblem) return { key: error.key, subs: error.subs };
  if (error instanceof MoodtabError && error.code === 'no-face') return { key: 'web_photoNoFace', subs: [] };
  return { key: errorMessageKey(error instanceof MoodtabError ? error.code : 'internal'), subs: [] };
}

export function usePhotoReader(
  engine: PhotoEngine,
  onReading: (result: RecognitionResult, anotherFace: boolean) => void,
) {
  const [state, setState] = useState<PhotoState>({ status: 'idle' });

  async function read(photo: Photo, face?: number) {
    setState((shown) => ({ ...shown, status: 'reading', photo, problem: undefined }));
    const { result, faces } = await engine.readPhoto(photo, face);
    setState({ status: 'read', photo, faces, face: face ?? 0 });
    onReading(result, face !== undefined);
  }

  const failed = (error: unknown) =>
    setState((shown) => ({ ...shown, status: 'failed', problem: problemOf(error) }));

  return {
    state,
    /** Reads a picked, dropped or pasted file. */
    async readFile(file: File) {
      const problem = fileProblem(file);
      if (problem) return failed(problem);
      setState({ status: 'reading' });
      await decodePhoto(file)
        .then((image) => read({ file, image }))
        .catch(failed);
    },
    /** Reads another face of the photo shown. */
    async chooseFace(face: number) {
      if (state.photo) await read(state.photo, face).catch(failed);
    },
  };
}
