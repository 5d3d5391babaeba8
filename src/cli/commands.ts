/** The sub-commands of `kqlhunt` and their dispatch; each command module loads lazily. */
import { parseArgs } from 'node:util';
import { builtinRulesDir } from './paths.js';

export const usage = `kqlhunt: run Microsoft Sentinel KQL rules offline, over EVTX and Sentinel exports

Usage:
  kqlhunt hunt [logs...] [options]       run rules over logs (default: the built-in rules over the demo log)
      --rules <yaml|folder>                more rules (repeatable); the built-in rules always run
      --rule <id|name glob>  --tactic <t>  --technique <T1552>  --severity <s>   select rules
      --from <datetime>  --to <datetime>   the hunt window ({{StartTimeISO}}, {{EndTimeISO}})
      --format table|jsonl|json|csv        default: table on a terminal, else jsonl
      --output <file>  --timezone <IANA>  -q/--quiet  --workers <n>
      --timeout <s>  --max-result-rows <n>  --max-memory <MiB>   per-query limits (4 min, 500000, 8192)
  kqlhunt query '<KQL>' [logs...]        ad-hoc KQL over the same tables [--format --output --timezone]
  kqlhunt check <rule.yaml|folder|file.kql>...   parse and bind rules, report errors by line
  kqlhunt rules list [--rules ...] [filters]     the rules kqlhunt would run
  kqlhunt rules show <id|name> [--rules ...]     one rule: hypothesis, query, definition, ATT&CK
  kqlhunt coverage [logs...] [--rules ...]       can these logs feed each rule? what to enable
  kqlhunt dump <file.evtx>... [--format xml|jsonl|table:SecurityEvent]   print events or rows

Logs: .evtx files, Sentinel/Log Analytics exports (JSON, JSON lines, CSV), OTRF datasets (zip),
and folders of them; formats are detected from content.

Exit codes: hunt/query: 0 findings or rows, 1 none, 2 error; check: 0 all passed, 1 some failed.
`;

export async function runCommand(name: string, args: string[]): Promise<number> {
  switch (name) {
    case 'hunt':
      return (await import('./hunt.js')).huntCommand(args);
    case 'query':
      return (await import('./query.js')).queryCommand(args);
    case 'rules':
      return (await import('./rules.js')).rulesCommand(args);
    case 'coverage':
      return (await import('./coverage.js')).coverageCommand(args);
    case 'check': {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      const { checkCommand } = await import('./check.js');
      return checkCommand(positionals.length ? positionals : [builtinRulesDir()], process.stdout);
    }
    case 'dump': {
      const { positionals, values } = parseArgs({
        args,
        allowPositionals: true,
        options: { format: { type: 'string', default: 'xml' } },
      });
      const format = values.format as string;
      if (format !== 'xml' && format !== 'jsonl' && !format.startsWith('table:')) {
        process.stderr.write(`kqlhunt dump: unknown --format '${format}' (xml, jsonl, table:<Table>)\n`);
        return 2;
      }
      const { dumpCommand } = await import('../sources/evtx/dump.js');
      return dumpCommand(positionals, format as 'xml', process.stdout);
    }
    default:
      process.stderr.write(`kqlhunt: unknown command '${name}'\n\n${usage}`);
      return 2;
  }
}
