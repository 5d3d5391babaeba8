// The EventData layouts Windows writes for the Security events in the demo: field names, their
// order and their BinXml types, with each event's version and task. Taken from Windows-written
// logs (../shared/evtx/windows-rendered/Security.evtx and ../shared/evtx/samples); 4689 from
// Microsoft's event documentation.

export type FieldType = 'string' | 'sid' | 'hex64' | 'hex32' | 'uint32' | 'guid' | 'filetime';

export interface Layout {
  readonly version: number;
  readonly task: number;
  /** Audit failure events carry the failure keyword. */
  readonly failure?: boolean;
  readonly fields: readonly (readonly [name: string, type: FieldType])[];
}

const subject: Layout['fields'] = [
  ['SubjectUserSid', 'sid'],
  ['SubjectUserName', 'string'],
  ['SubjectDomainName', 'string'],
  ['SubjectLogonId', 'hex64'],
];

const target: Layout['fields'] = [
  ['TargetUserName', 'string'],
  ['TargetDomainName', 'string'],
  ['TargetSid', 'sid'],
];

const groupMember: Layout['fields'] = [
  ['MemberName', 'string'],
  ['MemberSid', 'sid'],
  ...target,
  ...subject,
  ['PrivilegeList', 'string'],
];

const userAccount: Layout['fields'] = [
  ['SamAccountName', 'string'],
  ['DisplayName', 'string'],
  ['UserPrincipalName', 'string'],
  ['HomeDirectory', 'string'],
  ['HomePath', 'string'],
  ['ScriptPath', 'string'],
  ['ProfilePath', 'string'],
  ['UserWorkstations', 'string'],
  ['PasswordLastSet', 'string'],
  ['AccountExpires', 'string'],
  ['PrimaryGroupId', 'string'],
  ['AllowedToDelegateTo', 'string'],
  ['OldUacValue', 'string'],
  ['NewUacValue', 'string'],
  ['UserAccountControl', 'string'],
  ['UserParameters', 'string'],
  ['SidHistory', 'string'],
  ['LogonHours', 'string'],
];

const groupEnumeration: Layout['fields'] = [
  ...target,
  ...subject,
  ['CallerProcessId', 'hex64'],
  ['CallerProcessName', 'string'],
];

export const layouts: Readonly<Record<number, Layout>> = {
  4624: {
    version: 3,
    task: 12544,
    fields: [
      ...subject,
      ['TargetUserSid', 'sid'],
      ['TargetUserName', 'string'],
      ['TargetDomainName', 'string'],
      ['TargetLogonId', 'hex64'],
      ['LogonType', 'uint32'],
      ['LogonProcessName', 'string'],
      ['AuthenticationPackageName', 'string'],
      ['WorkstationName', 'string'],
      ['LogonGuid', 'guid'],
      ['TransmittedServices', 'string'],
      ['LmPackageName', 'string'],
      ['KeyLength', 'uint32'],
      ['ProcessId', 'hex64'],
      ['ProcessName', 'string'],
      ['IpAddress', 'string'],
      ['IpPort', 'string'],
      ['ImpersonationLevel', 'string'],
      ['RestrictedAdminMode', 'string'],
      ['RemoteCredentialGuard', 'string'],
      ['TargetOutboundUserName', 'string'],
      ['TargetOutboundDomainName', 'string'],
      ['VirtualAccount', 'string'],
      ['TargetLinkedLogonId', 'hex64'],
      ['ElevatedToken', 'string'],
    ],
  },
  4625: {
    version: 0,
    task: 12544,
    failure: true,
    fields: [
      ...subject,
      ['TargetUserSid', 'sid'],
      ['TargetUserName', 'string'],
      ['TargetDomainName', 'string'],
      ['Status', 'hex32'],
      ['FailureReason', 'string'],
      ['SubStatus', 'hex32'],
      ['LogonType', 'uint32'],
      ['LogonProcessName', 'string'],
      ['AuthenticationPackageName', 'string'],
      ['WorkstationName', 'string'],
      ['TransmittedServices', 'string'],
      ['LmPackageName', 'string'],
      ['KeyLength', 'uint32'],
      ['ProcessId', 'hex64'],
      ['ProcessName', 'string'],
      ['IpAddress', 'string'],
      ['IpPort', 'string'],
    ],
  },
  4634: {
    version: 0,
    task: 12545,
    fields: [
      ['TargetUserSid', 'sid'],
      ['TargetUserName', 'string'],
      ['TargetDomainName', 'string'],
      ['TargetLogonId', 'hex64'],
      ['LogonType', 'uint32'],
    ],
  },
  4647: {
    version: 0,
    task: 12545,
    fields: [
      ['TargetUserSid', 'sid'],
      ['TargetUserName', 'string'],
      ['TargetDomainName', 'string'],
      ['TargetLogonId', 'hex64'],
    ],
  },
  4648: {
    version: 0,
    task: 12544,
    fields: [
      ...subject,
      ['LogonGuid', 'guid'],
      ['TargetUserName', 'string'],
      ['TargetDomainName', 'string'],
      ['TargetLogonGuid', 'guid'],
      ['TargetServerName', 'string'],
      ['TargetInfo', 'string'],
      ['ProcessId', 'hex64'],
      ['ProcessName', 'string'],
      ['IpAddress', 'string'],
      ['IpPort', 'string'],
    ],
  },
  4672: { version: 0, task: 12548, fields: [...subject, ['PrivilegeList', 'string']] },
  4688: {
    version: 2,
    task: 13312,
    fields: [
      ...subject,
      ['NewProcessId', 'hex64'],
      ['NewProcessName', 'string'],
      ['TokenElevationType', 'string'],
      ['ProcessId', 'hex64'],
      ['CommandLine', 'string'],
      ['TargetUserSid', 'sid'],
      ['TargetUserName', 'string'],
      ['TargetDomainName', 'string'],
      ['TargetLogonId', 'hex64'],
      ['ParentProcessName', 'string'],
      ['MandatoryLabel', 'sid'],
    ],
  },
  4689: {
    version: 0,
    task: 13313,
    fields: [...subject, ['Status', 'hex32'], ['ProcessId', 'hex64'], ['ProcessName', 'string']],
  },
  4720: {
    version: 0,
    task: 13824,
    fields: [...target, ...subject, ['PrivilegeList', 'string'], ...userAccount],
  },
  4722: { version: 0, task: 13824, fields: [...target, ...subject] },
  4724: { version: 0, task: 13824, fields: [...target, ...subject] },
  4726: { version: 0, task: 13824, fields: [...target, ...subject, ['PrivilegeList', 'string']] },
  4732: { version: 0, task: 13826, fields: groupMember },
  4733: { version: 0, task: 13826, fields: groupMember },
  4738: {
    version: 0,
    task: 13824,
    fields: [['Dummy', 'string'], ...target, ...subject, ['PrivilegeList', 'string'], ...userAccount],
  },
  4798: { version: 0, task: 13824, fields: groupEnumeration },
  4799: { version: 0, task: 13826, fields: groupEnumeration },
  5058: {
    version: 1,
    task: 12292,
    fields: [
      ...subject,
      ['ClientProcessId', 'uint32'],
      ['ClientCreationTime', 'filetime'],
      ['ProviderName', 'string'],
      ['AlgorithmName', 'string'],
      ['KeyName', 'string'],
      ['KeyType', 'string'],
      ['KeyFilePath', 'string'],
      ['Operation', 'string'],
      ['ReturnCode', 'hex32'],
    ],
  },
  5059: {
    version: 1,
    task: 12292,
    fields: [
      ...subject,
      ['ClientProcessId', 'uint32'],
      ['ClientCreationTime', 'filetime'],
      ['ProviderName', 'string'],
      ['AlgorithmName', 'string'],
      ['KeyName', 'string'],
      ['KeyType', 'string'],
      ['Operation', 'string'],
      ['ReturnCode', 'hex32'],
    ],
  },
  5061: {
    version: 0,
    task: 12290,
    fields: [
      ...subject,
      ['ProviderName', 'string'],
      ['AlgorithmName', 'string'],
      ['KeyName', 'string'],
      ['KeyType', 'string'],
      ['Operation', 'string'],
      ['ReturnCode', 'hex32'],
    ],
  },
};
