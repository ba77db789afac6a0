import { useEffect, useRef } from 'preact/hooks';

/** Base64 JPEG bytes as a Blob: decoded without a data: URL, which the pages' CSP (img-src 'self') refuses. */
export function jpegBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: 'image/jpeg' });
}

/**
 * The camera's picture during the countdown, from the capture page's preview frames (capture-preview):
 * mirrored, as a mirror would show the user, with an oval where the face should be. Each frame is
 * drawn over the last and dropped; nothing keeps it.
 */
export function CameraPreview({ jpeg }: { jpeg: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // A frame that decodes after the next one came (or after the preview went) is not drawn.
    let current = true;
    createImageBitmap(jpegBlob(jpeg)).then(
      (bitmap) => {
        const element = canvas.current;
        if (current && element) {
          if (element.width !== bitmap.width) element.width = bitmap.width;
          if (element.height !== bitmap.height) element.height = bitmap.height;
          element.getContext('2d')?.drawImage(bitmap, 0, 0);
        }
        bitmap.close();
      },
      () => undefined, // a frame that does not decode is skipped: the next one comes within 200ms
    );
    return () => {
      current = false;
    };
  }, [jpeg]);
  return (
    <div class="camera-preview">
      <canvas ref={canvas} width={160} height={120} />
      <span class="face-guide" />
    </div>
  );
}
