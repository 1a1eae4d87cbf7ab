import fs from 'node:fs';
import path from 'node:path';
import { sentencesOf } from '../../src/core/answer/reader/context.js';
import { readSentences } from '../../src/core/answer/reader/features.js';
import { scoreReads, spansOf } from '../../src/core/answer/reader/read.js';
import { answerMatches, exactMatch } from '../../src/core/eval/answer-score.js';
import { retrieve } from '../reader/collect.js';
const B = '/work/shared/bench';
const w = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
for (const set of [{ name: 'facqa-dev', corpus: path.join(B, 'facqa/articles'), questions: path.join(B, 'facqa/dev.jsonl') }, { name: 'idkmrc-dev', corpus: path.join(B, 'idkmrc/dev/articles'), questions: path.join(B, 'idkmrc/dev/questions.jsonl') }]) {
  const data = await retrieve(set, () => {});
  let n = 0, cand = 0, chosen = 0; const miss: string[] = []; const wrong: string[] = [];
  for (const r of data) {
    if (r.question.unanswerable) continue;
    const reads = readSentences(r.asked, sentencesOf(r.hits, r.corpus, 5), r.analyzer);
    const reading = scoreReads(r.asked, reads, w);
    const best = reading.sentences[0];
    if (!best || !answerMatches(best.context.sentence.text, r.question.answers)) continue;
    n++;
    const spans = spansOf(r.asked, best);
    if (spans.some((s) => r.question.answers.some((g) => exactMatch(s.candidate.text, g)))) cand++; else miss.push(`${r.question.answers[0]}  <<  ${best.context.sentence.text.slice(0, 120)}`);
    if (reading.spans[0] && r.question.answers.some((g) => exactMatch(reading.spans[0].candidate.text, g))) chosen++; else wrong.push(`${r.question.question} | gold ${r.question.answers[0]} | got ${reading.spans[0]?.candidate.text}`);
  }
  console.log(set.name, 'right sentence', n, 'gold is a candidate', (cand / n).toFixed(3), 'chosen exact', (chosen / n).toFixed(3));
  console.log(miss.slice(0, 12).join('\n')); console.log('--- wrong choices'); console.log(wrong.slice(0, 15).join('\n'));
}
