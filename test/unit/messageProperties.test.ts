/**
 * Property tests of the message listeners with fast-check: whatever arrives, a listener never
 * throws and never calls a handler for a bad message; it answers bad-message (with a short
 * detail) or nothing. Well-formed messages do reach their one handler. Records inside a message
 * (a hand pick's capture, the pick that feedback is about) are held to the same rules.
 */
import fc from 'fast-check';
import { VERDICTS } from '../../src/recommendation/bandit';
import { CATALOGUE, providersFor } from '../../src/recommendation/catalogue';
import { BACKEND_NAMES } from '../../src/model/backend';
import { CAPTURE_STAGES, MAX_COUNTDOWN_SECONDS } from '../../src/model/capture';
import { createMessageListener, MAX_REQUEST_CHARS, type Target } from '../../src/protocol/messages';
import { MOODS } from '../../src/model/moods';
import { MEDIA_KINDS, STRATEGIES } from '../../src/recommendation/media';

const self = { id: 'moodtab-id', origin: 'chrome-extension://moodtab-id/' };
const ownPage = { id: 'moodtab-id', url: 'chrome-extension://moodtab-id/popup.html' };
const TYPES: Record<Target, string[]> = {
  background: [
    'capture-mood',
    'open-recommendation',
    'recommendation-feedback',
    'warm-up',
    'capture-page-idle',
    'read-photo',
  ],
  offscreen: ['warm-up', 'recognize-mood', 'cancel-capture', 'read-photo'],
  popup: ['capture-progress', 'capture-preview'],
};
const TARGETS = Object.keys(TYPES) as Target[];
/** Names every object inherits: a lookup that is not own-property-only finds them. */
const INHERITED = Object.getOwnPropertyNames(Object.prototype);

/** One listener per target, each handler a spy. */
function listeners() {
  const calls: string[] = [];
  const spy = (type: string) => async () => {
    calls.push(type);
    return 'handled' as never;
  };
  const all = {
    background: createMessageListener(
      'background',
      {
        'capture-mood': spy('capture-mood'),
        'open-recommendation': spy('open-recommendation'),
        'recommendation-feedback': spy('recommendation-feedback'),
        'warm-up': spy('warm-up'),
        'teach-mood': spy('teach-mood'),
        'capture-page-idle': spy('capture-page-idle'),
        'read-photo': spy('read-photo'),
      },
      self,
    ),
    offscreen: createMessageListener(
      'offscreen',
      {
        'warm-up': spy('warm-up'),
        'recognize-mood': spy('recognize-mood'),
        'cancel-capture': spy('cancel-capture'),
        'read-photo': spy('read-photo'),
      },
      self,
    ),
    popup: createMessageListener(
      'popup',
      { 'capture-progress': spy('capture-progress'), 'capture-preview': spy('capture-preview') },
      self,
    ),
  };
  return { calls, all };
}

/** Runs every listener on `raw`; returns the answers given (undefined ones left out). */
async function answersTo(raw: unknown, sender = ownPage) {
  const { calls, all } = listeners();
  const answers = await Promise.all(TARGETS.map((target) => all[target](raw, sender)));
  return { calls, answers: answers.filter((answer) => answer !== undefined) };
}

/** Any value a message could carry (structured clone allows maps, dates, typed arrays...). */
const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
});

const settings = fc
  .record({
    media: fc.constantFrom(...MEDIA_KINDS),
    strategy: fc.constantFrom(...STRATEGIES),
    chosen: fc.subarray([...MEDIA_KINDS]),
    countdown: fc.boolean(),
  })
  .map(({ media, strategy, chosen, countdown }) => ({
    media,
    strategy,
    providers: Object.fromEntries(chosen.map((kind) => [kind, providersFor(kind).at(-1)!.id])),
    countdown,
  }));

const backendName = fc.constantFrom(...BACKEND_NAMES);
const mood = fc.constantFrom(...MOODS);
const verdict = fc.constantFrom(...VERDICTS);

/** A hand pick's capture: what the camera read, and what the capture had ended as. */
const captureRef = fc
  .record({
    id: fc.uuid(),
    camera: mood,
    shown: fc.option(mood, { nil: undefined }),
    // A reading: probabilities that sum to 1, as the camera gives them.
    probabilities: fc
      .array(fc.double({ min: 0.001, max: 1, noNaN: true }), {
        minLength: MOODS.length,
        maxLength: MOODS.length,
      })
      .map((weights) => {
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        return Object.fromEntries(MOODS.map((m, i) => [m, weights[i]! / total]));
      }),
  })
  .map(({ shown, ...ref }) => (shown === undefined ? ref : { ...ref, shown }));

/** A pick as feedback names it: one of the catalogue's searches with one of the media's providers. */
const pickRef = fc
  .record({
    id: fc.uuid(),
    captureId: fc.option(fc.uuid(), { nil: undefined }),
    mood,
    media: fc.constantFrom(...MEDIA_KINDS),
    strategy: fc.constantFrom(...STRATEGIES),
    index: fc.nat(),
  })
  .map(({ captureId, index, ...ref }) => {
    const providers = providersFor(ref.media);
    const queries = CATALOGUE.queries[ref.media][ref.strategy][ref.mood];
    return {
      ...ref,
      ...(captureId === undefined ? {} : { captureId }),
      providerId: providers[index % providers.length]!.id,
      query: queries[index % queries.length]!,
    };
  });

const withOptional = <T extends object>(base: fc.Arbitrary<T>, key: string, value: fc.Arbitrary<unknown>) =>
  fc
    .tuple(base, fc.option(value, { nil: undefined }))
    .map(([message, extra]) => (extra === undefined ? message : { ...message, [key]: extra }));

/** A photo to read, named by its id, for the background or for the capture page. */
const photoRequest = (target: Target) =>
  withOptional(
    withOptional(
      fc.uuid().map((photo) => ({ target, type: 'read-photo', photo })),
      'face',
      fc.integer({ min: 0, max: 99 }),
    ),
    'capturePage',
    fc.uuid(),
  );

/** Well-formed messages of every type, with their required fields named. */
const VALID: { required: string[]; arbitrary: fc.Arbitrary<Record<string, unknown>> }[] = [
  { required: ['photo'], arbitrary: photoRequest('background') },
  { required: ['photo'], arbitrary: photoRequest('offscreen') },
  {
    required: ['settings'],
    arbitrary: withOptional(
      withOptional(
        settings.map((s) => ({ target: 'background', type: 'capture-mood', settings: s })),
        'inBackground',
        fc.boolean(),
      ),
      'capturePage',
      fc.uuid(),
    ),
  },
  {
    required: ['mood', 'settings'],
    arbitrary: withOptional(
      withOptional(
        fc
          .tuple(mood, settings)
          .map(([m, s]) => ({ target: 'background', type: 'open-recommendation', mood: m, settings: s })),
        'inBackground',
        fc.boolean(),
      ),
      'capture',
      captureRef,
    ),
  },
  {
    required: ['pick', 'verdict'],
    arbitrary: withOptional(
      fc
        .tuple(pickRef, verdict)
        .map(([pick, v]) => ({ target: 'background', type: 'recommendation-feedback', pick, verdict: v })),
      'replaces',
      verdict,
    ),
  },
  {
    required: [],
    arbitrary: withOptional(fc.constant({ target: 'background', type: 'warm-up' }), 'capturePage', fc.uuid()),
  },
  {
    required: [],
    arbitrary: withOptional(
      withOptional(fc.constant({ target: 'offscreen', type: 'warm-up' }), 'backend', backendName),
      'capturePage',
      fc.uuid(),
    ),
  },
  {
    required: ['frames', 'countdownSeconds'],
    arbitrary: withOptional(
      withOptional(
        fc
          .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: MAX_COUNTDOWN_SECONDS }))
          .map(([frames, countdownSeconds]) => ({
            target: 'offscreen',
            type: 'recognize-mood',
            frames,
            countdownSeconds,
          })),
        'backend',
        backendName,
      ),
      'capturePage',
      fc.uuid(),
    ),
  },
  {
    required: ['stage'],
    arbitrary: withOptional(
      withOptional(
        fc
          .constantFrom(...CAPTURE_STAGES)
          .map((stage) => ({ target: 'popup', type: 'capture-progress', stage })),
        'progress',
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      'secondsLeft',
      fc.integer({ min: 1, max: MAX_COUNTDOWN_SECONDS }),
    ),
  },
  {
    required: ['jpeg'],
    arbitrary: fc
      .base64String({ minLength: 4, maxLength: 2000 })
      .map((jpeg) => ({ target: 'popup', type: 'capture-preview', jpeg })),
  },
];
/** Fields some message may leave out: adding one is not always an unknown field. */
const OPTIONAL_FIELDS = [
  'inBackground',
  'progress',
  'capturePage',
  'backend',
  'secondsLeft',
  'capture',
  'replaces',
];
const validMessage = fc.oneof(...VALID.map((v) => v.arbitrary));

/** A value of the wrong kind for each field (a string where a number belongs, and so on). */
const WRONG_KIND: Record<string, fc.Arbitrary<unknown>> = {
  settings: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string())),
  mood: fc.oneof(fc.integer(), fc.boolean(), fc.object(), fc.constantFrom(...INHERITED)),
  frames: fc.oneof(fc.string(), fc.boolean(), fc.object(), fc.double({ min: 11 }), fc.integer({ max: 0 })),
  stage: fc.oneof(fc.integer(), fc.object(), fc.constantFrom(...INHERITED)),
  inBackground: fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.object()),
  progress: fc.oneof(fc.string(), fc.double({ min: 1.0001, noNaN: true }), fc.object()),
  capturePage: fc.oneof(fc.integer(), fc.constantFrom('', '../popup.html', 'x'.repeat(36)), fc.object()),
  // A photo is an id, never a URL, a path or its pixels.
  photo: fc.oneof(
    fc.integer(),
    fc.object(),
    fc.array(fc.integer({ min: 0, max: 255 })),
    fc.constantFrom(
      '',
      'blob:chrome-extension://moodtab-id/7c9e6679-7425-40de-944b-e07fc1f90ae7',
      '../a.jpg',
    ),
  ),
  face: fc.oneof(
    fc.string(),
    fc.integer({ max: -1 }),
    fc.integer({ min: 100 }),
    fc.double({ min: 0.1, max: 0.9 }),
  ),
  countdownSeconds: fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.integer({ min: MAX_COUNTDOWN_SECONDS + 1 }),
    fc.integer({ max: -1 }),
    fc.double({ min: 0.1, max: 0.9 }),
  ),
  backend: fc.oneof(fc.integer(), fc.object(), fc.constantFrom('webgpu', '', ...INHERITED)),
  // Not base64 (a data: URL, spaces, a lone "="), cut off (not a multiple of 4), empty, or no string.
  jpeg: fc.oneof(
    fc.constantFrom('data:image/jpeg;base64,AAAA', 'AA AA', '====', 'AAA', '', '<svg/>'),
    fc.integer(),
    fc.object(),
  ),
  secondsLeft: fc.oneof(
    fc.string(),
    fc.constant(0),
    fc.integer({ min: MAX_COUNTDOWN_SECONDS + 1 }),
    fc.object(),
  ),
  capture: fc.oneof(
    fc.string(),
    fc.integer(),
    fc.array(mood),
    captureRef.map((ref) => ({ ...ref, camera: 'bored' })),
    captureRef.map((ref) => ({ ...ref, id: '../../etc' })),
    captureRef.map((ref) => ({ ...ref, probabilities: { ...ref.probabilities, sad: 2 } })),
    // Each in 0..1, but not a reading: they do not sum to 1.
    captureRef.map((ref) => ({ ...ref, probabilities: Object.fromEntries(MOODS.map((m) => [m, 1])) })),
  ),
  pick: fc.oneof(
    fc.string(),
    fc.integer(),
    fc.array(fc.string()),
    pickRef.map((ref) => ({ ...ref, query: 'x'.repeat(81) })),
    pickRef.map((ref) => ({ ...ref, query: ' padded ' })),
    pickRef.map((ref) => ({ ...ref, providerId: 'Spotify!' })),
    fc.tuple(pickRef, fc.constantFrom(...INHERITED)).map(([ref, m]) => ({ ...ref, mood: m })),
  ),
  verdict: fc.oneof(fc.integer(), fc.object(), fc.constantFrom('meh', '', ...INHERITED)),
  replaces: fc.oneof(fc.boolean(), fc.object(), fc.constantFrom('meh', ...INHERITED)),
};

/** The fields that hold a record of their own, checked field by field. */
const NESTED = ['pick', 'capture'];
/** Well-formed messages with at least one field besides target and type. */
const messageWithFields = validMessage.filter((message) => Object.keys(message).length > 2);

/** Well-formed messages broken in one known way; each must be refused. */
const brokenMessage = fc.oneof(
  // an unknown field
  fc
    .tuple(validMessage, fc.oneof(fc.constantFrom(...INHERITED), fc.string()), anyValue)
    .filter(([message, key]) => !Object.hasOwn(message, key) && !OPTIONAL_FIELDS.includes(key))
    .map(([message, key, value]) => {
      const copy = { ...message };
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
      return copy;
    }),
  // a type that does not exist, or that every object inherits
  fc
    .tuple(validMessage, fc.oneof(fc.constantFrom(...INHERITED), fc.string(), anyValue))
    .filter(
      ([, type]) =>
        !Object.values(TYPES)
          .flat()
          .includes(type as string),
    )
    .map(([message, type]) => ({ ...message, type })),
  // a required field left out
  fc.tuple(fc.constantFrom(...VALID.filter((v) => v.required.length > 0)), fc.nat()).chain(([valid, index]) =>
    valid.arbitrary.map((message) => {
      const copy = { ...message };
      delete copy[valid.required[index % valid.required.length]!];
      return copy;
    }),
  ),
  // a field of the wrong kind
  fc.tuple(messageWithFields, fc.nat()).chain(([message, index]) => {
    const fields = Object.keys(message).filter((key) => key !== 'target' && key !== 'type');
    const key = fields[index % fields.length]!;
    return WRONG_KIND[key]!.map((value) => ({ ...message, [key]: value }));
  }),
  // an unknown field inside a record the message holds (a pick, a capture), prototype names too
  fc
    .tuple(
      validMessage.filter((message) => NESTED.some((field) => Object.hasOwn(message, field))),
      fc.oneof(fc.constantFrom(...INHERITED), fc.string({ minLength: 1, maxLength: 20 })),
      anyValue,
    )
    .filter(([message, key]) => {
      const inner = message[NESTED.find((name) => Object.hasOwn(message, name))!] as object;
      // shown and captureId are optional fields of a capture and a pick: adding one is no mistake.
      return !Object.hasOwn(inner, key) && !['shown', 'captureId'].includes(key);
    })
    .map(([message, key, value]) => {
      const field = NESTED.find((name) => Object.hasOwn(message, name))!;
      const inner = { ...(message[field] as Record<string, unknown>) };
      Object.defineProperty(inner, key, { value, enumerable: true, writable: true, configurable: true });
      return { ...message, [field]: inner };
    }),
  // a flood
  fc
    .tuple(validMessage, fc.integer({ min: MAX_REQUEST_CHARS, max: 4 * MAX_REQUEST_CHARS }))
    .map(([message, size]) => ({ ...message, padding: 'x'.repeat(size) })),
);

const isBadMessage = (answer: unknown) =>
  (answer as { ok: boolean; error?: { code: string } }).ok === false &&
  (answer as { error: { code: string } }).error.code === 'bad-message';

describe('message listeners under random input', () => {
  it('answer any value with bad-message or nothing, and call no handler', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyValue,
          fc.record({ target: fc.constantFrom(...TARGETS, ...INHERITED), type: anyValue }),
          fc.dictionary(fc.constantFrom('target', 'type', 'settings', 'frames', ...INHERITED), anyValue),
        ),
        async (raw) => {
          const { calls, answers } = await answersTo(raw);
          // A value that happens to be well-formed may reach its handler; nothing else may.
          for (const answer of answers) {
            if (!isBadMessage(answer)) expect(calls).toHaveLength(1);
          }
          if (calls.length === 0) expect(answers.every(isBadMessage)).toBe(true);
          expect(answers.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuse every well-formed message broken in one way, with a short reason', async () => {
    await fc.assert(
      fc.asyncProperty(brokenMessage, async (raw) => {
        const { calls, answers } = await answersTo(raw);
        expect(calls).toEqual([]);
        expect(answers).toHaveLength(1);
        expect(isBadMessage(answers[0])).toBe(true);
        expect(JSON.stringify(answers[0]).length).toBeLessThan(400);
      }),
      { numRuns: 500 },
    );
  });

  it('pass every well-formed message to its one handler', async () => {
    await fc.assert(
      fc.asyncProperty(validMessage, async (raw) => {
        const { calls, answers } = await answersTo(raw);
        expect(calls).toEqual([raw.type]);
        expect(answers).toEqual([{ ok: true, value: 'handled' }]);
      }),
    );
  });

  it('refuse any sender but our own pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        validMessage,
        fc.record({
          id: fc.oneof(fc.string(), fc.constant(self.id)),
          url: fc.oneof(fc.string(), fc.webUrl()),
        }),
        async (raw, sender) => {
          fc.pre(!sender.url.startsWith(self.origin) || sender.id !== self.id);
          const { calls, answers } = await answersTo(raw, sender);
          expect(calls).toEqual([]);
          expect(answers).toHaveLength(1);
          expect(isBadMessage(answers[0])).toBe(true);
        },
      ),
    );
  });
});
