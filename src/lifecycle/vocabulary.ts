/**
 * The words of the case lifecycle: states, roles, channels, organs, grades, clock kinds.
 *
 * @since 0.1.0
 */

/**
 * Every state a case can be in.
 *
 * @category vocabulary
 */
export const states = [
  "received",
  "awaiting-materials",
  "under-review",
  "granted",
  "refused",
  "refusal-objection",
  "refusal-final",
  "withdrawn",
  "assigned",
  "in-progress",
  "terminated",
  "termination-objection",
  "concluded",
  "quality-assessed",
  "archived"
] as const

/** @category vocabulary */
export type State = (typeof states)[number]

/**
 * States no command leaves.
 *
 * @category vocabulary
 */
export const terminalStates: ReadonlyArray<State> = ["withdrawn", "refusal-final", "archived"]

/**
 * Who acts: `intake` registers and requests materials; `reviewer` decides; `bureau` (the justice
 * bureau) decides objections; `dispatcher` assigns; `lawyer` works on their own cases; `quality`
 * grades; `finance` approves subsidies; `auditor` only reads.
 *
 * @category vocabulary
 */
export const roles = ["intake", "reviewer", "bureau", "dispatcher", "lawyer", "quality", "finance", "auditor"] as const

/** @category vocabulary */
export type Role = (typeof roles)[number]

/**
 * How an application came in: at the centre, a workstation, a liaison point, the 12348 hotline,
 * online, or forwarded from detention (`LAL-39`: within 24 hours).
 *
 * @category vocabulary
 */
export const channels = ["centre", "workstation", "liaison-point", "hotline-12348", "online", "detention-forwarded"] as const

/** @category vocabulary */
export type Channel = (typeof channels)[number]

/**
 * The organs that notify the institution (`LAL-25`, `LAL-28`, `LAL-36`).
 *
 * @category vocabulary
 */
export const organs = ["court", "procuratorate", "public-security"] as const

/** @category vocabulary */
export type Organ = (typeof organs)[number]

/**
 * Quality grades: 优秀 excellent, 良好 good, 合格 pass, 不合格 fail.
 *
 * @category vocabulary
 */
export const grades = ["excellent", "good", "pass", "fail"] as const

/** @category vocabulary */
export type Grade = (typeof grades)[number]

/** Chinese names of the grades. */
export const gradeNamesZh: { readonly [G in Grade]: string } = { excellent: "优秀", good: "良好", pass: "合格", fail: "不合格" }

/**
 * Why a case moves to another lawyer: a recipient's complaint (`LAL-55`), a conflict of interest
 * found, or the lawyer being unavailable.
 *
 * @category vocabulary
 */
export const reassignReasons = ["complaint", "conflict", "unavailable"] as const

/** @category vocabulary */
export type ReassignReason = (typeof reassignReasons)[number]

/**
 * How a matter ended.
 *
 * @category vocabulary
 */
export const outcomes = ["judgment", "mediation", "settlement", "award", "withdrawn-by-party", "non-prosecution", "other"] as const

/** @category vocabulary */
export type MatterOutcome = (typeof outcomes)[number]

/**
 * When a party withdrew the matter (`withdrawn-by-party`): before the hearing or during it.
 *
 * @category vocabulary
 */
export const withdrawals = ["before-hearing", "during-hearing"] as const

/** @category vocabulary */
export type Withdrawal = (typeof withdrawals)[number]

/**
 * The statutory clocks a case runs.
 *
 * @category vocabulary
 */
export const clockKinds = [
  "decision",
  "materials-supply",
  "assignment-after-grant",
  "assignment-after-notification",
  "refusal-objection",
  "termination-objection",
  "closing-materials",
  "detainee-forwarding"
] as const

/** @category vocabulary */
export type ClockKind = (typeof clockKinds)[number]
