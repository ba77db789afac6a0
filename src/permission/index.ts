/**
 * First-use page: a tab can show the browser's camera prompt (the offscreen document and the
 * background cannot), and the grant then holds for the whole extension origin.
 */
import { cameraError, ERROR_MESSAGES } from '../shared/errors';

const button = document.getElementById('allow') as HTMLButtonElement;
const status = document.getElementById('status') as HTMLParagraphElement;

async function askForCamera(): Promise<void> {
  button.disabled = true;
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    stream.getTracks().forEach((track) => track.stop());
    status.className = '';
    status.textContent = 'Thank you. You can close this tab; click the Moodtab icon to capture your mood.';
  } catch (error) {
    status.className = 'error';
    status.textContent = ERROR_MESSAGES[cameraError(error).code];
    button.disabled = false;
  }
}

button.addEventListener('click', () => void askForCamera());
