// Kusto's literal and text forms and conversions: one module per type, re-exported here.
export * from './datetime.js';
export * from './timespan.js';
export * from './guid.js';
export * from './numbers.js';
export * from './dynamic.js';
export * from './convert.js';
export * from './compare.js';
