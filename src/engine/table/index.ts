export {
  CHUNK_ROWS,
  concatBatches,
  emptyBatch,
  gatherBatch,
  rechunk,
  sliceBatch,
  type Batch,
} from './batch.js';
export { TableBuilder } from './builder.js';
export { NullMask } from './null-mask.js';
export { StringDictionary } from './string-dictionary.js';
export { Table } from './table.js';
export * from './vector.js';
