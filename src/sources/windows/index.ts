// Windows event tables (SecurityEvent, Event, WindowsEvent) built from EVTX events.
export * from './tables.js';
export * from './titles.js';
