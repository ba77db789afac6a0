/**
 * npm run mood -- PHOTO.jpg|png [--media music|movies|pictures] [--strategy match|lift] [--backend wasm|cpu]
 *
 * Runs the extension's recognition pipeline on a photo; prints a summary, the tabs the extension
 * may open for it with the default provider (its bandit picks one; a new user's picks are evenly
 * spread) or the question it would ask when unsure, and the result as JSON on the last line.
 */
import english from '../../../_locales/en/messages.json';
import { armsFor, CATALOGUE, recommendationFor } from '../../recommendation/catalogue';
import { unsureBetween } from '../../model/confidence';
import { errorMessageKey, MoodtabError } from '../../common/errors';
import { formatMessage } from '../../common/i18n';
import { MOODS } from '../../model/moods';
import { isMediaKind, isStrategy } from '../../recommendation/media';
import { createMoodRecognizer } from '../../recognition';
import { parseArgs } from '../args';
import { parseBackend, useBackend } from '../backend';
import { decodeImageFile } from '../images';
import { localRecognizerConfig } from '../modelPaths';

async function main(): Promise<number> {
  const { positional, options } = parseArgs(process.argv.slice(2), ['media', 'strategy', 'backend', 'model']);
  const [photo] = positional;
  const media = options.media ?? 'music';
  const strategy = options.strategy ?? 'match';
  if (!photo || !isMediaKind(media) || !isStrategy(strategy)) {
    console.error(
      'usage: npm run mood -- PHOTO.jpg|png [--media music|movies|pictures] [--strategy match|lift]',
    );
    return 2;
  }
  await useBackend(parseBackend(options.backend));
  const recognizer = await createMoodRecognizer(localRecognizerConfig(options.model));
  try {
    const result = await recognizer.recognize(decodeImageFile(photo));
    const unsure = unsureBetween(result.probabilities);
    const urls = armsFor(result.mood, media, strategy, CATALOGUE.defaultProvider[media]).map(
      (arm) => recommendationFor(arm, result.mood, media, strategy).url,
    );
    const bars = MOODS.map(
      (m) => `${m.padEnd(10)} ${(result.probabilities[m] * 100).toFixed(1).padStart(5)}%`,
    );
    console.log(
      `${photo}: ${result.mood} (${result.faces} face${result.faces === 1 ? '' : 's'} seen; read the largest)`,
    );
    console.log(bars.join('\n'));
    if (unsure) console.log(`unsure: the popup would ask "${unsure[0]} or ${unsure[1]}?"`);
    console.log(
      `${unsure ? 'the shortcut would open one of' : 'would open one of'}:\n  ${urls.join('\n  ')}`,
    );
    console.log(JSON.stringify({ ...result, unsure: unsure ?? null, urls }));
    return 0;
  } catch (error) {
    if (!(error instanceof MoodtabError)) throw error;
    // The message the extension would show, in English.
    const message = formatMessage(english, errorMessageKey(error.code));
    console.error(`${photo}: ${message}`);
    console.log(JSON.stringify({ error: error.code, message }));
    return 1;
  } finally {
    recognizer.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
