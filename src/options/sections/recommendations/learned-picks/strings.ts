export const STRINGS = {
  heading: 'Your ratings',
  totals: (good: number, bad: number) =>
    `${good} good pick${good === 1 ? '' : 's'} and ${bad} "not for me" so far: Moodtab opens searches you liked ` +
    'more often and ones you did not less often, and still tries the others now and then.',
  none: 'No ratings yet. Rate a pick in the popup ("Good pick" / "Not for me") and Moodtab learns what to open.',
  reset: 'Forget my ratings',
  done: 'Your ratings are forgotten: every search is equally likely again.',
};
