/**
 * What the assignment of a case must satisfy, one concept wherever it appears — on the
 * eligibility decision, on the case's events, in the assignment's filters: a lawyer with enough
 * years of relevant practice (`LAL-26`: life imprisonment, death, death-penalty review) and one
 * suited to minors (`MPL-104-2`), with the provisions that ask for them.
 *
 * @example
 * ```ts
 * import { AssignmentRequirements } from "fayuan"
 * const r: AssignmentRequirements.AssignmentRequirements = { lawyerMinYears: 3, basis: ["LAL-26"] }
 * ```
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import * as Citation from "./Citation.ts"

const KnownCitation = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => Citation.isKnown(s) || "a known citation id"))
) as unknown as Schema.Codec<Citation.CitationId, string>

/**
 * The schema of the requirements: each field optional.
 *
 * @category schemas
 */
export const AssignmentRequirements = Schema.Struct({
  /** Minimum years of relevant practice of the assigned lawyer (`LAL-26`). */
  lawyerMinYears: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 100 })))),
  /** The lawyer must be suited to minors (`MPL-104-2`). */
  minorsSpecialist: Schema.optionalKey(Schema.Boolean),
  /** The provisions the requirements rest on. */
  basis: Schema.optionalKey(Schema.Array(KnownCitation))
})

/** @category models */
export type AssignmentRequirements = typeof AssignmentRequirements.Type
