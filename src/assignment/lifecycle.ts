/**
 * Assignment and the case lifecycle: what to assign is read from the case (its requirements from
 * the eligibility decision or the notice, the lawyers replaced after a complaint), and the choice
 * becomes the `assign` (or `reassign`) command whose event records the explanation.
 *
 * @since 0.1.0
 */
import type { Case } from "../lifecycle/Case.ts"
import type { CommandOf } from "../lifecycle/Command.ts"
import type { ReassignReason } from "../lifecycle/vocabulary.ts"
import type { CaseToAssign } from "./Input.ts"
import type { Assigned } from "./Outcome.ts"

/**
 * The case to assign, from a case in the lifecycle plus what only the host knows (languages,
 * specialty, opposing parties, co-defendants' lawyers, catchment area).
 *
 * @example
 * ```ts
 * import { assign, assignCommand, caseToAssign, type Lawyer } from "fayuan/assignment"
 * import { execute, type Case, type Context } from "fayuan/lifecycle"
 * declare const current: Case
 * declare const pool: ReadonlyArray<Lawyer>
 * declare const ctx: Context
 * const choice = assign(caseToAssign(current, { specialty: "labour" }), pool)
 * if (choice._tag === "Assigned") execute(current.id, assignCommand(choice), ctx)
 * // Or let the store keep the counts: assignCase(current.id, profiles, ctx)
 * ```
 *
 * @category lifecycle
 */
export const caseToAssign = (c: Case, extra: Omit<Partial<CaseToAssign>, "caseId" | "region" | "kind" | "requirements"> = {}): CaseToAssign => {
  const requirements: { lawyerMinYears?: number; minorsSpecialist?: boolean } = {}
  if (c.requirements?.lawyerMinYears !== undefined) requirements.lawyerMinYears = c.requirements.lawyerMinYears
  if (c.requirements?.minorsSpecialist !== undefined) requirements.minorsSpecialist = c.requirements.minorsSpecialist
  const excluded = [...new Set([...c.excludedLawyers, ...(extra.excludedLawyers ?? [])])]
  return { ...extra, caseId: c.id, region: c.region, kind: c.kind, requirements, ...(excluded.length > 0 ? { excludedLawyers: excluded } : {}) }
}

/**
 * The `assign` command for a choice: its event records the explanation.
 *
 * @category lifecycle
 */
export const assignCommand = (choice: Assigned): CommandOf<"assign"> => ({
  type: "assign",
  lawyerId: choice.lawyerId,
  firmId: choice.firmId,
  rationale: choice.rationale
})

/**
 * The `reassign` command for a choice (after a complaint, a conflict found, or unavailability).
 *
 * @category lifecycle
 */
export const reassignCommand = (choice: Assigned, reason: ReassignReason): CommandOf<"reassign"> => ({
  type: "reassign",
  lawyerId: choice.lawyerId,
  firmId: choice.firmId,
  reason,
  rationale: choice.rationale
})
