/**
 * The records an evaluation needs that the case log does not hold: the three-level service
 * network and the sub-district judicial offices, the consultation log, drafted documents,
 * outreach and publicity activities, trainings, staff positions and (manually entered) surveys.
 *
 * Every record is keyed by its region first, then its type and id, and holds no personal data —
 * no names, phone numbers or ID numbers; a consultation records its channel, network point and
 * topic, never who asked. Decode unknown input with {@link decodeRecords}: every bad field is
 * reported with its path (`[3].quantity`) and nothing is stored.
 *
 * @example
 * import { decodeRecords } from "fayuan/evaluation"
 * decodeRecords([{ type: "consultation", id: "K-1", region: "530103", on: "2018-03-05", channel: "hotline-12348", pointId: "centre", topic: "labour" }])
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type { Application } from "../eligibility/Application.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import type { SpecialGroup } from "../lifecycle/Event.ts"
import { canonicalGroups, SpecialGroups } from "../lifecycle/Event.ts"
import * as Region from "../Region.ts"

const Id = IdModule.Id
const Quantity = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1), Schema.isLessThanOrEqualTo(100_000_000)))
const Count = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(100_000_000)))

/**
 * The kinds of record, each stored under (region, type, id).
 *
 * @category vocabulary
 */
export const recordTypes = ["network-point", "consultation", "drafted-document", "activity", "training", "staff-position", "survey"] as const

/** @category vocabulary */
export type RecordType = (typeof recordTypes)[number]

/**
 * Levels of the service network: the district centre (中心), workstations (工作站) and community or
 * village liaison points (联络点) — the "1 + 26 + 103" three-level network — and the sub-district
 * judicial offices (司法所), which the centre supports but which are not a level of that network.
 *
 * @category vocabulary
 */
export const networkLevels = ["centre", "workstation", "liaison-point", "sub-district-office"] as const

/** @category vocabulary */
export type NetworkLevel = (typeof networkLevels)[number]

/**
 * The three levels that give free consultation (`network.free-consultation-rate`).
 *
 * @category vocabulary
 */
export const consultationLevels: ReadonlyArray<NetworkLevel> = ["centre", "workstation", "liaison-point"]

/**
 * How a consultation came in: a visit to a network point, the 12348 hotline, online, or a letter.
 *
 * @category vocabulary
 */
export const consultationChannels = ["visit", "hotline-12348", "online", "letter"] as const

/** @category vocabulary */
export type ConsultationChannel = (typeof consultationChannels)[number]

/**
 * What a consultation was about.
 *
 * @category vocabulary
 */
export const consultationTopics = ["labour", "family", "debt", "tort", "property", "criminal", "administrative", "other"] as const

/** @category vocabulary */
export type ConsultationTopic = (typeof consultationTopics)[number]

/**
 * Documents drafted for applicants (代书).
 *
 * @category vocabulary
 */
export const documentKinds = ["complaint", "defence", "appeal", "application", "agreement", "other"] as const

/** @category vocabulary */
export type DocumentKind = (typeof documentKinds)[number]

/**
 * Outreach, publicity and capacity activities, each with a quantity: events held, lectures given,
 * materials handed out, handbooks printed, films made, information articles written, new-media
 * posts, cases selected into the Ministry of Justice case library, service terminals installed,
 * equipment placed.
 *
 * @category vocabulary
 */
export const activityKinds = [
  "outreach-event",
  "lecture",
  "materials-distributed",
  "handbooks-printed",
  "film",
  "information-article",
  "new-media-post",
  "case-library-selection",
  "terminal-installed",
  "equipment-placed"
] as const

/** @category vocabulary */
export type ActivityKind = (typeof activityKinds)[number]

/**
 * Who a training was for.
 *
 * @category vocabulary
 */
export const trainingAudiences = ["network-staff", "sub-district-staff", "auxiliary-staff", "lawyers", "other"] as const

/** @category vocabulary */
export type TrainingAudience = (typeof trainingAudiences)[number]

/**
 * What a survey asked: awareness of legal aid (知晓率) or the recipients' satisfaction (满意度).
 *
 * @category vocabulary
 */
export const surveyTopics = ["awareness", "satisfaction"] as const

/** @category vocabulary */
export type SurveyTopic = (typeof surveyTopics)[number]

const keyFields = { id: Id, region: Region.RegionCode }

/**
 * A point of the service network (or a sub-district judicial office), open from `openedOn` until
 * `closedOn` (inclusive) if it closed. `subDistrict` names the sub-district office's point a
 * workstation or liaison point belongs to.
 *
 * @category schemas
 */
export const NetworkPoint = Schema.Struct({
  type: Schema.Literal("network-point"),
  ...keyFields,
  level: Schema.Literals(networkLevels),
  subDistrict: Schema.optionalKey(Id),
  openedOn: CalendarDate.CalendarDate,
  closedOn: Schema.optionalKey(CalendarDate.CalendarDate)
})

/** @category models */
export type NetworkPoint = typeof NetworkPoint.Type

/**
 * A line of the consultation log (咨询): when, by which channel, at which network point (the
 * centre for the hotline), on what topic, and how many person-times it counts (1 unless the line
 * sums a station's monthly report). `groups` are the special groups of those who asked, if known.
 *
 * @category schemas
 */
export const Consultation = Schema.Struct({
  type: Schema.Literal("consultation"),
  ...keyFields,
  on: CalendarDate.CalendarDate,
  channel: Schema.Literals(consultationChannels),
  pointId: Id,
  topic: Schema.Literals(consultationTopics),
  persons: Schema.optionalKey(Quantity),
  groups: Schema.optionalKey(SpecialGroups)
})

/** @category models */
export type Consultation = typeof Consultation.Type

/**
 * A document drafted for an applicant (代书).
 *
 * @category schemas
 */
export const DraftedDocument = Schema.Struct({
  type: Schema.Literal("drafted-document"),
  ...keyFields,
  on: CalendarDate.CalendarDate,
  pointId: Schema.optionalKey(Id),
  documentKind: Schema.Literals(documentKinds)
})

/** @category models */
export type DraftedDocument = typeof DraftedDocument.Type

/**
 * An outreach, publicity or capacity activity with its quantity (events, copies, articles,
 * terminals…). For information articles, `adopted` is how many of them central or provincial
 * media adopted.
 *
 * @category schemas
 */
export const Activity = Schema.Struct({
  type: Schema.Literal("activity"),
  ...keyFields,
  on: CalendarDate.CalendarDate,
  kind: Schema.Literals(activityKinds),
  quantity: Quantity,
  adopted: Schema.optionalKey(Count),
  groups: Schema.optionalKey(SpecialGroups),
  pointId: Schema.optionalKey(Id)
})

/** @category models */
export type Activity = typeof Activity.Type

/**
 * A training session: its audience, how many took part, how long it lasted (hours, a multiple of
 * a quarter hour).
 *
 * @category schemas
 */
export const Training = Schema.Struct({
  type: Schema.Literal("training"),
  ...keyFields,
  on: CalendarDate.CalendarDate,
  audience: Schema.Literals(trainingAudiences),
  participants: Quantity,
  hours: Schema.Number.pipe(Schema.check(Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(1000), Schema.isMultipleOf(0.25)))
})

/** @category models */
export type Training = typeof Training.Type

/**
 * A staff position (a post, not a person): auxiliary staff employed through a labour-dispatch
 * agency, filled from `from` until `to` (inclusive).
 *
 * @category schemas
 */
export const StaffPosition = Schema.Struct({
  type: Schema.Literal("staff-position"),
  ...keyFields,
  kind: Schema.Literal("auxiliary"),
  employment: Schema.Literals(["labour-dispatch", "direct-contract"]),
  from: CalendarDate.CalendarDate,
  to: Schema.optionalKey(CalendarDate.CalendarDate)
})

/** @category models */
export type StaffPosition = typeof StaffPosition.Type

/**
 * A survey result entered by hand: how many answered and how many answered positively, and where
 * the figures come from. Evaluations mark survey figures as manual.
 *
 * @category schemas
 */
export const Survey = Schema.Struct({
  type: Schema.Literal("survey"),
  ...keyFields,
  on: CalendarDate.CalendarDate,
  topic: Schema.Literals(surveyTopics),
  respondents: Quantity,
  positive: Count,
  source: Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200)))
})

/** @category models */
export type Survey = typeof Survey.Type

/**
 * Any record.
 *
 * @category schemas
 */
export const EvaluationRecord = Schema.Union([NetworkPoint, Consultation, DraftedDocument, Activity, Training, StaffPosition, Survey])

/** @category models */
export type EvaluationRecord = typeof EvaluationRecord.Type

/** The record of a type. @category models */
export type RecordOf<T extends RecordType> = Extract<EvaluationRecord, { readonly type: T }>

const schemaOf: { readonly [T in RecordType]: Schema.Codec<RecordOf<T>, unknown> } = {
  "network-point": NetworkPoint as never,
  consultation: Consultation as never,
  "drafted-document": DraftedDocument as never,
  activity: Activity as never,
  training: Training as never,
  "staff-position": StaffPosition as never,
  survey: Survey as never
}

/**
 * A period: from one date to another, both inclusive.
 *
 * @category models
 */
export interface Period {
  readonly from: CalendarDate.CalendarDate
  readonly to: CalendarDate.CalendarDate
}

/**
 * The input is not valid records: every bad field with its path (`[2].quantity`). Messages never
 * repeat the input's values.
 *
 * @category errors
 */
export class InvalidRecords extends Data.TaggedError("InvalidRecords")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid records: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

const options = { errors: "all", onExcessProperty: "error" } as const
const decoders = Object.fromEntries(recordTypes.map((t) => [t, Schema.decodeUnknownResult(schemaOf[t])])) as {
  readonly [T in RecordType]: (input: unknown, options?: object) => Result.Result<EvaluationRecord, Schema.SchemaError>
}
const isRecordType = (u: unknown): u is RecordType => typeof u === "string" && (recordTypes as ReadonlyArray<string>).includes(u)

/** Checks across fields; `at` prefixes the path. */
const consistency = (r: EvaluationRecord, at: (field: string) => string): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  switch (r.type) {
    case "network-point":
      if (r.closedOn !== undefined && r.closedOn < r.openedOn) issues.push({ path: at("closedOn"), reason: "is before openedOn" })
      if (r.level === "sub-district-office" && r.subDistrict !== undefined) issues.push({ path: at("subDistrict"), reason: "a sub-district office belongs to no other office" })
      break
    case "staff-position":
      if (r.to !== undefined && r.to < r.from) issues.push({ path: at("to"), reason: "is before from" })
      break
    case "activity":
      if (r.adopted !== undefined && r.kind !== "information-article") issues.push({ path: at("adopted"), reason: "applies only to information articles" })
      if (r.adopted !== undefined && r.adopted > r.quantity) issues.push({ path: at("adopted"), reason: "is more than the quantity" })
      break
    case "survey":
      if (r.positive > r.respondents) issues.push({ path: at("positive"), reason: "is more than the respondents" })
      break
    default:
      break
  }
  return issues
}

/** Puts the groups of a record in canonical order, each once. */
const canonical = <R extends EvaluationRecord>(r: R): R =>
  "groups" in r && r.groups !== undefined ? { ...r, groups: canonicalGroups(r.groups) } : r

/**
 * Decodes one record from unknown input; `prefix` is put before every path.
 *
 * @example
 * import { decodeRecord } from "fayuan/evaluation"
 * decodeRecord({ type: "activity", id: "A-1", region: "530103", on: "2018-06-01", kind: "lecture", quantity: 1 })
 *
 * @category decoding
 */
export const decodeRecord = (input: unknown, prefix = ""): Result.Result<EvaluationRecord, InvalidRecords> => {
  const at = (field: string) => (prefix === "" ? field : `${prefix}.${field}`)
  const type = typeof input === "object" && input !== null ? (input as { type?: unknown }).type : undefined
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return Result.fail(new InvalidRecords({ issues: [{ path: prefix, reason: "Expected an object" }] }))
  }
  if (!isRecordType(type)) {
    return Result.fail(new InvalidRecords({ issues: [{ path: at("type"), reason: `Expected one of ${recordTypes.join(", ")}` }] }))
  }
  const r = decoders[type](input, options)
  if (Result.isFailure(r)) return Result.fail(new InvalidRecords({ issues: issuesOf(r.failure, prefix) }))
  const issues = consistency(r.success, at)
  return issues.length > 0 ? Result.fail(new InvalidRecords({ issues })) : Result.succeed(canonical(r.success))
}

/**
 * Decodes a list of records; every bad field of every record is reported (`[3].quantity`). The
 * same key (region, type, id) twice with different content is reported too.
 *
 * @example
 * import { decodeRecords } from "fayuan/evaluation"
 * const r = decodeRecords([{ type: "survey", id: "S-1", region: "530103", on: "2018-11-20", topic: "awareness", respondents: 400, positive: 0, source: "community survey 2018" }])
 *
 * @category decoding
 */
export const decodeRecords = (input: unknown): Result.Result<ReadonlyArray<EvaluationRecord>, InvalidRecords> => {
  if (!Array.isArray(input)) return Result.fail(new InvalidRecords({ issues: [{ path: "", reason: "Expected an array of records" }] }))
  const issues: Array<Issue> = []
  const out: Array<EvaluationRecord> = []
  const seen = new Map<string, string>()
  input.forEach((item, i) => {
    const r = decodeRecord(item, `[${i}]`)
    if (Result.isFailure(r)) {
      issues.push(...r.failure.issues)
      return
    }
    const key = recordKey(r.success)
    const json = canonicalJson(r.success)
    const before = seen.get(key)
    if (before !== undefined && before !== json) issues.push({ path: `[${i}].id`, reason: "is used twice in the list with different content" })
    seen.set(key, json)
    out.push(r.success)
  })
  return issues.length > 0 ? Result.fail(new InvalidRecords({ issues })) : Result.succeed(out)
}

/**
 * The key a record is stored under: region, type and id.
 *
 * @category keys
 */
export const recordKey = (r: { readonly region: string; readonly type: string; readonly id: string }): string => `${r.region}\u0000${r.type}\u0000${r.id}`

/**
 * A record as JSON with its keys in a fixed order, so equal records give equal text (the store
 * compares stored and new content with it).
 *
 * @category encoding
 */
export const canonicalJson = (r: EvaluationRecord): string => JSON.stringify(sortKeys(r))

const sortKeys = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>
    return Object.fromEntries(Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => [k, sortKeys(o[k])]))
  }
  return v
}

/**
 * The first day a record counts: its date, or the day a point opened or a position was filled.
 *
 * @category dates
 */
export const recordStart = (r: EvaluationRecord): CalendarDate.CalendarDate =>
  r.type === "network-point" ? r.openedOn : r.type === "staff-position" ? r.from : r.on

/**
 * The last day a record counts, for records that span time (a point that closed, a position that
 * ended); `undefined` while it lasts, and for dated records (which count on their day only).
 *
 * @category dates
 */
export const recordEnd = (r: EvaluationRecord): CalendarDate.CalendarDate | undefined =>
  r.type === "network-point" ? r.closedOn : r.type === "staff-position" ? r.to : r.on

/**
 * Whether a record counts in a period: a dated record on a day of it; a point or a position open
 * on at least one day of it.
 *
 * @category dates
 */
export const inPeriod = (r: EvaluationRecord, period: Period): boolean => {
  const start = recordStart(r)
  const end = recordEnd(r)
  return start <= period.to && (end === undefined || end >= period.from)
}

/**
 * Whether a record's type spans time (network points, staff positions) rather than falling on a day.
 *
 * @category dates
 */
export const spansTime = (type: RecordType): boolean => type === "network-point" || type === "staff-position"

/** Age of majority (`MPL-2`) and the age from which a person is elderly (老年人权益保障法 art. 2). */
const adultAge = 18
const elderlyAge = 60

/**
 * The special groups an eligibility application shows: a minor or an elderly person (by age on the
 * application date), a disabled person, a migrant worker. Women, service members and ethnic
 * minorities are not in the application's facts: add them from the intake form.
 *
 * @example
 * import { Result } from "effect"
 * import { decodeApplication } from "fayuan/eligibility"
 * import { specialGroupsOf } from "fayuan/evaluation"
 * const application = Result.getOrThrow(decodeApplication({
 *   date: "2024-05-10", region: "530103",
 *   applicant: { birthDate: "2008-03-01", disabilities: [], statuses: [], hasLawyer: false },
 *   matter: { kind: "criminal-defence", stage: "investigation", claims: [] }
 * }))
 * specialGroupsOf(application) // ["minor"]
 *
 * @category case facts
 */
export const specialGroupsOf = (app: Application): ReadonlyArray<SpecialGroup> => {
  const groups: Array<SpecialGroup> = []
  const birth = app.applicant.birthDate
  if (birth !== undefined) {
    const age = CalendarDate.ageOn(birth, app.date)
    if (age < adultAge) groups.push("minor")
    if (age >= elderlyAge) groups.push("elderly")
  }
  if (app.applicant.disabilities.length > 0) groups.push("disabled")
  if (app.applicant.statuses.includes("migrant-worker")) groups.push("migrant-worker")
  return canonicalGroups(groups)
}
