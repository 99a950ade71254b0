/**
 * From an eligibility decision to what the case records of it.
 *
 * @since 0.1.0
 */
import type { Decision } from "../eligibility/Decision.ts"
import type { EligibilitySummary } from "./Event.ts"

/**
 * The summary a `decide` (or `completeFormalities`, or an upheld objection) command carries:
 * outcome, means test, citations, rule set, and what the assignment must satisfy.
 *
 * @example
 * import type { Decision } from "fayuan/eligibility"
 * import { summarise } from "fayuan/lifecycle"
 * declare const decision: Decision // from decide(application)
 * const command = { type: "decide", eligibility: summarise(decision) } as const
 *
 * @category eligibility
 */
export const summarise = (decision: Decision): EligibilitySummary => {
  const r = decision.requirements
  const requirements: { lawyerMinYears?: number; minorsSpecialist?: boolean } = {}
  if (r.lawyerMinYears !== undefined) requirements.lawyerMinYears = r.lawyerMinYears
  if (r.minorsSpecialist !== undefined) requirements.minorsSpecialist = r.minorsSpecialist
  const base = { outcome: decision.outcome, meansTest: decision.meansTest.status, citations: decision.citations, ruleSetId: decision.ruleSet.id }
  return Object.keys(requirements).length === 0 ? base : { ...base, requirements }
}
