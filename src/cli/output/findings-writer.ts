/**
 * Writes findings as they come, one rule at a time: a table grouped by rule for people, JSON
 * lines / JSON / CSV for machines. Each finding carries the rule's id, name, severity, tactics,
 * techniques and entities beside the result row.
 */
import { severityLabel } from '../../rules/index.js';
import type { RuleOutcome, Finding } from '../../hunt/run-rule.js';
import { textCell } from './cells.js';
import { csvLine } from './csv.js';
import { stringifyJson } from './json.js';
import { rowToJson, type OutputFormat } from './result-writer.js';
import { renderTextTable } from './text-table.js';

export interface FindingsWriterOptions {
  readonly timeZone?: string | undefined;
  readonly width?: number;
}

export function findingToJson(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.rule.id,
    ruleName: f.rule.name,
    severity: f.rule.severity,
    tactics: f.rule.tactics,
    techniques: f.rule.relevantTechniques,
    ruleFile: f.rule.file,
    entities: f.entities.map((e) => ({ type: e.type, ...e.fields })),
    row: rowToJson(f.columns, f.row),
  };
}

const csvMeta = ['RuleId', 'RuleName', 'Severity', 'Tactics', 'Techniques'];

export class FindingsWriter {
  private first = true;
  /** CSV: the columns of the first rule's rows; later rules' other columns go into `Row`. */
  private csvColumns: string[] | null = null;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly format: OutputFormat,
    private readonly options: FindingsWriterOptions = {},
  ) {}

  write(outcome: RuleOutcome): void {
    const { findings, rule } = outcome;
    if (findings.length === 0) return;
    switch (this.format) {
      case 'jsonl':
        for (const f of findings) this.out.write(stringifyJson(findingToJson(f)) + '\n');
        break;
      case 'json':
        for (const f of findings) {
          this.out.write((this.first ? '[\n  ' : ',\n  ') + stringifyJson(findingToJson(f)));
          this.first = false;
        }
        break;
      case 'csv':
        this.writeCsv(findings);
        break;
      case 'table': {
        const f0 = findings[0]!;
        const meta = [severityLabel(rule), ...rule.tactics, ...rule.relevantTechniques].join(', ');
        this.out.write(
          `\n■ ${rule.name.trim()}  (${meta})\n  ${findings.length} finding${findings.length === 1 ? '' : 's'} · ${rule.id ?? rule.file}\n\n`,
        );
        const header = f0.columns.map((c) => c.name);
        const rows = findings.map((f) =>
          f.columns.map((c, i) => textCell(f.row[i] ?? null, c.type, this.options.timeZone)),
        );
        this.out.write(renderTextTable(header, rows, this.options.width ?? 120));
        break;
      }
    }
  }

  end(): void {
    if (this.format === 'json') this.out.write(this.first ? '[]\n' : '\n]\n');
  }

  private writeCsv(findings: readonly Finding[]): void {
    if (this.csvColumns === null) {
      this.csvColumns = findings[0]!.columns.map((c) => c.name);
      this.out.write(csvLine([...csvMeta, ...this.csvColumns, 'Row']));
    }
    const columns = this.csvColumns;
    for (const f of findings) {
      const byName = new Map(f.columns.map((c, i) => [c.name, i]));
      const cells = columns.map((name) => {
        const i = byName.get(name);
        return i === undefined ? '' : textCell(f.row[i] ?? null, f.columns[i]!.type);
      });
      const rest = f.columns.some((c) => !columns.includes(c.name))
        ? stringifyJson(rowToJson(f.columns, f.row))
        : '';
      const r = f.rule;
      this.out.write(
        csvLine([
          r.id ?? '',
          r.name.trim(),
          r.severity ?? '',
          r.tactics.join(';'),
          r.relevantTechniques.join(';'),
          ...cells,
          rest,
        ]),
      );
    }
  }
}
