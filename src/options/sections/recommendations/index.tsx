/**
 * The recommendations section of the options page: the mapping editor (query lists, own
 * providers, mapping packs), what Moodtab learned (personal calibration, pick ratings), and the
 * opt-in for song previews.
 */
import { t } from '../../../platform/i18n';
import type { Mapping } from '../../../recommendation/mapping';
import { stored } from '../../../platform/stored';
import { useStored, useStoredState } from '../../../ui/useStored';
import { CustomProviders } from './custom-providers';
import { LearnedPicks } from './learned-picks';
import { MappingPackTransfer } from './mapping-pack';
import { PersonalCalibration } from './personal-calibration';
import { TeachFace } from '../../../ui/teach-face';
import { PreviewsOptIn } from './previews-opt-in';
import { QueryLists } from './query-lists';

export function RecommendationsSection() {
  const [mapping, updateMapping] = useStoredState(stored.mapping);
  const saveMapping = (next: Mapping) => updateMapping(() => next);
  const calibration = useStored(stored.personalCalibration);
  const bandit = useStored(stored.bandit);
  return (
    <>
      <p class="muted">{t('recs_intro')}</p>
      {mapping && (
        <>
          <QueryLists mapping={mapping} onSave={saveMapping} />
          <CustomProviders mapping={mapping} onSave={saveMapping} />
          <MappingPackTransfer mapping={mapping} onImport={saveMapping} />
        </>
      )}
      {calibration && (
        <PersonalCalibration calibration={calibration} onReset={() => stored.personalCalibration.remove()} />
      )}
      <TeachFace />
      {bandit && <LearnedPicks state={bandit} onReset={() => stored.bandit.remove()} />}
      <PreviewsOptIn />
    </>
  );
}
