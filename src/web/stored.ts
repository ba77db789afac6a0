/** The stored-state registry on the web app's storage (storage.ts): the one way to read and write it. */
import { openStoredState } from '../storage/registry';
import { webStorage } from './storage';

export const stored = openStoredState(webStorage());
