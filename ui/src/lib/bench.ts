// Timestamps the benchmark (`./x bench`) reads through WebDriver: when the first rows were painted,
// how long a refresh took from Sent's answer to painted rows, and each filter keystroke from input
// to the painted answer of the window it asked for. Recording costs a few numbers; nothing is sent anywhere.
type BenchRecord = {
  firstRows?: number;
  firstRowsFromCache?: boolean;
  refreshToPaint: number[];
  filterToPaint: number[];
  /** The Rust start-up's parts (from app_info): when each ended, from the process's start. */
  startup?: { name: string; at_ms: number; took_ms: number }[];
  /** Each list window: asked -> answered (IPC and Rust), answered -> painted. */
  windowAnswer?: number[];
  windowPaint?: number[];
  /** Wall-clock times of the start-up phases (first occurrence of each). */
  phases?: Record<string, number>;
  /** The compliance board: opened -> first rows painted, and each filter change -> painted. */
  board?: { open: number[]; filter: number[] };
};

declare global {
  interface Window {
    __sentBench?: BenchRecord;
  }
}

function record(): BenchRecord {
  window.__sentBench ??= { refreshToPaint: [], filterToPaint: [] };
  return window.__sentBench;
}

/** Calls `done` with the time after the next paint (never once the window is gone: a unit test's
 * jsdom may be torn down before the timer fires). */
function afterPaint(done: (at: number) => void): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (typeof window !== "undefined") done(performance.now());
    }, 0),
  );
}

/** Keeps the Rust start-up's parts, as app_info reports them. */
export function markStartup(phases: { name: string; at_ms: number; took_ms: number }[]): void {
  record().startup ??= phases;
}

/** Notes when a start-up phase happened (the first time only). */
export function markPhase(name: string): void {
  const r = record();
  r.phases ??= {};
  r.phases[name] ??= Date.now();
}

export function markRowsShown(fromCache: boolean): void {
  const r = record();
  if (r.firstRows !== undefined) return;
  afterPaint(() => {
    r.firstRows ??= Date.now();
    r.firstRowsFromCache = fromCache;
  });
}

let refreshAnsweredAt: number | null = null;

/** A refresh answered: the next window painted closes the measure. */
export function markRefreshAnswered(): void {
  refreshAnsweredAt = performance.now();
}

/** A list window was applied: after its paint, a pending refresh measure ends. */
export function markWindowApplied(): void {
  if (refreshAnsweredAt === null) return;
  const start = refreshAnsweredAt;
  refreshAnsweredAt = null;
  afterPaint((at) => record().refreshToPaint.push(at - start));
}

/** A list window was answered (asked at `askedAt`): both halves of its time are kept. */
export function markWindowAnswered(askedAt: number): void {
  const answeredAt = performance.now();
  const r = record();
  (r.windowAnswer ??= []).push(answeredAt - askedAt);
  afterPaint((at) => (r.windowPaint ??= []).push(at - answeredAt));
}

/** A filter keystroke: answers its start, handed to `markFilterPainted` with the window it asked. */
export function markFilterInput(): number {
  return performance.now();
}

/** The window a keystroke asked for was applied: the measure ends after its paint. */
export function markFilterPainted(start: number): void {
  afterPaint((at) => record().filterToPaint.push(at - start));
}

/** The compliance board painted the answer to its opening or to a filter change made at `start`. */
export function markBoard(kind: "open" | "filter", start: number): void {
  afterPaint((at) => {
    const r = record();
    (r.board ??= { open: [], filter: [] })[kind].push(at - start);
  });
}
