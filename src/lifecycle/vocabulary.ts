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
 * The materials an applicant may be asked for, all at once (一次性告知, `LAL-43-2`): codes, never
 * free text, so nothing personal enters the append-only log. A document addressed to the
 * applicant prints them in words ({@link materialNames}).
 *
 * @category vocabulary
 */
export const materials = [
  "identity-document",
  "agent-authority",
  "financial-statement",
  "financial-proof",
  "exemption-proof",
  "case-materials",
  "residence-proof",
  "other"
] as const

/** @category vocabulary */
export type Material = (typeof materials)[number]

/**
 * The materials in words, Chinese and English.
 *
 * @category vocabulary
 */
export const materialNames: { readonly [M in Material]: { readonly zh: string; readonly en: string } } = {
  "identity-document": { zh: "申请人的身份证件", en: "the applicant's identity document" },
  "agent-authority": { zh: "代理人的身份证明和代理权限证明", en: "the agent's identity and authority" },
  "financial-statement": { zh: "经济困难状况说明表", en: "the statement of financial hardship" },
  "financial-proof": { zh: "经济困难状况的证明材料", en: "proof of financial hardship" },
  "exemption-proof": { zh: "免予核查经济困难状况的证明材料（如最低生活保障证、特困人员证明）", en: "proof of exemption from the means check (a minimum living allowance certificate, say)" },
  "case-materials": { zh: "与所申请法律援助事项有关的材料", en: "materials on the matter the application concerns" },
  "residence-proof": { zh: "住所地或者经常居住地的证明", en: "proof of domicile or habitual residence" },
  other: { zh: "其他材料（见当面或书面告知）", en: "other materials (as told in person or in writing)" }
}

/**
 * The filters of case assignment, in the order every lawyer of the pool passes them
 * (qualification `LAL-26`/`MPL-104-2`, specialty, languages, conflicts of interest, the
 * recipient's complaint `LAL-55`, capacity, area).
 *
 * @category vocabulary
 */
export const assignmentFilters = ["qualification", "specialty", "language", "conflict", "complaint", "capacity", "area"] as const

/** @category vocabulary */
export type AssignmentFilter = (typeof assignmentFilters)[number]

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
