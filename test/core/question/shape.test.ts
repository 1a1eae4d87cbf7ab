import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionShape, type QuestionShape } from '../../../src/core/question/shape.js';

const check = (cases: [string, QuestionShape][]) => {
  for (const [question, shape] of cases) assert.equal(questionShape(question), shape, question);
};

test('list questions in both languages', () => {
  check([
    ['Siapa saja yang ditetapkan sebagai tersangka?', 'list'],
    ['Siapa saja yang bertemu Lavrov?', 'list'],
    ['Negara mana saja yang ikut dalam webinar itu?', 'list'],
    ['Apa saja syarat pendaftaran CPNS?', 'list'],
    ['Sebutkan pemain yang dipanggil ke tim nasional', 'list'],
    ['Which officials voted against the decision?', 'list'],
    ['Which countries took part in the webinar?', 'list'],
    ['Who are the suspects in the bribery case?', 'list'],
    ['What companies were sanctioned?', 'list'],
  ]);
});

test('timeline questions in both languages', () => {
  check([
    ['Kronologi kasus suap proyek jalan', 'timeline'],
    ['What happened between Iran and Russia in 2020?', 'timeline'],
    ['Apa yang terjadi dengan harga minyak?', 'timeline'],
    ['Apa saja yang terjadi sejak Februari hingga Oktober?', 'timeline'],
    ['Timeline of the Iran arms embargo', 'timeline'],
  ]);
});

test('brief questions in both languages, and a bare topic', () => {
  check([
    ['Ringkas berita tentang banjir', 'brief'],
    ['Rangkuman berita tentang kerja sama militer Iran dan Rusia', 'brief'],
    ['Apa saja yang dibahas Lavrov dan Abdollahian?', 'brief'],
    ['Summarize the news about sanctions on Iran', 'brief'],
    ['Berita tentang banjir Jakarta', 'brief'],
    ['News about the arms embargo', 'brief'],
    ['banjir Jakarta', 'brief'],
    ['What did Lavrov and Abdollahian discuss?', 'answer'],
  ]);
});

test('ordinary single-answer questions keep their path', () => {
  check([
    ['Who met Shoygu?', 'answer'],
    ['Siapa yang bertemu Shoygu?', 'answer'],
    ['Kapan Hatami bertemu Shoygu?', 'answer'],
    ['Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?', 'answer'],
    ['Who is the Russian Foreign Ministry spokesperson who gave the weekly press briefing?', 'answer'],
    ['How was Zakharova briefing held?', 'answer'],
    ['Which country did Lavrov visit?', 'answer'],
    ['What is the population of Tehran?', 'answer'],
    ['Apakah Rusia akan melanjutkan kerja sama militer dengan Iran?', 'answer'],
  ]);
});
