/**
 * Every benchmark, one after another, in child processes of this build: `npm run bench`
 * (`-- --only ack,mail` for some of them). Each benchmark's progress goes to stderr; at the end this
 * prints one table and then one JSON line per benchmark (its own last line, with its name and
 * whether its target is met). Exits non-zero if a benchmark failed to run, not when a target is missed:
 * on a shared machine a missed target is a figure to read, not a crash.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { distRoot } from './support/child.js';

type Result = Record<string, unknown> & { ratio?: number | null };

interface Bench {
  name: string;
  script: string;
  args: string[];
  /** What the figures mean, for the table. */
  headline: (r: Result) => string;
  /** The target, in words, and whether it is met. */
  target?: { text: string; met: (r: Result) => boolean };
}

const n = (x: unknown) => Number(x);
/** Reminder plus escalation sweep, ms (bench:sweep). */
const sweepMs = (x: unknown) => {
  const s = x as { remind_ms: number; escalate_ms: number } | undefined;
  return s ? s.remind_ms + s.escalate_ms : NaN;
};
const BENCHES: Bench[] = [
  {
    name: 'import',
    script: 'import-country.js',
    args: [],
    headline: (r) => `${r.areas} areas: first ${r.first_import_ms} ms, again ${r.reimport_ms} ms, vintage change ${r.vintage_change_ms} ms`,
  },
  {
    name: 'onboard',
    script: 'onboard.js',
    args: [],
    headline: (r) => {
      const ms = (x: unknown) => (x as { ms?: number } | undefined)?.ms;
      const p = r.province as Record<string, unknown> | undefined;
      const c = r.country as Record<string, unknown> | undefined;
      return `one province ${ms(p?.first)} ms (again ${ms(p?.again)} ms); country three levels ${ms(c?.threeLevels)} ms, two levels ${ms(c?.twoLevels)} ms, again ${ms(c?.again)} ms`;
    },
  },
  {
    name: 'publish-10000',
    script: 'publish.js',
    args: ['--units', '10000'],
    headline: (r) => `publish ${r.publish_ms} ms, bare insert ${r.bare_insert_ms} ms`,
    target: { text: 'ratio ≤ 3', met: (r) => n(r.ratio) <= 3 },
  },
  {
    name: 'publish-70000',
    script: 'publish.js',
    args: ['--units', '70000'],
    headline: (r) => `publish ${r.publish_ms} ms, bare insert ${r.bare_insert_ms} ms`,
    target: { text: 'ratio ≤ 3', met: (r) => n(r.ratio) <= 3 },
  },
  {
    name: 'report',
    script: 'report.js',
    args: [],
    headline: (r) => `report p95 ${r.report_p95_ms} ms, raw p95 ${r.raw_sql_p95_ms} ms, list p95 ${r.list_p95_ms} ms`,
    target: { text: 'ratio ≤ 1.5, list p95 < 500 ms', met: (r) => n(r.ratio) <= 1.5 && n(r.list_p95_ms) < 500 },
  },
  {
    name: 'sweep',
    script: 'sweep.js',
    args: [],
    headline: (r) => {
      const [idle, first, again] = [sweepMs(r.idle), sweepMs(r.busy_first), sweepMs(r.busy_again)];
      const digest = r.digest as { leaders: number; ms: number } | undefined;
      return `${r.deliveries} deliveries: idle ${idle} ms; busy first ${first} ms (${(r.busy_first as { reminders?: number })?.reminders} reminders), again ${again} ms; digest of ${digest?.leaders} leaders ${digest?.ms} ms`;
    },
    // The first sweep of a busy slot writes its reminders and their outbox rows: that write is the figure, not a target.
    target: { text: 'idle < 1 s, repeated < 10 s', met: (r) => sweepMs(r.idle) < 1_000 && sweepMs(r.busy_again) < 10_000 },
  },
  {
    name: 'export-70000',
    script: 'export.js',
    args: ['--rows', '70000'],
    headline: (r) =>
      `csv ${r.csv_ms} ms / ${r.csv_peak_rss_mb} MB, xlsx ${r.xlsx_ms} ms / ${r.xlsx_peak_rss_mb} MB, pdf ${r.pdf_ms} ms / ${r.pdf_peak_rss_mb} MB peak RSS`,
  },
  {
    name: 'ack',
    script: 'ack.js',
    args: [],
    headline: (r) =>
      `api ${r.api_per_s}/s (p50 ${r.api_p50_ms} ms, p99 ${r.api_p99_ms} ms), driver ${r.driver_per_s}/s (unprepared ${r.unprepared_driver_per_s}/s)`,
    target: { text: 'ratio ≥ 0.5, p99 < 50 ms', met: (r) => n(r.ratio) >= 0.5 && n(r.api_p99_ms) < 50 },
  },
  {
    name: 'mail',
    script: 'mail.js',
    args: [],
    headline: (r) => `worker ${r.worker_msgs_per_s} msgs/s, raw nodemailer ${r.raw_msgs_per_s} msgs/s`,
    target: { text: 'ratio ≥ 0.7', met: (r) => n(r.ratio) >= 0.7 },
  },
];

function run(bench: Bench): Promise<Result> {
  return new Promise((resolve, reject) => {
    console.error(`\n=== ${bench.name} ===`);
    const child = spawn(process.execPath, [path.join(distRoot, 'bench', bench.script), ...bench.args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      process.stderr.write(c);
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${bench.name} exited with ${code}`));
      // Its figures are its last JSON line (a log line may follow it while the benchmark shuts down).
      for (const line of out.trim().split('\n').reverse()) {
        if (!line.startsWith('{')) continue;
        try {
          return resolve(JSON.parse(line) as Result);
        } catch {
          // not this line
        }
      }
      reject(new Error(`${bench.name} printed no JSON line`));
    });
  });
}

async function main() {
  const i = process.argv.indexOf('--only');
  const only = i >= 0 ? new Set(process.argv[i + 1].split(',')) : null;
  const chosen = BENCHES.filter((b) => !only || only.has(b.name) || only.has(b.name.split('-')[0]));
  const rows: { bench: Bench; result?: Result; error?: string }[] = [];
  for (const bench of chosen) {
    try {
      rows.push({ bench, result: await run(bench) });
    } catch (e) {
      rows.push({ bench, error: (e as Error).message });
    }
  }
  const table = rows.map(({ bench, result, error }) => [
    bench.name,
    result ? bench.headline(result) : `FAILED: ${error}`,
    result?.ratio == null ? '—' : String(result.ratio),
    bench.target?.text ?? '—',
    !result || !bench.target ? '—' : bench.target.met(result) ? 'yes' : 'NO',
  ]);
  const header = ['benchmark', 'figures', 'ratio', 'target', 'met'];
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((x, c) => x.padEnd(widths[c])).join(' | ')} |`;
  console.log(['', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.map(line), ''].join('\n'));
  for (const { bench, result } of rows) {
    if (result) console.log(JSON.stringify({ ...result, bench: bench.name, target: bench.target?.text, met: bench.target?.met(result) }));
  }
  if (rows.some((r) => r.error)) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
