export const STRINGS = {
  heading: 'Previews from Deezer',
  loading: 'Finding previews on Deezer…',
  failed: (reason: string) => `Previews could not be loaded (${reason}).`,
  none: (query: string) => `Deezer has no previews for “${query}”.`,
  sent: (query: string) => `Only “${query}” was sent to Deezer.`,
  player: (title: string, artist: string) => `30-second preview: ${title} by ${artist}`,
};
