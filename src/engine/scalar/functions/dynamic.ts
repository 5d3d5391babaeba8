/**
 * Array and property-bag functions (the reference's dynamic/array family): array_length
 * (arraylength), pack_array, array_concat, array_slice, array_index_of, array_reverse,
 * array_sort_asc/desc, array_sum, array_iff, array_shift/rotate, array_split, set_has_element,
 * set_union, set_intersect, set_difference, jaccard_index, range, repeat, zip, bag_pack (pack),
 * pack_dictionary, bag_keys, bag_has_key, bag_merge, bag_remove_keys, bag_set_key,
 * extract_json (extractjson). Arguments of other types convert to dynamic; a string argument
 * where an array is expected is parsed as JSON. Bags are null-prototype objects.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../../types/scalar.js';
import { compareDynamic, hashKey } from '../../values/compare.js';
import { converter, dynamicToString, toDynamicValue } from '../../values/convert.js';
import { isBag, newBag, type DynamicObject } from '../../values/dynamic.js';
import type { ArgInfo } from '../api.js';
import { type Adapter, asBool, asDynamic, asIndex, asString, bound, failure } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

function dyn(args: readonly ArgInfo[], i: number): Adapter<DynamicValue> {
  return asDynamic(args[i]!.type);
}

function arrayFn(resultType: ScalarType, f: (arr: DynamicValue[]) => ScalarValue) {
  return def(1, 1, (args) => {
    const x = dyn(args, 0);
    return bound(resultType, (a) => {
      const v = x(a[0]!);
      return Array.isArray(v) ? f(v) : null;
    });
  });
}

function setKey(v: DynamicValue): unknown {
  return hashKey(v, 'dynamic');
}

/** Distinct elements of several arrays, in first-seen order. */
function union(arrays: DynamicValue[][]): DynamicValue[] {
  const seen = new Set<unknown>();
  const out: DynamicValue[] = [];
  for (const arr of arrays) {
    for (const v of arr) {
      const k = setKey(v);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(v);
      }
    }
  }
  return out;
}

function setFunction(f: (first: DynamicValue[], rest: DynamicValue[][]) => DynamicValue[]) {
  return def(2, 64, (args) => {
    const xs = args.map((_, i) => dyn(args, i));
    return bound('dynamic', (a) => {
      const arrays: DynamicValue[][] = [];
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i]!(a[i]!);
        if (!Array.isArray(v)) return null;
        arrays.push(v);
      }
      return f(arrays[0]!, arrays.slice(1));
    });
  });
}

/** array_slice(array, start, end): inclusive end; negative indexes count from the end. */
function slice(arr: DynamicValue[], start: number, end: number): DynamicValue[] {
  const n = arr.length;
  const s = start < 0 ? Math.max(0, n + start) : start;
  const e = end < 0 ? n + end : Math.min(end, n - 1);
  return s > e ? [] : arr.slice(s, e + 1);
}

/** pack_array / bag_pack values: typed values as the dynamic value holding them. */
function toDyn(type: ScalarType): Adapter<DynamicValue> {
  return (v) => toDynamicValue(v, type);
}

/** The steps of a minimal JSONPath: $, .name, ['name'], [index] (jsonpath.md); null if malformed. */
function parseJsonPath(path: string): (string | number)[] | null {
  const steps: (string | number)[] = [];
  const p = path.trim();
  if (!p.startsWith('$')) return null;
  let i = 1;
  while (i < p.length) {
    if (p[i] === '.') {
      const m = /^[^.[\]]+/.exec(p.slice(i + 1));
      if (!m) return null;
      steps.push(m[0]);
      i += 1 + m[0].length;
    } else if (p[i] === '[') {
      const close = p.indexOf(']', i);
      if (close < 0) return null;
      const inner = p.slice(i + 1, close).trim();
      const quoted = /^'(.*)'$|^"(.*)"$/.exec(inner);
      if (quoted) steps.push(quoted[1] ?? quoted[2]!);
      else if (/^-?\d+$/.test(inner)) steps.push(Number(inner));
      else return null;
      i = close + 1;
    } else {
      return null;
    }
  }
  return steps;
}

/**
 * The key path a bag function's key names: a root key as written, or a JSONPath (`$.a.b`) of
 * property names (bag-remove-keys-function.md, bag-set-key-function.md: no array indexing, no
 * root path); null when it is neither.
 */
function bagKeyPath(key: string): string[] | null {
  if (!key.trimStart().startsWith('$')) return [key];
  const steps = parseJsonPath(key);
  if (steps === null || steps.length === 0 || steps.some((s) => typeof s !== 'string')) return null;
  return steps as string[];
}

function copyBag(bag: DynamicObject): DynamicObject {
  const out = newBag();
  for (const key of Object.keys(bag)) out[key] = bag[key]!;
  return out;
}

/** `bag` without the value at `path` (itself when there is none there); inputs are not changed. */
function withoutPath(bag: DynamicObject, path: readonly string[]): DynamicObject {
  const [head, ...rest] = path as [string, ...string[]];
  if (!Object.prototype.hasOwnProperty.call(bag, head)) return bag;
  if (rest.length > 0) {
    const child = bag[head]!;
    if (!isBag(child)) return bag;
    const changed = withoutPath(child, rest);
    if (changed === child) return bag;
    const out = copyBag(bag);
    out[head] = changed;
    return out;
  }
  const out = copyBag(bag);
  delete out[head];
  return out;
}

/** `bag` with `value` at `path`, creating the bags on the way; inputs are not changed. */
function withPath(bag: DynamicObject, path: readonly string[], value: DynamicValue): DynamicObject {
  const [head, ...rest] = path as [string, ...string[]];
  const out = copyBag(bag);
  if (rest.length === 0) out[head] = value;
  else {
    const child = bag[head];
    out[head] = withPath(isBag(child) ? child : newBag(), rest, value);
  }
  return out;
}

/** A compiled minimal JSONPath (extract-json-function.md). */
function compileJsonPath(path: string): ((v: DynamicValue) => DynamicValue) | null {
  const steps = parseJsonPath(path);
  if (steps === null) return null;
  return (v) => {
    let cur: DynamicValue = v;
    for (const s of steps) {
      if (typeof s === 'number') cur = Array.isArray(cur) ? (cur[s < 0 ? cur.length + s : s] ?? null) : null;
      else cur = isBag(cur) && Object.prototype.hasOwnProperty.call(cur, s) ? cur[s]! : null;
      if (cur === null) return null;
    }
    return cur;
  };
}

const extractJson = def(2, 3, (args) => {
  const path = asString(args[0]!.type);
  const source = asString(args[1]!.type);
  const typeName = args[2]?.constant;
  const known: Record<string, ScalarType> = {
    string: 'string',
    long: 'long',
    int: 'int',
    real: 'real',
    double: 'real',
    bool: 'bool',
    datetime: 'datetime',
    dynamic: 'dynamic',
    guid: 'guid',
    timespan: 'timespan',
  };
  const resultType: ScalarType =
    typeof typeName === 'string' ? (known[typeName.replace(/^typeof\(|\)$/g, '')] ?? 'string') : 'string';
  const convert = converter('dynamic', resultType);
  return bound(resultType, (a) => {
    const f = compileJsonPath(path(a[0]!));
    if (f === null) return resultType === 'string' ? '' : null;
    const text = source(a[1]!);
    let parsed: DynamicValue;
    try {
      parsed = asDynamic('string')(text);
    } catch {
      return resultType === 'string' ? '' : null;
    }
    const v = f(parsed);
    if (resultType === 'string') return v === null ? '' : dynamicToString(v);
    return convert(v);
  });
});

export const dynamicFunctions: FunctionTable = {
  array_length: arrayFn('long', (arr) => BigInt(arr.length)),
  arraylength: arrayFn('long', (arr) => BigInt(arr.length)),
  array_reverse: arrayFn('dynamic', (arr) => [...arr].reverse()),
  array_sum: arrayFn('real', (arr) => {
    let sum = 0;
    for (const v of arr) {
      if (typeof v === 'number' || typeof v === 'bigint') sum += Number(v);
      else return null;
    }
    return sum;
  }),
  array_sort_asc: sortDef(1),
  array_sort_desc: sortDef(-1),
  pack_array: def(1, 64, (args) => {
    const xs = args.map((x) => toDyn(x.type));
    return bound('dynamic', (a) => xs.map((f, i) => f(a[i]!)));
  }),
  array_concat: def(1, 64, (args) => {
    const xs = args.map((_, i) => dyn(args, i));
    return bound('dynamic', (a) => {
      const out: DynamicValue[] = [];
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i]!(a[i]!);
        if (!Array.isArray(v)) return null;
        out.push(...v);
      }
      return out;
    });
  }),
  array_slice: def(3, 3, (args) => {
    const x = dyn(args, 0);
    const s = asIndex(args[1]!.type);
    const e = asIndex(args[2]!.type);
    return bound('dynamic', (a) => {
      const v = x(a[0]!);
      const st = s(a[1]!);
      const en = e(a[2]!);
      if (!Array.isArray(v) || st === null || en === null) return null;
      return slice(v, st, en);
    });
  }),
  /**
   * array_index_of(array, value[, start[, length[, occurrence]]]) (array-index-of-function.md):
   * a negative start counts from the end, length -1 is unlimited, and the occurrence-th match in
   * the range is returned; length < -1 or occurrence < 0 give null.
   */
  array_index_of: def(2, 5, (args) => {
    const x = dyn(args, 0);
    const lookup = toDyn(args[1]!.type);
    const start = args[2] ? asIndex(args[2].type) : () => 0;
    const length = args[3] ? asIndex(args[3].type) : () => -1;
    const occurrence = args[4] ? asIndex(args[4].type) : () => 1;
    return bound('long', (a) => {
      const v = x(a[0]!);
      if (!Array.isArray(v)) return null;
      const len = length(a[3] ?? -1) ?? -1;
      let nth = occurrence(a[4] ?? 1) ?? 1;
      if (len < -1 || nth < 0) return null;
      const key = setKey(lookup(a[1]!));
      let st = start(a[2] ?? 0) ?? 0;
      if (st < 0) st = Math.max(0, v.length + st);
      const end = len === -1 ? v.length : Math.min(v.length, st + len);
      for (let i = st; i < end; i++) if (setKey(v[i]!) === key && --nth === 0) return BigInt(i);
      return -1n;
    });
  }),
  array_iff: def(3, 3, (args) => arrayIff(args)),
  array_iif: def(3, 3, (args) => arrayIff(args)),
  array_shift_left: shiftDef(-1, false),
  array_shift_right: shiftDef(1, false),
  array_rotate_left: shiftDef(-1, true),
  array_rotate_right: shiftDef(1, true),
  array_split: def(2, 2, (args) => {
    const x = dyn(args, 0);
    const idx = dyn(args, 1);
    return bound('dynamic', (a) => {
      const v = x(a[0]!);
      if (!Array.isArray(v)) return null;
      const i = idx(a[1]!);
      const points = (Array.isArray(i) ? i : [i]).map((p) => Number(p)).filter((p) => Number.isFinite(p));
      const cuts = points
        .map((p) => (p < 0 ? v.length + p : p))
        .map((p) => Math.max(0, Math.min(v.length, p)));
      const out: DynamicValue[] = [];
      let prev = 0;
      for (const c of cuts) {
        out.push(v.slice(prev, Math.max(prev, c)));
        prev = Math.max(prev, c);
      }
      out.push(v.slice(prev));
      return out;
    });
  }),
  set_has_element: def(2, 2, (args) => {
    const x = dyn(args, 0);
    const e = toDyn(args[1]!.type);
    return bound('bool', (a) => {
      const v = x(a[0]!);
      if (!Array.isArray(v)) return null;
      const key = setKey(e(a[1]!));
      return v.some((el) => setKey(el) === key);
    });
  }),
  set_union: setFunction((first, rest) => union([first, ...rest])),
  set_intersect: setFunction((first, rest) => {
    const others = rest.map((r) => new Set(r.map(setKey)));
    return union([first]).filter((v) => others.every((s) => s.has(setKey(v))));
  }),
  set_difference: setFunction((first, rest) => {
    const others = new Set(rest.flat().map(setKey));
    return union([first]).filter((v) => !others.has(setKey(v)));
  }),
  jaccard_index: def(2, 2, (args) => {
    const x = dyn(args, 0);
    const y = dyn(args, 1);
    return bound('real', (a) => {
      const u = x(a[0]!);
      const v = y(a[1]!);
      if (!Array.isArray(u) || !Array.isArray(v)) return null;
      const su = new Set(u.map(setKey));
      const sv = new Set(v.map(setKey));
      const all = new Set([...su, ...sv]);
      if (all.size === 0) return NaN;
      let inter = 0;
      for (const k of su) if (sv.has(k)) inter++;
      return inter / all.size;
    });
  }),
  range: def(2, 3, (args) => rangeDef(args)),
  repeat: def(2, 2, (args) => {
    const v = toDyn(args[0]!.type);
    const n = asIndex(args[1]!.type);
    return bound('dynamic', (a) => {
      const count = n(a[1]!);
      if (count === null) return null;
      return Array(Math.max(0, Math.min(count, 1_000_000))).fill(v(a[0]!));
    });
  }),
  zip: def(2, 16, (args) => {
    const xs = args.map((_, i) => dyn(args, i));
    return bound('dynamic', (a) => {
      const arrays = xs.map((f, i) => f(a[i]!));
      if (!arrays.every(Array.isArray)) return null;
      const lists = arrays as DynamicValue[][];
      const n = Math.max(...lists.map((l) => l.length));
      return Array.from({ length: n }, (_, i) => lists.map((l) => l[i] ?? null));
    });
  }),
  bag_pack: packDef(),
  pack: packDef(),
  pack_dictionary: packDef(),
  bag_keys: def(1, 1, (args) => {
    const x = dyn(args, 0);
    return bound('dynamic', (a) => {
      const v = x(a[0]!);
      return isBag(v) ? Object.keys(v) : null;
    });
  }),
  bag_has_key: def(2, 2, (args) => {
    const x = dyn(args, 0);
    const k = asString(args[1]!.type);
    return bound('bool', (a) => {
      const v = x(a[0]!);
      if (!isBag(v)) return null;
      const key = k(a[1]!);
      // A JSONPath key ($.a.b) looks into nested bags (bag-has-key-function.md).
      if (key.startsWith('$')) {
        const f = compileJsonPath(key);
        return f !== null && f(v) !== null;
      }
      return Object.prototype.hasOwnProperty.call(v, key);
    });
  }),
  bag_merge: def(2, 64, (args) => {
    const xs = args.map((_, i) => dyn(args, i));
    return bound('dynamic', (a) => {
      const out = newBag();
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i]!(a[i]!);
        if (!isBag(v)) continue;
        // The first bag that has a key wins (bag-merge-function.md).
        for (const key of Object.keys(v)) if (!(key in out)) out[key] = v[key]!;
      }
      return out;
    });
  }),
  bag_remove_keys: def(2, 2, (args) => {
    const x = dyn(args, 0);
    const keys = dyn(args, 1);
    return bound('dynamic', (a) => {
      const v = x(a[0]!);
      const k = keys(a[1]!);
      if (!isBag(v) || !Array.isArray(k)) return null;
      let out = copyBag(v);
      for (const e of k) {
        const path = bagKeyPath(dynamicToString(e));
        if (path !== null) out = withoutPath(out, path);
      }
      return out;
    });
  }),
  bag_set_key: def(3, 3, (args) => {
    const x = dyn(args, 0);
    const k = asString(args[1]!.type);
    const val = toDyn(args[2]!.type);
    return bound('dynamic', (a) => {
      const v = x(a[0]!);
      if (!isBag(v)) return null;
      const path = bagKeyPath(k(a[1]!));
      return path === null ? null : withPath(v, path, val(a[2]!));
    });
  }),
  extract_json: extractJson,
  extractjson: extractJson,
};

/** The positions of `v` in sorted order (stable), nulls first or last. */
function sortOrder(v: readonly DynamicValue[], direction: 1 | -1, nullsLast: boolean): number[] {
  const values: number[] = [];
  const nulls: number[] = [];
  v.forEach((e, i) => (e === null ? nulls : values).push(i));
  values.sort((x, y) => direction * compareDynamic(v[x]!, v[y]!));
  return nullsLast ? [...values, ...nulls] : [...nulls, ...values];
}

/**
 * array_sort_asc / array_sort_desc(array1[, ..., arrayN][, nulls_last]) (array-sort-asc-function.md):
 * sorts the first array and orders the others to match it (null for one whose length differs).
 * With one array the value is the sorted array; with several it is the list of the sorted arrays,
 * one per output of the call (`array_sort_asc(a, b)[1]` is b in a's order).
 */
function sortDef(direction: 1 | -1) {
  return def(1, 64, (args, name) => {
    let arrays = 0;
    while (arrays < args.length && args[arrays]!.type === 'dynamic') arrays++;
    if (arrays === 0) return failure(`${name}(): the first argument must be a dynamic array`, 0);
    if (args.length > arrays + 1)
      return failure(`${name}(): expected arrays, then an optional nulls_last`, arrays);
    const xs = args.slice(0, arrays).map((_, i) => dyn(args, i));
    const nullsLast = arrays < args.length ? asBool(args[arrays]!.type) : () => true;
    return bound('dynamic', (a) => {
      const first = xs[0]!(a[0]!);
      const last = arrays < a.length ? nullsLast(a[arrays]!) !== false : true;
      const order = Array.isArray(first) ? sortOrder(first, direction, last) : null;
      const sorted = (v: DynamicValue): DynamicValue =>
        order === null || !Array.isArray(v) || v.length !== order.length ? null : order.map((i) => v[i]!);
      if (arrays === 1) return sorted(first);
      return xs.map((x, i) => sorted(i === 0 ? first : x(a[i]!)));
    });
  });
}

function arrayIff(args: readonly ArgInfo[]) {
  const c = dyn(args, 0);
  const t = dyn(args, 1);
  const e = dyn(args, 2);
  return bound('dynamic', (a) => {
    const cond = c(a[0]!);
    if (!Array.isArray(cond)) return null;
    const tv = t(a[1]!);
    const ev = e(a[2]!);
    return cond.map((b, i) => {
      const pick = (x: DynamicValue) => (Array.isArray(x) ? (x[i] ?? null) : x);
      const truth =
        typeof b === 'boolean' ? b : typeof b === 'number' || typeof b === 'bigint' ? Number(b) !== 0 : null;
      return truth === null ? null : truth ? pick(tv) : pick(ev);
    });
  });
}

function shiftDef(direction: 1 | -1, rotate: boolean) {
  return def(1, 3, (args) => {
    const x = dyn(args, 0);
    const n = args[1] ? asIndex(args[1].type) : () => 1;
    const fill = args[2] ? toDyn(args[2].type) : () => null;
    return bound('dynamic', (a) => {
      const v = x(a[0]!);
      const count = n(a[1] ?? 1);
      if (!Array.isArray(v) || count === null) return null;
      const len = v.length;
      if (len === 0) return [];
      const k = count * direction;
      if (rotate) {
        const s = ((-k % len) + len) % len;
        return [...v.slice(s), ...v.slice(0, s)];
      }
      const f = fill(a[2] ?? null);
      return v.map((_, i) => {
        const src = i - k;
        return src >= 0 && src < len ? v[src]! : f;
      });
    });
  });
}

/** range(start, stop[, step]): numbers, datetimes or timespans; at most 1,048,576 elements. */
function rangeDef(args: readonly ArgInfo[]) {
  const t = args[0]!.type;
  if (t === 'datetime' || t === 'timespan') {
    const start = (v: ScalarValue) => v as bigint | null;
    const step = args[2] ? (v: ScalarValue) => v as bigint | null : () => 864_000_000_000n;
    const asOut = toDyn(t);
    return bound('dynamic', (a) => {
      const s = start(a[0]!);
      const e = a[1] as bigint | null;
      const st = step(a[2] ?? null);
      if (s === null || e === null || st === null || st === 0n) return null;
      const out: DynamicValue[] = [];
      for (let x = s; st > 0n ? x <= e : x >= e; x += st) {
        out.push(asOut(x));
        if (out.length >= 1_048_576) break;
      }
      return out;
    });
  }
  const integral = (args as ArgInfo[]).every((x) => x.type === 'int' || x.type === 'long');
  const num = (x: ArgInfo) => (v: ScalarValue) =>
    v === null ? null : x.type === 'dynamic' ? Number(v) : Number(v as number);
  const [fs, fe] = [num(args[0]!), num(args[1]!)];
  const fst = args[2] ? num(args[2]) : () => 1;
  if (!['int', 'long', 'real', 'decimal', 'dynamic'].includes(t))
    return failure(`range() cannot count over ${t}.`, 0);
  return bound('dynamic', (a) => {
    const s = fs(a[0]!);
    const e = fe(a[1]!);
    const st = fst(a[2] ?? 1);
    if (s === null || e === null || st === null || st === 0 || Number.isNaN(st)) return null;
    const out: DynamicValue[] = [];
    for (let i = 0; ; i++) {
      const x = s + i * st;
      if (st > 0 ? x > e : x < e) break;
      out.push(integral ? Math.round(x) : x);
      if (out.length >= 1_048_576) break;
    }
    return out;
  });
}

function packDef() {
  return def(2, 128, (args, name) => {
    if (args.length % 2 !== 0)
      return failure(`The function '${name}' expects key/value pairs: an even number of arguments.`);
    const keys = args.filter((_, i) => i % 2 === 0).map((x) => asString(x.type));
    const vals = args.filter((_, i) => i % 2 === 1).map((x) => toDyn(x.type));
    return bound('dynamic', (a) => {
      const out = newBag();
      for (let i = 0; i < keys.length; i++) out[keys[i]!(a[2 * i]!)] = vals[i]!(a[2 * i + 1]!);
      return out;
    });
  });
}
