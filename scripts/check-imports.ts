/**
 * Checks the import graph of src/ against kabar's rooms (docs/architecture.md): every relative import
 * must point down the list of layers below, or stay in its own room; two rooms never import each other;
 * and the outer rooms reach core only through its public entry, src/core/index.ts. Prints each import
 * that breaks a rule and exits 1, so `npm test` fails on it.
 *
 *   node --import tsx scripts/check-imports.ts [src]
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * The layers, top first; a file belongs to the room of the longest path that holds it. A room may
 * import the rooms of lower layers only; rooms on one layer (one line) may not import each other.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['cli.ts', 'library.ts'],
  ['commands'],
  ['ui', 'serve'],
  ['present'],
  ['core/index.ts'],
  ['core/open.ts', 'core/evaluation.ts'],
  ['providers/chat'],
  ['providers/embeddings'],
  ['providers'],
  ['core/cite'],
  ['core/health.ts'],
  ['core/engine.ts'],
  ['core/across'],
  ['core/eval'],
  ['core/answer'],
  ['core/retrieve'],
  ['core/question'],
  ['core/index/local', 'core/index/postgres'],
  ['core/index'],
  ['core/corpus'],
  ['core/config'],
  ['core/sources'],
  ['core/text'],
  ['core'],
  ['types'],
];

/** Rooms outside core: they may import core only through its entry. */
const OUTER = ['cli.ts', 'library.ts', 'commands', 'ui', 'serve', 'present'];
const ENTRY = 'core/index.ts';

/** Every TypeScript file under `dir`, relative to it, with '/' separators. */
function sourceFiles(dir: string, under = ''): string[] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return sourceFiles(dir, relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

const ROOMS = LAYERS.flat();

/** The room of a file: the longest room path that is the file itself or a folder holding it. */
export function roomOf(file: string): string {
  let best = '';
  for (const room of ROOMS)
    if ((file === room || file.startsWith(`${room}/`)) && room.length > best.length) best = room;
  if (!best) throw new Error(`${file} is in no room of scripts/check-imports.ts; add its folder to LAYERS`);
  return best;
}

const layerOf = (room: string): number => LAYERS.findIndex((layer) => layer.includes(room));

/** The relative imports of a source text: static, re-exports and dynamic `import()`. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.\.?\/[^'"]+)['"]/g)].map((m) => m[1]);
}

/** The file a specifier names, relative to src/ (`.js` written for a `.ts` or `.tsx` source). */
function resolve(srcDir: string, from: string, specifier: string): string {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [target, target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx')]) {
    if (fs.existsSync(path.join(srcDir, candidate)) && fs.statSync(path.join(srcDir, candidate)).isFile())
      return candidate;
  }
  return target;
}

/** Every import under `srcDir` that breaks a rule, as one sentence each. */
export function checkImports(srcDir: string): string[] {
  const problems: string[] = [];
  const edges = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const room = roomOf(file);
    for (const specifier of importsOf(fs.readFileSync(path.join(srcDir, file), 'utf8'))) {
      const target = resolve(srcDir, file, specifier);
      if (target.endsWith('.json')) continue;
      const other = roomOf(target);
      if (other === room) continue;
      edges.add(`${room} ${other}`);
      if (OUTER.includes(room) && other.startsWith('core') && target !== ENTRY) {
        problems.push(`${file} imports ${target}: ${room} reaches core only through src/${ENTRY}.`);
      } else if (layerOf(other) <= layerOf(room)) {
        problems.push(
          `${file} imports ${target}: ${other} is not below ${room} in the layers of scripts/check-imports.ts.`,
        );
      }
    }
  }
  for (const edge of edges) {
    const [a, b] = edge.split(' ');
    if (a < b && edges.has(`${b} ${a}`)) problems.push(`${a} and ${b} import each other.`);
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const problems = checkImports(process.argv[2] ?? 'src');
  for (const problem of problems) console.error(problem);
  if (problems.length) {
    console.error(`${problems.length} import(s) break the layers; see docs/architecture.md.`);
    process.exit(1);
  }
}
