/**
 * Bundled in place of @mediapipe/face_mesh: Moodtab runs face-landmarks-detection's tfjs
 * runtime only, so the MediaPipe WASM solution (which would need a looser CSP) is never shipped.
 */
export class FaceMesh {
  constructor() {
    throw new Error('The MediaPipe runtime is not bundled in Moodtab; use the tfjs runtime.');
  }
}
