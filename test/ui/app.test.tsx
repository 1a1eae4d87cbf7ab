import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerEvents, CITED, fakeEngine, sessionOf } from './fake-engine.js';
import { renderApp } from './render-helpers.js';

const ready = (t: string) => t.includes('/help for commands');

test('a question streams an answer with [1] and a numbered source list', async () => {
  const engine = fakeEngine((q) => answerEvents(q, 'Amir Hatami met Sergey Shoygu on Sunday [1]'));
  const app = renderApp({ open: sessionOf(engine) });
  try {
    await app.waitFor(ready);
    await app.type('Who met Shoygu?');
    const frame = await app.waitFor((t) => t.includes('[1]  IslamTimes'));
    assert.match(frame, /› Who met Shoygu\?/);
    assert.match(frame, /Amir Hatami met Sergey Shoygu on Sunday \[1\]/);
    assert.match(frame, /IslamTimes · 2020-08 · id · Amir Hatami and Sergey Shoygu/);
    assert.match(frame, /Dalam pertemuan dengan mitranya/);
    assert.equal(engine.calls[0].question, 'Who met Shoygu?');
  } finally {
    app.unmount();
  }
});

test('/open 1 shows the cited passage with the sentences around it and the file', async () => {
  const engine = fakeEngine((q) => answerEvents(q, 'Hatami met Shoygu [1]'));
  const app = renderApp({ open: sessionOf(engine) });
  try {
    await app.waitFor(ready);
    await app.type('Who met Shoygu?');
    await app.waitFor((t) => t.includes('[1]  IslamTimes'));
    await app.type('/open 1');
    const frame = await app.waitFor((t) => t.includes('passage 004_hatami.txt#1'));
    assert.match(frame, /004_hatami\.txt/);
    assert.match(frame, new RegExp(`chars ${CITED.start}–${CITED.end}`));
    assert.match(frame, /ujung tombak upaya bersama/); // the sentence before
    assert.match(frame, /kekalahan besar/); // the sentence after
    await app.type('/open 7');
    await app.waitFor((t) => t.includes('has no source [7]'));
    await app.type('/sources');
    const echoed = await app.waitFor((t) => /› \/sources\n/.test(t));
    assert.match(
      echoed,
      /› \/open 1\n[\s\S]*passage 004_hatami\.txt#1[\s\S]*› \/open 7\n[\s\S]*has no source \[7\][\s\S]*› \/sources/,
      'each command is echoed above what it shows',
    );
  } finally {
    app.unmount();
  }
});

test('a follow-up passes the history and shows the resolved question', async () => {
  const engine = fakeEngine((q, { history = [] }) =>
    history.length
      ? answerEvents(q, 'On Sunday 23/8 [1]', [CITED], `${q} (met Shoygu)`)
      : answerEvents(q, 'Hatami [1]'),
  );
  const app = renderApp({ open: sessionOf(engine) });
  try {
    await app.waitFor(ready);
    await app.type('Who met Shoygu?');
    await app.waitFor((t) => t.includes('Hatami [1]'));
    await app.type('When was that?');
    await app.waitFor((t) => t.includes('searching for: When was that? (met Shoygu)'));
    assert.equal(engine.calls[1].options.history?.length, 1);
    assert.equal(engine.calls[1].options.history?.[0].question, 'Who met Shoygu?');
  } finally {
    app.unmount();
  }
});

test('/filter sets, shows and clears filters, passes them to the engine, and a bad one is a message', async () => {
  const engine = fakeEngine((q) => answerEvents(q, 'x [1]'));
  const app = renderApp({
    open: sessionOf(engine, { articlesMatching: async (f) => (f.source === 'Nonexistent' ? 0 : 3) }),
  });
  try {
    await app.waitFor(ready);
    await app.type('/filter since=2020-09 lang=id');
    await app.waitFor((t) => t.includes('Filters: since 2020-09, language id.'));
    await app.type('Who met Shoygu?');
    await app.waitFor((t) => t.includes('[1]  IslamTimes'));
    assert.deepEqual(engine.calls[0].options.filters, { since: '2020-09', lang: 'id' });
    await app.type('/filter lang=fr');
    await app.waitFor((t) => t.includes('lang=fr is not a language kabar knows.'));
    await app.type('/filter since=2020-13');
    await app.waitFor((t) => t.includes('since=2020-13 is not a date.'));
    await app.type('/filter source=Nonexistent');
    await app.waitFor((t) =>
      t.replace(/\s+/g, ' ').includes('No article matches since 2020-09, source Nonexistent, language id'),
    );
    await app.type('/filter clear');
    await app.waitFor((t) => t.includes('Filters cleared'));
    await app.type('/filter');
    await app.waitFor((t) => t.includes('No filters: every article is searched.'));
  } finally {
    app.unmount();
  }
});

test('an error event, and an engine that throws, become messages and the chat goes on', async () => {
  let n = 0;
  const engine = fakeEngine((q) => {
    n += 1;
    if (n === 1)
      return [
        { type: 'resolved', question: q, filters: {} },
        { type: 'error', error: new Error('The LLM server at http://127.0.0.1:9 is unreachable.') },
      ];
    if (n === 2) throw new Error('boom inside the engine');
    return answerEvents(q, 'fine [1]');
  });
  const app = renderApp({ open: sessionOf(engine) });
  try {
    await app.waitFor(ready);
    await app.type('first');
    await app.waitFor((t) => t.includes('error: The LLM server at http://127.0.0.1:9 is unreachable.'));
    await app.type('second');
    await app.waitFor((t) => t.includes('error: boom inside the engine'));
    await app.type('third');
    await app.waitFor((t) => t.includes('fine [1]'));
  } finally {
    app.unmount();
  }
});

test('/cite lists matches, and a failing lookup is a message', async () => {
  const engine = fakeEngine((q) => answerEvents(q, 'x'));
  const match = {
    file: '004_hatami.txt',
    id: '004_hatami.txt#1',
    start: 10,
    end: 20,
    line: 5,
    text: 'kerja sama',
    score: 1,
    kind: 'exact' as const,
    date: '2020-08',
    source: 'IslamTimes',
    lang: 'id' as const,
    earliest: true,
  };
  const app = renderApp({ open: sessionOf(engine, { findQuote: async () => [match] }) });
  try {
    await app.waitFor(ready);
    await app.type('/cite "kerja sama"');
    await app.waitFor((t) => t.includes('004_hatami.txt:5 · exact') && t.includes('earliest'));
  } finally {
    app.unmount();
  }
  const failing = renderApp({
    open: sessionOf(engine, { findQuote: async () => Promise.reject(new Error('lookup broke')) }),
  });
  try {
    await failing.waitFor(ready);
    await failing.type('/cite "kerja sama"');
    await failing.waitFor((t) => t.includes('error: lookup broke'));
  } finally {
    failing.unmount();
  }
});

test('up arrow recalls the previous line', async () => {
  const engine = fakeEngine((q) => answerEvents(q, 'x [1]'));
  const app = renderApp({ open: sessionOf(engine) });
  try {
    await app.waitFor(ready);
    await app.type('/help');
    const help = await app.waitFor((t) => t.includes('/open N'));
    const starts = help
      .split('\n')
      .filter((l) => /^ {2}\/\w/.test(l))
      .map((l) => /^( {2}\S+(?: \S+)*\s+)/.exec(l)?.[1].length);
    assert.equal(new Set(starts).size, 1, `the descriptions of /help start in one column: ${starts.join(', ')}`);
    app.stdin.write('\u001b[A');
    await app.waitFor(() => /› \/help/.test(app.lastFrame() ?? ''));
  } finally {
    app.unmount();
  }
});
