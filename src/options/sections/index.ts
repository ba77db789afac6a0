/**
 * The options page is a list of sections, each a self-contained component that reads and writes
 * what it needs through ../hooks. Add a section by adding a folder and a row here.
 */
import type { ComponentType } from 'preact';
import type { MessageKey } from '../../shared/i18n';
import { ChoicesSection } from './choices';
import { DataSection } from './data';
import { JournalSection } from './journal';
import { MoodsSection } from './moods';

export interface OptionsSection {
  /** The section's anchor (options.html#journal) and its heading's id prefix. */
  id: string;
  title: MessageKey;
  Component: ComponentType;
}

export const SECTIONS: readonly OptionsSection[] = [
  { id: 'choices', title: 'options_choicesTitle', Component: ChoicesSection },
  // The Recommendations section (mapping editor, "adjusted to you" calibration, bandit reset) mounts
  // here, from ./recommendations/index.tsx: { id: 'recommendations', title: ..., Component: ... }.
  { id: 'journal', title: 'options_journalTitle', Component: JournalSection },
  { id: 'moods', title: 'options_moodsTitle', Component: MoodsSection },
  { id: 'data', title: 'options_dataTitle', Component: DataSection },
];
