import { t } from '../../../platform/i18n';

/**
 * Shown while the camera is on, before and during the snapshot: where to look, and the count.
 * The status line says the same for screen readers, so this is hidden from them.
 */
export function SnapshotMoment({ secondsLeft }: { secondsLeft?: number }) {
  return (
    <div class="snapshot-moment" aria-hidden="true">
      <span class="look">{t('snapshot_look')}</span>
      <span class="count">{secondsLeft ?? '●'}</span>
    </div>
  );
}
