export const STRINGS = {
  pick: 'Or pick your mood',
  correct: 'Not right? Pick your mood',
};
