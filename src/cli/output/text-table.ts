/**
 * Plain-text tables for terminals: a grid when it fits the width, otherwise one block of
 * `name: value` lines per row (wide Sentinel results have dozens of columns).
 */
const MAX_CELL = 80;

export function renderTextTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
): string {
  const cells = rows.map((r) => r.map(clip));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total <= width) {
    const line = (r: readonly string[]) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
  }
  const nameWidth = Math.max(...header.map((h) => h.length));
  return (
    cells
      .map((r, n) =>
        [
          `── row ${n + 1}`,
          ...r
            .map((c, i) => `${header[i]!.padEnd(nameWidth)}  ${c}`)
            .filter((l) => l.trimEnd().length > nameWidth),
        ].join('\n'),
      )
      .join('\n') + '\n'
  );
}

function clip(s: string): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > MAX_CELL ? flat.slice(0, MAX_CELL - 1) + '…' : flat;
}
