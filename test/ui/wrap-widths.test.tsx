import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayWidth } from '../../src/present/wrap.js';
import { answerEvents, CITED, fakeEngine, sessionOf } from './fake-engine.js';
import { renderApp, waitFor } from './render-helpers.js';

const QUESTION =
  'Apa yang dikatakan Menteri Pertahanan Iran Brigadir Jenderal Amir Hatami tentang kerja sama militer antara Tehran dan Moskow setelah pertemuan dengan Sergey Shoygu?';
const RESOLVED = `${QUESTION} (Hatami Shoygu Moskow Tehran Russian Iranian defence ministers)`;
const ANSWER =
  'Menteri Pertahanan Iran Brigadir Jenderal Amir Hatami mengatakan bahwa Tehran dan Moskow perlu untuk mempromosikan kerja sama di bidang pertahanan dan keamanan regional [1]';
const TITLE =
  'Iranian and Russian defence ministers meet in Moskow dan Tehran to discuss military cooperation against American sanctions';
const SOURCE = { ...CITED, title: TITLE };

/** Every word the screen may show: the texts above and the chat's own lines. */
const WORDS = new Set(
  [QUESTION, RESOLVED, ANSWER, TITLE, CITED.text, 'searching for:', '› [1] IslamTimes · 2020-08 · id ·']
    .join(' ')
    .split(/\s+/),
);

for (const columns of [80, 100, 110, 120]) {
  test(`at ${columns} columns the question, the searching-for line, the answer and the source wrap by words with indented continuation lines`, async () => {
    const engine = fakeEngine((q) => answerEvents(q, ANSWER, [SOURCE], RESOLVED));
    const app = renderApp({ open: sessionOf(engine) }, columns);
    try {
      await app.waitFor((t) => t.includes('/help for commands'));
      await app.type(QUESTION);
      const frame = await waitFor(
        app.lastFrame,
        (t) => t.includes('[1]  IslamTimes') && t.includes('/help for commands'),
      );
      // The turn, up to the empty prompt under it.
      const turn = frame.slice(frame.lastIndexOf(`› ${QUESTION.slice(0, 20)}`), frame.lastIndexOf('\n›'));
      const lines = turn.split('\n').filter((l) => l.trim());
      for (const line of lines) {
        assert.ok(displayWidth(line) <= columns, `overruns ${columns} columns: ${line}`);
        // Only the question's first line and a source's first line start in column 0; every other line is indented.
        if (!/^(› |\[\d+\] )/.test(line)) assert.match(line, /^ {2}/, `not indented: ${line}`);
        for (const word of line.trim().split(/\s+/)) assert.ok(WORDS.has(word), `a split word "${word}" in: ${line}`);
      }
      const question = lines.findIndex((l) => l.startsWith('› Apa'));
      const searching = lines.findIndex((l) => l.startsWith('  searching for:'));
      assert.ok(searching > question + 1, 'the long question takes more than one line');
      for (const line of lines.slice(question + 1, searching))
        assert.match(line, /^ {2}\S/, 'question continuation under the question');
      assert.match(lines[searching + 1], /^ {4}\S/, 'searching-for continuation indented under the label');
      const source = lines.findIndex((l) => l.startsWith('[1]'));
      for (const line of lines.slice(source + 1))
        assert.match(line, /^ {5}\S/, `source continuation not under the source: ${line}`);
    } finally {
      app.unmount();
    }
  });
}
