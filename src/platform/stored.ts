/**
 * The stored-state registry on storage.local, for the extension's pages: the one way they read and
 * write it. The web build puts src/web/stored.ts (the same registry on IndexedDB) in its place, so
 * the pages' shared parts in src/ui read and write whichever storage their page runs on.
 */
import { openStoredState } from '../storage/registry';
import { storageArea } from './browserApi';

export const stored = openStoredState(storageArea);
