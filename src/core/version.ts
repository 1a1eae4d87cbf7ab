import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** kabar's version, from its package.json (two folders up from both src/core and dist/core). */
export const KABAR_VERSION: string = (require('../../package.json') as { version: string }).version;
