import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveFollowUp } from '../../src/core/retrieve/followup.js';
import { createAnalyzer } from '../../src/core/text/analyze.js';
import type { Turn } from '../../src/core/types.js';

const analyzer = createAnalyzer();
const previous: Turn = {
  question: 'Who met Shoygu?',
  resolvedQuestion: 'Who met Shoygu?',
  answer: 'Iranian Defence Minister Amir Hatami met Sergey Shoygu in Moscow. [1]',
  filters: { lang: 'id' },
};

test('a question that refers back carries the previous question, and a person the previous answer named', () => {
  assert.deepEqual(resolveFollowUp('When was that?', [previous], analyzer), { question: 'When was that? (met Shoygu)', filters: { lang: 'id' } });
  assert.match(resolveFollowUp('Where did he travel?', [previous], analyzer).question, /^Where did he travel\? \(.*Hatami.*\)$/);
});

test('a short question that names something of its own stands alone, keeping the filters', () => {
  assert.deepEqual(resolveFollowUp('What did Zakharova say about sanctions?', [previous], analyzer), { question: 'What did Zakharova say about sanctions?', filters: { lang: 'id' } });
  assert.equal(resolveFollowUp('What happened in 2021?', [previous], analyzer).question, 'What happened in 2021?');
});

test('without a previous turn the question is unchanged and unfiltered', () => {
  assert.deepEqual(resolveFollowUp('When was that?', [], analyzer), { question: 'When was that?', filters: {} });
});
