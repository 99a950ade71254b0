/**
 * The words of an application's facts: disabilities, documented statuses, possible sentences and
 * trial procedures. (The matter's kinds, stages and claims are the rule sets' words, in `RuleSet`.)
 * Plain data, with no Schema, so that a browser bundle can build its form from them.
 *
 * @since 0.1.0
 */

/**
 * Disabilities the rules distinguish. `visual`, `hearing` and `speech` are the Law's disabilities of
 * any degree (视力、听力、言语残疾, `LAL-25-1-2`); `blind`, `deaf` and `mute` are their total form, the
 * 盲、聋、哑 that the Criminal Procedure Law and the 2003 Regulation name (`CPL-35-2`, `LAR-12-2`).
 * Record the total form when it is known: before 2022 a visual disability of unstated degree leaves
 * the ground open. `mental` means the person cannot fully recognise their own conduct.
 *
 * @category vocabulary
 */
export const disabilities = ["visual", "hearing", "speech", "blind", "deaf", "mute", "mental", "intellectual", "physical"] as const

/** @category vocabulary */
export type Disability = (typeof disabilities)[number]

/**
 * Documented statuses of the applicant.
 *
 * @category vocabulary
 */
export const statuses = [
  "migrant-worker",
  "social-assistance",
  "judicial-assistance",
  "entitled-group",
  "no-fixed-income",
  "low-income",
  "detained"
] as const

/** @category vocabulary */
export type Status = (typeof statuses)[number]

/**
 * Possible sentences in a criminal matter.
 *
 * @category vocabulary
 */
export const sentences = ["fixed-term", "life", "death"] as const

/** @category vocabulary */
export type PossibleSentence = (typeof sentences)[number]

/**
 * Criminal trial procedures (`ordinary` lets the court notify at its discretion, `LAL-25-2`).
 *
 * @category vocabulary
 */
export const procedures = ["ordinary", "summary", "fast-track"] as const

/** @category vocabulary */
export type Procedure = (typeof procedures)[number]
