import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkImports } from '../../scripts/check-imports.js';
import { ROOT } from '../helpers.js';

/** A throwaway src/ tree with the given files. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-imports-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

test("kabar's own src/ keeps the layers", () => {
  assert.deepEqual(checkImports(path.join(ROOT, 'src')), []);
});

test('an import up the layers, a mutual pair and a deep import into core are each reported', () => {
  const dir = tree({
    'core/text/a.ts': "import { b } from '../retrieve/b.js';\n",
    'core/retrieve/b.ts': "import { a } from '../text/a.js';\n",
    'commands/c.ts': "import type { Hit } from '../core/types.js';\nimport { x } from '../core/index.js';\n",
    'core/index.ts': 'export const x = 1;\n',
    'core/types.ts': 'export type Hit = number;\n',
  });
  const problems = checkImports(dir);
  assert.ok(
    problems.some((p) => p.startsWith('core/text/a.ts imports core/retrieve/b.ts')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p === 'core/retrieve and core/text import each other.'),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.startsWith('commands/c.ts imports core/types.ts: commands reaches core only through')),
    problems.join('\n'),
  );
  assert.equal(problems.filter((p) => p.includes('core/index.ts:')).length, 0);
});
