/**
 * The Azure portal's display form of a datetime, which its "Export" writes into CSV and JSON:
 * `7/8/2021, 4:00:30.210 PM` (en-US: month/day/year, a comma, a 12-hour clock). Kusto's own
 * datetime parser does not read it, so it is rewritten here into the ISO form that parser reads.
 */
const PORTAL_FORM =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}),\s+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?\s*([AaPp][Mm])$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The ISO text of a portal display datetime, or undefined when `text` is not one. */
export function portalDatetimeToIso(text: string): string | undefined {
  const m = PORTAL_FORM.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[4]);
  if (hour < 1 || hour > 12) return undefined;
  const pm = m[8]!.toLowerCase() === 'pm';
  if (hour === 12) hour = pm ? 12 : 0;
  else if (pm) hour += 12;
  const seconds = m[6] ?? '00';
  return `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))}T${pad(hour)}:${m[5]}:${seconds}${m[7] ?? ''}Z`;
}
