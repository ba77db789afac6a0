import { useEffect, useRef, useState } from 'preact/hooks';
import {
  cameraPermissionState,
  isFirefox,
  watchCameraPermission,
  type CameraPermission,
} from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import { cameraError, errorMessageKey, type ErrorCode } from '../../../common/errors';
import { CameraHelp } from '../../../ui/camera-help';

/** Opens the camera once and closes it at once: all it takes for the browser to ask and remember. */
async function askForCamera(): Promise<void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  stream.getTracks().forEach((track) => track.stop());
}

/** What went wrong: a camera error, or a grant the browser kept for this tab only. */
type Failure = ErrorCode | 'not-remembered';

const CAMERA_HASH = '#camera';

/** Focuses the heading whenever the page is at #camera: a capture that needs the camera brings an open tab here by changing its hash. */
function useFocusWhenAsked(heading: { current: HTMLHeadingElement | null }): void {
  useEffect(() => {
    const focusIfAsked = () => {
      if (location.hash === CAMERA_HASH) heading.current?.focus();
    };
    focusIfAsked();
    addEventListener('hashchange', focusIfAsked);
    return () => removeEventListener('hashchange', focusIfAsked);
  }, []);
}

/** What the page says of a failure. */
const failureText = (failure: Failure | undefined, firefox: boolean): string | undefined =>
  failure === 'not-remembered'
    ? t(firefox ? 'welcome_cameraNotRememberedFirefox' : 'welcome_cameraNotRemembered')
    : failure && t(errorMessageKey(failure));

/**
 * The camera permission, folded in from the old first-use page: a tab can show the browser's
 * prompt (the offscreen document and the background cannot), and a remembered grant then holds
 * for the whole extension. It always shows the permission as the browser reports it now, and
 * follows its changes. Opened (or brought to the front, never twice) at #camera when a capture
 * needs the permission.
 */
export function CameraSection() {
  const [permission, setPermission] = useState<CameraPermission>();
  const [failure, setFailure] = useState<Failure>();
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const firefox = isFirefox();

  useEffect(() => {
    void watchCameraPermission((state) => {
      setPermission(state);
      if (state === 'granted') setFailure(undefined);
    });
  }, []);
  useFocusWhenAsked(heading);

  async function allow() {
    setAsking(true);
    try {
      await askForCamera();
      // A grant the browser did not remember (Firefox without "Remember this decision", Chrome's
      // "Allow this time") leaves the permission undecided for the rest of Moodtab.
      const state = await cameraPermissionState();
      if (state === 'granted' || state === 'unknown') {
        setPermission('granted');
        setFailure(undefined);
      } else setFailure('not-remembered');
    } catch (error) {
      setFailure(cameraError(error).code);
    } finally {
      setAsking(false);
    }
  }

  const granted = permission === 'granted';
  const blocked = !granted && (permission === 'denied' || failure === 'camera-permission-denied');
  const problem = granted ? undefined : blocked ? 'camera-permission-denied' : failure;
  const problemText = failureText(problem, firefox);
  return (
    <section id="camera" aria-labelledby="camera-title">
      <h2 id="camera-title" tabIndex={-1} ref={heading}>
        {t('welcome_cameraTitle')}
      </h2>
      <p>{t('welcome_cameraWhy')}</p>
      {!granted && !blocked && (
        <>
          <p>{t('welcome_cameraHow')}</p>
          {firefox && <p class="remember">{t('welcome_cameraRememberFirefox')}</p>}
          <button type="button" class="primary" disabled={asking} onClick={() => void allow()}>
            {t('welcome_cameraAllow')}
          </button>
        </>
      )}
      <p class={problem ? 'camera-status error' : 'camera-status granted'} role="status">
        {problemText ?? (granted ? t('welcome_cameraGranted') : '')}
      </p>
      {blocked && <CameraHelp />}
    </section>
  );
}
