// The templates of an event as Windows lays them out for the Security-Auditing provider: an outer
// `<Event>` template with the System fields as optional substitutions (numbered as Windows numbers
// them) and the computer name as literal text, whose last substitution is a nested BinXml fragment
// holding the body's own template (`<EventData>` or the element inside `<UserData>`).
import { encodeFragmentAt, type SubstitutionValue } from './binxml.js';
import type { ChunkTables } from './chunk-tables.js';
import type { EvtxEventSpec, EvtxField } from './spec.js';
import {
  element,
  makeTemplate,
  normal,
  optional,
  text,
  type Template,
  type TemplateElement,
} from './template.js';
import {
  encodeValue,
  maxValueBytes,
  ValueError,
  ValueType,
  type EncodedValue,
  type EvtxValue,
} from './values.js';

const eventNamespace = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** Substitution indexes of the outer template, in the order Windows's Security events use. */
const Sub = {
  level: 0,
  opcode: 1,
  task: 2,
  eventId: 3,
  qualifiers: 4,
  keywords: 5,
  timeCreated: 6,
  activityId: 7,
  processId: 8,
  threadId: 9,
  eventRecordId: 10,
  version: 11,
  userId: 12,
  relatedActivityId: 13,
  providerName: 14,
  providerGuid: 15,
  channel: 16,
  body: 17,
} as const;

type BodyKind = 'EventData' | 'UserData';

/** The outer template for a computer and a body kind (cached: it is the same for every event). */
function outerTemplate(computer: string, body: BodyKind): Template {
  return cachedTemplate(JSON.stringify(['Event', computer, body]), () => outerElement(computer, body));
}

function outerElement(computer: string, body: BodyKind): TemplateElement {
  const bodySub = optional(Sub.body, ValueType.binxml);
  const system = element(
    'System',
    [],
    [
      element(
        'Provider',
        [
          { name: 'Name', value: optional(Sub.providerName, ValueType.string) },
          { name: 'Guid', value: optional(Sub.providerGuid, ValueType.guid) },
        ],
        null,
      ),
      element(
        'EventID',
        [{ name: 'Qualifiers', value: optional(Sub.qualifiers, ValueType.uint16) }],
        [optional(Sub.eventId, ValueType.uint16)],
      ),
      element('Version', [], [optional(Sub.version, ValueType.uint8)]),
      element('Level', [], [optional(Sub.level, ValueType.uint8)]),
      element('Task', [], [optional(Sub.task, ValueType.uint16)]),
      element('Opcode', [], [optional(Sub.opcode, ValueType.uint8)]),
      element('Keywords', [], [optional(Sub.keywords, ValueType.hex64)]),
      element(
        'TimeCreated',
        [{ name: 'SystemTime', value: optional(Sub.timeCreated, ValueType.filetime) }],
        null,
      ),
      element('EventRecordID', [], [optional(Sub.eventRecordId, ValueType.uint64)]),
      element(
        'Correlation',
        [
          { name: 'ActivityID', value: optional(Sub.activityId, ValueType.guid) },
          { name: 'RelatedActivityID', value: optional(Sub.relatedActivityId, ValueType.guid) },
        ],
        null,
      ),
      element(
        'Execution',
        [
          { name: 'ProcessID', value: optional(Sub.processId, ValueType.uint32) },
          { name: 'ThreadID', value: optional(Sub.threadId, ValueType.uint32) },
        ],
        null,
      ),
      element('Channel', [], [optional(Sub.channel, ValueType.string)]),
      element('Computer', [], [text(computer)]),
      element('Security', [{ name: 'UserID', value: optional(Sub.userId, ValueType.sid) }], null),
    ],
  );
  return element(
    'Event',
    [{ name: 'xmlns', value: text(eventNamespace) }],
    [system, body === 'EventData' ? bodySub : element('UserData', [], [bodySub])],
  );
}

function fieldValue(f: EvtxField): EvtxValue {
  return typeof f.value === 'string' ? { type: 'string', value: f.value } : f.value;
}

function encodeField(f: EvtxField): EncodedValue {
  try {
    return encodeValue(fieldValue(f));
  } catch (e) {
    if (e instanceof ValueError) throw new ValueError(`field ${JSON.stringify(f.name)}: ${e.message}`);
    throw e;
  }
}

/**
 * Templates by shape. Building one means serialising its tree and hashing it, which would cost
 * more than writing the record, so each shape is built once per process (bounded, for writers
 * fed endless distinct shapes).
 */
const templateCache = new Map<string, Template>();
const templateCacheLimit = 10_000;

function cachedTemplate(shape: string, build: () => TemplateElement): Template {
  let t = templateCache.get(shape);
  if (!t) {
    if (templateCache.size >= templateCacheLimit) templateCache.clear();
    t = makeTemplate(build());
    templateCache.set(shape, t);
  }
  return t;
}

/** `<EventData><Data Name='...'>%n</Data>...</EventData>`, one normal substitution per field. */
function eventDataTemplate(fields: readonly EvtxField[], values: readonly EncodedValue[]): Template {
  const shape = JSON.stringify(['EventData', fields.map((f, i) => [f.name, values[i]!.type])]);
  return cachedTemplate(shape, () =>
    element(
      'EventData',
      [],
      fields.map((f, i) =>
        element('Data', [{ name: 'Name', value: text(f.name) }], [normal(i, values[i]!.type)]),
      ),
    ),
  );
}

/** `<LogFileCleared xmlns='...'><SubjectUserSid>%0</SubjectUserSid>...</LogFileCleared>`. */
function userDataTemplate(
  name: string,
  xmlns: string,
  fields: readonly EvtxField[],
  values: readonly EncodedValue[],
): Template {
  const shape = JSON.stringify(['UserData', name, xmlns, fields.map((f, i) => [f.name, values[i]!.type])]);
  return cachedTemplate(shape, () =>
    element(
      name,
      [{ name: 'xmlns', value: text(xmlns) }],
      fields.map((f, i) => element(f.name, [], [normal(i, values[i]!.type)])),
    ),
  );
}

function orNull(value: EvtxValue | undefined): EncodedValue {
  return encodeValue(value ?? { type: 'null' });
}

function systemValue(name: string, value: EvtxValue | undefined): EncodedValue {
  try {
    return orNull(value);
  } catch (e) {
    if (e instanceof ValueError) throw new ValueError(`${name}: ${e.message}`);
    throw e;
  }
}

/** The outer template and its 18 substitution values for one event. */
export function eventTemplateInstance(
  spec: EvtxEventSpec,
  recordId: bigint,
  tables: ChunkTables,
): { template: Template; values: SubstitutionValue[] } {
  if ((spec.eventData === undefined) === (spec.userData === undefined)) {
    throw new ValueError('give exactly one of eventData and userData');
  }
  const body: BodyKind = spec.eventData !== undefined ? 'EventData' : 'UserData';
  const fields = spec.eventData ?? spec.userData!.fields;
  const bodyValues = fields.map(encodeField);
  const bodyTemplate =
    spec.userData !== undefined
      ? userDataTemplate(spec.userData.element, spec.userData.xmlns, fields, bodyValues)
      : eventDataTemplate(fields, bodyValues);

  const values: SubstitutionValue[] = new Array<SubstitutionValue>(18);
  values[Sub.level] = systemValue('Level', { type: 'uint8', value: spec.level ?? 0 });
  values[Sub.opcode] = systemValue('Opcode', { type: 'uint8', value: spec.opcode ?? 0 });
  values[Sub.task] = systemValue('Task', { type: 'uint16', value: spec.task ?? 0 });
  values[Sub.eventId] = systemValue('EventID', { type: 'uint16', value: spec.eventId });
  values[Sub.qualifiers] = systemValue(
    'Qualifiers',
    spec.qualifiers === undefined ? undefined : { type: 'uint16', value: spec.qualifiers },
  );
  values[Sub.keywords] = systemValue('Keywords', { type: 'hex64', value: spec.keywords ?? 0n });
  values[Sub.timeCreated] = systemValue('TimeCreated', { type: 'filetime', value: spec.time });
  values[Sub.activityId] = systemValue(
    'ActivityID',
    spec.activityId === undefined ? undefined : { type: 'guid', value: spec.activityId },
  );
  values[Sub.processId] = systemValue('ProcessID', { type: 'uint32', value: spec.processId ?? 0 });
  values[Sub.threadId] = systemValue('ThreadID', { type: 'uint32', value: spec.threadId ?? 0 });
  values[Sub.eventRecordId] = systemValue('EventRecordID', { type: 'uint64', value: recordId });
  values[Sub.version] = systemValue('Version', { type: 'uint8', value: spec.version ?? 0 });
  values[Sub.userId] = systemValue(
    'UserID',
    spec.userId === undefined ? undefined : { type: 'sid', value: spec.userId },
  );
  values[Sub.relatedActivityId] = systemValue(
    'RelatedActivityID',
    spec.relatedActivityId === undefined ? undefined : { type: 'guid', value: spec.relatedActivityId },
  );
  values[Sub.providerName] = systemValue('Provider Name', { type: 'string', value: spec.provider.name });
  values[Sub.providerGuid] = systemValue(
    'Provider Guid',
    spec.provider.guid === undefined ? undefined : { type: 'guid', value: spec.provider.guid },
  );
  values[Sub.channel] = systemValue('Channel', { type: 'string', value: spec.channel });
  values[Sub.body] = (chunkOffset: number): EncodedValue => {
    const bytes = encodeFragmentAt(chunkOffset, tables, bodyTemplate, bodyValues);
    if (bytes.length > maxValueBytes) {
      throw new ValueError(
        `the ${body} takes ${bytes.length} bytes; it is stored as one substitution value of at most ${maxValueBytes}`,
      );
    }
    return { type: ValueType.binxml, bytes };
  };
  return { template: outerTemplate(spec.computer, body), values };
}
