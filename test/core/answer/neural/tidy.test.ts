import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tidySpan } from '../../../../src/core/answer/neural/tidy.js';

/** A passage starting at offset 100 of its file, its sentences split at full stops. */
function passage(text: string) {
  const sentences = [...text.matchAll(/[^.]+\.?\s*/g)].map((m) => ({
    start: 100 + m.index,
    end: 100 + m.index + m[0].trimEnd().length,
    text: m[0].trimEnd(),
  }));
  return { start: 100, text, sentences };
}
const spanOf = (p: ReturnType<typeof passage>, text: string) => {
  const start = 100 + p.text.indexOf(text);
  return { start, end: start + text.length, text };
};

test('a span stopping before the bracket it opened is closed; offsets stay exact', () => {
  const p = passage('Ia memimpin Badan Tenaga Atom Internasional (IAEA) sejak 1997.');
  const tidy = tidySpan(p, spanOf(p, 'Badan Tenaga Atom Internasional (IAEA'));
  assert.equal(tidy.text, 'Badan Tenaga Atom Internasional (IAEA)');
  assert.equal(p.text.slice(tidy.start - 100, tidy.end - 100), tidy.text);
});

test('a span over a full stop keeps its longest part in one sentence', () => {
  const p = passage(
    'Kata pengamat dari AS. Michael Shifter menilai itu wajar. Pencabutan Larangan Ekspor Rotan. Permen baru.',
  );
  assert.equal(tidySpan(p, spanOf(p, 'AS. Michael Shifter')).text, 'Michael Shifter');
  assert.equal(
    tidySpan(p, spanOf(p, 'Pencabutan Larangan Ekspor Rotan. Permen')).text,
    'Pencabutan Larangan Ekspor Rotan',
  );
});

test('a span in one sentence with its brackets closed is left as it is', () => {
  const p = passage('Skornya 1-0 (babak pertama) untuk Indonesia.');
  const span = spanOf(p, '1-0 (babak pertama)');
  assert.deepEqual(tidySpan(p, span), span);
});
