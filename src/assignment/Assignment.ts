/**
 * Case assignment (指派): which lawyer takes a granted or notified case.
 *
 * The centre assigns in rotation (轮流指派) among the lawyers who qualify. Each lawyer in the pool
 * passes a fixed sequence of filters — qualification, specialty, languages, conflicts of interest,
 * the recipient's complaint, capacity, area — and the first one that fails excludes them, with a
 * stated reason and, where a provision applies, its citation. Among those left the lowest weighted
 * assignment count (`assignedCount / weight`) goes next; ties go to fewer open cases, then to a
 * stable hash of the case and the lawyer, so that ties rotate across cases. Nothing depends on the
 * order of the input lists.
 *
 * Everything here is pure and total. {@link assign} decides one case and explains it in full;
 * {@link assignMany} assigns a sequence of cases fast (a province-year in about a second), advancing
 * the rotation as it goes, and {@link explainAt} gives the full account of any case in it.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import { AssignmentRequirements } from "../AssignmentRequirements.ts"
import type { CitationId } from "../Citation.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import * as Region from "../Region.ts"
import { matterKinds } from "../RuleSet.ts"

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** Largest count accepted on input; with {@link weightLimit} every cross-product stays exact. */
const countLimit = 1_000_000_000
/** Largest rotation weight accepted on input. */
const weightLimit = 1_000_000

const Id = IdModule.Id
const Label = Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(64)))
const Years = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 100 })))
const Count = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: countLimit })))
const Weight = Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: weightLimit })))


/**
 * The case to assign.
 *
 * - `region`: the accepting centre's region; `area`: the station's catchment, when the site
 *   restricts assignment to lawyers practising inside it.
 * - `languages`: every language the recipient needs; `specialty`: the practice area the matter
 *   needs (`"criminal"`, `"labour"`, `"family"`…). Both compare as exact strings.
 * - `opposingParties`: party references of the other side; a lawyer, or any lawyer of their firm,
 *   who acts for one is excluded.
 * - `coDefendantLawyers`: lawyers already defending co-defendants in the same matter.
 * - `excludedLawyers`: lawyers replaced on this case after the recipient's complaint (`LAL-55`),
 *   as the lifecycle's `Case.excludedLawyers` holds them.
 * - `dutyAdvisedCoAccused`: duty lawyers who advised several of the co-accused (a local rule,
 *   applied only when {@link AssignOptions.dutyAdviserRule} is on).
 *
 * @example
 * import { decodeAssignmentInput } from "fayuan/assignment"
 * decodeAssignmentInput({
 *   case: { caseId: "2024-001", region: "530103", kind: "criminal-defence", requirements: { lawyerMinYears: 3 } },
 *   pool: []
 * })
 *
 * @category schemas
 */
export const CaseToAssign = Schema.Struct({
  caseId: Id,
  region: Region.RegionCode,
  kind: Schema.Literals(matterKinds),
  requirements: AssignmentRequirements,
  languages: Schema.optionalKey(Schema.Array(Label)),
  specialty: Schema.optionalKey(Label),
  opposingParties: Schema.optionalKey(Schema.Array(Id)),
  coDefendantLawyers: Schema.optionalKey(Schema.Array(Id)),
  excludedLawyers: Schema.optionalKey(Schema.Array(Id)),
  dutyAdvisedCoAccused: Schema.optionalKey(Schema.Array(Id)),
  area: Schema.optionalKey(Region.RegionCode)
})

/** @category models */
export type CaseToAssign = typeof CaseToAssign.Type

/**
 * A lawyer in the assignment pool: firm, the region they practise in, years of practice,
 * languages, specialties, whether trained for minors' cases, open cases and their cap, the party
 * references they or their firm act for, the rotation weight (default 1; a lawyer with weight 2
 * takes twice the share) and the assignments so far in the rotation period. Counts and weights
 * are whole numbers, so rotation keys compare exactly.
 *
 * @category schemas
 */
export const Lawyer = Schema.Struct({
  id: Id,
  firmId: Id,
  region: Region.RegionCode,
  yearsOfPractice: Years,
  languages: Schema.Array(Label),
  specialties: Schema.Array(Label),
  minorsTrained: Schema.Boolean,
  openCases: Count,
  maxOpenCases: Count,
  actsFor: Schema.optionalKey(Schema.Array(Id)),
  weight: Schema.optionalKey(Weight),
  assignedCount: Count
})

/** @category models */
export type Lawyer = typeof Lawyer.Type

/**
 * One case and the pool, as {@link decodeAssignmentInput} reads them.
 *
 * @category schemas
 */
export const AssignmentInput = Schema.Struct({ case: CaseToAssign, pool: Schema.Array(Lawyer) })

/** @category models */
export type AssignmentInput = typeof AssignmentInput.Type

/**
 * A sequence of cases and the pool, as {@link decodeBatchInput} reads them.
 *
 * @category schemas
 */
export const BatchInput = Schema.Struct({ cases: Schema.Array(CaseToAssign), pool: Schema.Array(Lawyer) })

/** @category models */
export type BatchInput = typeof BatchInput.Type

/**
 * The input is not a valid assignment request. `issues` lists every bad field with its path
 * (`pool[3].weight`), not just the first. Messages never repeat the input's values.
 *
 * @category errors
 */
export class InvalidAssignmentInput extends Data.TaggedError("InvalidAssignmentInput")<{
  readonly issues: ReadonlyArray<Issue>
}> {
  override get message(): string {
    return `invalid assignment input: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

const parseOptions = { errors: "all", onExcessProperty: "error" } as const
const decodeOne = Schema.decodeUnknownResult(AssignmentInput)
const decodeBatch = Schema.decodeUnknownResult(BatchInput)

/**
 * Lawyer ids must be unique (every tie is broken by id in the end). Read from the raw input, so
 * that duplicates are reported alongside any other issue.
 */
const duplicateIds = (input: unknown, prefix: string): ReadonlyArray<Issue> => {
  const pool = typeof input === "object" && input !== null ? (input as { readonly pool?: unknown }).pool : undefined
  if (!Array.isArray(pool)) return []
  const first = new Map<string, number>()
  const issues: Array<Issue> = []
  pool.forEach((lawyer: unknown, i) => {
    const id = typeof lawyer === "object" && lawyer !== null ? (lawyer as { readonly id?: unknown }).id : undefined
    if (typeof id !== "string") return
    const j = first.get(id)
    if (j === undefined) first.set(id, i)
    else issues.push({ path: `${prefix}pool[${i}].id`, reason: `is the id of pool[${j}] too; lawyer ids must be unique` })
  })
  return issues
}

const at = (prefix: string): string => (prefix === "" ? "" : `${prefix}.`)

const decodeWith = <A>(
  decode: (input: unknown, options: typeof parseOptions) => Result.Result<A, Schema.SchemaError>,
  input: unknown,
  prefix: string
): Result.Result<A, InvalidAssignmentInput> => {
  const r = decode(input, parseOptions)
  const issues = [...(Result.isFailure(r) ? issuesOf(r.failure, prefix) : []), ...duplicateIds(input, at(prefix))]
  return issues.length > 0 || Result.isFailure(r) ? Result.fail(new InvalidAssignmentInput({ issues })) : Result.succeed(r.success)
}

/**
 * Decodes one case and the pool from unknown input. Never throws: bad input gives an
 * {@link InvalidAssignmentInput} listing every bad field. Unknown keys are rejected, and lawyer
 * ids must be unique.
 *
 * @example
 * import { Result } from "effect"
 * import { assign, decodeAssignmentInput } from "fayuan/assignment"
 * const input = decodeAssignmentInput({
 *   case: { caseId: "c1", region: "530103", kind: "civil", requirements: {} },
 *   pool: [{ id: "L1", firmId: "F1", region: "530103", yearsOfPractice: 5, languages: [], specialties: [],
 *            minorsTrained: false, openCases: 0, maxOpenCases: 10, assignedCount: 0 }]
 * })
 * if (Result.isSuccess(input)) assign(input.success.case, input.success.pool)
 *
 * @category decoding
 */
export const decodeAssignmentInput = (input: unknown, prefix = ""): Result.Result<AssignmentInput, InvalidAssignmentInput> =>
  decodeWith(decodeOne, input, prefix)

/**
 * Decodes a sequence of cases and the pool (the input of {@link assignMany}) from unknown input,
 * reporting every bad field like {@link decodeAssignmentInput}.
 *
 * @example
 * import { decodeBatchInput } from "fayuan/assignment"
 * decodeBatchInput({ cases: [], pool: [] }) // Result.succeed({ cases: [], pool: [] })
 *
 * @category decoding
 */
export const decodeBatchInput = (input: unknown, prefix = ""): Result.Result<BatchInput, InvalidAssignmentInput> =>
  decodeWith(decodeBatch, input, prefix)

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

/**
 * The filters, in the order they are applied. A lawyer is excluded by the first that fails.
 *
 * @category vocabulary
 */
export const filters = ["qualification", "specialty", "language", "conflict", "complaint", "capacity", "area"] as const

/** @category vocabulary */
export type Filter = (typeof filters)[number]

/**
 * The rule within a filter that excluded a lawyer:
 * - `qualification.years`: fewer years of practice than the case requires (`LAL-26`);
 * - `qualification.minors`: a minors' case and the lawyer is not trained for minors (`MPL-104-2`);
 * - `specialty.missing`, `language.missing`;
 * - `conflict.opposing-party`: the lawyer acts for an opposing party;
 * - `conflict.firm`: another lawyer of the same firm does;
 * - `conflict.co-defendant`: the lawyer already defends a co-defendant;
 * - `conflict.duty-adviser`: the lawyer advised several co-accused on duty (local rule);
 * - `complaint.replaced`: replaced on this case after the recipient's complaint (`LAL-55`);
 * - `capacity.full`: open cases at the lawyer's cap;
 * - `area.outside`: practises outside the station's catchment.
 *
 * @category vocabulary
 */
export type ExclusionRule =
  | "qualification.years"
  | "qualification.minors"
  | "specialty.missing"
  | "language.missing"
  | "conflict.opposing-party"
  | "conflict.firm"
  | "conflict.co-defendant"
  | "conflict.duty-adviser"
  | "complaint.replaced"
  | "capacity.full"
  | "area.outside"

/**
 * A lawyer the filters removed: which filter and rule, why (in English and Chinese), and the
 * provision it rests on when there is one.
 *
 * @category models
 */
export interface Exclusion {
  readonly lawyerId: string
  readonly firmId: string
  readonly filter: Filter
  readonly rule: ExclusionRule
  readonly reason: string
  readonly reasonZh: string
  readonly basis?: CitationId
}

/**
 * A lawyer left after the filters, with their rotation key `assignedCount / weight` (lower goes
 * first), open cases (fewer goes first on a tie) and this case's tie-break hash (lower goes first
 * on a further tie; see {@link tieBreak}).
 *
 * @category models
 */
export interface Candidate {
  readonly lawyerId: string
  readonly firmId: string
  readonly assignedCount: number
  readonly weight: number
  readonly openCases: number
  readonly tieBreak: number
}

/**
 * A case placed with a lawyer, as {@link assignMany} reports it.
 *
 * @category models
 */
export interface Placement {
  readonly _tag: "Assigned"
  readonly caseId: string
  readonly lawyerId: string
  readonly firmId: string
}

/**
 * A case assigned, with the full account: explanation lines (Chinese / English), every lawyer
 * excluded and why, and the ranking of those left (the first is the one assigned).
 *
 * @category models
 */
export interface Assigned extends Placement {
  readonly explanation: ReadonlyArray<string>
  readonly excluded: ReadonlyArray<Exclusion>
  readonly ranking: ReadonlyArray<Candidate>
}

/**
 * Nobody qualifies: every lawyer in the pool is in `excluded`, with the filter that removed them.
 *
 * @category models
 */
export interface NoQualifiedLawyer {
  readonly _tag: "NoQualifiedLawyer"
  readonly caseId: string
  readonly explanation: ReadonlyArray<string>
  readonly excluded: ReadonlyArray<Exclusion>
}

/**
 * What {@link assign} returns.
 *
 * @category models
 */
export type Assignment = Assigned | NoQualifiedLawyer

/**
 * Options of {@link assign} and {@link assignMany}.
 *
 * @category models
 */
export interface AssignOptions {
  /**
   * 🟡 Local rule: a duty lawyer who advised several co-accused may not then defend one of them.
   * When on, the case's `dutyAdvisedCoAccused` are excluded; off (the default), they are not.
   */
  readonly dutyAdviserRule?: boolean
}

/**
 * A case in a batch that nobody could take: how many lawyers each filter removed, and a summary
 * line. The full account — every lawyer with the filter that removed them — can run to the whole
 * pool for every such case, so a batch leaves it out; {@link explainAt} gives it on demand.
 *
 * @category models
 */
export interface Unplaced {
  readonly _tag: "NoQualifiedLawyer"
  readonly caseId: string
  readonly excludedBy: { readonly [F in Filter]: number }
  readonly explanation: ReadonlyArray<string>
}

/**
 * The result of {@link assignMany}: one outcome per case, in the cases' order, and the pool with
 * its counts updated (in the pool's input order).
 *
 * @category models
 */
export interface BatchResult {
  readonly assignments: ReadonlyArray<Placement | Unplaced>
  readonly pool: ReadonlyArray<Lawyer>
}

// ---------------------------------------------------------------------------------------------
// Rotation order
// ---------------------------------------------------------------------------------------------

const fnv1a = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The 32-bit finaliser of MurmurHash3: every input bit affects every output bit. */
const mix = (x: number): number => {
  let h = x
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const lawyerHash = (lawyerId: string): number => mix(fnv1a(lawyerId))
const pairHash = (caseHash: number, lawyerHash: number): number => mix((caseHash ^ lawyerHash) >>> 0)

/**
 * The last tie-break between two lawyers with the same rotation key and open cases: a stable
 * 32-bit hash of the case id and the lawyer id, lower first. It depends on nothing else, so the
 * same case always goes the same way, and different cases order tied lawyers differently.
 *
 * @example
 * import { tieBreak } from "fayuan/assignment"
 * tieBreak("2024-001", "L1") === tieBreak("2024-001", "L1") // true
 *
 * @category rotation
 */
export const tieBreak = (caseId: string, lawyerId: string): number => pairHash(fnv1a(caseId), lawyerHash(lawyerId))

const safe = Number.MAX_SAFE_INTEGER

/** Sign of `countA / weightA − countB / weightB`, by cross-multiplication (exact). */
const compareKeys = (countA: number, weightA: number, countB: number, weightB: number): number => {
  const left = countA * weightB
  const right = countB * weightA
  if (left <= safe && right <= safe) return left < right ? -1 : left > right ? 1 : 0
  const l = BigInt(countA) * BigInt(weightB)
  const r = BigInt(countB) * BigInt(weightA)
  return l < r ? -1 : l > r ? 1 : 0
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The rotation order: lower `assignedCount / weight` first, then fewer open cases, then the lower
 * {@link tieBreak}, then the lower lawyer id (by code units). A total order that does not depend on
 * the input order.
 *
 * @example
 * import { compareCandidates } from "fayuan/assignment"
 * const a = { lawyerId: "A", firmId: "F", assignedCount: 2, weight: 2, openCases: 0, tieBreak: 7 }
 * const b = { lawyerId: "B", firmId: "F", assignedCount: 2, weight: 1, openCases: 0, tieBreak: 3 }
 * compareCandidates(a, b) // -1: 2/2 < 2/1
 *
 * @category rotation
 */
export const compareCandidates = (a: Candidate, b: Candidate): number =>
  compareKeys(a.assignedCount, a.weight, b.assignedCount, b.weight) ||
  a.openCases - b.openCases ||
  a.tieBreak - b.tieBreak ||
  byCodeUnits(a.lawyerId, b.lawyerId)

// ---------------------------------------------------------------------------------------------
// The filters
// ---------------------------------------------------------------------------------------------

const yearsBasis: CitationId = "LAL-26"
const minorsBasis: CitationId = "MPL-104-2"
const complaintBasis: CitationId = "LAL-55"

const filterName: { readonly [F in Filter]: readonly [zh: string, en: string] } = {
  qualification: ["资质", "Qualification"],
  specialty: ["专业", "Specialty"],
  language: ["语言", "Languages"],
  conflict: ["利益冲突", "Conflicts of interest"],
  complaint: ["投诉更换", "Complaint"],
  capacity: ["承办能力", "Capacity"],
  area: ["区域", "Area"]
}

/** What the filters need from the case and the whole pool, worked out once. */
interface Screen {
  readonly c: CaseToAssign
  readonly minYears: number
  readonly minors: boolean
  readonly languages: ReadonlyArray<string>
  readonly opposing: ReadonlySet<string>
  /** Firm id → the lowest (lawyer id, party) by which it acts for an opposing party. */
  readonly conflictedFirms: ReadonlyMap<string, { readonly lawyerId: string; readonly party: string }>
  readonly coDefendants: ReadonlySet<string>
  readonly replaced: ReadonlySet<string>
  readonly dutyAdvisers: ReadonlySet<string>
}

const sortedUnique = (list: ReadonlyArray<string> | undefined): ReadonlyArray<string> =>
  list === undefined ? [] : [...new Set(list)].sort(byCodeUnits)

const screenFor = (c: CaseToAssign, sorted: ReadonlyArray<Lawyer>, options: AssignOptions): Screen => {
  const opposing = new Set(c.opposingParties ?? [])
  const conflictedFirms = new Map<string, { lawyerId: string; party: string }>()
  if (opposing.size > 0) {
    // `sorted` is in id order, so the first lawyer found for a firm has the lowest id.
    for (const lawyer of sorted) {
      if (conflictedFirms.has(lawyer.firmId)) continue
      const party = lowestShared(lawyer.actsFor, opposing)
      if (party !== undefined) conflictedFirms.set(lawyer.firmId, { lawyerId: lawyer.id, party })
    }
  }
  return {
    c,
    minYears: c.requirements.lawyerMinYears ?? 0,
    minors: c.requirements.minorsSpecialist === true,
    languages: sortedUnique(c.languages),
    opposing,
    conflictedFirms,
    coDefendants: new Set(c.coDefendantLawyers ?? []),
    replaced: new Set(c.excludedLawyers ?? []),
    dutyAdvisers: options.dutyAdviserRule === true ? new Set(c.dutyAdvisedCoAccused ?? []) : new Set()
  }
}

const lowestShared = (list: ReadonlyArray<string> | undefined, set: ReadonlySet<string>): string | undefined => {
  let lowest: string | undefined
  if (list === undefined) return undefined
  for (const x of list) if (set.has(x) && (lowest === undefined || x < lowest)) lowest = x
  return lowest
}

const exclusion = (
  lawyer: Lawyer,
  filter: Filter,
  rule: ExclusionRule,
  reasonZh: string,
  reason: string,
  basis?: CitationId
): Exclusion =>
  basis === undefined
    ? { lawyerId: lawyer.id, firmId: lawyer.firmId, filter, rule, reason, reasonZh }
    : { lawyerId: lawyer.id, firmId: lawyer.firmId, filter, rule, reason, reasonZh, basis }

/** The first filter that excludes `lawyer` from the case, or `undefined` when none does. */
const screen = (s: Screen, lawyer: Lawyer): Exclusion | undefined => {
  const { c } = s
  // Qualification: LAL-26 years of practice; MPL-104-2 lawyers familiar with minors.
  if (lawyer.yearsOfPractice < s.minYears) {
    return exclusion(
      lawyer, "qualification", "qualification.years",
      `执业 ${lawyer.yearsOfPractice} 年，本案要求至少 ${s.minYears} 年`,
      `${lawyer.yearsOfPractice} years of practice; the case requires at least ${s.minYears}`,
      yearsBasis
    )
  }
  if (s.minors && !lawyer.minorsTrained) {
    return exclusion(
      lawyer, "qualification", "qualification.minors",
      "未成年人案件，该律师不熟悉未成年人身心特点（未受相关培训）",
      "a minors' case, and the lawyer is not trained for minors",
      minorsBasis
    )
  }
  // Specialty for the matter.
  if (c.specialty !== undefined && !lawyer.specialties.includes(c.specialty)) {
    return exclusion(lawyer, "specialty", "specialty.missing", `不具备本案所需专业（${c.specialty}）`, `lacks the specialty the case needs (${c.specialty})`)
  }
  // Languages the recipient needs.
  if (s.languages.length > 0) {
    const missing = s.languages.filter((l) => !lawyer.languages.includes(l))
    if (missing.length > 0) {
      return exclusion(lawyer, "language", "language.missing", `不通晓受援人所需语言：${missing.join("、")}`, `does not speak what the recipient needs: ${missing.join(", ")}`)
    }
  }
  // Conflicts of interest.
  const own = lowestShared(lawyer.actsFor, s.opposing)
  if (own !== undefined) {
    return exclusion(lawyer, "conflict", "conflict.opposing-party", `本人或所在律所代理对方当事人 ${own}`, `acts for the opposing party ${own}`)
  }
  const firm = s.conflictedFirms.get(lawyer.firmId)
  if (firm !== undefined) {
    return exclusion(
      lawyer, "conflict", "conflict.firm",
      `同所律师 ${firm.lawyerId} 代理对方当事人 ${firm.party}，律所 ${lawyer.firmId} 整体回避`,
      `${firm.lawyerId} of the same firm ${lawyer.firmId} acts for the opposing party ${firm.party}`
    )
  }
  if (s.coDefendants.has(lawyer.id)) {
    return exclusion(lawyer, "conflict", "conflict.co-defendant", "已为同案其他被告人辩护，同一律师不得为两名以上同案被告人辩护", "already defends a co-defendant in the same matter; co-defendants never share a lawyer")
  }
  if (s.dutyAdvisers.has(lawyer.id)) {
    return exclusion(lawyer, "conflict", "conflict.duty-adviser", "曾作为值班律师为多名同案犯罪嫌疑人提供法律帮助（地方规则）", "advised several of the co-accused as duty lawyer (local rule)")
  }
  // The recipient's complaint.
  if (s.replaced.has(lawyer.id)) {
    return exclusion(lawyer, "complaint", "complaint.replaced", "受援人投诉后已被更换，不得再承办本案", "replaced on this case after the recipient's complaint", complaintBasis)
  }
  // Capacity.
  if (lawyer.openCases >= lawyer.maxOpenCases) {
    return exclusion(lawyer, "capacity", "capacity.full", `在办案件 ${lawyer.openCases} 件，已达上限 ${lawyer.maxOpenCases} 件`, `${lawyer.openCases} open cases, at the cap of ${lawyer.maxOpenCases}`)
  }
  // Area.
  if (c.area !== undefined && !Region.contains(c.area, lawyer.region)) {
    return exclusion(lawyer, "area", "area.outside", `执业地 ${lawyer.region} 不在工作站服务区域 ${c.area} 内`, `practises in ${lawyer.region}, outside the catchment ${c.area}`)
  }
  return undefined
}

const filterApplies = (s: Screen, filter: Filter): boolean => {
  switch (filter) {
    case "qualification":
      return s.minYears > 0 || s.minors
    case "specialty":
      return s.c.specialty !== undefined
    case "language":
      return s.languages.length > 0
    case "area":
      return s.c.area !== undefined
    default:
      return true
  }
}

// ---------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------

const byId = (a: Lawyer, b: Lawyer): number => byCodeUnits(a.id, b.id)
const filterRank: { readonly [F in Filter]: number } = Object.fromEntries(filters.map((f, i) => [f, i])) as { [F in Filter]: number }

const candidate = (lawyer: Lawyer, caseHash: number): Candidate => ({
  lawyerId: lawyer.id,
  firmId: lawyer.firmId,
  assignedCount: lawyer.assignedCount,
  weight: lawyer.weight ?? 1,
  openCases: lawyer.openCases,
  tieBreak: pairHash(caseHash, lawyerHash(lawyer.id))
})

const listIds = (ids: ReadonlyArray<string>, sep: string, more: (n: number) => string): string =>
  ids.length <= 10 ? ids.join(sep) : `${ids.slice(0, 10).join(sep)}${more(ids.length - 10)}`

const key = (c: Candidate): string => `${c.assignedCount}/${c.weight}`

const explain = (s: Screen, total: number, excluded: ReadonlyArray<Exclusion>, ranking: ReadonlyArray<Candidate>, options: AssignOptions): Array<string> => {
  const { c } = s
  const lines = [`案件 ${c.caseId}（${c.kind}，${c.region}）：共考虑 ${total} 名律师。 / Case ${c.caseId} (${c.kind}, ${c.region}): ${total} lawyers considered.`]
  for (const filter of filters) {
    const [zh, en] = filterName[filter]
    const out = excluded.filter((e) => e.filter === filter)
    if (out.length === 0 && !filterApplies(s, filter)) {
      lines.push(`${zh}：本案不适用。 / ${en}: does not apply to this case.`)
      continue
    }
    const bases = [...new Set(out.flatMap((e) => (e.basis === undefined ? [] : [e.basis])))]
    const cite = bases.length === 0 ? ["", ""] : [`（${bases.join("、")}）`, ` (${bases.join(", ")})`]
    const ids = out.map((e) => e.lawyerId)
    lines.push(
      out.length === 0
        ? `${zh}${cite[0]}：无人被排除。 / ${en}${cite[1]}: nobody excluded.`
        : `${zh}${cite[0]}：排除 ${out.length} 名（${listIds(ids, "、", (n) => ` 等另 ${n} 名`)}）。 / ${en}${cite[1]}: excluded ${out.length} (${listIds(ids, ", ", (n) => ` and ${n} more`)}).`
    )
  }
  if (options.dutyAdviserRule !== true && (c.dutyAdvisedCoAccused?.length ?? 0) > 0) {
    lines.push("值班律师回避（地方规则）未启用：所列值班律师未被排除。 / Duty-adviser rule (local) is off: the duty lawyers listed were not excluded.")
  }
  const chosen = ranking[0]
  if (chosen === undefined) {
    lines.push("无合格律师，本案未指派。 / No qualified lawyer: the case is not assigned.")
    return lines
  }
  lines.push(`余下 ${ranking.length} 名合格律师，按加权指派数轮流指派。 / ${ranking.length} qualified lawyers remain; rotation by weighted assignment count.`)
  const head = `指派 ${chosen.lawyerId}（律所 ${chosen.firmId}）：已指派 ${chosen.assignedCount} 件、权重 ${chosen.weight}，轮换键 ${key(chosen)}`
  const headEn = `Assigned ${chosen.lawyerId} (firm ${chosen.firmId}): ${chosen.assignedCount} assignments at weight ${chosen.weight}, rotation key ${key(chosen)}`
  const next = ranking[1]
  if (next === undefined) {
    lines.push(`${head}，为唯一合格律师。 / ${headEn}, the only qualified lawyer.`)
  } else if (compareKeys(chosen.assignedCount, chosen.weight, next.assignedCount, next.weight) < 0) {
    lines.push(`${head}，为最低（其次为 ${next.lawyerId}，${key(next)}）。 / ${headEn}, the lowest (next: ${next.lawyerId} at ${key(next)}).`)
  } else if (chosen.openCases < next.openCases) {
    lines.push(
      `${head}，轮换键与 ${next.lawyerId} 相同；在办案件较少（${chosen.openCases} < ${next.openCases}）。 / ${headEn}, the same key as ${next.lawyerId}; fewer open cases (${chosen.openCases} < ${next.openCases}).`
    )
  } else if (chosen.tieBreak < next.tieBreak) {
    lines.push(
      `${head}，轮换键与在办案件数均与 ${next.lawyerId} 相同；按本案与律师编号的稳定散列在先（${chosen.tieBreak} < ${next.tieBreak}）。 / ${headEn}, tied with ${next.lawyerId} on key and open cases; first by the stable hash of case and lawyer (${chosen.tieBreak} < ${next.tieBreak}).`
    )
  } else {
    lines.push(`${head}，与 ${next.lawyerId} 完全相同，按律师编号在先。 / ${headEn}, tied with ${next.lawyerId} on everything; first by lawyer id.`)
  }
  return lines
}

/**
 * Assigns one case: screens every lawyer in the pool through the filters (qualification,
 * specialty, languages, conflicts, complaint, capacity, area — the first that fails excludes them),
 * then takes the next in rotation among those left. Pure and total: it never throws, and the
 * result does not depend on the order of the pool or of any list in the input. Lawyer ids must be
 * unique ({@link decodeAssignmentInput} checks it).
 *
 * Cost: O(n log n) in the pool size; for many cases use {@link assignMany}.
 *
 * @example
 * import { Region } from "fayuan"
 * import { assign } from "fayuan/assignment"
 * const r = assign(
 *   { caseId: "c1", region: Region.makeUnsafe("530103"), kind: "criminal-defence", requirements: { lawyerMinYears: 3 } },
 *   [
 *     { id: "L1", firmId: "F1", region: Region.makeUnsafe("530103"), yearsOfPractice: 2, languages: [], specialties: [], minorsTrained: false, openCases: 0, maxOpenCases: 9, assignedCount: 0 },
 *     { id: "L2", firmId: "F2", region: Region.makeUnsafe("530103"), yearsOfPractice: 8, languages: [], specialties: [], minorsTrained: false, openCases: 0, maxOpenCases: 9, assignedCount: 4 }
 *   ]
 * )
 * // r._tag === "Assigned", r.lawyerId === "L2"; L1 excluded by "qualification" (LAL-26)
 *
 * @category assignment
 */
export const assign = (c: CaseToAssign, pool: ReadonlyArray<Lawyer>, options: AssignOptions = {}): Assignment =>
  assignSorted(c, [...pool].sort(byId), options)

/** {@link assign} over a pool already in id order. */
const assignSorted = (c: CaseToAssign, sorted: ReadonlyArray<Lawyer>, options: AssignOptions): Assignment => {
  const s = screenFor(c, sorted, options)
  const excluded: Array<Exclusion> = []
  const left: Array<Lawyer> = []
  for (const lawyer of sorted) {
    const e = screen(s, lawyer)
    if (e === undefined) left.push(lawyer)
    else excluded.push(e)
  }
  // Stable sort: by filter, and by lawyer id within a filter.
  excluded.sort((a, b) => filterRank[a.filter] - filterRank[b.filter])
  const caseHash = fnv1a(c.caseId)
  const ranking = left.map((l) => candidate(l, caseHash)).sort(compareCandidates)
  const explanation = explain(s, sorted.length, excluded, ranking, options)
  const chosen = ranking[0]
  if (chosen === undefined) return { _tag: "NoQualifiedLawyer", caseId: c.caseId, explanation, excluded }
  return { _tag: "Assigned", caseId: c.caseId, lawyerId: chosen.lawyerId, firmId: chosen.firmId, explanation, excluded, ranking }
}

/**
 * The pool after `lawyerId` takes one more case: one more assignment in the rotation period and
 * one more open case. Other lawyers are returned unchanged (the same objects).
 *
 * @example
 * import { recordAssignment } from "fayuan/assignment"
 * const next = recordAssignment([], "L1") // []
 *
 * @category assignment
 */
export const recordAssignment = (pool: ReadonlyArray<Lawyer>, lawyerId: string): ReadonlyArray<Lawyer> =>
  pool.map((l) => (l.id === lawyerId ? { ...l, assignedCount: l.assignedCount + 1, openCases: l.openCases + 1 } : l))

// ---------------------------------------------------------------------------------------------
// Many cases
// ---------------------------------------------------------------------------------------------

const noLists: ReadonlyArray<string> = []

/** Whether lawyer `i` is in every one of the lists. (A helper, so the hot loops capture nothing.) */
const inAll = (members: ReadonlyArray<Uint8Array>, i: number): boolean => {
  for (const m of members) if (m[i] !== 1) return false
  return true
}

interface IndexEntry {
  /** The lawyers (indices in id order) in the entry, ascending. */
  readonly list: Int32Array
  /** `member[i] === 1` when lawyer `i` is in the entry. */
  readonly member: Uint8Array
  /** The same as a bit set: bit `i & 31` of word `i >>> 5`. */
  readonly bits: Uint32Array
}

/** The number of bits set in a 32-bit word. */
const popcount = (word: number): number => {
  let x = word - ((word >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

/** Clears the bits of `bits` outside `pass`, and counts them. */
const sieve = (bits: Uint32Array, pass: Uint32Array): number => {
  let removed = 0
  for (let w = 0; w < bits.length; w++) {
    removed += popcount(bits[w]! & ~pass[w]!)
    bits[w] = bits[w]! & pass[w]!
  }
  return removed
}

const bitSet = (n: number, indices: Iterable<number>): Uint32Array => {
  const bits = new Uint32Array((n + 31) >>> 5)
  for (const i of indices) bits[i >>> 5] = bits[i >>> 5]! | (1 << (i & 31))
  return bits
}

// The fields of a slot in `Engine.slots`: eight 32-bit integers per lawyer.
const COUNT = 0
const WEIGHT = 1
const OPEN = 2
const HASH = 3
const YEARS = 4
const FLAGS = 5
const FIRM = 6
const LAWYER = 7
const STRIDE = 8
const MINORS_TRAINED = 1
const FULL = 2

/**
 * The pool precomputed for a run of cases.
 *
 * Lawyers are indexed in id order. Their figures sit in `slots`, one slot of eight integers per
 * lawyer, kept sorted by rotation position: lawyers at their cap last, then
 * `assignedCount / weight`, then open cases. `pos[i]` is lawyer `i`'s slot. A case walks the slots
 * from the front and stops at the end of the first run of equal lawyers that holds a qualified one;
 * when an indexed filter (specialty, language, region) leaves only a few lawyers, it scans that
 * filter's list instead. A lawyer who takes a case only moves back; they hop over each run of equal
 * lawyers by trading places with the run's last member, since order within a run does not matter
 * (the case's hash decides there).
 */
class Engine {
  readonly lawyers: ReadonlyArray<Lawyer>
  readonly n: number
  readonly slots: Int32Array
  readonly pos: Int32Array
  readonly cap: Float64Array
  readonly index = new Map<string, number>()
  /** Party → the firms (indices) with a lawyer acting for it. */
  readonly partyFirms = new Map<string, Array<number>>()
  readonly bySpecialty = new Map<string, IndexEntry>()
  readonly byLanguage = new Map<string, IndexEntry>()
  readonly byRegion = new Map<string, IndexEntry>()
  readonly empty: IndexEntry
  /** Every lawyer, as a bit set; the lawyers trained for minors; those below their cap (kept up to date). */
  readonly allBits: Uint32Array
  readonly minorsBits: Uint32Array
  readonly openBits: Uint32Array
  /** Lawyers with at least so many years of practice, by the number of years, made on first use. */
  readonly yearsBits = new Map<number, Uint32Array>()
  /** Firm (index) → its lawyers (indices). */
  readonly firmMembers: Array<Array<number>> = []
  readonly lawyerMark: Int32Array
  readonly firmMark: Int32Array
  /** Whether every count × weight product is a safe integer, so that keys compare in doubles. */
  exact = true
  maxCount = 0
  maxWeight = 1
  stamp = 0

  constructor(pool: ReadonlyArray<Lawyer>) {
    const sorted = [...pool].sort(byId)
    const n = sorted.length
    this.lawyers = sorted
    this.n = n
    this.slots = new Int32Array(n * STRIDE)
    this.pos = new Int32Array(n)
    this.cap = new Float64Array(n)
    this.lawyerMark = new Int32Array(n)
    this.empty = { list: new Int32Array(0), member: new Uint8Array(0), bits: bitSet(n, []) }
    const everyIndex = Array.from({ length: n }, (_, i) => i)
    this.allBits = bitSet(n, everyIndex)
    this.minorsBits = bitSet(n, everyIndex.filter((i) => sorted[i]!.minorsTrained))
    this.openBits = bitSet(n, everyIndex.filter((i) => sorted[i]!.openCases < sorted[i]!.maxOpenCases))
    const firms = new Map<string, number>()
    const specialties = new Map<string, Array<number>>()
    const languages = new Map<string, Array<number>>()
    const regions = new Map<string, Array<number>>()
    const add = (m: Map<string, Array<number>>, k: string, i: number) => {
      const list = m.get(k)
      if (list === undefined) m.set(k, [i])
      else if (list[list.length - 1] !== i) list.push(i)
    }
    const s = this.slots
    for (let i = 0; i < n; i++) {
      const l = sorted[i]!
      const full = l.openCases >= l.maxOpenCases
      let f = firms.get(l.firmId)
      if (f === undefined) firms.set(l.firmId, (f = firms.size))
      const at = i * STRIDE
      s[at + COUNT] = l.assignedCount
      s[at + WEIGHT] = l.weight ?? 1
      s[at + OPEN] = l.openCases
      s[at + HASH] = lawyerHash(l.id) | 0
      s[at + YEARS] = l.yearsOfPractice
      s[at + FLAGS] = (l.minorsTrained ? MINORS_TRAINED : 0) | (full ? FULL : 0)
      s[at + FIRM] = f
      s[at + LAWYER] = i
      ;(this.firmMembers[f] ??= []).push(i)
      this.cap[i] = l.maxOpenCases
      this.index.set(l.id, i)
      this.maxCount = Math.max(this.maxCount, l.assignedCount)
      this.maxWeight = Math.max(this.maxWeight, l.weight ?? 1)
      for (const p of l.actsFor ?? noLists) add(this.partyFirms, p, f)
      for (const x of l.specialties) add(specialties, x, i)
      for (const x of l.languages) add(languages, x, i)
      for (const r of Region.ancestors(l.region)) add(regions, r, i)
    }
    this.exact = this.maxCount * this.maxWeight <= safe
    this.firmMark = new Int32Array(firms.size)
    const build = (from: Map<string, Array<number>>, to: Map<string, IndexEntry>) => {
      for (const [k, list] of from) {
        const member = new Uint8Array(n)
        for (const i of list) member[i] = 1
        to.set(k, { list: Int32Array.from(list), member, bits: bitSet(n, list) })
      }
    }
    build(specialties, this.bySpecialty)
    build(languages, this.byLanguage)
    build(regions, this.byRegion)
    // Sort the slots into rotation order.
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => this.cmp(a, b))
    const unsorted = s.slice()
    order.forEach((from, to) => {
      s.set(unsorted.subarray(from * STRIDE, from * STRIDE + STRIDE), to * STRIDE)
      this.pos[from] = to
    })
  }

  /** Sign of the rotation position of slot `a` against slot `b`: full last, then key, then open cases. */
  cmp(a: number, b: number): number {
    const s = this.slots
    const x = a * STRIDE
    const y = b * STRIDE
    const full = (s[x + FLAGS]! & FULL) - (s[y + FLAGS]! & FULL)
    if (full !== 0) return full
    const key = this.exact
      ? s[x + COUNT]! * s[y + WEIGHT]! - s[y + COUNT]! * s[x + WEIGHT]!
      : compareKeys(s[x + COUNT]!, s[x + WEIGHT]!, s[y + COUNT]!, s[y + WEIGHT]!)
    return key !== 0 ? key : s[x + OPEN]! - s[y + OPEN]!
  }

  /** The lawyer `i` with the counts as they now stand. */
  current(i: number): Lawyer {
    const l = this.lawyers[i]!
    const at = this.pos[i]! * STRIDE
    const assignedCount = this.slots[at + COUNT]!
    const openCases = this.slots[at + OPEN]!
    return l.assignedCount === assignedCount && l.openCases === openCases ? l : { ...l, assignedCount, openCases }
  }

  /** Records that lawyer `j` took a case, and moves their slot to its new place. */
  take(j: number): void {
    const { slots, pos, n } = this
    let hole = pos[j]!
    const at = hole * STRIDE
    const count = ++slots[at + COUNT]!
    const open = ++slots[at + OPEN]!
    if (open >= this.cap[j]!) {
      slots[at + FLAGS] = slots[at + FLAGS]! | FULL
      this.openBits[j >>> 5] = this.openBits[j >>> 5]! & ~(1 << (j & 31))
    }
    if (count > this.maxCount) {
      this.maxCount = count
      this.exact = this.maxCount * this.maxWeight <= safe
    }
    // The last slot after j's whose lawyer now comes before j.
    const target = this.lastBefore(hole + 1, n, hole, 0)
    if (target === hole) return
    const moving = slots.slice(at, at + STRIDE)
    while (hole < target) {
      // The run of equals just after the hole ends at `last`; its last member fills the hole.
      const last = this.lastBefore(hole + 2, target + 1, hole + 1, 1)
      slots.copyWithin(hole * STRIDE, last * STRIDE, last * STRIDE + STRIDE)
      pos[slots[hole * STRIDE + LAWYER]!] = hole
      hole = last
    }
    slots.set(moving, hole * STRIDE)
    pos[j] = hole
  }

  /**
   * The last slot in `[from - 1, to)` such that every slot from `from` to it compares below slot
   * `pivot` (`bound` 0) or not above it (`bound` 1); the slots are sorted. Gallops from `from`,
   * since lawyers move only a little way, then bisects.
   */
  private lastBefore(from: number, to: number, pivot: number, bound: 0 | 1): number {
    let lo = from
    let step = 1
    let hi = from
    while (hi < to && this.cmp(hi, pivot) < bound) {
      lo = hi + 1
      hi = from + step
      step *= 2
    }
    if (hi > to) hi = to
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cmp(mid, pivot) < bound) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }

  /** Marks the lawyers in `ids` as excluded for the current case; how many it marked. */
  private mark(ids: ReadonlyArray<string> | undefined, stamp: number): number {
    if (ids === undefined) return 0
    let marked = 0
    for (const id of ids) {
      const i = this.index.get(id)
      if (i !== undefined) {
        this.lawyerMark[i] = stamp
        marked++
      }
    }
    return marked
  }

  /** The index of the lawyer the rotation picks for `c`, or -1 when nobody qualifies. */
  pick(c: CaseToAssign, dutyAdviserRule: boolean): number {
    const stamp = ++this.stamp
    let marked = this.mark(c.coDefendantLawyers, stamp) + this.mark(c.excludedLawyers, stamp)
    if (dutyAdviserRule) marked += this.mark(c.dutyAdvisedCoAccused, stamp)
    // Acting for an opposing party excludes the lawyer's whole firm (the lawyer included).
    if (c.opposingParties !== undefined) {
      for (const p of c.opposingParties) {
        const fs = this.partyFirms.get(p)
        if (fs === undefined) continue
        for (const f of fs) this.firmMark[f] = stamp
        marked += fs.length
      }
    }
    // The indexed filters: the shortest list, and membership in each.
    let shortest: Int32Array | undefined
    const members: Array<Uint8Array> = []
    const use = (entry: IndexEntry | undefined): void => {
      const e = entry ?? this.empty
      members.push(e.member)
      if (shortest === undefined || e.list.length < shortest.length) shortest = e.list
    }
    if (c.specialty !== undefined) use(this.bySpecialty.get(c.specialty))
    if (c.languages !== undefined) for (const x of c.languages) use(this.byLanguage.get(x))
    if (c.area !== undefined && c.area !== Region.national) use(this.byRegion.get(c.area))
    if (shortest !== undefined && shortest.length === 0) return -1
    const screen: Screening = {
      stamp,
      marked: marked > 0,
      minYears: c.requirements.lawyerMinYears ?? 0,
      minors: c.requirements.minorsSpecialist === true ? MINORS_TRAINED : 0,
      members,
      caseHash: fnv1a(c.caseId)
    }
    return shortest !== undefined && this.scanIsCheaper(shortest.length) ? this.scan(shortest, screen) : this.walk(screen)
  }

  /**
   * How many lawyers each filter removes from case `c`, each counted under the first filter that
   * fails, as {@link assign} counts them.
   */
  census(c: CaseToAssign, dutyAdviserRule: boolean): { [F in Filter]: number } {
    const n = this.n
    const left = this.allBits.slice()
    // Qualification: years of practice, then training for minors.
    const minYears = c.requirements.lawyerMinYears ?? 0
    let years = this.yearsBits.get(minYears)
    if (years === undefined) {
      years = bitSet(n, this.lawyers.flatMap((l, i) => (l.yearsOfPractice >= minYears ? [i] : [])))
      this.yearsBits.set(minYears, years)
    }
    let qualification = sieve(left, years)
    if (c.requirements.minorsSpecialist === true) qualification += sieve(left, this.minorsBits)
    const specialty = c.specialty === undefined ? 0 : sieve(left, (this.bySpecialty.get(c.specialty) ?? this.empty).bits)
    let language = 0
    for (const x of c.languages ?? noLists) language += sieve(left, (this.byLanguage.get(x) ?? this.empty).bits)
    // Conflicts: co-defendants' lawyers, duty advisers under the local rule, firms acting for an opposing party.
    const conflicted = this.allBits.slice()
    const clear = (bits: Uint32Array, i: number) => {
      bits[i >>> 5] = bits[i >>> 5]! & ~(1 << (i & 31))
    }
    const ids = [...(c.coDefendantLawyers ?? noLists), ...(dutyAdviserRule ? (c.dutyAdvisedCoAccused ?? noLists) : noLists)]
    for (const id of ids) {
      const i = this.index.get(id)
      if (i !== undefined) clear(conflicted, i)
    }
    for (const p of c.opposingParties ?? noLists) for (const f of this.partyFirms.get(p) ?? []) for (const i of this.firmMembers[f]!) clear(conflicted, i)
    const conflict = sieve(left, conflicted)
    const replaced = this.allBits.slice()
    for (const id of c.excludedLawyers ?? noLists) {
      const i = this.index.get(id)
      if (i !== undefined) clear(replaced, i)
    }
    const complaint = sieve(left, replaced)
    const capacity = sieve(left, this.openBits)
    const area = c.area === undefined || c.area === Region.national ? 0 : sieve(left, (this.byRegion.get(c.area) ?? this.empty).bits)
    return { qualification, specialty, language, conflict, complaint, capacity, area }
  }

  /**
   * Whether scanning a filter's list of `size` lawyers (in scattered slots) beats walking the
   * slots: a walk reads at least the first run, and about `n / size` slots to meet one of them.
   */
  private scanIsCheaper(size: number): boolean {
    if (this.n === 0) return false
    const firstRun = this.lastBefore(1, this.n, 0, 1) + 1
    return 3 * size < firstRun + this.n / size
  }

  /** Whether the lawyer in the slot at `at` passes every filter for the case. */
  private passes(at: number, q: Screening): boolean {
    const s = this.slots
    const flags = s[at + FLAGS]!
    if ((flags & FULL) !== 0 || s[at + YEARS]! < q.minYears || (flags & q.minors) !== q.minors) return false
    const i = s[at + LAWYER]!
    if (q.marked && (this.lawyerMark[i] === q.stamp || this.firmMark[s[at + FIRM]!] === q.stamp)) return false
    return q.members.length === 0 || inAll(q.members, i)
  }

  /** Walks the slots from the front to the end of the first run with a qualified lawyer. */
  private walk(q: Screening): number {
    const s = this.slots
    const end = this.n * STRIDE
    let best = -1
    let bestTie = 0
    let run = -1
    for (let at = 0; at < end; at += STRIDE) {
      if ((s[at + FLAGS]! & FULL) !== 0) break
      if (run >= 0) {
        const key = this.exact
          ? s[at + COUNT]! * s[run + WEIGHT]! - s[run + COUNT]! * s[at + WEIGHT]!
          : compareKeys(s[at + COUNT]!, s[at + WEIGHT]!, s[run + COUNT]!, s[run + WEIGHT]!)
        if (key > 0 || (key === 0 && s[at + OPEN]! > s[run + OPEN]!)) break
      }
      if (!this.passes(at, q)) continue
      const tie = pairHash(q.caseHash, s[at + HASH]!)
      const i = s[at + LAWYER]!
      if (run < 0) {
        run = at
        best = i
        bestTie = tie
      } else if (tie < bestTie || (tie === bestTie && i < best)) {
        best = i
        bestTie = tie
      }
    }
    return best
  }

  /** Scans a whole index list for the best qualified lawyer. */
  private scan(list: Int32Array, q: Screening): number {
    const { slots: s, pos } = this
    let best = -1
    let bestAt = 0
    let bestTie = 0
    for (let k = 0; k < list.length; k++) {
      const i = list[k]!
      const at = pos[i]! * STRIDE
      if (!this.passes(at, q)) continue
      if (best >= 0) {
        const key = this.exact
          ? s[at + COUNT]! * s[bestAt + WEIGHT]! - s[bestAt + COUNT]! * s[at + WEIGHT]!
          : compareKeys(s[at + COUNT]!, s[at + WEIGHT]!, s[bestAt + COUNT]!, s[bestAt + WEIGHT]!)
        if (key > 0) continue
        if (key === 0) {
          const open = s[at + OPEN]! - s[bestAt + OPEN]!
          if (open > 0) continue
          if (open === 0) {
            const tie = pairHash(q.caseHash, s[at + HASH]!)
            // Indices are in id order, so on an equal hash the lower index has the lower id.
            if (tie > bestTie || (tie === bestTie && i > best)) continue
            best = i
            bestAt = at
            bestTie = tie
            continue
          }
        }
      }
      best = i
      bestAt = at
      bestTie = pairHash(q.caseHash, s[at + HASH]!)
    }
    return best
  }
}

/** What one case asks of each lawyer, for the engine's loops. */
interface Screening {
  readonly stamp: number
  /** Whether any lawyer or firm is marked as excluded for this case. */
  readonly marked: boolean
  readonly minYears: number
  /** `MINORS_TRAINED` when the case needs it, else 0. */
  readonly minors: number
  /** Membership arrays of the indexed filters. */
  readonly members: ReadonlyArray<Uint8Array>
  readonly caseHash: number
}

const unplacedSummary = (c: CaseToAssign, excludedBy: { readonly [F in Filter]: number }): ReadonlyArray<string> => {
  const parts = filters.filter((f) => excludedBy[f] > 0)
  const zh = parts.map((f) => `${filterName[f][0]} ${excludedBy[f]} 名`).join("，")
  const en = parts.map((f) => `${filterName[f][1].toLowerCase()} ${excludedBy[f]}`).join(", ")
  return [`案件 ${c.caseId}：无合格律师，未指派（排除：${zh || "无律师"}）。 / Case ${c.caseId}: no qualified lawyer, not assigned (excluded: ${en || "no lawyers in the pool"}).`]
}

const int32 = 2 ** 31 - 1

/**
 * Whether the engine's 32-bit slots hold the pool exactly: whole numbers, and room for every case
 * of the batch. Decoded input always fits; a pool built in code might not.
 */
const fitsEngine = (pool: ReadonlyArray<Lawyer>, cases: number): boolean =>
  pool.every(
    (l) =>
      Number.isInteger(l.assignedCount) && l.assignedCount >= 0 && l.assignedCount <= int32 - cases &&
      Number.isInteger(l.openCases) && l.openCases >= 0 && l.openCases <= int32 - cases &&
      Number.isInteger(l.yearsOfPractice) && l.yearsOfPractice >= 0 && l.yearsOfPractice <= int32 &&
      (l.weight === undefined || (Number.isInteger(l.weight) && l.weight >= 1 && l.weight <= int32))
  )

const countByFilter = (excluded: ReadonlyArray<Exclusion>): { [F in Filter]: number } => {
  const counts = { qualification: 0, specialty: 0, language: 0, conflict: 0, complaint: 0, capacity: 0, area: 0 }
  for (const e of excluded) counts[e.filter]++
  return counts
}

/** {@link assignMany} by {@link assign}, one case at a time: for pools the engine cannot hold. */
const assignOneByOne = (cases: ReadonlyArray<CaseToAssign>, pool: ReadonlyArray<Lawyer>, options: AssignOptions): BatchResult => {
  let current = pool
  const assignments: Array<Placement | Unplaced> = []
  for (const c of cases) {
    const r = assign(c, current, options)
    if (r._tag === "Assigned") {
      assignments.push({ _tag: "Assigned", caseId: r.caseId, lawyerId: r.lawyerId, firmId: r.firmId })
      current = recordAssignment(current, r.lawyerId)
    } else {
      const excludedBy = countByFilter(r.excluded)
      assignments.push({ _tag: "NoQualifiedLawyer", caseId: c.caseId, excludedBy, explanation: unplacedSummary(c, excludedBy) })
    }
  }
  return { assignments, pool: current }
}

/**
 * Assigns a sequence of cases in order, each to the next lawyer in rotation, counting each
 * assignment against the lawyer (one more assignment, one more open case) before the next case, so
 * the rotation advances. Each case goes to the lawyer {@link assign} would pick for it from the
 * pool as it then stands. A case nobody can take is {@link Unplaced} — how many lawyers each
 * filter removed — and leaves the pool unchanged; {@link explainAt} gives its full account. Pure:
 * returns the outcomes and the final pool, in the pool's input order.
 *
 * The pool is indexed once: lawyers kept in rotation order, and lists by specialty, language and
 * region. A case reads the front of the rotation order up to the first qualified lawyer and the
 * others tied with them, or scans the list of its most selective filter when that is shorter, so
 * it rarely touches the whole pool.
 *
 * @example
 * import { assignMany } from "fayuan/assignment"
 * const { assignments, pool } = assignMany([], [])
 *
 * @category assignment
 */
export const assignMany = (cases: ReadonlyArray<CaseToAssign>, pool: ReadonlyArray<Lawyer>, options: AssignOptions = {}): BatchResult => {
  if (!fitsEngine(pool, cases.length)) return assignOneByOne(cases, pool, options)
  const engine = new Engine(pool)
  const dutyAdviserRule = options.dutyAdviserRule === true
  const assignments: Array<Placement | Unplaced> = []
  for (const c of cases) {
    const i = engine.pick(c, dutyAdviserRule)
    if (i >= 0) {
      const l = engine.lawyers[i]!
      assignments.push({ _tag: "Assigned", caseId: c.caseId, lawyerId: l.id, firmId: l.firmId })
      engine.take(i)
    } else {
      const excludedBy = engine.census(c, dutyAdviserRule)
      assignments.push({ _tag: "NoQualifiedLawyer", caseId: c.caseId, excludedBy, explanation: unplacedSummary(c, excludedBy) })
    }
  }
  const finalPool = pool.map((l) => {
    const i = engine.index.get(l.id)
    return i === undefined ? l : engine.current(i)
  })
  return { assignments, pool: finalPool }
}

/**
 * The full account of case `k` of a batch — what {@link assign} returns for it — from the pool as
 * it stood when the case's turn came in {@link assignMany}. `undefined` when there is no case `k`.
 * It replays the cases before `k`, so it costs about as much as assigning them.
 *
 * @example
 * import { explainAt } from "fayuan/assignment"
 * explainAt([], [], 0) // undefined
 *
 * @category assignment
 */
export const explainAt = (
  cases: ReadonlyArray<CaseToAssign>,
  pool: ReadonlyArray<Lawyer>,
  k: number,
  options: AssignOptions = {}
): Assignment | undefined => {
  const c = cases[k]
  if (c === undefined || !Number.isInteger(k) || k < 0) return undefined
  return assign(c, assignMany(cases.slice(0, k), pool, options).pool, options)
}
