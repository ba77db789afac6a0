/**
 * The capture page (camera and models, src/offscreen) in a hidden frame, on Firefox only: Firefox
 * never lets a background page use the camera, but a page inside the popup may.
 */
export function CaptureFrame() {
  return <iframe src="offscreen.html" title="Moodtab camera" hidden />;
}
