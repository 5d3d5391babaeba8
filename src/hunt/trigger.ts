/**
 * Whether an analytic rule fires: Sentinel compares the number of result rows with
 * `triggerThreshold` using `triggerOperator` (gt, lt, eq, ne; also written GreaterThan, ...).
 */
export type TriggerOperator = 'gt' | 'lt' | 'eq' | 'ne';

const spellings: Readonly<Record<string, TriggerOperator>> = {
  gt: 'gt',
  greaterthan: 'gt',
  lt: 'lt',
  lessthan: 'lt',
  eq: 'eq',
  equal: 'eq',
  ne: 'ne',
  notequal: 'ne',
};

export function parseTriggerOperator(text: string): TriggerOperator | null {
  return spellings[text.toLowerCase()] ?? null;
}

export function fires(rowCount: number, operator: TriggerOperator, threshold: number): boolean {
  switch (operator) {
    case 'gt':
      return rowCount > threshold;
    case 'lt':
      return rowCount < threshold;
    case 'eq':
      return rowCount === threshold;
    case 'ne':
      return rowCount !== threshold;
  }
}
