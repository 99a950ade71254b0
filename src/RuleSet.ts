/**
 * Rule sets: the eligibility rules of one legal era as data.
 *
 * A rule set says which facts make aid mandatory (and under which article), which matters are in
 * scope on application, which claims need a means test, who is exempt from verifying their
 * finances, and what the assignment must satisfy. The decision procedure in `fayuan/eligibility`
 * is generic over it; a rule set is chosen by the date that matters (`validFrom`/`validTo`), and a
 * province adds its own matters through a {@link RuleLayer}.
 *
 * @since 0.1.0
 */
import type * as CalendarDate from "./CalendarDate.ts"
import type { CitationId } from "./Citation.ts"
import type * as Region from "./Region.ts"

/**
 * The kinds of matter an application can concern.
 *
 * @category vocabulary
 */
export const matterKinds = [
  "criminal-defence",
  "criminal-victim",
  "private-prosecution",
  "incidental-civil",
  "compulsory-treatment",
  "civil",
  "administrative",
  "labour-arbitration",
  "non-litigation"
] as const

/** @category vocabulary */
export type MatterKind = (typeof matterKinds)[number]

/**
 * Stages of criminal proceedings.
 *
 * @category vocabulary
 */
export const stages = ["investigation", "prosecution-review", "trial", "death-penalty-review"] as const

/** @category vocabulary */
export type Stage = (typeof stages)[number]

/**
 * The claims of civil, administrative, arbitration and non-litigation matters.
 *
 * @category vocabulary
 */
export const claims = [
  "state-compensation",
  "social-insurance",
  "social-assistance",
  "survivor-pension",
  "maintenance",
  "labour-remuneration",
  "civil-capacity",
  "work-injury",
  "traffic-accident",
  "food-drug-safety",
  "medical-accident",
  "environmental-damage",
  "hero-martyr-rights",
  "act-of-bravery",
  "retrial-acquittal-compensation",
  "domestic-violence",
  "abuse",
  "abandonment",
  "contract",
  "property",
  "other"
] as const

/** @category vocabulary */
export type Claim = (typeof claims)[number]

/**
 * Facts that make a criminal defence mandatory (an organ must notify; no means test).
 *
 * @category vocabulary
 */
export const mandatoryGrounds = [
  "minor",
  "sensory-disability",
  "mental-incapacity",
  "possible-life-imprisonment",
  "possible-death",
  "death-penalty-review",
  "in-absentia"
] as const

/** @category vocabulary */
export type MandatoryGround = (typeof mandatoryGrounds)[number]

/**
 * A provision that makes the defence mandatory on a ground, at the listed stages (all stages when
 * `stages` is absent).
 *
 * @category models
 */
export interface GroundRule {
  readonly ground: MandatoryGround
  readonly basis: CitationId
  readonly stages?: ReadonlyArray<Stage>
}

/**
 * A claim in scope: the provision that puts it there and whether the means test applies.
 *
 * @category models
 */
export interface ClaimRule {
  readonly claim: Claim
  readonly basis: CitationId
  readonly meansTest: boolean
}

/**
 * Exemptions from verifying finances (hardship taken as shown by a documented status):
 * - `no-fixed-income-vulnerable`: a minor, elderly or disabled person without fixed income;
 * - `assistance-recipient`: social assistance, judicial assistance or an entitled group;
 * - `migrant-worker-wages-injury`: a migrant worker claiming wages or work-injury compensation.
 *
 * @category vocabulary
 */
export type ExemptionKind = "no-fixed-income-vulnerable" | "assistance-recipient" | "migrant-worker-wages-injury"

/** @category models */
export interface ExemptionRule {
  readonly kind: ExemptionKind
  readonly basis: CitationId
}

/**
 * Groups of applicants a province may bring into scope for any civil matter.
 *
 * @category vocabulary
 */
export type ApplicantGroup = "disabled" | "minor" | "elderly" | "rural-minimum-living"

/** @category models */
export interface ApplicantGroupRule {
  readonly group: ApplicantGroup
  readonly basis: CitationId
  readonly meansTest: boolean
}

/**
 * What the assignment must satisfy when a ground applies: minimum years of practice and a lawyer
 * suited to minors, each read from a parameter so a region can change it.
 *
 * @category models
 */
export interface RequirementRule {
  readonly grounds: ReadonlyArray<MandatoryGround>
  readonly lawyerMinYearsParameter?: string
  readonly minorsSpecialistParameter?: string
  readonly basis: CitationId
}

/**
 * The rules of one era for one region (usually national).
 *
 * @category models
 */
export interface RuleSet {
  readonly id: string
  readonly titleZh: string
  readonly titleEn: string
  readonly region: Region.RegionCode
  readonly validFrom: CalendarDate.CalendarDate
  readonly validTo?: CalendarDate.CalendarDate
  readonly criminal: {
    readonly mandatory: ReadonlyArray<GroundRule>
    /** The provision under which an accused without a lawyer applies (means test). */
    readonly defenceOnApplication: CitationId
    readonly victimOnApplication: CitationId
    readonly privateProsecutionOnApplication: CitationId
    readonly incidentalCivilOnApplication: CitationId
    /** Compulsory medical treatment without an agent: the court must notify. */
    readonly compulsoryTreatment?: CitationId
    /** The court may notify in other ordinary-procedure trials. */
    readonly discretionaryAtTrial?: CitationId
    /** Duty lawyers help any accused without a lawyer. */
    readonly dutyLawyer?: CitationId
    /** A detainee's application is passed on within 24 hours. */
    readonly detaineeForwarding?: CitationId
    readonly requirements: ReadonlyArray<RequirementRule>
  }
  readonly civil: {
    /** The provision listing the matters in scope (cited when a matter is out of scope). */
    readonly scopeBasis: CitationId
    readonly claims: ReadonlyArray<ClaimRule>
    readonly applicantGroups: ReadonlyArray<ApplicantGroupRule>
  }
  readonly meansTest: {
    /** Who sets the standard. */
    readonly standardBasis: CitationId
    /** How finances are declared and verified. */
    readonly declarationBasis?: CitationId
    readonly exemptions: ReadonlyArray<ExemptionRule>
  }
  /** Missing materials: list them all at once; unsupplied means withdrawn. */
  readonly materialsBasis: CitationId
  /** Where a rule set comes from, for people reading a decision. */
  readonly sources: ReadonlyArray<string>
}

/**
 * A region's additions to the rule set in force (a province's extra matters, groups, exemptions).
 *
 * @category models
 */
export interface RuleLayer {
  readonly id: string
  readonly titleZh: string
  readonly titleEn: string
  readonly region: Region.RegionCode
  readonly validFrom: CalendarDate.CalendarDate
  readonly validTo?: CalendarDate.CalendarDate
  readonly claims: ReadonlyArray<ClaimRule>
  readonly applicantGroups: ReadonlyArray<ApplicantGroupRule>
  readonly exemptions: ReadonlyArray<ExemptionRule>
  readonly verified: boolean
}

/**
 * `true` when `date` (YYYY-MM-DD) falls in the period.
 *
 * @category predicates
 */
export const inForce = (period: { readonly validFrom: string; readonly validTo?: string }, date: string): boolean =>
  period.validFrom <= date && (period.validTo === undefined || date <= period.validTo)

/**
 * How a statutory period is counted: calendar days (a period ending on a holiday runs to the next
 * working day), working days of the official calendar, hours, or days before a trial date.
 *
 * @category vocabulary
 */
export type Counting = "calendar-days" | "working-days" | "hours" | "days-before-trial"

/**
 * One statutory period: its length, how it is counted, and the provision that sets it. A length
 * read from a parameter (local practice) names the parameter instead.
 *
 * @category models
 */
export interface PeriodRule {
  readonly counting: Counting
  readonly length?: number
  readonly lengthParameter?: string
  readonly basis: CitationId
}

/**
 * The procedure of an era: the periods its clocks run by, and the termination grounds.
 *
 * @category models
 */
export interface ProcedureRules {
  readonly id: string
  readonly titleZh: string
  readonly titleEn: string
  readonly region: Region.RegionCode
  readonly validFrom: CalendarDate.CalendarDate
  readonly validTo?: CalendarDate.CalendarDate
  /** Deciding on an application. Absent when the law sets no period ("promptly"). */
  readonly decision?: PeriodRule
  readonly assignmentAfterGrant?: { readonly criminal: PeriodRule; readonly civil: PeriodRule }
  readonly assignmentAfterNotification?: PeriodRule
  /** Assignment after a notification that names a trial date (before 2022: 3 days before trial). */
  readonly assignmentBeforeTrial?: PeriodRule
  readonly refusalObjection?: PeriodRule
  /** Absent when a termination cannot be objected to. */
  readonly terminationObjection?: PeriodRule
  readonly closingMaterials: PeriodRule
  readonly materialsSupply: PeriodRule
  /** A detainee's application is passed on within this many hours. */
  readonly detaineeForwarding?: PeriodRule
  readonly terminationGrounds: ReadonlyArray<CitationId>
  /** What supports an urgent pre-grant; absent when the era has none. */
  readonly preGrant?: ReadonlyArray<CitationId>
  readonly complaintBasis?: CitationId
}
