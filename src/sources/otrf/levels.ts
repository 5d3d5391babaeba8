/**
 * The level Sentinel stores for a Windows event: the agent reports .NET's EventLogEntryType, so
 * SecurityEvent.Level is "8" for an audit success and Event.EventLevel/EventLevelName are
 * 8/"Audit Success" (see the sample exports in ../shared/sentinel/sample-data: Security events
 * with Level "8", AppLocker information events with "4").
 *
 * EventLogEntryType: Error = 1, Warning = 2, Information = 4, SuccessAudit = 8, FailureAudit = 16.
 * The audit keywords decide first (0x0020000000000000 success, 0x0010000000000000 failure); then
 * the Windows level: critical and error are Error, warning is Warning, the rest Information.
 */

export interface SentinelLevel {
  readonly level: number;
  readonly name: string;
}

const AUDIT_SUCCESS = 0x0020000000000000n;
const AUDIT_FAILURE = 0x0010000000000000n;

export function sentinelLevel(keywords: bigint | null, windowsLevel: number | null): SentinelLevel {
  if (keywords !== null) {
    const bits = BigInt.asUintN(64, keywords);
    if (bits & AUDIT_SUCCESS) return { level: 8, name: 'Audit Success' };
    if (bits & AUDIT_FAILURE) return { level: 16, name: 'Audit Failure' };
  }
  if (windowsLevel === 1 || windowsLevel === 2) return { level: 1, name: 'Error' };
  if (windowsLevel === 3) return { level: 2, name: 'Warning' };
  return { level: 4, name: 'Information' };
}
