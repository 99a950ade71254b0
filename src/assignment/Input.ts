/**
 * The input of case assignment (指派): the case to assign, the lawyers of the pool, and their
 * decoding from unknown input.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import { AssignmentRequirements } from "../AssignmentRequirements.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import * as Region from "../Region.ts"
import { matterKinds } from "../RuleSet.ts"

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

export const at = (prefix: string): string => (prefix === "" ? "" : `${prefix}.`)

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
