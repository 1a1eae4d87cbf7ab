// Preloaded into a measured process (`node --import bench/usage.mjs …`): at exit, writes its peak
// resident set size (bytes) and CPU time (ms, user + system) as JSON to the file named by KABAR_BENCH_USAGE.
import fs from 'node:fs';

const out = process.env.KABAR_BENCH_USAGE;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(
      out,
      JSON.stringify({ rss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
    );
  });
}
