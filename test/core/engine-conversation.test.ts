import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Engine } from '../../src/core/engine.js';
import { collectAnswer } from '../../src/core/answer/collect.js';
import type { Turn } from '../../src/core/types.js';
import { seedsEngine } from '../helpers.js';

/** Asks the questions in turn as one conversation; returns what was searched for and shown (the answer and its supporting quote) at each turn. */
async function converse(engine: Engine, questions: string[]) {
  const history: Turn[] = [];
  const out: { searched: string; answer: string }[] = [];
  for (const question of questions) {
    let searched = question;
    const answer = await collectAnswer(engine.ask(question, { history }), (e) => {
      if (e.type === 'resolved') searched = e.question;
    });
    history.push({ question, resolvedQuestion: searched, answer: answer.answer });
    out.push({ searched, answer: `${answer.answer} ${answer.support?.text ?? ''}` });
  }
  return out;
}

test('follow-ups follow and standalone questions stand alone, searched both ways', async (t) => {
  const engine = await seedsEngine(t);
  const [, travel, when] = await converse(engine, ['Who met Shoygu?', 'Where did he travel?', 'When was that?']);
  assert.match(travel.answer, /Moskow/);
  assert.match(when.searched, /^When was that\? \(Shoygu\)$/);
  assert.match(when.answer, /23\/8/);
  const [, ministers] = await converse(engine, [
    'Apa kata Khatibzadeh tentang calon presiden AS?',
    'Di mana menteri luar negeri bertemu?',
  ]);
  assert.equal(ministers.searched, 'Di mana menteri luar negeri bertemu?');
  assert.match(ministers.answer, /tiga kali di Moskow/);
  const [, lavrov] = await converse(engine, [
    'What did Zakharova say about sanctions?',
    'Who did Lavrov meet? Where did they meet?',
  ]);
  assert.equal(lavrov.searched, 'Who did Lavrov meet? Where did they meet?');
  assert.match(lavrov.answer, /Abdollahian/);
});
