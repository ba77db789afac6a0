/** The photo reader's behaviour: a file in, its faces and the chosen face's reading out. */
import { useState } from 'preact/hooks';
import type { CaptureService } from '../../capture/captureService';
import { MoodtabError } from '../../common/errors';
import type { MessageKey } from '../../common/i18n';
import { errorMessageKey } from '../../common/errors';
import type { Box, RecognitionResult } from '../../model/recognition';
import { decodePhoto, fileProblem, PhotoProblem } from '../photo';

export interface PhotoState {
  status: 'idle' | 'reading' | 'read' | 'failed';
  /** The decoded photo, drawn with its faces. */
  image?: ImageData;
  /** The faces found, largest first, and which was read. */
  faces?: Box[];
  face?: number;
  problem?: { key: MessageKey; subs: (string | number)[] };
}

/** What the user is told for a failure: the photo's own messages, or the pipeline's. */
function problemOf(error: unknown): PhotoState['problem'] {
  if (error instanceof PhotoProblem) return { key: error.key, subs: error.subs };
  if (error instanceof MoodtabError && error.code === 'no-face') return { key: 'web_photoNoFace', subs: [] };
  return { key: errorMessageKey(error instanceof MoodtabError ? error.code : 'internal'), subs: [] };
}

export function usePhotoReader(engine: CaptureService, onReading: (result: RecognitionResult) => void) {
  const [state, setState] = useState<PhotoState>({ status: 'idle' });

  async function read(image: ImageData, face?: number) {
    setState((shown) => ({ ...shown, status: 'reading', image, problem: undefined }));
    const { result, faces } = await engine.readImage(image, face);
    setState({ status: 'read', image, faces, face: face ?? 0 });
    onReading(result);
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
        .then((image) => read(image))
        .catch(failed);
    },
    /** Reads another face of the photo shown. */
    async chooseFace(face: number) {
      if (state.image) await read(state.image, face).catch(failed);
    },
  };
}
