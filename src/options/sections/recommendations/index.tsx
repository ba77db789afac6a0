/**
 * The recommendations section of the options page: the mapping editor (query lists, own
 * providers, mapping packs), what Moodtab learned (personal calibration, pick ratings), and the
 * opt-in for song previews.
 */
import { removeStored } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import { BANDIT_KEY, parseBanditState } from '../../../recommendation/bandit';
import { MAPPING_KEY, parseStoredMapping, type Mapping } from '../../../recommendation/mapping';
import { CALIBRATION_KEY, parseCounts } from '../../../recommendation/personalCalibration';
import { useStored, useStoredState } from '../../../ui/useStored';
import { CustomProviders } from './custom-providers';
import { LearnedPicks } from './learned-picks';
import { MappingPackTransfer } from './mapping-pack';
import { PersonalCalibration } from './personal-calibration';
import { PreviewsOptIn } from './previews-opt-in';
import { QueryLists } from './query-lists';

const parseMapping = (raw: unknown): Mapping => parseStoredMapping(raw);

export function RecommendationsSection() {
  const [mapping, saveMapping] = useStoredState(MAPPING_KEY, parseMapping);
  const calibration = useStored(CALIBRATION_KEY, parseCounts);
  const bandit = useStored(BANDIT_KEY, parseBanditState);
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
        <PersonalCalibration counts={calibration} onReset={() => removeStored(CALIBRATION_KEY)} />
      )}
      {bandit && <LearnedPicks state={bandit} onReset={() => removeStored(BANDIT_KEY)} />}
      <PreviewsOptIn />
    </>
  );
}
