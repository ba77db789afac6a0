/** What a mood can open, and how: the media kinds, and whether to match the mood or lift it. */
export const MEDIA_KINDS = ['music', 'movies', 'pictures'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** "match" plays to the mood; "lift" aims to improve it (a sad face gets feel-good picks). */
export const STRATEGIES = ['match', 'lift'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const isMediaKind = (value: unknown): value is MediaKind => MEDIA_KINDS.includes(value as MediaKind);
export const isStrategy = (value: unknown): value is Strategy => STRATEGIES.includes(value as Strategy);
