/**
 * Every number a report decides by, with where it comes from. None of them makes a diagnosis:
 * the two-week duration below is borrowed as a length of time, nothing more; a camera reading of a
 * face is not a measure of how someone feels. README ("Mood patterns") explains each in words.
 */

/**
 * Days with entries a period needs before any flag or pattern is read from it. A week of
 * observations is the shortest design common in ecological momentary assessment (EMA) of daily
 * mood, e.g. about 7 days with 8 prompts a day in Thompson et al. 2012, "The everyday emotional
 * experience of adults with major depressive disorder: examining emotional instability, inertia,
 * and reactivity", J Abnorm Psychol 121(4); fewer days say more about chance than about a person.
 */
export const MIN_DAYS_WITH_ENTRIES = 7;

/**
 * persistent-low-mood looks at stretches of two weeks: the span the PHQ-9 asks about ("over the
 * last 2 weeks", Kroenke, Spitzer & Williams 2001, "The PHQ-9: validity of a brief depression
 * severity measure", J Gen Intern Med 16(9)) and the duration named by DSM-5 for low mood "most
 * of the day, nearly every day". Used as a duration only.
 */
export const LOW_STRETCH_DAYS = 14;

/**
 * ...in which sad or angry was the main mood on more than half the days: 8 of 14. "More than half
 * the days" is the PHQ-9's answer from which an item counts as present (Kroenke et al. 2001).
 * A day without entries never counts as low.
 */
export const LOW_MIN_DAYS = Math.floor(LOW_STRETCH_DAYS / 2) + 1;

/**
 * The step between valences that counts as a large change: 2, straight between a low mood (-1)
 * and happy (+1), the largest change the scale has. Trull et al. 2008 ("Affective instability:
 * measuring a core feature of borderline personality disorder with ecological momentary
 * assessment", J Abnorm Psychol 117(3)) and Jahng, Wood & Trull 2008 ("Analysis of affective
 * instability in ecological momentary assessment: indices using successive difference and group
 * comparison via multilevel modeling", Psychol Methods 13(4)) count changes at the top of the
 * change scale ("extreme" or "acute" changes) besides the MSSD.
 */
export const LARGE_CHANGE = 2;

/**
 * mood-swings needs this much MSSD (mean squared successive difference; von Neumann et al. 1941,
 * Ann Math Stat 12(2)), the index of instability that EMA work recommends because it counts both
 * how large and how frequent changes are (Ebner-Priemer et al. 2009, "Analytic strategies for
 * understanding affective (in)stability and other dynamic processes in psychopathology", J Abnorm
 * Psychol 118(1); Jahng et al. 2008). MSSD has no universal cut-off: its size depends on the scale.
 * On this one (-1, 0, +1), 1 means that successive entries within a day differ on average (in
 * root mean square) by a whole step, e.g. as much as every entry moving between calm and sad; a
 * steady day scores 0, a day flipping between sad and happy 4.
 */
export const SWING_MIN_MSSD = 1;

/** ...measured on at least a week of days with two entries or more (the week of MIN_DAYS_WITH_ENTRIES). */
export const SWING_MIN_DAYS_WITH_PAIRS = MIN_DAYS_WITH_ENTRIES;

/**
 * ...with both a low and a happy mood on at least 6 days, about two a week over three weeks, and
 * on at least a third of the days with two entries or more: "frequent", not a bad day or two.
 */
export const SWING_MIN_MIXED_DAYS = 6;
export const SWING_MIN_MIXED_SHARE = 1 / 3;

/**
 * ...over at least three weeks from the first to the last day with entries: instability is read
 * over weeks in EMA (about a month, up to 6 prompts a day, in Trull et al. 2008), not from one
 * week. A 7-day report therefore never raises mood-swings.
 */
export const SWING_MIN_SPAN_DAYS = 21;

/**
 * Time-of-day and weekday patterns: a bucket (e.g. evenings) is compared with the rest only when
 * both hold at least 10 entries, for the normal approximation of the two-proportion z-test used
 * next to be fair (the usual rule of at least 5 expected of each outcome needs about this many).
 */
export const MIN_BUCKET_ENTRIES = 10;

/**
 * Two-sided z a difference in the share of sad or angry entries must reach to be named: 5% in
 * all, split over the comparisons made (Bonferroni): 4 times of day (0.05 / 4), 7 weekdays
 * (0.05 / 7), 5 moods against the previous period (0.05 / 5). Entries of one day are not
 * independent, so this is a screen against chance, not a test a study would publish.
 */
export const TIME_OF_DAY_Z = 2.5;
export const WEEKDAY_Z = 2.69;
export const MOOD_CHANGE_Z = 2.58;

/** The hour (local clock) each part of the day starts at; night runs past midnight. */
export const TIME_OF_DAY_STARTS = { morning: 5, afternoon: 12, evening: 17, night: 22 } as const;

/** A run of low days is mentioned from this many days in a row: fewer is an ordinary bad day or two. */
export const LOW_RUN_MENTION_DAYS = 3;

/** "What lifted you" names a media or search from this many "Good pick"s after sad or angry moods. */
export const MIN_LIFT_GOOD = 2;
/** Searches the report lists at most, most "Good pick"s first. */
export const LIFTED_TOP = 5;

/** An international directory of helplines: linked to, never contacted by Moodtab. */
export const HELPLINE_URL = 'https://findahelpline.com';
