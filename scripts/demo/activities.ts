// What happens on the workstation, as the Security events Windows writes for it: logons and
// logoffs, processes, key-store access, group enumeration and account changes. Values are given
// the way Windows renders them (`0x3e7`, `%%1833`), so this reads like the XML of the events.
import { isoOf, type Ticks, type Timeline } from './timeline.js';
import { accounts, host, type Account } from './world.js';

export interface Session {
  readonly account: Account;
  readonly logonId: string;
}

export interface Process {
  readonly pid: number;
  readonly image: string;
  readonly session: Session;
  readonly started: Ticks;
}

export const systemSession: Session = { account: accounts.system, logonId: '0x3e7' };
export const networkServiceSession: Session = { account: accounts.networkService, logonId: '0x3e4' };

const hex = (n: number): string => '0x' + n.toString(16);
const nullGuid = '{00000000-0000-0000-0000-000000000000}';

export const system32 = 'C:\\Windows\\System32\\';

/** Long-running processes of this boot that appear as callers and parents. */
export const bootProcesses = {
  services: { pid: 0x37c, image: `${system32}services.exe` },
  winlogonSvchost: { pid: 0x4b0, image: `${system32}svchost.exe` },
  lsass: { pid: host.lsassPid, image: `${system32}lsass.exe` },
  taskSvchost: { pid: 0x5e4, image: `${system32}svchost.exe` },
  wmiPrvSe: { pid: 0x1a08, image: `${system32}wbem\\WmiPrvSE.exe` },
  termService: { pid: 0x4f8, image: `${system32}svchost.exe` },
} as const;

function subjectOf(s: Session): Record<string, string> {
  return {
    SubjectUserSid: s.account.sid,
    SubjectUserName: s.account.name,
    SubjectDomainName: s.account.domain,
    SubjectLogonId: s.logonId,
  };
}

export interface LogonOptions {
  readonly subject?: Session;
  readonly logonId: string;
  readonly type: number;
  readonly logonProcess: string;
  readonly auth: string;
  readonly workstation?: string;
  readonly logonGuid?: string;
  readonly lmPackage?: string;
  readonly keyLength?: number;
  readonly process?: { pid: number; image: string };
  readonly ip?: string;
  readonly port?: string;
  readonly impersonation?: string;
  readonly elevated?: boolean;
  readonly linkedLogonId?: string;
}

/** 4624. Returns the new session. */
export function logon(tl: Timeline, t: Ticks, target: Account, o: LogonOptions): Session {
  tl.security(4624, t, {
    ...subjectOf(o.subject ?? { account: { name: '-', domain: '-', sid: 'S-1-0-0' }, logonId: '0x0' }),
    TargetUserSid: target.sid,
    TargetUserName: target.name,
    TargetDomainName: target.domain,
    TargetLogonId: o.logonId,
    LogonType: String(o.type),
    LogonProcessName: o.logonProcess,
    AuthenticationPackageName: o.auth,
    WorkstationName: o.workstation ?? '-',
    LogonGuid: o.logonGuid ?? nullGuid,
    TransmittedServices: '-',
    LmPackageName: o.lmPackage ?? '-',
    KeyLength: String(o.keyLength ?? 0),
    ProcessId: hex(o.process?.pid ?? 0),
    ProcessName: o.process?.image ?? '-',
    IpAddress: o.ip ?? '-',
    IpPort: o.port ?? '-',
    ImpersonationLevel: o.impersonation ?? '%%1833',
    RestrictedAdminMode: o.type === 10 ? '%%1843' : '-',
    RemoteCredentialGuard: o.type === 10 ? '%%1843' : '-',
    TargetOutboundUserName: '-',
    TargetOutboundDomainName: '-',
    VirtualAccount: '%%1843',
    TargetLinkedLogonId: o.linkedLogonId ?? '0x0',
    ElevatedToken: o.elevated ? '%%1842' : '%%1843',
  });
  return { account: target, logonId: o.logonId };
}

const adminPrivileges = [
  'SeSecurityPrivilege',
  'SeTakeOwnershipPrivilege',
  'SeLoadDriverPrivilege',
  'SeBackupPrivilege',
  'SeRestorePrivilege',
  'SeDebugPrivilege',
  'SeSystemEnvironmentPrivilege',
  'SeImpersonatePrivilege',
  'SeDelegateSessionUserImpersonatePrivilege',
].join('\n\t\t\t');

const systemPrivileges = [
  'SeAssignPrimaryTokenPrivilege',
  'SeTcbPrivilege',
  'SeSecurityPrivilege',
  'SeTakeOwnershipPrivilege',
  'SeLoadDriverPrivilege',
  'SeBackupPrivilege',
  'SeRestorePrivilege',
  'SeDebugPrivilege',
  'SeAuditPrivilege',
  'SeSystemEnvironmentPrivilege',
  'SeImpersonatePrivilege',
  'SeDelegateSessionUserImpersonatePrivilege',
].join('\n\t\t\t');

/** 4672 for a new administrative or SYSTEM session. */
export function specialPrivileges(tl: Timeline, t: Ticks, s: Session): void {
  const isSystem = s.account.sid === 'S-1-5-18';
  tl.security(4672, t, {
    ...subjectOf(isSystem ? { account: accounts.systemTarget, logonId: s.logonId } : s),
    PrivilegeList: isSystem ? systemPrivileges : adminPrivileges,
  });
}

/** 4624 type 5 + 4672: services.exe starting a service as SYSTEM. */
export function serviceLogon(tl: Timeline, t: Ticks): void {
  const s = logon(tl, t, accounts.systemTarget, {
    subject: systemSession,
    logonId: '0x3e7',
    type: 5,
    logonProcess: 'Advapi  ',
    auth: 'Negotiate',
    process: bootProcesses.services,
    elevated: true,
  });
  specialPrivileges(tl, t + 1270n, s);
}

export function logoff(tl: Timeline, t: Ticks, s: Session, type: number): void {
  tl.security(4634, t, {
    TargetUserSid: s.account.sid,
    TargetUserName: s.account.name,
    TargetDomainName: s.account.domain,
    TargetLogonId: s.logonId,
    LogonType: String(type),
  });
}

/** 4647: the user signed out (followed by 4634 for each of the user's sessions). */
export function userLogoff(tl: Timeline, t: Ticks, s: Session): void {
  tl.security(4647, t, {
    TargetUserSid: s.account.sid,
    TargetUserName: s.account.name,
    TargetDomainName: s.account.domain,
    TargetLogonId: s.logonId,
  });
}

/** 4648: a logon with explicit credentials (winlogon's svchost before an interactive logon). */
export function explicitCredentials(tl: Timeline, t: Ticks, target: Account): void {
  tl.security(4648, t, {
    ...subjectOf(systemSession),
    LogonGuid: nullGuid,
    TargetUserName: target.name,
    TargetDomainName: target.domain,
    TargetLogonGuid: nullGuid,
    TargetServerName: 'localhost',
    TargetInfo: 'localhost',
    ProcessId: hex(bootProcesses.winlogonSvchost.pid),
    ProcessName: bootProcesses.winlogonSvchost.image,
    IpAddress: '127.0.0.1',
    IpPort: '0',
  });
}

export interface FailedLogonOptions {
  readonly subject?: Session;
  readonly type: number;
  readonly subStatus: string;
  readonly logonProcess: string;
  readonly auth: string;
  readonly workstation: string;
  readonly process?: { pid: number; image: string };
  readonly ip: string;
  readonly port: string;
}

/** 4625 with status 0xc000006d ("bad user name or password") and the given sub-status. */
export function failedLogon(
  tl: Timeline,
  t: Ticks,
  user: { name: string; domain: string },
  o: FailedLogonOptions,
): void {
  tl.security(4625, t, {
    ...subjectOf(o.subject ?? { account: { name: '-', domain: '-', sid: 'S-1-0-0' }, logonId: '0x0' }),
    TargetUserSid: 'S-1-0-0',
    TargetUserName: user.name,
    TargetDomainName: user.domain,
    Status: '0xc000006d',
    FailureReason: '%%2313',
    SubStatus: o.subStatus,
    LogonType: String(o.type),
    LogonProcessName: o.logonProcess,
    AuthenticationPackageName: o.auth,
    WorkstationName: o.workstation,
    TransmittedServices: '-',
    LmPackageName: '-',
    KeyLength: '0',
    ProcessId: hex(o.process?.pid ?? 0),
    ProcessName: o.process?.image ?? '-',
    IpAddress: o.ip,
    IpPort: o.port,
  });
}

/** Token elevation types and integrity levels as 4688 renders them. */
export const token = {
  /** A token without a split (SYSTEM, non-admin users). */
  default: '%%1936',
  elevated: '%%1937',
  limited: '%%1938',
} as const;

export const integrity = {
  medium: 'S-1-16-8192',
  high: 'S-1-16-12288',
  system: 'S-1-16-16384',
} as const;

export interface StartOptions {
  readonly session: Session;
  readonly image: string;
  readonly commandLine: string;
  readonly parent: { pid: number; image: string };
  readonly elevation: string;
  readonly label: string;
}

/** 4688. Returns the new process. */
export function startProcess(tl: Timeline, t: Ticks, o: StartOptions): Process {
  const pid = tl.pid();
  const subject = o.session.account.sid === 'S-1-5-18' ? systemSession : o.session;
  tl.security(4688, t, {
    ...subjectOf(subject),
    NewProcessId: hex(pid),
    NewProcessName: o.image,
    TokenElevationType: o.elevation,
    ProcessId: hex(o.parent.pid),
    CommandLine: o.commandLine,
    TargetUserSid: 'S-1-0-0',
    TargetUserName: '-',
    TargetDomainName: '-',
    TargetLogonId: '0x0',
    ParentProcessName: o.parent.image,
    MandatoryLabel: o.label,
  });
  return { pid, image: o.image, session: o.session, started: t };
}

/** 4689. */
export function endProcess(tl: Timeline, t: Ticks, p: Process, status = '0x0'): void {
  tl.security(4689, t, {
    ...subjectOf(p.session),
    Status: status,
    ProcessId: hex(p.pid),
    ProcessName: p.image,
  });
}

export interface Key {
  readonly name: string;
  readonly algorithm: string;
  readonly path: string;
}

/** Key types and operations as the key-store events render them. */
export const keyType = { machine: '%%2499', user: '%%2500' } as const;
export const keyOperation = { readPersisted: '%%2458', openKey: '%%2480', exportKey: '%%2464' } as const;

/** 5058: a key file was read (or written) by the key storage provider. */
export function keyFileOperation(
  tl: Timeline,
  t: Ticks,
  s: Session,
  client: Process | { pid: number; started: Ticks },
  key: Key,
  type: string,
): void {
  tl.security(5058, t, {
    ...subjectOf(s),
    ClientProcessId: String(client.pid),
    ClientCreationTime: isoOf(client.started),
    ProviderName: 'Microsoft Software Key Storage Provider',
    AlgorithmName: 'UNKNOWN',
    KeyName: key.name,
    KeyType: type,
    KeyFilePath: key.path,
    Operation: keyOperation.readPersisted,
    ReturnCode: '0x0',
  });
}

/** 5061: a cryptographic operation (here: open key) on a key. */
export function cryptographicOperation(tl: Timeline, t: Ticks, s: Session, key: Key, type: string): void {
  tl.security(5061, t, {
    ...subjectOf(s),
    ProviderName: 'Microsoft Software Key Storage Provider',
    AlgorithmName: key.algorithm,
    KeyName: key.name,
    KeyType: type,
    Operation: keyOperation.openKey,
    ReturnCode: '0x0',
  });
}

/** 5059: a key migration (export) operation. */
export function keyMigration(
  tl: Timeline,
  t: Ticks,
  s: Session,
  client: { pid: number; started: Ticks },
  key: Key,
  type: string,
): void {
  tl.security(5059, t, {
    ...subjectOf(s),
    ClientProcessId: String(client.pid),
    ClientCreationTime: isoOf(client.started),
    ProviderName: 'Microsoft Software Key Storage Provider',
    AlgorithmName: key.algorithm,
    KeyName: key.name,
    KeyType: type,
    Operation: keyOperation.exportKey,
    ReturnCode: '0x0',
  });
}

/** 4798 (a user's local groups) or 4799 (a local group's members) was enumerated. */
export function enumerated(
  tl: Timeline,
  t: Ticks,
  eventId: 4798 | 4799,
  target: Account,
  s: Session,
  caller: { pid: number; image: string },
): void {
  tl.security(eventId, t, {
    TargetUserName: target.name,
    TargetDomainName: target.domain,
    TargetSid: target.sid,
    ...subjectOf(s),
    CallerProcessId: hex(caller.pid),
    CallerProcessName: caller.image,
  });
}

const newAccountAttributes = {
  DisplayName: '%%1793',
  UserPrincipalName: '-',
  HomeDirectory: '%%1793',
  HomePath: '%%1793',
  ScriptPath: '%%1793',
  ProfilePath: '%%1793',
  UserWorkstations: '%%1793',
  PasswordLastSet: '%%1794',
  AccountExpires: '%%1794',
  PrimaryGroupId: '513',
  AllowedToDelegateTo: '-',
  OldUacValue: '0x0',
  NewUacValue: '0x15',
  UserAccountControl: '\n\t\t%%2080\n\t\t%%2082\n\t\t%%2084',
  UserParameters: '%%1793',
  SidHistory: '-',
  LogonHours: '%%1797',
};

const targetOf = (a: Account): Record<string, string> => ({
  TargetUserName: a.name,
  TargetDomainName: a.domain,
  TargetSid: a.sid,
});

/** The workstation's local time (CET, UTC+1 in March) the way 4738 prints it: `3/13/2025 3:36:21 AM`. */
function localDateTime(t: Ticks): string {
  const d = new Date(Number(t / 10_000n) + 3_600_000);
  const h = d.getUTCHours();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `net user NAME PASSWORD /add`: 4720 created, 4722 enabled, 4724 password set, 4738 changed. */
export function createLocalUser(tl: Timeline, t: Ticks, s: Session, user: Account): void {
  tl.security(4720, t, {
    ...targetOf(user),
    ...subjectOf(s),
    PrivilegeList: '-',
    SamAccountName: user.name,
    ...newAccountAttributes,
  });
  tl.security(4722, t + 3120n, { ...targetOf(user), ...subjectOf(s) });
  tl.security(4724, t + 6841n, { ...targetOf(user), ...subjectOf(s) });
  tl.security(4738, t + 9310n, {
    Dummy: '-',
    ...targetOf(user),
    ...subjectOf(s),
    PrivilegeList: '-',
    SamAccountName: '-',
    ...Object.fromEntries(Object.keys(newAccountAttributes).map((k) => [k, '-'])),
    PasswordLastSet: localDateTime(t),
    OldUacValue: '0x15',
    NewUacValue: '0x10',
    UserAccountControl: '\n\t\t%%2048\n\t\t%%2050',
  });
}

/** 4732 (added to a local group) or 4733 (removed). Local accounts have no DN: MemberName is `-`. */
export function groupMembership(
  tl: Timeline,
  t: Ticks,
  eventId: 4732 | 4733,
  s: Session,
  member: Account,
  group: Account,
): void {
  tl.security(eventId, t, {
    MemberName: '-',
    MemberSid: member.sid,
    ...targetOf(group),
    ...subjectOf(s),
    PrivilegeList: '-',
  });
}

/** 4726: a user account was deleted. */
export function deleteUser(tl: Timeline, t: Ticks, s: Session, user: Account): void {
  tl.security(4726, t, { ...targetOf(user), ...subjectOf(s), PrivilegeList: '-' });
}
