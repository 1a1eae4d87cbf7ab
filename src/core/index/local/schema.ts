/**
 * The local store's tables. `version` counts committed write transactions; every passage records the
 * version that wrote it and every removed passage leaves a tombstone with the version that removed
 * it, so the HNSW graph saved at a checkpoint can be brought up to date from SQLite alone.
 * Passage rowids are never reused (AUTOINCREMENT): they are the HNSW labels and the labels of the
 * inverted index, whose postings are stored in blocks per term (`postings.ts`). A passage's story
 * fingerprint (`print`, see `story-print-blob.ts`) depends on the lexicon, recorded in `meta`. `words`
 * holds every indexed word with the term (stem) it gave, per language; words of removed articles stay.
 */
export const SCHEMA_VERSION = 4;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT,
  source TEXT,
  lang TEXT NOT NULL,
  extra TEXT,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  hash TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_versions ON articles(file, size, mtime_ms, hash);
CREATE TABLE IF NOT EXISTS passages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article INTEGER NOT NULL REFERENCES articles(id),
  n INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  sentences TEXT NOT NULL,
  terms TEXT NOT NULL,
  length INTEGER NOT NULL,
  vector BLOB NOT NULL,
  version INTEGER NOT NULL,
  print BLOB
);
CREATE UNIQUE INDEX IF NOT EXISTS passages_by_article ON passages(article, n);
CREATE INDEX IF NOT EXISTS passages_by_version ON passages(version);
CREATE TABLE IF NOT EXISTS postings (term TEXT NOT NULL, first INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (term, first)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS words (lang TEXT NOT NULL, term TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (lang, term, word)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tombstones (label INTEGER PRIMARY KEY, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoints (version INTEGER PRIMARY KEY, file TEXT NOT NULL, bytes INTEGER NOT NULL, sha1 TEXT NOT NULL, count INTEGER NOT NULL);
`;
