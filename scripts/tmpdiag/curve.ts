import fs from 'node:fs';
import path from 'node:path';
import { sentencesOf } from '../../src/core/answer/reader/context.js';
import { readSentences } from '../../src/core/answer/reader/features.js';
import { scoreReads } from '../../src/core/answer/reader/read.js';
import { answerMatches } from '../../src/core/eval/answer-score.js';
import { retrieve } from '../reader/collect.js';
const B = '/work/shared/bench';
const w = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
for (const set of [{ name: 'facqa-dev', corpus: path.join(B, 'facqa/articles'), questions: path.join(B, 'facqa/dev.jsonl') }, { name: 'idkmrc-dev', corpus: path.join(B, 'idkmrc/dev/articles'), questions: path.join(B, 'idkmrc/dev/questions.jsonl') }]) {
  const data = await retrieve(set, () => {});
  const xs = data.map((r) => {
    const reading = scoreReads(r.asked, readSentences(r.asked, sentencesOf(r.hits, r.corpus, 5), r.analyzer), w);
    const best = reading.sentences[0];
    return { ans: !r.question.unanswerable, conf: reading.confidence, hit: best ? answerMatches(best.context.sentence.text, r.question.answers) : false };
  });
  const A = xs.filter((x) => x.ans).length, U = xs.length - A;
  const rows = [];
  for (let t = 0.05; t < 0.8; t += 0.05) {
    const ans = xs.filter((x) => x.conf >= t);
    rows.push(`${t.toFixed(2)}: hit ${(ans.filter((x) => x.ans && x.hit).length / A).toFixed(3)} falseAbst ${(xs.filter((x) => x.ans && x.conf < t).length / A).toFixed(3)} recall ${U ? (xs.filter((x) => !x.ans && x.conf < t).length / U).toFixed(3) : '-'}`);
  }
  console.log(set.name + '\n' + rows.join('\n'));
}
