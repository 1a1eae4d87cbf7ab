/** How a model wants queries and passages marked before embedding. */
export type PrefixStyle = 'e5' | 'none';

export type TextRole = 'query' | 'passage';

/** The e5 family (e.g. multilingual-e5-small) was trained with `query: ` / `passage: ` prefixes. */
export const prefixStyleFor = (model: string): PrefixStyle => (/e5/i.test(model) ? 'e5' : 'none');

/** The text as the model expects it for its role. */
export function applyPrefix(style: PrefixStyle, role: TextRole, text: string): string {
  return style === 'e5' ? `${role}: ${text}` : text;
}
