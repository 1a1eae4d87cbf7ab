import fs from 'node:fs';

/**
 * Writes generated data as JSON for data/: a `_generated` header saying what made it and how to make
 * it again, then each field's lines, one per line, so a regeneration shows as a line diff. Returns the
 * text written.
 */
export function writeGeneratedJson(file: string, generated: string, fields: Record<string, string[]>): string {
  const body = Object.entries(fields).map(
    ([name, lines]) =>
      `  ${JSON.stringify(name)}: [\n${lines.map((line) => `    ${JSON.stringify(line)}`).join(',\n')}\n  ]`,
  );
  const text = `{\n  "_generated": ${JSON.stringify(generated)},\n${body.join(',\n')}\n}\n`;
  fs.writeFileSync(file, text);
  return text;
}
