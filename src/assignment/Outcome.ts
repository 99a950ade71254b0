/**
 * What case assignment answers: the filters, each exclusion with its reason, the candidates in
 * rotation order, and the outcome for one case or a batch.
 *
 * @since 0.1.0
 */
import type { CitationId } from "../Citation.ts"
import { assignmentFilters } from "../lifecycle/vocabulary.ts"
import type { AssignmentRationale } from "../lifecycle/Event.ts"
import type { Lawyer } from "./Input.ts"

/**
 * The filters, in the order they are applied. A lawyer is excluded by the first that fails.
 *
 * @category vocabulary
 */
export const filters = assignmentFilters

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
 * on a further tie; see `tieBreak`).
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
  /** The lines of {@link explainRationale} for this choice, Chinese / English. */
  readonly explanation: ReadonlyArray<string>
  /** Why, as data: what the case's event records (ids, counts and filters, never free text). */
  readonly rationale: AssignmentRationale
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
