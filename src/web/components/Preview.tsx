import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

/**
 * The camera's live picture while a capture has it open (the front camera's mirrored, as a mirror
 * would show it), with the countdown over it. Only shown: the frames the mood is read from are taken by the engine.
 */
interface PreviewProps {
  stream: MediaStream;
  secondsLeft?: number;
  /** The front camera: shown as a mirror would show the user. */
  mirrored: boolean;
}

export function Preview({ stream, secondsLeft, mirrored }: PreviewProps) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    element.play().catch(() => undefined); // a stream ended before it played shows nothing
    return () => {
      element.srcObject = null;
    };
  }, [stream]);
  return (
    <div class={mirrored ? 'preview mirrored' : 'preview'}>
      <video ref={video} muted playsInline aria-label={t('web_preview')} />
      {secondsLeft !== undefined && (
        <span class="countdown" aria-hidden="true">
          {secondsLeft}
        </span>
      )}
    </div>
  );
}
