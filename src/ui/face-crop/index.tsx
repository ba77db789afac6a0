import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { FACE_CROP_SIZE } from '../../model/contract';

/**
 * The aligned 48x48 grey face the classifier read, drawn pixel for pixel (scaled up by CSS), so
 * the user sees what the mood was read from. Lives in this canvas only; nothing keeps it.
 */
export function FaceCrop({ crop }: { crop: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || crop.length !== FACE_CROP_SIZE * FACE_CROP_SIZE) return;
    const pixels = context.createImageData(FACE_CROP_SIZE, FACE_CROP_SIZE);
    crop.forEach((level, i) => {
      pixels.data.fill(level, i * 4, i * 4 + 3);
      pixels.data[i * 4 + 3] = 255;
    });
    context.putImageData(pixels, 0, 0);
  }, [crop]);
  return (
    <figure class="face-crop">
      <canvas
        ref={canvas}
        width={FACE_CROP_SIZE}
        height={FACE_CROP_SIZE}
        role="img"
        aria-label={t('faceCrop_label')}
      />
      {/* The canvas's label says it to screen readers; on screen, the picture speaks for itself. */}
      <figcaption class="visually-hidden">{t('faceCrop_caption')}</figcaption>
    </figure>
  );
}
