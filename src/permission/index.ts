/**
 * The camera permission page: a tab can show the browser's camera prompt (the offscreen document
 * and the background cannot), and a remembered grant then holds for the whole extension origin.
 * It always shows the permission as the browser reports it now, and follows its changes.
 */
import {
  cameraPermissionState,
  isFirefox,
  watchCameraPermission,
  type CameraPermission,
} from '../platform/browserApi';
import { cameraError, ERROR_MESSAGES } from '../shared/errors';

const button = document.getElementById('allow') as HTMLButtonElement;
const how = document.getElementById('how') as HTMLParagraphElement;
const remember = document.getElementById('remember') as HTMLParagraphElement;
const status = document.getElementById('status') as HTMLParagraphElement;

const GRANTED =
  'Moodtab may use your camera. You can close this tab and click the Moodtab icon to capture your mood.';
/** After a grant the browser did not keep: the camera was allowed for this tab or visit only. */
const notRemembered = () =>
  `The camera was allowed for this tab only, so Moodtab still cannot use it. Press the button again and ${
    isFirefox() ? 'tick “Remember this decision”' : 'choose to always allow it'
  }.`;

function show(text: string, isError = false): void {
  status.className = isError ? 'error' : '';
  status.textContent = text;
}

function showPermission(state: CameraPermission): void {
  const undecided = state === 'prompt' || state === 'unknown';
  button.hidden = !undecided;
  how.hidden = !undecided;
  remember.hidden = !undecided || !isFirefox();
  if (state === 'granted') show(GRANTED);
  else if (state === 'denied') show(ERROR_MESSAGES['camera-permission-denied'], true);
  else show('');
}

async function askForCamera(): Promise<void> {
  button.disabled = true;
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    stream.getTracks().forEach((track) => track.stop());
    // A grant that was not remembered leaves the permission undecided for the rest of Moodtab.
    const state = await cameraPermissionState();
    if (state === 'granted' || state === 'unknown') showPermission('granted');
    else show(notRemembered(), true);
  } catch (error) {
    show(ERROR_MESSAGES[cameraError(error).code], true);
  } finally {
    button.disabled = false;
  }
}

button.addEventListener('click', () => void askForCamera());
void watchCameraPermission(showPermission);
