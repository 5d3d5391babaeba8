// EVTX writer: builds Windows XML Event Log files the way Windows lays them out (templates with
// typed substitutions, names and definitions shared within a chunk), for test data and the demo.
export { encodeEvtx, writeEvtx } from './write.js';
export { EvtxWriteError, type EvtxEventSpec, type EvtxField, type EvtxUserData } from './spec.js';
export { v, filetimeFromIso, type EvtxValue } from './values.js';
