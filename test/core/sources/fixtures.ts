import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers.js';

export const SOURCE_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sources');

/** A source fixture's text. */
export const fixture = (name: string): string => fs.readFileSync(path.join(SOURCE_FIXTURES, name), 'utf8');
