export const STRINGS = {
  heading: 'Mapping pack',
  intro:
    'Take your searches and providers to another browser, or share them: a JSON file. Importing a pack ' +
    'replaces your lists and providers; a file with any mistake changes nothing.',
  export: 'Export mapping pack',
  import: 'Import a mapping pack',
  fileName: 'moodtab-mapping.json',
  exported: 'Exported to moodtab-mapping.json.',
  imported: (providers: number, lists: number) =>
    `Imported: ${providers} provider${providers === 1 ? '' : 's'} of your own, ${lists} list${
      lists === 1 ? '' : 's'
    } that differ from the built-in ones.`,
  rejected: 'Nothing changed. This file cannot be imported:',
  unreadable: (reason: string) => `Nothing changed. The file could not be read (${reason}).`,
};
