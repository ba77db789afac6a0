import { useMemo, useState } from 'preact/hooks';
import { MOOD_LABEL } from '../../../common/labels';
import type { RecognitionResult } from '../../../model/recognition';
import { hasOffscreenDocuments } from '../../../platform/browserApi';
import { t } from '../../../platform/i18n';
import { CaptureFrame } from '../../../ui/capture-frame';
import { FaceCrop } from '../../../ui/face-crop';
import { MoodBars } from '../../../ui/mood-bars';
import { PhotoReader } from '../../../ui/photo-reader';
import { extensionPhotos } from './extensionPhotos';

/** The chosen face's reading: its mood in words, the aligned face and the five bars. Nothing opens. */
function PhotoMood({ reading }: { reading: RecognitionResult }) {
  return (
    <div class="photo-mood">
      <p class="photo-mood-words" role="status">
        {t('options_photoReads', t(MOOD_LABEL[reading.mood]))}
      </p>
      <div class="reading">
        <FaceCrop crop={reading.face.crop} />
        <MoodBars probabilities={reading.probabilities} />
      </div>
    </div>
  );
}

/**
 * Moods from a photo, as the web app reads them: pick, drop or paste a file; the faces are marked
 * and one chosen where there are several. The photo is read in the extension's capture page and
 * kept nowhere: no journal entry, no tab, no example for the personal calibration. On Firefox the
 * capture page is this page's own frame, made on the first photo (it loads the models).
 */
export function PhotoSection() {
  const [capturePage] = useState(() => (hasOffscreenDocuments() ? undefined : crypto.randomUUID()));
  const [framed, setFramed] = useState(false);
  const [reading, setReading] = useState<RecognitionResult>();
  const engine = useMemo(
    () =>
      extensionPhotos({
        capturePage,
        beforeRead: () => {
          setFramed(true);
          setReading(undefined); // a new read: the last photo's mood is not this one's
        },
      }),
    [capturePage],
  );
  return (
    <>
      {capturePage && framed && <CaptureFrame id={capturePage} />}
      <PhotoReader engine={engine} withHeading={false} onReading={setReading} />
      {reading && <PhotoMood reading={reading} />}
    </>
  );
}
