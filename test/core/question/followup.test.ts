import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conversationSubject, resolveFollowUp } from '../../../src/core/question/followup.js';
import type { Turn } from '../../../src/core/types.js';

const turn = (question: string, resolvedQuestion = question): Turn => ({
  question,
  resolvedQuestion,
  answer: 'Iranian Defence Minister Amir Hatami met Sergey Shoygu in Moscow. [1]',
});
const shoygu = [turn('Who met Shoygu?')];

test("a question that refers back carries only the previous question's names, in both languages", () => {
  assert.equal(resolveFollowUp('When was that?', shoygu), 'When was that? (Shoygu)');
  assert.equal(resolveFollowUp('Where did he travel?', shoygu), 'Where did he travel? (Shoygu)');
  const khatibzadeh = [turn('Apa kata Khatibzadeh tentang calon presiden AS?')];
  assert.equal(resolveFollowUp('Kapan dia mengatakannya?', khatibzadeh), 'Kapan dia mengatakannya? (Khatibzadeh)');
  assert.equal(
    resolveFollowUp('Di mana mereka bertemu?', [turn('Siapa yang ditemui Lavrov pada hari Rabu?')]),
    'Di mana mereka bertemu? (Lavrov Rabu)',
  );
});

test('an ellipsis with no word of its own, or a continuation, is a follow-up too', () => {
  assert.equal(resolveFollowUp('Kapan?', shoygu), 'Kapan? (Shoygu)');
  assert.equal(
    resolveFollowUp('And the foreign ministers?', [
      turn('How many times did the Iranian and Russian presidents talk by phone?'),
    ]),
    'And the foreign ministers? (Iranian Russian)',
  );
});

test('a question without a reference, or naming its own subject, is never rewritten', () => {
  const khatibzadeh = [turn('Apa kata Khatibzadeh tentang calon presiden AS?')];
  assert.equal(resolveFollowUp('Di mana menteri luar negeri bertemu?', khatibzadeh), null);
  assert.equal(
    resolveFollowUp('Who did Lavrov meet? Where did they meet?', [turn('What did Zakharova say about sanctions?')]),
    null,
  );
  assert.equal(resolveFollowUp('What happened in 2021?', shoygu), null);
  assert.equal(resolveFollowUp('Apakah hanya itu yang ditanyakan?', []), null, 'no previous turn');
  assert.equal(
    resolveFollowUp('Mengapa mereka hanya bertanya?', [turn('siapa yang menolak proposal itu?')]),
    'Mengapa mereka hanya bertanya? (menolak proposal)',
    'a question that names nothing carries its content words',
  );
});

test('the subject is the latest question that names anything, so a third turn still knows it', () => {
  const history = [turn('Who met Shoygu?'), turn('When was that?')];
  assert.deepEqual(conversationSubject(history), ['Shoygu']);
  assert.equal(resolveFollowUp('Where did he travel?', history), 'Where did he travel? (Shoygu)');
});
