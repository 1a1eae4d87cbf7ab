import fs from 'node:fs';
import path from 'node:path';
import { sentencesOf } from '../../src/core/answer/reader/context.js';
import { readSentences, SENTENCE_FEATURES, DECISION_FEATURES } from '../../src/core/answer/reader/features.js';
import { scoreReads } from '../../src/core/answer/reader/read.js';
import { answerMatches } from '../../src/core/eval/answer-score.js';
import { retrieve } from '../reader/collect.js';
const B = '/work/shared/bench';
const w = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const set = process.argv[3] === 'facqa' ? { name: 'facqa-dev', corpus: path.join(B, 'facqa/articles'), questions: path.join(B, 'facqa/dev.jsonl') } : { name: 'idkmrc-dev', corpus: path.join(B, 'idkmrc/dev/articles'), questions: path.join(B, 'idkmrc/dev/questions.jsonl') };
const data = await retrieve(set, () => {});
const rows: any[] = [];
for (const r of data) {
  const reads = readSentences(r.asked, sentencesOf(r.hits, r.corpus, 5), r.analyzer);
  const reading = scoreReads(r.asked, reads, w);
  const best = reading.sentences[0];
  const ans = !r.question.unanswerable;
  const any = reads.some((s) => answerMatches(s.context.sentence.text, r.question.answers));
  const top = best ? answerMatches(best.context.sentence.text, r.question.answers) : false;
  rows.push({ q: r.question.question, ans, any, top, conf: reading.confidence, sent: best?.context.sentence.text.slice(0, 160), span: reading.spans[0]?.candidate.text, gold: r.question.answers.join(' | '), f: best ? Object.fromEntries(SENTENCE_FEATURES.map((n, i) => [n, +best.features[i].toFixed(2)])) : {} });
}
// AUC of confidence: answerable vs unanswerable
const pos = rows.filter((x) => x.ans).map((x) => x.conf), neg = rows.filter((x) => !x.ans).map((x) => x.conf);
let auc = 0; for (const p of pos) for (const n of neg) auc += p > n ? 1 : p === n ? 0.5 : 0;
console.log('AUC ans vs unans', neg.length ? (auc / pos.length / neg.length).toFixed(3) : '-', 'ceiling any', (rows.filter((x) => x.ans && x.any).length / pos.length).toFixed(3), 'top', (rows.filter((x) => x.ans && x.top).length / pos.length).toFixed(3));
const mode = process.argv[4];
const pick = mode === 'fp' ? rows.filter((x) => !x.ans).sort((a, b) => b.conf - a.conf) : mode === 'fn' ? rows.filter((x) => x.ans && x.top).sort((a, b) => a.conf - b.conf) : mode === 'wrong' ? rows.filter((x) => x.ans && x.any && !x.top) : rows.filter((x) => x.ans && x.top);
for (const x of pick.slice(0, Number(process.argv[5] ?? 8))) console.log(JSON.stringify({ q: x.q, conf: +x.conf.toFixed(2), gold: x.gold, span: x.span, sent: x.sent, f: mode === 'fp' || mode === 'fn' ? x.f : undefined }));
