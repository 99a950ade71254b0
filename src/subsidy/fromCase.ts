/**
 * From a lifecycle case to a claim, and a subsidy shared among lawyers.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import type { Case } from "../lifecycle/Case.ts"
import { chinaDate } from "../lifecycle/time.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import type { MatterKind, ProceedingStage as Stage } from "../RuleSet.ts"
import type { Ending, Service } from "./Standard.ts"
import { Claim, claimIssues, ten } from "./Claim.ts"
import type { Allocation } from "./Subsidy.ts"
import { InvalidClaim } from "./Subsidy.ts"

// ---------------------------------------------------------------------------------------------
// From a lifecycle case

/**
 * What a subsidy needs that a lifecycle `Case` does not record. Every field is optional: the
 * stages a criminal case completed, the sentence it faced, its complexity, the number of
 * recipients (1), whether it was handled outside the home city; and overrides of what is read from
 * the case — `endedBy` (`terminated` for a terminated case, else `concluded`), `endedOn` (the
 * case's end date, or for a terminated case the China date of its last event), `assignedOn` (the
 * date the current lawyer took the case), `service` (from the matter kind) and `lawyers` (the
 * current lawyer).
 *
 * @category models
 * @since 0.1.0
 */
export interface CaseFacts {
  readonly stagesCompleted?: ReadonlyArray<Stage>
  readonly possibleLifeOrDeath?: boolean
  readonly complexity?: Ratio.Ratio
  readonly outsideHomeCity?: boolean
  readonly recipients?: number
  readonly endedBy?: Ending
  readonly endedOn?: CalendarDate.CalendarDate
  readonly assignedOn?: CalendarDate.CalendarDate
  readonly service?: Service
  readonly lawyers?: ReadonlyArray<{ readonly lawyerId: string; readonly share?: Ratio.Ratio }>
}

/**
 * The subsidy service of a matter kind: every criminal kind (defence, victim, private prosecution,
 * incidental civil action, compulsory treatment) is paid by criminal stage; the others by their
 * own service.
 *
 * @example
 * ```ts
 * import { serviceOf } from "fayuan/subsidy"
 * serviceOf("criminal-victim") // "criminal"
 * serviceOf("labour-arbitration") // "labour-arbitration"
 * ```
 * @category cases
 * @since 0.1.0
 */
export const serviceOf = (kind: MatterKind): Service => {
  switch (kind) {
    case "civil":
    case "administrative":
    case "labour-arbitration":
    case "non-litigation":
      return kind
    default:
      return "criminal"
  }
}

/** The provisions that name a possible life imprisonment or death sentence as the ground for aid. */
const lifeOrDeathGrounds: ReadonlySet<string> = new Set(["LAL-25-1-4", "LAL-25-1-5", "CPL-34-3", "CPL-35-3", "CPL1996-34-3"])

/**
 * Whether a case faced a possible life or death sentence, as its record says: a notification or a
 * decision resting on a provision that names one, or the experienced lawyer `LAL-26` asks for then.
 */
const facesLifeOrDeath = (c: Case): boolean =>
  c.requirements?.lawyerMinYears !== undefined ||
  (c.grounds ?? []).some((g) => lifeOrDeathGrounds.has(g)) ||
  (c.eligibility?.citations ?? []).some((g) => lifeOrDeathGrounds.has(g))

const payableStates: ReadonlySet<string> = new Set(["concluded", "quality-assessed", "archived", "terminated"])

/**
 * Builds a case claim from a lifecycle case — its kind, region, lawyer and assignment date, end
 * date, grade, termination, and what its events recorded for the subsidy: the recipients (`apply`),
 * the stages completed and a withdrawal before or during the hearing (`recordOutcome`), a possible
 * life or death sentence (the `LAL-26` requirement) — with {@link CaseFacts} only to add or
 * override (complexity, outside the home city, shares). The case must be concluded (or graded,
 * archived) or terminated, and have a lawyer.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { replay } from "fayuan/lifecycle"
 * import { calculateCase, claimFromCase, tables } from "fayuan/subsidy"
 * import type { CaseEvent } from "fayuan/lifecycle"
 * declare const events: ReadonlyArray<CaseEvent>
 * const concluded = replay(events)! // a concluded criminal defence, from its event log
 * const claim = Result.getOrThrow(claimFromCase(concluded, { stagesCompleted: ["prosecution-review", "trial"] }))
 * calculateCase(tables.panlong, claim)
 * ```
 * @category cases
 * @since 0.1.0
 */
export const claimFromCase = (c: Case, facts: CaseFacts = {}): Result.Result<Claim, InvalidClaim> => {
  const issues: Array<Issue> = []
  if (!payableStates.has(c.state)) issues.push({ path: "case.state", reason: `is ${c.state}: only a concluded or terminated case is paid` })
  if (c.lawyer === undefined && facts.lawyers === undefined) issues.push({ path: "case.lawyer", reason: "the case has no lawyer" })
  const terminated = c.termination !== undefined
  const endedOn = facts.endedOn ?? c.endedOn ?? (terminated ? chinaDate(c.lastOccurredAt) : undefined)
  if (endedOn === undefined) issues.push({ path: "facts.endedOn", reason: "the case has no end date: supply one" })
  const assignedOn = facts.assignedOn ?? c.lawyer?.since
  if (assignedOn === undefined) issues.push({ path: "facts.assignedOn", reason: "the case has no assignment date: supply one" })
  const service = facts.service ?? serviceOf(c.kind)
  const withdrawn: Ending | undefined = c.withdrawal === undefined ? undefined : c.withdrawal === "before-hearing" ? "withdrawn-before-hearing" : "withdrawn-during-hearing"
  const endedBy = facts.endedBy ?? (terminated ? "terminated" : withdrawn)
  if (endedBy === undefined && c.outcome === "withdrawn-by-party" && service !== "criminal") {
    issues.push({ path: "facts.endedBy", reason: "the matter was withdrawn: say whether before or during the hearing (recordOutcome's withdrawal)" })
  }
  const recipients = facts.recipients ?? c.recipients ?? 1
  if (!Number.isSafeInteger(recipients) || recipients < 1 || recipients > 100_000) issues.push({ path: "facts.recipients", reason: "must be a whole number from 1 to 100000" })
  if (facts.complexity !== undefined && (Ratio.compare(facts.complexity, Ratio.one) < 0 || Ratio.compare(facts.complexity, ten) > 0)) {
    issues.push({ path: "facts.complexity", reason: "must be a ratio from 1 to 10" })
  }
  if (issues.length > 0) return Result.fail(new InvalidClaim({ issues }))
  const claim: { -readonly [K in keyof Claim]: Claim[K] } = {
    region: c.region,
    caseId: c.id,
    service,
    assignedOn: assignedOn!,
    endedOn: endedOn!,
    endedBy: endedBy ?? "concluded",
    recipients
  }
  const stagesCompleted = facts.stagesCompleted ?? c.stagesCompleted
  if (stagesCompleted !== undefined) claim.stagesCompleted = stagesCompleted
  const possibleLifeOrDeath = facts.possibleLifeOrDeath ?? (facesLifeOrDeath(c) ? true : undefined)
  if (possibleLifeOrDeath !== undefined) claim.possibleLifeOrDeath = possibleLifeOrDeath
  if (facts.complexity !== undefined) claim.complexity = facts.complexity
  if (facts.outsideHomeCity !== undefined) claim.outsideHomeCity = facts.outsideHomeCity
  if (c.grade !== undefined) claim.grade = c.grade
  const lawyers = facts.lawyers ?? (c.lawyer === undefined ? undefined : [{ lawyerId: c.lawyer.lawyerId }])
  if (lawyers !== undefined) claim.lawyers = lawyers
  const more = claimIssues(claim, "")
  return more.length > 0 ? Result.fail(new InvalidClaim({ issues: more })) : Result.succeed(claim)
}


/**
 * Splits a subsidy among lawyers in proportion to their `share` (a weight; 1 when absent) with
 * `Money.allocate`: the parts sum exactly to the amount. Lawyers are taken in order of id, so the
 * order of the list does not matter (a leftover fen goes to the lower id on a tie).
 *
 * @example
 * ```ts
 * import { Money } from "fayuan"
 * import { allocate } from "fayuan/subsidy"
 * allocate({ amount: Money.fenUnsafe(100001) }, [{ lawyerId: "L2" }, { lawyerId: "L1" }])
 * // Result.succeed([{ lawyerId: "L1", amount: 50001 }, { lawyerId: "L2", amount: 50000 }])
 * ```
 * @category allocation
 * @since 0.1.0
 */
export const allocate = (
  subsidy: { readonly amount: Money.Fen },
  lawyers: ReadonlyArray<{ readonly lawyerId: string; readonly share?: Ratio.Ratio }>
): Result.Result<ReadonlyArray<Allocation>, Money.InvalidAllocation> => {
  const total = subsidy.amount
  const count = lawyers.length
  if (count === 1 && lawyers[0]!.share === undefined) return Result.succeed([{ lawyerId: lawyers[0]!.lawyerId, amount: total }])
  const sorted = count === 1 ? lawyers : [...lawyers].sort((a, b) =>
    a.lawyerId !== b.lawyerId ? (a.lawyerId < b.lawyerId ? -1 : 1) : Ratio.compare(a.share ?? Ratio.one, b.share ?? Ratio.one)
  )
  const parts = Money.allocate(total, sorted.map((l) => l.share ?? Ratio.one))
  if (Result.isFailure(parts)) return Result.fail(parts.failure)
  return Result.succeed(sorted.map((l, i) => ({ lawyerId: l.lawyerId, amount: parts.success[i]! })))
}
