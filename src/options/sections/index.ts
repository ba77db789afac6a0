/**
 * The options page is a list of sections, each a self-contained component that reads and writes
 * what it needs through ../hooks. Add a section by adding a folder and a row here.
 */
import type { ComponentType } from 'preact';
import type { MessageKey } from '../../common/i18n';
import { ChoicesSection } from './choices';
import { DataSection } from '../../ui/journal-data';
import { JournalSection } from '../../ui/journal-settings';
import { MoodsSection } from '../../ui/moods';
import { PhotoSection } from './photo';
import { RecommendationsSection } from './recommendations';

export interface OptionsSection {
  /** The section's anchor (options.html#journal) and its heading's id prefix. */
  id: string;
  title: MessageKey;
  Component: ComponentType;
}

/** Your moods first: the charts are what the journal is for. */
export const SECTIONS: readonly OptionsSection[] = [
  { id: 'moods', title: 'options_moodsTitle', Component: MoodsSection },
  { id: 'choices', title: 'options_choicesTitle', Component: ChoicesSection },
  { id: 'photo', title: 'options_photoTitle', Component: PhotoSection },
  {
    id: 'recommendations',
    title: 'options_recommendationsTitle',
    Component: RecommendationsSection,
  },
  { id: 'journal', title: 'options_journalTitle', Component: JournalSection },
  { id: 'data', title: 'options_dataTitle', Component: DataSection },
];
