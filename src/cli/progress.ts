/**
 * A one-line progress bar on stderr for long hunts: files, bytes, events and rules. Drawn only
 * when stderr is a terminal (and not with -q), redrawn at most every 100 ms so it never costs
 * more than the work it reports.
 */
export interface ProgressState {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  events: number;
  rulesDone: number;
  rulesTotal: number;
  phase: 'reading' | 'hunting' | 'done';
}

export class ProgressBar {
  private last = 0;
  private drawn = false;
  readonly state: ProgressState = {
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
    events: 0,
    rulesDone: 0,
    rulesTotal: 0,
    phase: 'reading',
  };

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  update(change: Partial<ProgressState>, force = false): void {
    Object.assign(this.state, change);
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    this.draw();
  }

  /** Removes the bar so that what follows starts on a clean line. */
  finish(): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  private draw(): void {
    const s = this.state;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 70));
    const fraction =
      s.phase === 'reading'
        ? s.bytesTotal > 0
          ? s.bytesDone / s.bytesTotal
          : 0
        : s.rulesTotal > 0
          ? s.rulesDone / s.rulesTotal
          : 0;
    const filled = Math.round(Math.min(1, fraction) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const line =
      `${s.phase === 'reading' ? 'reading' : 'hunting'} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}%` +
      `  files ${s.filesDone}/${s.filesTotal}  ${formatBytes(s.bytesDone)}/${formatBytes(s.bytesTotal)}` +
      `  events ${s.events.toLocaleString('en-US')}  rules ${s.rulesDone}/${s.rulesTotal}`;
    this.stream.write('\r\x1b[2K' + line);
    this.drawn = true;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
