export * from './reader.js';
export * from './event.js';
export * from './errors.js';
export * from './filter.js';
