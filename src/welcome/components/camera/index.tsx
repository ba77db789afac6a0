import { useEffect, useRef, useState } from 'preact/hooks';
import { watchCameraPermission, type CameraPermission } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import { cameraError, errorMessageKey, type ErrorCode } from '../../../shared/errors';
import { CameraHelp } from '../../../ui/camera-help';

/** Opens the camera once and closes it at once: all it takes for the browser to ask and remember. */
async function askForCamera(): Promise<void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  stream.getTracks().forEach((track) => track.stop());
}

/**
 * The camera permission, folded in from the old first-use page: a tab can show the browser's
 * prompt (the offscreen document and the background cannot), and the grant then holds for the
 * whole extension. Opened at #camera when a capture needs the permission.
 */
export function CameraSection() {
  const [permission, setPermission] = useState<CameraPermission>();
  const [failure, setFailure] = useState<ErrorCode>();
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void watchCameraPermission((state) => {
      setPermission(state);
      if (state === 'granted') setFailure(undefined);
    });
    if (location.hash === '#camera') heading.current?.focus();
  }, []);

  async function allow() {
    setAsking(true);
    try {
      await askForCamera();
      setPermission('granted');
      setFailure(undefined);
    } catch (error) {
      setFailure(cameraError(error).code);
    } finally {
      setAsking(false);
    }
  }

  const granted = permission === 'granted';
  const blocked = !granted && (permission === 'denied' || failure === 'camera-permission-denied');
  const problem = granted ? undefined : blocked ? 'camera-permission-denied' : failure;
  return (
    <section id="camera" aria-labelledby="camera-title">
      <h2 id="camera-title" tabIndex={-1} ref={heading}>
        {t('welcome_cameraTitle')}
      </h2>
      <p>{t('welcome_cameraWhy')}</p>
      {!granted && !blocked && (
        <>
          <p>{t('welcome_cameraHow')}</p>
          <button type="button" class="primary" disabled={asking} onClick={() => void allow()}>
            {t('welcome_cameraAllow')}
          </button>
        </>
      )}
      <p class={problem ? 'camera-status error' : 'camera-status granted'} role="status">
        {problem ? t(errorMessageKey(problem)) : granted ? t('welcome_cameraGranted') : ''}
      </p>
      {blocked && <CameraHelp />}
    </section>
  );
}
