/**
 * The photo reader, shared by the web app and the extension's options page: pick a file, drop it
 * or paste it; the faces are marked on it, and one is chosen where there are several. Each context
 * passes where the photo is read (PhotoEngine); the photo stays on the device and is never stored.
 */
import { useEffect, useRef } from 'preact/hooks';
import { firstFile } from '../../common/photo';
import type { Box, RecognitionResult } from '../../model/recognition';
import { t } from '../../platform/i18n';
import { usePhotoReader, type PhotoEngine, type PhotoState } from './usePhotoReader';

export type { Photo, PhotoEngine } from './usePhotoReader';

/** Draws the photo with a box round each face: the one read solid and thick, the others dashed. */
function drawPhoto(canvas: HTMLCanvasElement, image: ImageData, faces: Box[], read?: number) {
  Object.assign(canvas, { width: image.width, height: image.height });
  const context = canvas.getContext('2d')!;
  context.putImageData(image, 0, 0);
  const line = Math.max(2, Math.round(image.width / 200));
  faces.forEach((box, index) => {
    context.setLineDash(index === read ? [] : [line * 3, line * 2]);
    context.lineWidth = index === read ? line * 2 : line;
    context.strokeStyle = index === read ? '#ffd54f' : '#ffffff';
    context.strokeRect(box.x, box.y, box.width, box.height);
  });
}

function Photo({ state }: { state: PhotoState }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const image = state.photo?.image;
    if (canvas.current && image) drawPhoto(canvas.current, image, state.faces ?? [], state.face);
  }, [state.photo, state.faces, state.face]);
  return <canvas ref={canvas} class="photo" role="img" aria-label={t('web_photoLabel')} />;
}

function FaceChoice({ state, onChoose }: { state: PhotoState; onChoose(face: number): void }) {
  const faces = state.faces ?? [];
  if (faces.length < 2) return null;
  return (
    <fieldset class="face-choice" disabled={state.status === 'reading'}>
      <legend>{t('web_photoFaces', faces.length)}</legend>
      {faces.map((_, index) => (
        <button key={index} type="button" aria-pressed={state.face === index} onClick={() => onChoose(index)}>
          {t('web_photoFace', index + 1)}
        </button>
      ))}
    </fieldset>
  );
}

interface PhotoReaderProps {
  engine: PhotoEngine;
  /** A capture is under way: the engine is busy with the camera. */
  disabled?: boolean;
  /** `anotherFace`: a face chosen in the photo already read (the same moment, not a new reading). */
  onReading(reading: RecognitionResult, anotherFace: boolean): void;
  /** Its own heading (the web app), or none where the reader is a card's body (the options page). */
  withHeading?: boolean;
}

/** Reads the mood in a photo: picked, dropped or pasted; decoded and read on this device only. */
export function PhotoReader({ engine, disabled = false, onReading, withHeading = true }: PhotoReaderProps) {
  const { state, readFile, chooseFace } = usePhotoReader(engine, onReading);
  const input = useRef<HTMLInputElement>(null);
  const busy = disabled || state.status === 'reading';
  const take = (file: File | undefined) => file && !busy && void readFile(file);
  useEffect(() => {
    const pasted = (event: ClipboardEvent) => take(firstFile(event.clipboardData));
    window.addEventListener('paste', pasted);
    return () => window.removeEventListener('paste', pasted);
  });
  return (
    <section
      class="photo-reader"
      aria-labelledby={withHeading ? 'photo-heading' : undefined}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        take(firstFile(event.dataTransfer));
      }}
    >
      {withHeading && <h2 id="photo-heading">{t('web_photoHeading')}</h2>}
      <button type="button" class="secondary" disabled={busy} onClick={() => input.current?.click()}>
        {t('web_photoChoose')}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        onChange={(event) => take(event.currentTarget.files?.[0])}
      />
      <p class="note">{t('web_photoHint')}</p>
      {state.status === 'reading' && <p class="note">{t('web_photoReading')}</p>}
      {state.problem && (
        <p class="problem" role="alert">
          {t(state.problem.key, ...state.problem.subs)}
        </p>
      )}
      {state.photo && <Photo state={state} />}
      <FaceChoice state={state} onChoose={(face) => void chooseFace(face)} />
    </section>
  );
}
