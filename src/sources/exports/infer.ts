/**
 * The type of a column of a file that is no known table, from its values:
 * - any object or array: dynamic;
 * - all booleans (JSON, or the text true/false): bool;
 * - all integers (JSON numbers, or integer text) within 64 bits: long;
 * - all numbers, some with fractions: real;
 * - all texts Kusto reads as datetimes: datetime;
 * - else string. Nulls and empty texts say nothing; a column of only those is string.
 */
import type { DynamicValue, ScalarType } from '../../types/scalar.js';
import { LONG_MAX, LONG_MIN, parseReal } from '../../engine/values/numbers.js';
import { parseDatetimeText } from './convert.js';

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

function isLongText(text: string): boolean {
  if (!INTEGER_TEXT.test(text)) return false;
  const value = BigInt(text.trim());
  return value >= LONG_MIN && value <= LONG_MAX;
}

export class ColumnTypeInference {
  private seen = false;
  private nested = false;
  private allBool = true;
  private allLong = true;
  private allReal = true;
  private allDatetime = true;

  observe(value: DynamicValue | undefined): void {
    if (value === undefined || value === null || value === '') return;
    this.seen = true;
    if (typeof value === 'object') {
      this.nested = true;
      return;
    }
    if (typeof value === 'boolean') {
      this.allLong = this.allReal = this.allDatetime = false;
      return;
    }
    if (typeof value === 'number' || typeof value === 'bigint') {
      this.allBool = this.allDatetime = false;
      if (typeof value === 'number' && !Number.isInteger(value)) this.allLong = false;
      return;
    }
    const lower = value.trim().toLowerCase();
    if (this.allBool && lower !== 'true' && lower !== 'false') this.allBool = false;
    if (this.allLong && !isLongText(value)) this.allLong = false;
    if (this.allReal && parseReal(value) === null) this.allReal = false;
    if (this.allDatetime && parseDatetimeText(value) === null) this.allDatetime = false;
  }

  result(): ScalarType {
    if (!this.seen) return 'string';
    if (this.nested) return 'dynamic';
    if (this.allBool) return 'bool';
    if (this.allLong) return 'long';
    if (this.allReal) return 'real';
    if (this.allDatetime) return 'datetime';
    return 'string';
  }
}
