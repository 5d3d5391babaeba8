/** What each fuzz target feeds, for the robustness table. */
export const targetDescriptions: Readonly<Record<string, { input: string; tried: string }>> = {
  evtx: {
    input: 'EVTX files (reader, BinXml, rendering)',
    tried:
      'real files from the demo log and ../shared/evtx with bit flips, truncation, shuffled and zeroed chunks, size and offset fields set to 0/1/2^31/2^32-1, spliced bytes (self-referencing templates and strings)',
  },
  xml: {
    input: 'XML (`parse_xml`)',
    tried:
      'billion laughs, external entities and DTDs, 1,000–100,000-deep nesting, 1 MB+ strings, lone UTF-16 surrogates, thousands of attributes, random trees, cut and garbled EventData',
  },
  regex: {
    input: 'regular expressions (`matches regex`, `extract`, ...)',
    tried:
      '`(a+)+$`, `(a\\|aa)+$`, `(.*a){20}`, nested quantifiers and random patterns over 1,000–100,000-character subjects',
  },
  kql: {
    input: 'KQL (front end and engine)',
    tried:
      'the built-in and ../shared Sentinel rules with tokens dropped, duplicated, garbled or injected (pipes, quotes, `let`, `mv-expand`, `join`...); queries that compile are executed',
  },
  yaml: {
    input: 'rule YAML',
    tried: 'alias bombs, 10,000-deep flow nesting, huge block scalars, custom tags, random text',
  },
  exports: {
    input: 'JSON, JSON lines, API tables and CSV exports',
    tried:
      '100,000-deep arrays, 2 MB strings, broken tails, rows of the wrong width and type, unterminated and runaway CSV quotes, random text',
  },
};
