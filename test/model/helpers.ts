import { join } from 'node:path';
import { useBackend } from '../../src/node/backend';
import { decodeImageFile } from '../../src/node/images';
import { ROOT } from '../../src/node/modelPaths';

export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const photo = (name: string) => decodeImageFile(join(FIXTURES, 'faces', name));

/** Model tests run on tfjs's wasm backend in Node: the same kernels family, several times faster than cpu. */
export const useTestBackend = () => useBackend('wasm');
