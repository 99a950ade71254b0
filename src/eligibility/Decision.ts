/**
 * What `decide` returns: the outcome, the means test, the citations it rests on, the rule set it
 * used, what the assignment must satisfy, the facts still missing, the parameters it read, and a
 * trace of every rule it checked.
 *
 * @since 0.1.0
 */
import type { AssignmentRequirements } from "../AssignmentRequirements.ts"
import type { CitationId } from "../Citation.ts"
import type { Reference } from "../HardshipStandard.ts"
import type { ResolvedParameter } from "../Parameter.ts"

/**
 * - `mandatory`: an organ must notify and aid follows, with no means test;
 * - `eligible`: aid is to be granted;
 * - `ineligible`: it is not (the citations say why);
 * - `not-yet-eligible`: the applicant may apply only from a later stage of the proceedings (a
 *   victim from the transfer for prosecution review, `LAR-11-1-2`, `CPL-46-1`; a private
 *   prosecutor before 2022 from the court's acceptance, `LAR-11-1-3`); the citations say from when;
 * - `incomplete`: facts are missing; `missing` lists all of them at once (`LAL-43-2`).
 *
 * @category models
 */
export type Outcome = "mandatory" | "eligible" | "ineligible" | "not-yet-eligible" | "incomplete"

/**
 * Every {@link Outcome}.
 *
 * @category models
 */
export const outcomes = ["mandatory", "eligible", "ineligible", "not-yet-eligible", "incomplete"] as const

/**
 * Every means-test status (see {@link MeansTest}).
 *
 * @category models
 */
export const meansTestStatuses = [
  "not-required",
  "verification-exempt",
  "passed",
  "failed",
  "recognised",
  "not-recognised",
  "not-assessed"
] as const

/**
 * The means test as applied:
 * - `not-required`: the case needs none (mandatory defence, `LAL-32` matters);
 * - `verification-exempt`: hardship taken as shown by a documented status (`LAL-42`);
 * - `passed` / `failed`: computed against the standard, with the figures;
 * - `recognised` / `not-recognised`: where the standard is a recognised low-income status;
 * - `not-assessed`: not reached (out of scope, already represented) or facts missing.
 *
 * @category models
 */
export type MeansTest =
  | { readonly status: "not-required"; readonly basis: ReadonlyArray<CitationId> }
  | { readonly status: "verification-exempt"; readonly basis: ReadonlyArray<CitationId> }
  | MeansTestComputed
  | MeansTestByStatus
  | { readonly status: "not-assessed" }

/**
 * The hardship form a means test applied: the region that set it, since when, and how sure fayuan
 * is of it (see `HardshipStandard.HardshipForm`).
 *
 * @category models
 */
export interface AppliedForm {
  readonly region: string
  readonly validFrom: string
  readonly verified: boolean
  readonly presumed: boolean
}

/**
 * A computed means test. `thresholdFen` is the highest whole-fen monthly household income that
 * passes (the exact line rounded down, `floor`); `marginFen` is how far the income is above it when
 * the test fails (0 when it passes) — the boundary itself passes.
 *
 * @category models
 */
export interface MeansTestComputed {
  readonly status: "passed" | "failed"
  readonly area: "urban" | "rural"
  /** What the line is measured against. */
  readonly reference: Exclude<Reference, "low-income-status">
  readonly form: AppliedForm
  readonly members: number
  readonly monthlyIncomeFen: number
  readonly thresholdFen: number
  readonly marginFen: number
  readonly basis: ReadonlyArray<CitationId>
}

/**
 * A means test by recognised status (`low-income-status` forms, Hunan's from 2024): `recognised`
 * (the means test is met) when the applicant's household is recognised as low-income (status
 * `low-income`), `not-recognised` otherwise.
 *
 * @category models
 */
export interface MeansTestByStatus {
  readonly status: "recognised" | "not-recognised"
  readonly area: "urban" | "rural"
  readonly reference: "low-income-status"
  readonly form: AppliedForm
  readonly basis: ReadonlyArray<CitationId>
}

/**
 * What the assignment must satisfy, with the provisions it rests on (`basis` is always given on a
 * decision): the one {@link AssignmentRequirements} concept.
 *
 * @category models
 */
export type Requirements = AssignmentRequirements & { readonly basis: ReadonlyArray<CitationId> }

/**
 * A fact the decision needs and the application lacks.
 *
 * @category models
 */
export interface MissingFact {
  /** Path in the application, e.g. `applicant.household`. */
  readonly path: string
  readonly reasonZh: string
  readonly reasonEn: string
  readonly basis: ReadonlyArray<CitationId>
}

/**
 * One rule checked: which, under what provision, and its result.
 *
 * @category models
 */
export interface TraceStep {
  /** A stable rule name, e.g. `criminal.mandatory.minor`. */
  readonly rule: string
  readonly basis?: CitationId
  readonly result: "applies" | "does-not-apply" | "unknown" | "passed" | "failed"
  readonly detail?: string
}

/**
 * Something the centre should know that does not change the outcome (a duty lawyer is available,
 * a detainee's application must be forwarded within 24 hours, the court may notify).
 *
 * @category models
 */
export interface Advisory {
  readonly basis: CitationId
  readonly textZh: string
  readonly textEn: string
}

/**
 * A decision.
 *
 * @category models
 */
export interface Decision {
  readonly outcome: Outcome
  readonly meansTest: MeansTest
  /** Every provision the decision rests on, in canonical order. */
  readonly citations: ReadonlyArray<CitationId>
  readonly ruleSet: {
    readonly id: string
    readonly validFrom: string
    readonly validTo?: string
    readonly layers: ReadonlyArray<string>
  }
  readonly date: string
  readonly region: string
  readonly requirements: Requirements
  readonly missing: ReadonlyArray<MissingFact>
  /** Parameters read, with their origin and whether they were verified. */
  readonly parameters: ReadonlyArray<ResolvedParameter>
  readonly advisories: ReadonlyArray<Advisory>
  /** Every rule checked, in order (absent when the caller asked for no trace). */
  readonly trace?: ReadonlyArray<TraceStep>
}
