// Locates ../shared (the test data beside the project). Tests that need it skip with a clear
// message where it is absent, as in a user's clone.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The project root: tests run from dist/test/..., sources live in test/... */
export const projectRoot = (() => {
  let dir = here;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + here);
    dir = up;
  }
  return dir;
})();

export const sharedDir = resolve(process.env.KQLHUNT_SHARED ?? join(projectRoot, '..', 'shared'));

export const hasShared = existsSync(join(sharedDir, 'README.md'));

/** Pass as the `skip` option of a test: false when ../shared is there, else the reason. */
export const skipWithoutShared: string | false = hasShared
  ? false
  : `../shared not found at ${sharedDir}: test data is absent (set KQLHUNT_SHARED)`;

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}
