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
 * Stages of criminal proceedings. `filing` is a private prosecution brought to the court and not yet
 * accepted (立案受理之前); a public prosecution runs investigation → prosecution review → trial →
 * (death-penalty review).
 *
 * @category vocabulary
 */
export const stages = ["filing", "investigation", "prosecution-review", "trial", "death-penalty-review"] as const

/**
 * The stages a case is handled (and paid) in: every stage but `filing`.
 *
 * @category vocabulary
 */
export const proceedingStages = ["investigation", "prosecution-review", "trial", "death-penalty-review"] as const

/** @category vocabulary */
export type ProceedingStage = (typeof proceedingStages)[number]

/** @category vocabulary */
export type Stage = (typeof stages)[number]

/**
 * The claims of civil, administrative, arbitration and non-litigation matters.
 * `labour-remuneration` is a claim for wages (劳动报酬) and `labour-relationship` one to confirm a
 * labour relationship (确认劳动关系): the Law puts both in scope (`LAL-31-1-5`) but exempts a
 * migrant worker from verification only for the first (`LAL-42-1-3`), and the 2003 Regulation
 * names wages only (`LAR-10-1-5`).
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
  "labour-relationship",
  "civil-capacity",
  "work-injury",
  "traffic-accident",
  "food-drug-safety",
  "medical-accident",
  "product-quality",
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
 * `sensory-disability` is the Law's visual, hearing or speech disability of any degree
 * (视力、听力、言语残疾人, `LAL-25-1-2`); `blind-deaf-mute` the narrower 盲、聋、哑人 of the Criminal
 * Procedure Law and the 2003 Regulation (`CPL-35-2`, `LAR-12-2`).
 *
 * @category vocabulary
 */
export const mandatoryGrounds = [
  "minor",
  "sensory-disability",
  "blind-deaf-mute",
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
 * From which stage a party may apply (`LAR-11-1-2`: a victim from the transfer for prosecution
 * review; `LAR-11-1-3`: a private prosecutor from the court's acceptance). An application at an
 * earlier stage is `not-yet-eligible`, citing `basis`.
 *
 * @category models
 */
export interface StartRule {
  readonly stages: ReadonlyArray<Stage>
  readonly basis: CitationId
}

/**
 * An application in a criminal matter: the provision it rests on, the provisions that state the
 * same right beside it, and the stages from which it may be made (any stage when `from` is absent).
 *
 * @category models
 */
export interface ApplicationRule {
  readonly basis: CitationId
  readonly alsoCites?: ReadonlyArray<CitationId>
  readonly from?: StartRule
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
    /** At trial, when it differs: before 2022 the court designates a defender (`LAR-12-1`). */
    readonly defenceAtTrial?: CitationId
    /** Provisions stating the accused's right to apply beside the main one (`CPL-35-1`). */
    readonly defenceAlsoCites?: ReadonlyArray<CitationId>
    readonly victimOnApplication: ApplicationRule
    readonly privateProsecutionOnApplication: ApplicationRule
    readonly incidentalCivilOnApplication: ApplicationRule
    /** Compulsory medical treatment without an agent: the court must notify. */
    readonly compulsoryTreatment?: CitationId
    /** Provisions that impose the same notification duty beside `compulsoryTreatment`. */
    readonly compulsoryTreatmentAlsoCites?: ReadonlyArray<CitationId>
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
