export const STRINGS = {
  heading: 'Song previews',
  label: 'Show five 30-second previews from Deezer in the popup after a music pick',
  why:
    'Turning this on asks your browser to let Moodtab reach api.deezer.com; turning it off gives that ' +
    'access back. Only the search words of the opened pick are sent, with no cookie and no referrer.',
  denied: 'Your browser did not grant access, so previews stay off.',
  failed: (reason: string) => `Could not change this (${reason}).`,
};
