import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleFromSource, parseArticle } from '../../../src/core/corpus/article.js';
import { readFeed } from '../../../src/core/sources/feed.js';
import { readHtml } from '../../../src/core/sources/html.js';
import { readMarkdown } from '../../../src/core/sources/markdown.js';
import { readSource } from '../../../src/core/sources/read.js';
import { fixture } from './fixtures.js';
import { DEFAULT_CHUNKING } from '../../../src/core/settings.js';

test('Markdown front matter wins over guesses, is not part of the text, and offsets stay offsets into the file', () => {
  const raw = fixture('front-matter.md');
  const { article, passages } = parseArticle('front-matter.md', raw, DEFAULT_CHUNKING);
  assert.equal(article.title, 'Banjir rob melanda pesisir utara Jakarta');
  assert.equal(article.date, '2024-12-16');
  assert.equal(article.source, 'Kabar Pesisir');
  assert.equal(article.url, 'https://example.org/banjir-rob');
  assert.equal(article.lang, 'id');
  assert.deepEqual(article.provenance, {
    title: 'front-matter',
    date: 'front-matter',
    source: 'front-matter',
    url: 'front-matter',
    lang: 'front-matter',
  });
  for (const p of passages) {
    assert.equal(raw.slice(p.start, p.end), p.text);
    assert.doesNotMatch(p.text, /^---|outlet:|^# /m);
  }
  assert.equal(passages[0].sentences[0].text, 'Banjir rob melanda pesisir utara Jakarta');
});

test('Markdown: the heading marker is not part of the title; a dateline is not an outlet', () => {
  const raw = fixture('heading.md');
  const { article, passages } = parseArticle('heading.md', raw, DEFAULT_CHUNKING);
  assert.equal(article.title, 'Port of Tanjung Priok reopens after storm');
  assert.equal(article.source, null);
  assert.deepEqual(article.provenance, {
    title: 'title-line',
    date: 'absent',
    source: 'absent',
    url: 'absent',
    lang: 'guessed',
  });
  assert.ok(!passages.some((p) => p.text.includes('Port of Tanjung Priok reopens')), 'the title is no sentence');
  assert.ok(
    passages.some((p) => p.text.includes('JAKARTA – The port')),
    'the dateline stays in the text',
  );
});

test('Markdown: broken front matter is warned with its line and ignored, its lines still left out of the text', () => {
  const raw = fixture('broken-front-matter.md');
  const { articles, warnings } = readMarkdown('broken-front-matter.md', raw);
  assert.equal(warnings[0].line, 3);
  assert.match(warnings[0].message, /front matter is not valid YAML/);
  const { article, passages } = articleFromSource(articles[0], DEFAULT_CHUNKING);
  assert.equal(article.source, null, '"Vietnam" is a place, not an outlet');
  assert.ok(passages[0].text.startsWith('Hanoi, Vietnam – Officials'));
  assert.ok(passages.every((p) => !p.text.includes('unclosed')));
});

test('datelines are not outlets; outlet-like tokens still are', () => {
  const outlet = (text: string) => parseArticle('x.txt', text, DEFAULT_CHUNKING).article.source;
  assert.equal(outlet(fixture('dateline.txt')), null);
  assert.equal(outlet('Hanoi, Vietnam – Officials met on Monday to talk.'), null);
  assert.equal(outlet('SURABAYA - Harga beras naik lagi pekan ini di pasar.'), null);
  assert.equal(outlet('JAKARTA (ANTARA) – Harga beras naik lagi pekan ini di pasar.'), 'ANTARA');
  assert.equal(outlet('Solo, Kompas - Harga beras naik lagi pekan ini di pasar.'), 'Kompas');
  assert.equal(outlet('Jakarta, detikNews - Harga beras naik lagi pekan ini di pasar.'), 'detikNews');
  assert.equal(outlet('Liputan6 - Harga beras naik lagi pekan ini di pasar.'), 'Liputan6');
});

test('HTML page: Readability body; title, date, outlet, canonical URL and language from the page metadata', () => {
  const { articles, warnings } = readHtml('page.html', fixture('page.html'));
  assert.deepEqual(warnings, []);
  const [page] = articles;
  assert.equal(page.id, 'page.html');
  assert.equal(page.title, 'Mount Semeru erupts, villages evacuated');
  assert.equal(page.date, '2024-05-10');
  assert.equal(page.source, 'Nusantara Times');
  assert.equal(page.url, 'https://example.org/news/semeru-erupts');
  assert.equal(page.lang, 'en');
  assert.match(page.text, /erupted on Friday morning.*\n\nMore than 2,000 residents/s);
  assert.doesNotMatch(page.text, /Politics|Copyright|tracker/);
  assert.equal(
    Object.values(page.found).every((p) => p === 'html-meta'),
    true,
  );
});

test('HTML page: JSON-LD datePublished and publisher when the meta tags are missing', () => {
  const html = fixture('page.html')
    .replace(/<meta property="og:site_name"[^>]*>/, '')
    .replace('2024-05-10T', '2024-05-11T');
  const [page] = readHtml('p.html', html).articles;
  assert.equal(page.date, '2024-05-11');
  assert.equal(page.source, 'NT Media');
});

test('HTML page without an article body is warned and skipped', () => {
  assert.deepEqual(readHtml('no-body.html', fixture('no-body.html')), {
    articles: [],
    warnings: [{ file: 'no-body.html', message: 'the page has no article body' }],
  });
});

test('RSS feed: one article per item with its date, link and source; an empty item is warned', () => {
  const { articles, warnings } = readFeed('feed.rss', fixture('feed.rss'));
  assert.deepEqual(
    articles.map((a) => a.id),
    ['feed.rss:tol-2024', 'feed.rss:https://example.org/kuliner'],
  );
  const [tol, kuliner] = articles;
  assert.equal(tol.title, 'Jalan tol baru diresmikan');
  assert.equal(tol.date, '2024-05-13');
  assert.equal(tol.source, 'Berita Kota');
  assert.equal(tol.url, 'https://example.org/tol');
  assert.equal(tol.lang, 'id');
  assert.equal(
    tol.text,
    'Presiden meresmikan jalan tol sepanjang 38 kilometer yang menghubungkan dua kota di Jawa Barat.\n\nTarif akan diumumkan pekan depan.',
  );
  assert.equal(kuliner.title, 'Festival & pameran kuliner');
  assert.equal(kuliner.source, 'Kabar Rasa', "the item's own <source> wins over the channel title");
  assert.equal(kuliner.text, 'Festival kuliner digelar di alun-alun kota selama tiga hari mulai Jumat.');
  assert.deepEqual(warnings, [{ file: 'feed.rss', line: 21, message: 'the feed item has no text' }]);
});

test('Atom feed: entry title, alternate link, id, published date and feed title as source', () => {
  const [entry] = readFeed('feed.atom', fixture('feed.atom')).articles;
  assert.equal(entry.id, 'feed.atom:urn:cargo-2024-06');
  assert.equal(entry.title, 'Cargo volumes rise & fall');
  assert.equal(entry.url, 'https://example.org/cargo');
  assert.equal(entry.date, '2024-06-01');
  assert.equal(entry.source, 'Harbour Watch');
  assert.equal(entry.lang, 'en');
  assert.equal(entry.line, 6);
});

test('a file that is not XML, or XML that is not a feed, is warned and skipped', () => {
  const notXml = readFeed('not-a-feed.xml', fixture('not-a-feed.xml'));
  assert.equal(notXml.articles.length, 0);
  assert.match(notXml.warnings[0].message, /not well-formed XML/);
  assert.match(readFeed('x.xml', '<config><a>1</a></config>').warnings[0].message, /not an RSS or Atom feed/);
  const entities =
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>T</title><item><title>&b;</title><description>Text of the item.</description></item></channel></rss>';
  const refused = readFeed('e.rss', entities);
  assert.equal(refused.articles.length, 0, 'a file declaring entities is refused, never expanded');
  assert.match(refused.warnings[0].message, /declares XML entities/);
});

test('every record-based article cleans and chunks into exact slices of its extracted text', async () => {
  for (const name of ['archive.jsonl', 'archive.csv', 'page.html', 'feed.rss', 'feed.atom']) {
    for (const source of (await readSource(name, fixture(name))).articles) {
      const { article, passages } = articleFromSource(source, DEFAULT_CHUNKING);
      assert.ok(passages.length > 0, source.id);
      assert.equal(article.file, source.id);
      for (const p of passages) {
        assert.equal(source.text.slice(p.start, p.end), p.text);
        assert.ok(p.id.startsWith(`${source.id}#`));
      }
    }
  }
});
