/**
 * The classes of matter an evaluation counts by (civil, criminal, other) and the kinds in each.
 *
 * @since 0.1.0
 */
import type { EligibilitySummary } from "../lifecycle/Event.ts"
import type { ClockKind, Grade } from "../lifecycle/vocabulary.ts"
import type { MatterKind } from "../RuleSet.ts"
import { matterKinds } from "../RuleSet.ts"

// ---------------------------------------------------------------------------------------------
// Classes of matter

/**
 * The classes a report counts cases in.
 *
 * @category vocabulary
 */
export const matterClassNames = ["civil", "criminal", "other"] as const

/** @category vocabulary */
export type MatterClass = (typeof matterClassNames)[number]

/**
 * The class of each kind of matter, as data (used by the SQL and the JavaScript computation
 * alike). Criminal: defence, victims, private prosecutions, incidental civil claims in criminal
 * proceedings and compulsory treatment (the criminal procedure kinds). Civil: civil matters and
 * labour arbitration (a labour dispute is a civil matter arbitrated before it is litigated).
 * Other: administrative and non-litigation matters. 🟡 The seed does not say how its 19 "other"
 * cases were classed; the Ministry of Justice's statistical forms were not read.
 *
 * @category vocabulary
 */
export const matterClasses: { readonly [K in MatterKind]: MatterClass } = {
  "criminal-defence": "criminal",
  "criminal-victim": "criminal",
  "private-prosecution": "criminal",
  "incidental-civil": "criminal",
  "compulsory-treatment": "criminal",
  civil: "civil",
  "labour-arbitration": "civil",
  administrative: "other",
  "non-litigation": "other"
}

/**
 * The kinds of matter in a class.
 *
 * @example
 * import { kindsOfClass } from "fayuan/evaluation"
 * kindsOfClass("civil") // ["civil", "labour-arbitration"]
 *
 * @category vocabulary
 */
export const kindsOfClass = (c: MatterClass): ReadonlyArray<MatterKind> => matterKinds.filter((k) => matterClasses[k] === c)

/**
 * The class of a kind of matter; an unknown kind is `other`.
 *
 * @category vocabulary
 */
export const matterClassOf = (kind: string): MatterClass => matterClasses[kind as MatterKind] ?? "other"

export const classOf = matterClassOf

/**
 * Quality grades that pass (合格 or better).
 *
 * @category vocabulary
 */
export const passingGrades: ReadonlyArray<Grade> = ["excellent", "good", "pass"]

/**
 * Eligibility outcomes that entitle to aid (with notified cases, the denominator of
 * `aid.special-groups-rate`).
 *
 * @category vocabulary
 */
export const entitledOutcomes: ReadonlyArray<EligibilitySummary["outcome"]> = ["eligible", "mandatory"]

/**
 * The clocks each timeliness measure counts.
 *
 * @category vocabulary
 */
export const timelinessClocks = {
  decision: ["decision"],
  assignment: ["assignment-after-grant", "assignment-after-notification"],
  "closing-materials": ["closing-materials"]
} as const satisfies Record<string, ReadonlyArray<ClockKind>>

/** @category vocabulary */
export type TimelinessKey = keyof typeof timelinessClocks

export const timelinessKeys = Object.keys(timelinessClocks) as ReadonlyArray<TimelinessKey>

/** The timeliness measure a clock kind counts in, if any. */
export const timelinessOf = (kind: string): TimelinessKey | undefined => timelinessKeys.find((k) => (timelinessClocks[k] as ReadonlyArray<string>).includes(kind))
