/**
 * Parsers of structured text: parse_url, parse_urlquery, parse_path, parse_command_line,
 * parse_xml. Each returns a dynamic value with the slots its reference page lists.
 */
import type { DynamicValue } from '../../../types/scalar.js';
import { newBag } from '../../values/dynamic.js';
import { asString, bound, failure } from '../bound.js';
import { parseXml } from '../xml.js';
import { type FunctionTable, def } from './registry.js';

function decodeQueryPart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function queryParameters(query: string): DynamicValue {
  const bag = newBag();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeQueryPart(eq < 0 ? pair : pair.slice(0, eq));
    bag[key] = eq < 0 ? '' : decodeQueryPart(pair.slice(eq + 1));
  }
  return bag;
}

const URL_FORM =
  /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

/** parse_url(url) (parse-url-function.md): empty bag for text that is not an absolute URL. */
export function parseUrl(url: string): DynamicValue {
  const m = URL_FORM.exec(url.trim());
  if (!m) return newBag();
  const bag = newBag();
  bag['Scheme'] = m[1]!;
  bag['Host'] = m[4]!;
  bag['Port'] = m[5] ?? '';
  bag['Path'] = m[6]!;
  bag['Username'] = m[2] ?? '';
  bag['Password'] = m[3] ?? '';
  bag['Query Parameters'] = queryParameters(m[7] ?? '');
  bag['Fragment'] = m[8] ?? '';
  return bag;
}

/** parse_path(path) (parse-path-function.md). */
export function parsePath(input: string): DynamicValue {
  let path = input;
  let scheme = '';
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(path);
  if (schemeMatch) {
    scheme = schemeMatch[1]!;
    path = path.slice(schemeMatch[0].length);
  }
  let rootPath = '';
  const drive = /^[A-Za-z]:/.exec(path);
  if (drive) rootPath = drive[0];
  // An alternate data stream follows a second colon: C:/temp/file.txt:some.exe.
  let stream = '';
  const colon = path.indexOf(':', drive ? 2 : 0);
  if (colon >= 0) {
    stream = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  const lastSep = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  const filename = lastSep < 0 ? path : path.slice(lastSep + 1);
  const directoryPath = lastSep < 0 ? '' : path.slice(0, lastSep);
  const dirSep = Math.max(directoryPath.lastIndexOf('\\'), directoryPath.lastIndexOf('/'));
  const directoryName = dirSep < 0 ? directoryPath : directoryPath.slice(dirSep + 1);
  const dot = filename.lastIndexOf('.');
  const bag = newBag();
  bag['Scheme'] = scheme;
  bag['RootPath'] = rootPath;
  bag['DirectoryPath'] = directoryPath;
  bag['DirectoryName'] = directoryName;
  bag['Filename'] = filename;
  bag['Extension'] = dot < 0 ? '' : filename.slice(dot + 1);
  bag['AlternateDataStreamName'] = stream;
  return bag;
}

/**
 * parse_command_line(cmd, "windows"): CommandLineToArgvW's rules. The first argument (the
 * program) ends at the first space unless quoted, without backslash processing; later
 * arguments: 2n backslashes before a quote give n backslashes and the quote toggles quoting;
 * 2n+1 give n backslashes and a literal quote; `""` inside quotes is a literal quote.
 */
export function parseWindowsCommandLine(cmd: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = cmd.length;
  // Program name.
  let program = '';
  if (cmd[0] === '"') {
    i = 1;
    while (i < n && cmd[i] !== '"') program += cmd[i++];
    if (i < n) i++;
  } else {
    while (i < n && cmd[i] !== ' ' && cmd[i] !== '\t') program += cmd[i++];
  }
  if (n > 0) args.push(program);
  for (;;) {
    while (i < n && (cmd[i] === ' ' || cmd[i] === '\t')) i++;
    if (i >= n) break;
    let arg = '';
    let quoted = false;
    while (i < n && (quoted || (cmd[i] !== ' ' && cmd[i] !== '\t'))) {
      if (cmd[i] === '\\') {
        let slashes = 0;
        while (cmd[i] === '\\') {
          slashes++;
          i++;
        }
        if (cmd[i] === '"') {
          arg += '\\'.repeat(slashes >> 1);
          if (slashes % 2 === 1) {
            arg += '"';
            i++;
          }
        } else {
          arg += '\\'.repeat(slashes);
        }
      } else if (cmd[i] === '"') {
        if (quoted && cmd[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else {
          quoted = !quoted;
          i++;
        }
      } else {
        arg += cmd[i++];
      }
    }
    args.push(arg);
  }
  return args;
}

export const parserFunctions: FunctionTable = {
  parse_url: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('dynamic', (a) => parseUrl(s(a[0]!)));
  }),
  parseurl: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('dynamic', (a) => parseUrl(s(a[0]!)));
  }),
  parse_urlquery: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('dynamic', (a) => {
      const text = s(a[0]!);
      const bag = newBag();
      bag['Query Parameters'] = queryParameters(text.startsWith('?') ? text.slice(1) : text);
      return bag;
    });
  }),
  parse_path: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('dynamic', (a) => parsePath(s(a[0]!)));
  }),
  parse_command_line: def(2, 2, (args) => {
    const s = asString(args[0]!.type);
    const kind = asString(args[1]!.type);
    const constant = args[1]!.constant;
    if (typeof constant === 'string' && constant.toLowerCase() !== 'windows') {
      return failure(
        `parse_command_line(): parser '${constant}' is not supported; the only parser is "windows".`,
        1,
      );
    }
    return bound('dynamic', (a) =>
      kind(a[1]!).toLowerCase() === 'windows' ? parseWindowsCommandLine(s(a[0]!)) : null,
    );
  }),
  parse_xml: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('dynamic', (a) => parseXml(s(a[0]!)));
  }),
};
