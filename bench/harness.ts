/**
 * A small benchmark harness: warm-up, timed runs with performance.now, median and p95, and a
 * table where every operation stands beside a hand-written SQL baseline doing the same work, so
 * the ratio says what the service layer costs.
 */

export interface Timed {
  samples: number[];
  median: number;
  p95: number;
}

export interface BenchCase {
  /** Short identifier for `--only`. */
  id: string;
  operation: string;
  /** Filled in by `prepare` when it depends on the data. */
  size: string;
  runs: number;
  warmup: number;
  /** Runs once before timing (not timed); may set `size`. */
  prepare?: () => Promise<void>;
  run: () => Promise<unknown>;
  baseline?: { label: string; run: () => Promise<unknown> };
  /** Time the baseline before the operation (when the operation changes the data). */
  baselineFirst?: boolean;
  /** Runs once after timing (not timed): undoes what the runs left behind. */
  cleanup?: () => Promise<void>;
}

export interface BenchResult {
  id: string;
  operation: string;
  size: string;
  runs: number;
  median: number;
  p95: number;
  baseline: string;
  baselineMedian: number | null;
  ratio: number | null;
  error?: string;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile: with few runs, p95 is the slowest run rather than an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) {
    return ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** A run slower than this is not repeated more than SLOW_RUNS times (full-scan baselines at national scale). */
const SLOW_RUN_MS = 2_000;
const SLOW_RUNS = 3;

export async function time(run: () => Promise<unknown>, runs: number, warmup: number): Promise<Timed> {
  let slow = false;
  for (let i = 0; i < warmup && !slow; i++) {
    const started = performance.now();
    await run();
    slow = performance.now() - started > SLOW_RUN_MS;
  }
  const samples: number[] = [];
  for (let i = 0; i < (slow ? Math.min(runs, SLOW_RUNS) : runs); i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
    if (samples.length === 1 && (samples[0] as number) > SLOW_RUN_MS) slow = true;
    if (slow && samples.length >= SLOW_RUNS) break;
  }
  return { samples, median: median(samples), p95: percentile(samples, 95) };
}

export async function runCase(bench: BenchCase, log: (line: string) => void): Promise<BenchResult> {
  log(`bench: ${bench.id} …`);
  try {
    await bench.prepare?.();
    const baseline = bench.baseline;
    const timeBaseline = () =>
      baseline ? time(baseline.run, bench.runs, bench.warmup) : Promise.resolve(undefined);
    const early = bench.baselineFirst ? await timeBaseline() : undefined;
    const own = await time(bench.run, bench.runs, bench.warmup);
    const base = bench.baselineFirst ? early : await timeBaseline();
    await bench.cleanup?.();
    return {
      id: bench.id,
      operation: bench.operation,
      size: bench.size,
      runs: own.samples.length,
      median: own.median,
      p95: own.p95,
      baseline: bench.baseline?.label ?? '—',
      baselineMedian: base?.median ?? null,
      ratio: base && base.median > 0 ? own.median / base.median : null,
    };
  } catch (err) {
    // one failing case (e.g. a service still being written) must not hide the others' numbers
    const message = err instanceof Error ? err.message : String(err);
    log(`bench: ${bench.id} failed: ${message}`);
    return {
      id: bench.id,
      operation: bench.operation,
      size: bench.size,
      runs: 0,
      median: Number.NaN,
      p95: Number.NaN,
      baseline: bench.baseline?.label ?? '—',
      baselineMedian: null,
      ratio: null,
      error: message,
    };
  }
}

function ms(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function formatTable(results: readonly BenchResult[]): string {
  const header = [
    'operation',
    'data size',
    'runs',
    'median ms',
    'p95 ms',
    'baseline',
    'baseline median ms',
    'ratio',
  ];
  const rows = results.map((r) => [
    r.error ? `${r.operation} (FAILED: ${r.error.slice(0, 60)})` : r.operation,
    r.size,
    String(r.runs),
    ms(r.median),
    ms(r.p95),
    r.baseline,
    ms(r.baselineMedian),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
  ]);
  const numeric = new Set([2, 3, 4, 6, 7]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Peak resident set size of this process so far, in MiB (Linux reports kilobytes). */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
