import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempCorpus } from '../helpers.js';

/** Two news items in one archive: a flood and a football match. */
const ARCHIVE = [
  { id: 'banjir', title: 'Banjir', text: 'Petugas mengerahkan 30 perahu karet untuk mengevakuasi warga.' },
  {
    id: 'bola',
    title: 'Sepak bola',
    text: 'Tim nasional Indonesia mengalahkan Vietnam 1-0 di Jakarta. Gol tunggal dicetak oleh Egy Maulana Vikri pada menit ke-70.',
  },
];

test('the joint reader answers Indonesian and English questions over an Indonesian archive with the span asked for', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  for (const file of fs.readdirSync(tmp.corpus)) fs.rmSync(path.join(tmp.corpus, file));
  const archive = path.join(tmp.corpus, 'archive.jsonl');
  fs.writeFileSync(archive, ARCHIVE.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const ask = (question: string) => {
    const result = runCli(['--corpus', archive, '--index', tmp.index, 'ask', '--json', question]);
    assert.equal(result.code, 0, result.stderr);
    const answer = JSON.parse(result.stdout) as {
      abstained: boolean;
      short: { text: string; start: number; end: number } | null;
    };
    assert.equal(answer.abstained, false, question);
    return answer.short?.text ?? '';
  };
  // "dikerahkan" and "mengerahkan" share the stem "kerah".
  assert.match(ask('Berapa perahu karet yang dikerahkan?'), /^30\b/);
  assert.equal(ask('Siapa yang mencetak gol ke gawang Vietnam?'), 'Egy Maulana Vikri');
  assert.match(ask('How many rubber boats were deployed?'), /^30\b/);
  // A match's score is shown alone; "melawan" and "against" only relate the two teams.
  assert.equal(ask('Berapa skor Indonesia melawan Vietnam?'), '1-0');
  // "scored" meets "Gol" through the lexicon, in the sentence after the one naming Vietnam.
  assert.equal(ask('Who scored against Vietnam?'), 'Egy Maulana Vikri');
});
