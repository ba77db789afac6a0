export const STRINGS = {
  heading: 'Recommendations',
  intro:
    'What each mood opens, and what Moodtab has learned from you. All of it stays in this browser; ' +
    'a provider only ever sees the search words.',
  saveFailed: (reason: string) => `Could not save (${reason}).`,
};
