/**
 * The recommendations section of the options page: the mapping editor (query lists, own
 * providers, mapping packs), what Moodtab learned (personal calibration, pick ratings), and the
 * opt-in for song previews.
 */
import { BANDIT_KEY, parseBanditState } from '../../../shared/bandit';
import { EMPTY_MAPPING, MAPPING_KEY, parseStoredMapping, type Mapping } from '../../../shared/mapping';
import { CALIBRATION_KEY, parseCounts } from '../../../shared/personalCalibration';
import { CustomProviders } from './custom-providers';
import { LearnedPicks } from './learned-picks';
import { MappingPackTransfer } from './mapping-pack';
import { PersonalCalibration } from './personal-calibration';
import { PreviewsOptIn } from './previews-opt-in';
import { QueryLists } from './query-lists';
import { STRINGS } from './strings';
import { useStored } from './useStored';

const parseMapping = (raw: unknown): Mapping => parseStoredMapping(raw);

export function RecommendationsSection() {
  const mapping = useStored(MAPPING_KEY, parseMapping);
  const calibration = useStored(CALIBRATION_KEY, parseCounts);
  const bandit = useStored(BANDIT_KEY, parseBanditState);
  const current = mapping.value ?? EMPTY_MAPPING;
  return (
    <section class="recommendations" aria-labelledby="recommendations-heading">
      <h2 id="recommendations-heading">{STRINGS.heading}</h2>
      <p class="note">{STRINGS.intro}</p>
      {mapping.value && (
        <>
          <QueryLists mapping={current} onSave={mapping.save} />
          <CustomProviders mapping={current} onSave={mapping.save} />
          <MappingPackTransfer mapping={current} onImport={mapping.save} />
        </>
      )}
      {calibration.value && <PersonalCalibration counts={calibration.value} onReset={calibration.reset} />}
      {bandit.value && <LearnedPicks state={bandit.value} onReset={bandit.reset} />}
      <PreviewsOptIn />
    </section>
  );
}
