import type { IndexSummary } from '../port.js';
import type { Manifest } from '../manifest.js';
import { openPgDatabase } from './pg-database.js';
import { readSkipped } from './postgres-store.js';
import { schemaOf } from './schema.js';

/** What `kabar info` shows of the indexes on a server: each one's manifest, counts and size on disk. */
export async function inspectPostgresIndexes(url: string): Promise<IndexSummary[]> {
  const db = await openPgDatabase(url);
  try {
    const [present] = await db.query<{ ok: boolean }>(`SELECT to_regclass('kabar.indexes') IS NOT NULL AS ok`);
    if (!present.ok) return [];
    const indexes = await db.query<{ id: number; key: string }>('SELECT id, key FROM kabar.indexes ORDER BY id');
    const summaries: IndexSummary[] = [];
    for (const { id, key } of indexes) {
      const s = schemaOf(id);
      const [row] = await db.query<{
        manifest: Manifest | null;
        articles: number;
        passages: number;
        skipped: number;
        bytes: string;
      }>(
        `SELECT (SELECT body FROM ${s}.manifest) AS manifest, t.articles::int, t.passages::int, (SELECT count(*)::int FROM ${s}.skipped) AS skipped,
                (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')) AS bytes
         FROM ${s}.totals t`,
        [s],
      );
      const counts = { articles: row.articles, passages: row.passages, skipped: row.skipped };
      const skipped = await readSkipped(db, s);
      summaries.push({
        dir: key,
        manifest: row.manifest,
        counts,
        skipped,
        bytes: Number(row.bytes ?? 0),
        problem: row.manifest ? undefined : 'nothing committed yet',
      });
    }
    return summaries;
  } finally {
    await db.close();
  }
}
