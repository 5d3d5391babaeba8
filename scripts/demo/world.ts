// The fictional organisation of the demo log: one finance workstation of "Tarnvik Freight"
// (domain TARNVIK, tarnvik.example), its users, and the week the log covers. Every name, SID,
// GUID and address here is made up; IPs come from the documentation ranges (RFC 5737, RFC 1918).
import { createHash } from 'node:crypto';

export const host = {
  name: 'WS-FINANCE-07',
  fqdn: 'WS-FINANCE-07.tarnvik.example',
  machineAccount: 'WS-FINANCE-07$',
  /** The local SAM's SID (local accounts) and the domain's SID. */
  localSid: 'S-1-5-21-2958371046-1173829465-4082736159',
  /** PID of lsass.exe, which writes Security-Auditing events, and of the Eventlog service host. */
  lsassPid: 764,
  eventlogPid: 1428,
  /** Correlation ActivityID Windows puts on most audit events of this boot. */
  activityId: '{6f0c2d4e-9a1b-0003-52e7-0c6f4b2d9a01}',
  machineGuid: '8d2c4e17-93b5-4f0a-b6e2-5c71a9d04f36',
} as const;

export const domain = {
  netbios: 'TARNVIK',
  dns: 'tarnvik.example',
  sid: 'S-1-5-21-1847392651-2093847561-3318475022',
} as const;

export interface Account {
  readonly name: string;
  readonly domain: string;
  readonly sid: string;
}

const domainUser = (name: string, rid: number): Account => ({
  name,
  domain: domain.netbios,
  sid: `${domain.sid}-${rid}`,
});

export const accounts = {
  /** The machine itself when it acts as SYSTEM (SubjectLogonId 0x3e7). */
  system: { name: host.machineAccount, domain: domain.netbios, sid: 'S-1-5-18' },
  systemTarget: { name: 'SYSTEM', domain: 'NT AUTHORITY', sid: 'S-1-5-18' },
  networkService: { name: 'NETWORK SERVICE', domain: 'NT AUTHORITY', sid: 'S-1-5-20' },
  /** The workstation's owner, a finance analyst (not an administrator). */
  okafor: domainUser('m.okafor', 1604),
  /** A finance colleague whose account is also in the workstation's local Administrators. */
  brandt: domainUser('l.brandt', 1611),
  /** IT administrator. */
  castillo: domainUser('adm.r.castillo', 2107),
  /** The management server's machine account (inventory and patching over the network). */
  mgmt: domainUser('MGMT-01$', 1151),
  localAdministrator: { name: 'Administrator', domain: host.name, sid: `${host.localSid}-500` },
  /** Created by the intruder. */
  backdoor: { name: 'helpdesk_tmp', domain: host.name, sid: `${host.localSid}-1003` },
} satisfies Record<string, Account>;

export const groups = {
  administrators: { name: 'Administrators', domain: 'Builtin', sid: 'S-1-5-32-544' },
  users: { name: 'Users', domain: 'Builtin', sid: 'S-1-5-32-545' },
  remoteDesktopUsers: { name: 'Remote Desktop Users', domain: 'Builtin', sid: 'S-1-5-32-555' },
} satisfies Record<string, Account>;

export const addresses = {
  /** The intruder, from outside (TEST-NET-3). */
  intruder: '203.0.113.57',
  intruderWorkstation: 'WIN-3KQ8JB2PL0R',
  mgmtServer: '10.40.2.11',
  itWorkstation: '10.40.1.25',
} as const;

/** Monday 2025-03-10 00:00 UTC: the log covers this day and the six after it. */
export const weekStartMs = Date.UTC(2025, 2, 10);

/** Stand-in for the hashed part of a CNG key file name (Windows's own derivation is not public). */
function keyFileHash(keyName: string): string {
  return createHash('md5').update(keyName, 'utf8').digest('hex');
}

export const keys = {
  provider: 'Microsoft Software Key Storage Provider',
  /** The device identity key of this Entra-joined workstation (a machine key). */
  device: {
    name: '3f1d7b52-8a4e-4c9b-9e07-6b2d14c8a5f1',
    algorithm: 'RSA',
    path: `C:\\ProgramData\\Microsoft\\Crypto\\Keys\\${keyFileHash('3f1d7b52-8a4e-4c9b-9e07-6b2d14c8a5f1')}_${host.machineGuid}`,
  },
  /** Remote Desktop's machine key; its file hash is the one the seed rule's comment names. */
  remoteDesktop: {
    name: 'TSSecKeySet1',
    algorithm: 'RSA',
    path: `C:\\ProgramData\\Microsoft\\Crypto\\Keys\\f686aace6942fb7f7ceb231212eef4a4_${host.machineGuid}`,
  },
  /** A per-user key in the user's profile. */
  userDevice: (user: Account): { name: string; algorithm: string; path: string } => ({
    name: 'Microsoft Connected Devices Platform device certificate',
    algorithm: 'ECDSA_P256',
    path: `C:\\Users\\${user.name}\\AppData\\Roaming\\Microsoft\\Crypto\\Keys\\${keyFileHash(user.sid)}_${host.machineGuid}`,
  }),
} as const;
