import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTICLE_RULES } from '../../../src/core/corpus/article.js';
import { FORMAT_VERSION, incompatibility, type Manifest } from '../../../src/core/index/manifest.js';
import { DEFAULT_CHUNKING } from '../../../src/core/settings.js';

const embedder = { provider: 'hashing', model: 'm', dimensions: 8, prefix: 'none' };
const manifest = (articleRules?: number): Manifest => ({
  formatVersion: FORMAT_VERSION,
  kabarVersion: '0',
  embedder,
  chunking: DEFAULT_CHUNKING,
  corpusDir: '/c',
  ...(articleRules === undefined ? {} : { articleRules }),
  createdAt: '',
  updatedAt: '',
});

test('an index made before the article rules it records (titles, datelines, boilerplate) is rebuilt once', () => {
  const wanted = { embedder, chunking: DEFAULT_CHUNKING };
  assert.match(incompatibility(manifest(), wanted) ?? '', /other rules for titles, dates, outlets and boilerplate/);
  assert.match(incompatibility(manifest(ARTICLE_RULES - 1), wanted) ?? '', /other rules/);
  assert.equal(incompatibility(manifest(ARTICLE_RULES), wanted), null);
});
