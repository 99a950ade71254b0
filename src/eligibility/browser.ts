/**
 * `fayuan/eligibility/browser`: the pre-check a citizen runs in a page before applying — decode the
 * form, `decide` under the shipped rule book, show the outcome, the missing facts and the articles.
 *
 * The same names and the same results as `fayuan/eligibility`, without effect's Schema runtime and
 * without any Node built-in: `decodeApplication` here is the hand-written decoder (the same issues,
 * paths and reasons as the Schema one), and `decide` is the same function. Bundled and minified
 * with the rule book it stays within 60 kB gzipped (`test/browser-bundle.test.ts` holds it there).
 * The GB/T 2260 names of the divisions are not in it (`Region.name` of `fayuan` has them).
 *
 * @example
 * import { decide, decodeApplication, Citation } from "fayuan/eligibility/browser"
 * import { Result } from "effect"
 * const app = decodeApplication({
 *   date: "2024-05-10", region: "530103",
 *   applicant: { disabilities: [], statuses: [], hasLawyer: false, household: { members: 3, monthlyIncomeFen: 250000, area: "urban" } },
 *   matter: { kind: "labour-arbitration", claims: ["labour-remuneration"] }
 * })
 * if (Result.isSuccess(app)) {
 *   const decision = decide(app.success, { trace: false })
 *   if (Result.isSuccess(decision)) for (const id of decision.success.citations) console.log(Citation.articleZh(id), Citation.describe(id)?.summaryZh)
 * }
 *
 * @since 0.2.0
 */
import { fenUnsafe, format, fromYuan, toYuanString } from "../Money.ts"

export { decodeApplicationLight as decodeApplication } from "./decodeApplicationLight.ts"
export { formatPath, InvalidApplication } from "./InvalidApplication.ts"
export type { Issue } from "./InvalidApplication.ts"
export type { Applicant, Application, Household, Matter } from "./Application.ts"
export { disabilities, procedures, sentences, statuses } from "./vocabulary.ts"
export type { Disability, PossibleSentence, Procedure, Status } from "./vocabulary.ts"
export { decide, decideUnsafe } from "./decide.ts"
export type { DecideError, DecideOptions } from "./decide.ts"
export { meansTestStatuses, outcomes } from "./Decision.ts"
export type {
  Advisory,
  AppliedForm,
  Decision,
  MeansTest,
  MeansTestByStatus,
  MeansTestComputed,
  MissingFact,
  Outcome,
  Requirements,
  TraceStep
} from "./Decision.ts"
export { claims, mandatoryGrounds, matterKinds, stages } from "../RuleSet.ts"
export type { Claim, MandatoryGround, MatterKind, Stage } from "../RuleSet.ts"
export { defaultRuleBook } from "../RuleBook.ts"
export type { MissingParameter, NoRuleSetInForce, RuleBook } from "../RuleBook.ts"
export type { Overrides } from "../Parameter.ts"
export { decodeOverrides } from "../Parameter.ts"
/** The provisions a decision cites: `Citation.describe(id)`, `Citation.articleZh(id)`, the sources. */
export * as Citation from "../Citation.ts"
export type { Fen, InvalidAmount } from "../Money.ts"

/**
 * The amounts a form needs, as `Money` of `fayuan` names them: `Money.fromYuan("3200.50")` reads
 * the income typed in yuan into fen, `Money.format(Money.fenUnsafe(n))` and `Money.toYuanString`
 * show one.
 * (The whole module would bring its `Fen` schema, and with it the Schema runtime.)
 *
 * @example
 * import { Money } from "fayuan/eligibility/browser"
 * Money.fromYuan("3200.50") // Result.succeed(320050)
 *
 * @category amounts
 */
export const Money = { fromYuan, fenUnsafe, format, toYuanString } as const
