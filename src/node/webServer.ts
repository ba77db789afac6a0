/**
 * dist/web served on a free localhost port by http-server (the server of `npm run serve:web`),
 * without caching headers: for the web app's e2e tests and its bench.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './modelPaths';

export const WEB_DIST = join(ROOT, 'dist', 'web');

export interface StaticServer {
  server: {
    address(): AddressInfo | string | null;
    listen(port: number, host: string, done: () => void): void;
  };
  close(): void;
}
// http-server ships no types; this is the part of it used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const httpServer = require('http-server') as { createServer(options: object): StaticServer };

export async function serveWebApp(): Promise<{ origin: string; server: StaticServer }> {
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error('run `npm run build:web` first: dist/web is missing');
  const server = httpServer.createServer({ root: WEB_DIST, cache: -1, showDir: false, logFn: undefined });
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { origin: `http://localhost:${port}/`, server };
}
