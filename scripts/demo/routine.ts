// The workstation's ordinary week: services starting as SYSTEM, the management server's inventory
// over the network, the owner's working days (logon, applications, lunch-time unlock, logoff), the
// key-store traffic Windows itself causes, an IT administrator's visits, and one fat-fingered
// password. None of it should match a detection; some of it is there to look like the real thing.
import {
  bootProcesses,
  cryptographicOperation,
  endProcess,
  enumerated,
  explicitCredentials,
  failedLogon,
  integrity,
  keyFileOperation,
  keyMigration,
  keyType,
  logoff,
  logon,
  networkServiceSession,
  serviceLogon,
  specialPrivileges,
  startProcess,
  system32,
  systemSession,
  token,
  userLogoff,
  type Process,
  type Session,
} from './activities.js';
import { ticksOfMs, type Ticks, type Timeline } from './timeline.js';
import { accounts, addresses, groups, host, keys, weekStartMs, type Account } from './world.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** When the boot began (before the week), the creation time of its long-running processes. */
export const bootTicks = ticksOfMs(weekStartMs - 3 * day + 7 * hour + 2 * minute);

const maintenance: readonly { image: string; commandLine: string }[] = [
  {
    image: `${system32}svchost.exe`,
    commandLine: 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s BITS',
  },
  { image: `${system32}taskhostw.exe`, commandLine: 'taskhostw.exe Install $(Arg0)' },
  {
    image: `${system32}backgroundTaskHost.exe`,
    commandLine:
      '"C:\\Windows\\system32\\backgroundTaskHost.exe" -ServerName:BackgroundTaskHost.WebAccountProvider',
  },
  {
    image: `${system32}SearchProtocolHost.exe`,
    commandLine:
      '"C:\\Windows\\system32\\SearchProtocolHost.exe" Global\\UsGthrFltPipeMssGthrPipe3_ Global\\UsGthrCtrlFltPipeMssGthrPipe3 1 -2147483646 "Software\\Microsoft\\Windows Search" "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)" "C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc" "DownLevelDaemon"',
  },
  {
    image: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25010.11-0\\MpCmdRun.exe',
    commandLine:
      '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25010.11-0\\MpCmdRun.exe" SignatureUpdate -ScheduleJob -RestrictPrivileges',
  },
  {
    image: `${system32}wbem\\WmiPrvSE.exe`,
    commandLine: 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding',
  },
  { image: `${system32}sppsvc.exe`, commandLine: 'C:\\Windows\\system32\\sppsvc.exe' },
  {
    image: `${system32}CompatTelRunner.exe`,
    commandLine: 'C:\\Windows\\system32\\CompatTelRunner.exe -m:appraiser.dll -f:DoScheduledTelemetryRun',
  },
];

const officeApps: readonly { image: string; commandLine: (rng: () => number) => string }[] = [
  {
    image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE',
    commandLine: (r) =>
      `"C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE" "\\\\fs-01.tarnvik.example\\finance$\\Close\\2025-03\\${['AP-aging', 'GL-recon', 'Accruals', 'FX-rates', 'Budget-vs-actual'][Math.floor(r() * 5)]}.xlsx"`,
  },
  {
    image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
    commandLine: () =>
      '"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE" /n "C:\\Users\\m.okafor\\Documents\\Board memo Q1.docx" /o ""',
  },
  {
    image: `${system32}notepad.exe`,
    commandLine: () => '"C:\\Windows\\system32\\notepad.exe" C:\\Users\\m.okafor\\Desktop\\todo.txt',
  },
  { image: `${system32}calc.exe`, commandLine: () => '"C:\\Windows\\System32\\calc.exe"' },
  {
    image: 'C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe',
    commandLine: () =>
      '"C:\\Program Files\\Adobe\\Acrobat DC\\Acrobat\\Acrobat.exe" "C:\\Users\\m.okafor\\Downloads\\Invoice_88412.pdf"',
  },
];

const startupApps: readonly { image: string; commandLine: string }[] = [
  {
    image: 'C:\\Users\\m.okafor\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe',
    commandLine: '"C:\\Users\\m.okafor\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /background',
  },
  {
    image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
    commandLine: '"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE" ',
  },
  {
    image: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    commandLine:
      '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" --profile-directory=Default',
  },
  {
    image: 'C:\\Program Files\\WindowsApps\\MSTeams_25044.2208.3471.2155_x64__8wekyb3d8bbwe\\ms-teams.exe',
    commandLine:
      '"C:\\Program Files\\WindowsApps\\MSTeams_25044.2208.3471.2155_x64__8wekyb3d8bbwe\\ms-teams.exe" msteams:system-initiated',
  },
];

class Day {
  constructor(
    readonly tl: Timeline,
    readonly index: number,
    /** Nothing of this day happens before this many ms after midnight (Monday: after the log was cleared). */
    readonly notBefore: number,
  ) {}

  /** A time on this day, `ms` after midnight, with a random part of up to `jitterMs`. */
  at(ms: number, jitterMs = 0): Ticks {
    const offset = Math.max(ms + (jitterMs ? this.tl.rng.int(0, jitterMs) : 0), this.notBefore);
    return this.tl.at(weekStartMs + this.index * day + offset);
  }

  /** A random time between two offsets after midnight. */
  between(fromMs: number, toMs: number): Ticks {
    return this.at(this.tl.rng.int(Math.max(fromMs, this.notBefore), toMs));
  }
}

export const seconds = (n: number): bigint => BigInt(Math.round(n * 10_000_000));

function systemDay(d: Day): void {
  const { tl } = d;
  const rng = tl.rng;
  for (let i = rng.int(3, 5); i > 0; i--) serviceLogon(tl, d.between(0, day - minute));

  // The Entra device key, used by SYSTEM (lsass) for token renewal: a machine key read as SYSTEM.
  for (let i = rng.int(1, 2); i > 0; i--) {
    const t = d.between(0, day - minute);
    cryptographicOperation(tl, t, systemSession, keys.device, keyType.machine);
    keyFileOperation(
      tl,
      t + seconds(0.002),
      systemSession,
      { pid: host.lsassPid, started: bootTicks },
      keys.device,
      keyType.machine,
    );
  }

  for (let i = rng.int(4, 7); i > 0; i--) {
    const job = rng.pick(maintenance);
    const t = d.between(0, day - 10 * minute);
    const p = startProcess(tl, t, {
      session: systemSession,
      image: job.image,
      commandLine: job.commandLine,
      parent: bootProcesses.taskSvchost,
      elevation: token.default,
      label: integrity.system,
    });
    endProcess(tl, t + seconds(rng.int(2, 400)), p);
  }

  // Inventory by the management server: a network logon, the local Administrators read over WMI.
  for (let i = rng.int(1, 3); i > 0; i--) {
    const t = d.between(0, day - minute);
    const s = logon(tl, t, accounts.mgmt, {
      logonId: tl.logonId(),
      type: 3,
      logonProcess: 'Kerberos',
      auth: 'Kerberos',
      logonGuid: guidFrom(rng),
      ip: addresses.mgmtServer,
      port: String(rng.int(49152, 65535)),
      impersonation: '%%1833',
    });
    enumerated(tl, t + seconds(0.3), 4799, groups.administrators, s, bootProcesses.wmiPrvSe);
    logoff(tl, t + seconds(rng.int(2, 9)), s, 3);
  }
}

export function guidFrom(rng: { int(a: number, b: number): number }): string {
  const h = (n: number): string => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `{${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}}`;
}

/** The owner's working day: logon, applications, a lunch-time unlock, logoff. */
function workday(d: Day): void {
  const { tl } = d;
  const rng = tl.rng;
  const user = accounts.okafor;
  let t = d.at(7 * hour, 35 * minute);

  if (d.index === 1) {
    // Tuesday: two mistyped passwords at the lock screen before the right one.
    for (let i = 0; i < 2; i++) {
      failedLogon(
        tl,
        t,
        { name: user.name, domain: user.domain },
        {
          subject: systemSession,
          type: 2,
          subStatus: '0xc000006a',
          logonProcess: 'User32 ',
          auth: 'Negotiate',
          workstation: host.name,
          process: bootProcesses.winlogonSvchost,
          ip: '127.0.0.1',
          port: '0',
        },
      );
      t += seconds(rng.int(4, 9));
    }
  }

  explicitCredentials(tl, t, user);
  const session = logon(tl, t + seconds(0.05), user, {
    subject: systemSession,
    logonId: tl.logonId(),
    type: 2,
    logonProcess: 'User32 ',
    auth: 'Negotiate',
    workstation: host.name,
    logonGuid: guidFrom(rng),
    process: bootProcesses.winlogonSvchost,
    ip: '127.0.0.1',
    port: '0',
  });
  const userProcess = (
    at: Ticks,
    image: string,
    commandLine: string,
    parent: { pid: number; image: string },
  ): Process =>
    startProcess(tl, at, {
      session,
      image,
      commandLine,
      parent,
      elevation: token.default,
      label: integrity.medium,
    });

  const userinit = userProcess(
    t + seconds(1.2),
    `${system32}userinit.exe`,
    'C:\\Windows\\system32\\userinit.exe',
    bootProcesses.winlogonSvchost,
  );
  const explorer = userProcess(
    t + seconds(1.9),
    'C:\\Windows\\explorer.exe',
    'C:\\Windows\\Explorer.EXE',
    userinit,
  );
  endProcess(tl, t + seconds(12), userinit);

  // The user's own key (Connected Devices Platform), read and exported at sign-in: user keys.
  const cdp = startProcess(tl, t + seconds(3), {
    session: systemSession,
    image: `${system32}svchost.exe`,
    commandLine: 'C:\\Windows\\system32\\svchost.exe -k UnistackSvcGroup -s CDPUserSvc',
    parent: bootProcesses.services,
    elevation: token.default,
    label: integrity.system,
  });
  const userKey = keys.userDevice(user);
  cryptographicOperation(tl, t + seconds(4), session, userKey, keyType.user);
  keyFileOperation(tl, t + seconds(4.01), session, cdp, userKey, keyType.user);
  if (d.index % 2 === 1) keyMigration(tl, t + seconds(4.02), session, cdp, userKey, keyType.user);

  const open: Process[] = [explorer, cdp];
  startupApps.forEach((app, i) =>
    open.push(userProcess(t + seconds(8 + i * 3), app.image, app.commandLine, explorer)),
  );

  // Work through the day: documents opened and closed.
  const evening = d.at(16 * hour, 70 * minute);
  for (let i = rng.int(4, 7); i > 0; i--) {
    const app = rng.pick(officeApps);
    const from = Number((t - ticksOfMs(weekStartMs + d.index * day)) / 10_000n) + 10 * minute;
    const at = d.between(from, 15 * hour + 50 * minute);
    const p = userProcess(
      at,
      app.image,
      app.commandLine(() => rng.next()),
      explorer,
    );
    if (rng.chance(0.7)) endProcess(tl, at + seconds(rng.int(60, 5400)), p);
    else open.push(p);
  }

  // Lunch: the screen locks; unlocking makes a short-lived logon of type 7.
  const unlock = d.at(12 * hour + 10 * minute, 40 * minute);
  const unlockSession = logon(tl, unlock, user, {
    subject: systemSession,
    logonId: tl.logonId(),
    type: 7,
    logonProcess: 'User32 ',
    auth: 'Negotiate',
    workstation: host.name,
    logonGuid: guidFrom(rng),
    process: bootProcesses.winlogonSvchost,
    ip: '127.0.0.1',
    port: '0',
  });
  logoff(tl, unlock + seconds(0.4), unlockSession, 7);

  userLogoff(tl, evening, session);
  open.forEach((p, i) => endProcess(tl, evening + seconds(1 + i * 0.3), p));
  logoff(tl, evening + seconds(6), session, 2);
}

/** Wednesday: the IT administrator connects over Remote Desktop to look at the RDP certificate. */
function adminVisit(d: Day): void {
  const { tl } = d;
  const rng = tl.rng;
  const admin = accounts.castillo;
  const t = d.at(10 * hour + 12 * minute, 5 * minute);
  const rdp = rdpLogon(tl, t, admin, addresses.itWorkstation, 'IT-ADM-03');
  const mmc = startProcess(tl, t + seconds(48), {
    session: rdp.elevated,
    image: `${system32}mmc.exe`,
    commandLine: '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\certlm.msc"',
    parent: { pid: 0x2a14, image: 'C:\\Windows\\explorer.exe' },
    elevation: token.elevated,
    label: integrity.high,
  });
  // Opening the certificate's private key properties reads Remote Desktop's machine key as the admin.
  cryptographicOperation(tl, t + seconds(95), rdp.elevated, keys.remoteDesktop, keyType.machine);
  keyFileOperation(tl, t + seconds(95.01), rdp.elevated, mmc, keys.remoteDesktop, keyType.machine);
  endProcess(tl, t + seconds(rng.int(300, 600)), mmc);
  const end = t + seconds(rng.int(900, 1500));
  userLogoff(tl, end, rdp.limited);
  logoff(tl, end + seconds(2), rdp.limited, 10);
  logoff(tl, end + seconds(2.01), rdp.elevated, 10);
}

/**
 * A Remote Desktop logon of a local administrator: network-level authentication (type 3), then the
 * Remote Desktop service reading its machine key as NETWORK SERVICE, then two linked type 10
 * sessions (elevated and limited token) and 4672 for the elevated one.
 */
export function rdpLogon(
  tl: Timeline,
  t: Ticks,
  user: Account,
  ip: string,
  workstation: string,
  auth: 'Kerberos' | 'NTLM' = 'Kerberos',
): { elevated: Session; limited: Session } {
  const rng = tl.rng;
  const port = (): string => String(rng.int(49152, 65535));
  const ntlm = auth === 'NTLM';
  const nla = logon(tl, t, user, {
    logonId: tl.logonId(),
    type: 3,
    logonProcess: ntlm ? 'NtLmSsp ' : 'Kerberos',
    auth,
    workstation: ntlm ? workstation : '-',
    logonGuid: ntlm ? undefined : guidFrom(rng),
    lmPackage: ntlm ? 'NTLM V2' : '-',
    keyLength: ntlm ? 128 : 0,
    ip,
    port: port(),
  });
  logoff(tl, t + seconds(0.8), nla, 3);
  cryptographicOperation(tl, t + seconds(1.1), networkServiceSession, keys.remoteDesktop, keyType.machine);
  keyFileOperation(
    tl,
    t + seconds(1.11),
    networkServiceSession,
    { pid: bootProcesses.termService.pid, started: bootTicks },
    keys.remoteDesktop,
    keyType.machine,
  );
  const elevatedId = tl.logonId();
  const limitedId = tl.logonId();
  const common = {
    subject: systemSession,
    type: 10,
    logonProcess: 'User32 ',
    auth: 'Negotiate',
    workstation: host.name,
    process: bootProcesses.winlogonSvchost,
    ip,
    port: '0',
  };
  const at = t + seconds(3.4);
  const elevated = logon(tl, at, user, {
    ...common,
    logonId: elevatedId,
    linkedLogonId: limitedId,
    elevated: true,
    logonGuid: ntlm ? undefined : guidFrom(rng),
  });
  const limited = logon(tl, at + seconds(0.001), user, {
    ...common,
    logonId: limitedId,
    linkedLogonId: elevatedId,
    logonGuid: ntlm ? undefined : guidFrom(rng),
  });
  specialPrivileges(tl, at + seconds(0.0012), elevated);
  return { elevated, limited };
}

/** Monday morning: the administrator, already signed in, clears the Security log and sets the audit policy. */
export const logClearedAtMs = 7 * hour + 41 * minute + 26_000;

function auditBaseline(d: Day): void {
  const { tl } = d;
  const admin: Session = { account: accounts.castillo, logonId: '0x2f4c81' };
  const t = d.at(logClearedAtMs);
  tl.logCleared(t, admin.account, admin.logonId);
  const cmd = { pid: 0x1f30, image: `${system32}cmd.exe` };
  const policy = [
    'auditpol.exe /set /subcategory:"Process Creation" /success:enable',
    'auditpol.exe /set /subcategory:"Other System Events" /success:enable /failure:enable',
    'auditpol.exe /set /subcategory:"Logon" /success:enable /failure:enable',
    'auditpol.exe /set /subcategory:"User Account Management" /success:enable /failure:enable',
  ];
  policy.forEach((commandLine, i) => {
    const p = startProcess(tl, t + seconds(40 + i * 11), {
      session: admin,
      image: `${system32}auditpol.exe`,
      commandLine,
      parent: cmd,
      elevation: token.elevated,
      label: integrity.high,
    });
    endProcess(tl, p.started + seconds(0.3), p);
  });
  const gp = startProcess(tl, t + seconds(120), {
    session: admin,
    image: `${system32}gpupdate.exe`,
    commandLine: 'gpupdate.exe /force',
    parent: cmd,
    elevation: token.elevated,
    label: integrity.high,
  });
  endProcess(tl, gp.started + seconds(14), gp);
  const limited: Session = { account: accounts.castillo, logonId: '0x2f4ce6' };
  const end = t + seconds(9 * 60 + 5);
  userLogoff(tl, end, limited);
  logoff(tl, end + seconds(2), limited, 10);
  logoff(tl, end + seconds(2.01), admin, 10);
}

export function routineWeek(tl: Timeline): void {
  for (let i = 0; i < 7; i++) {
    const d = new Day(tl, i, i === 0 ? logClearedAtMs + 1000 : 0);
    if (i === 0) auditBaseline(new Day(tl, 0, 0));
    systemDay(d);
    if (i < 5) workday(d);
    if (i === 2) adminVisit(d);
  }
}
