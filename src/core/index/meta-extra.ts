import type { ArticleMeta } from '../types.js';

/** The metadata a backend keeps as one JSON value beside its columns: where the article came from, its URL, provenance. */
export type MetaExtra = Pick<ArticleMeta, 'url' | 'origin' | 'provenance'>;

/** The JSON a backend stores for an article's extra metadata, or null when it has none. */
export function extraJson(meta: ArticleMeta): string | null {
  const extra: MetaExtra = {};
  if (meta.url) extra.url = meta.url;
  if (meta.origin) extra.origin = meta.origin;
  if (meta.provenance) extra.provenance = meta.provenance;
  return Object.keys(extra).length ? JSON.stringify(extra) : null;
}

/** The extra metadata read back from what `extraJson` stored. */
export const parseExtra = (json: string | null | undefined): MetaExtra => (json ? (JSON.parse(json) as MetaExtra) : {});
