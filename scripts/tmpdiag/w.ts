import path from 'node:path';
import { retrieve } from '../reader/collect.js';
const B = '/work/shared/bench';
const data = await retrieve({ name: 'idkmrc-dev', corpus: path.join(B, 'idkmrc/dev/articles'), questions: path.join(B, 'idkmrc/dev/questions.jsonl') }, () => {});
for (const r of data) if (/Tieck meninggal|Kordoba usai|memfilmkan/.test(r.question.question)) console.log(r.question.question, r.asked.words.map((w) => `${w.word}:${w.weight.toFixed(2)}:${[...w.forms].join('/')}`));
