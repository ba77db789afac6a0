import { t } from '../../platform/i18n';

/**
 * The capture page (camera and models, src/offscreen) in a hidden frame, on Firefox only: Firefox
 * never lets a background page use the camera, but a page inside the popup may. `id` lets this
 * popup's captures go to this frame only.
 */
export function CaptureFrame({ id }: { id: string }) {
  return <iframe src={`offscreen.html#${id}`} title={t('popup_captureFrameTitle')} hidden />;
}
