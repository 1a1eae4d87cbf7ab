import fs from 'node:fs';
import path from 'node:path';
import { createAnalyzer } from '../../../src/core/text/analyze.js';
import { featurize, FEATURIZER, readQuestionTokens } from '../../../src/core/answer/neural/featurize.js';
import type { Lang } from '../../../src/core/types.js';

/** Question-passage pairs whose featurization is pinned: Indonesian, English, across languages, morphology, numbers. */
export const FIXTURE_PAIRS: { question: string; qlang: Lang; title: string; text: string; lang: Lang }[] = [
  {
    question: 'Berapa perahu karet yang dikerahkan?',
    qlang: 'id',
    title: 'Banjir di Jakarta',
    text: 'Petugas mengerahkan 30 perahu karet untuk mengevakuasi warga.',
    lang: 'id',
  },
  {
    question: 'Who scored against Vietnam?',
    qlang: 'en',
    title: 'Indonesia menang',
    text: 'Tim nasional Indonesia mengalahkan Vietnam 1-0 di Jakarta. Gol tunggal dicetak oleh Egy Maulana Vikri pada menit ke-70.',
    lang: 'id',
  },
  {
    question: 'Who did Sergey Lavrov meet in China?',
    qlang: 'en',
    title: "Lavrov's talks",
    text: "Russia's Foreign Minister Sergey Lavrov met his Iranian counterpart Hossein Amir Abdollahian in Tunxi, China, on 30 March 2022.",
    lang: 'en',
  },
];

/** Writes what the featurizer makes of the fixture pairs; a test checks the featurizer still makes exactly this. */
export function writeFeaturizerFixture(file: string) {
  const analyzer = createAnalyzer();
  const pairs = FIXTURE_PAIRS.map((p) => ({
    ...p,
    featurized: featurize(readQuestionTokens(p.question, p.qlang, analyzer), p, analyzer),
  }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ featurizer: FEATURIZER, pairs }) + '\n');
}
