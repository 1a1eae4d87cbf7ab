/**
 * Counts the questions of question files by the shape kabar recognises (answer, list, timeline, brief),
 * and prints every question routed away from an ordinary answer, to check that single-answer sets stay
 * on the single-answer path:
 *
 *   node --import tsx scripts/eval/shapes.ts FILE.jsonl [FILE.jsonl…]
 */
import fs from 'node:fs';
import { questionShape } from '../../src/core/question/shape.js';

for (const file of process.argv.slice(2)) {
  const counts: Record<string, number> = { answer: 0, list: 0, timeline: 0, brief: 0 };
  const routed: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { id?: string; question?: string; turns?: { question: string }[] };
    const questions = record.turns ? record.turns.map((t) => t.question) : [record.question ?? ''];
    for (const question of questions) {
      const shape = questionShape(question);
      counts[shape]++;
      if (shape !== 'answer') routed.push(`  ${shape}\t${record.id ?? ''}\t${JSON.stringify(question)}`);
    }
  }
  console.log(`${file}: ${JSON.stringify(counts)}`);
  for (const line of routed) console.log(line);
}
