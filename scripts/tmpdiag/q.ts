import { createAnalyzer } from '../../src/core/text/analyze.js';
import { analyseQuery } from '../../src/core/retrieve/query.js';
const a = createAnalyzer();
for (const q of process.argv.slice(2)) { const x = analyseQuery(q, a); console.log(q, x.lang, x.words.map((w) => `${w.word}:${w.weight}`)); }
