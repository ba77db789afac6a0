import { t } from '../../../platform/i18n';
import { CameraPreview } from '../camera-preview';

/**
 * Shown while the camera is on, before and during the snapshot: where to look, the count, and
 * during the countdown the camera's picture (`preview`, a base64 JPEG) with an oval to put the face
 * in. The status line says the same for screen readers, so this is hidden from them.
 */
export function SnapshotMoment({ secondsLeft, preview }: { secondsLeft?: number; preview?: string }) {
  return (
    <div class="snapshot-moment" aria-hidden="true">
      {preview && <CameraPreview jpeg={preview} />}
      <span class="look">{t(preview ? 'snapshot_lookInOval' : 'snapshot_look')}</span>
      <span class="count">{secondsLeft ?? '●'}</span>
    </div>
  );
}
