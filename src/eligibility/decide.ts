/**
 * The eligibility decision: a pure function of an application, the rule book and any parameter
 * overrides. It applies the rule set in force on the application's date for its region, and
 * every decision cites the provisions it rests on.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import type { CitationId } from "../Citation.ts"
import * as Citation from "../Citation.ts"
import * as HardshipStandard from "../HardshipStandard.ts"
import type { Overrides, ResolvedParameter } from "../Parameter.ts"
import { lookup, noOverrides } from "../Parameter.ts"
import type { Ratio } from "../Ratio.ts"
import type { NoRuleSetInForce, Resolved, RuleBook } from "../RuleBook.ts"
import * as RuleBookModule from "../RuleBook.ts"
import { MissingParameter } from "../RuleBook.ts"
import type { ClaimRule, GroundRule, MandatoryGround, RuleSet } from "../RuleSet.ts"
import type { Application } from "./Application.ts"
import type {
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

/**
 * Options of {@link decide}.
 *
 * @category models
 */
export interface DecideOptions {
  /** The rule book to apply; `RuleBook.defaultRuleBook` when absent. */
  readonly book?: RuleBook
  /** Parameter overrides for this decision (see `Parameter.decodeOverrides`). */
  readonly parameters?: Overrides
  /** Record a trace of every rule checked (default `true`); `false` is faster. */
  readonly trace?: boolean
}

/**
 * Why no decision could be made: no rule set in force, or a parameter with no value.
 *
 * @category errors
 */
export type DecideError = NoRuleSetInForce | MissingParameter

const missingParameterSentinel = Symbol("missing-parameter")
const none: ReadonlyArray<never> = Object.freeze([])

class Run {
  // Allocated on first use: most decisions have no missing facts and no advisories.
  readonly citations: Array<CitationId> = []
  missing: ReadonlyArray<MissingFact> = none
  parameters: ReadonlyArray<ResolvedParameter> = none
  advisories: ReadonlyArray<Advisory> = none
  readonly trace: Array<TraceStep> | undefined
  requirements: Requirements = noRequirements
  error: MissingParameter | undefined
  readonly app: Application
  readonly rules: Resolved
  readonly overrides: Overrides
  private majority: number | undefined | null = null

  constructor(app: Application, rules: Resolved, overrides: Overrides, traced: boolean) {
    this.app = app
    this.rules = rules
    this.overrides = overrides
    this.trace = traced ? [] : undefined
  }

  /**
   * Completed years on the application date. In criminal matters 周岁 count from the day after
   * the birthday (SPCJ2006-2), from the day that interpretation took effect.
   */
  age(convention: "criminal" | "civil"): number | undefined {
    const birth = this.app.applicant.birthDate
    if (birth === undefined) return undefined
    const dayAfter = convention === "criminal" && this.app.date >= dayAfterBirthdayFrom
    return CalendarDate.ageOn(birth, this.app.date, dayAfter ? "day-after-birthday" : "birthday")
  }

  get set(): RuleSet {
    return this.rules.ruleSet
  }

  cite(id: CitationId): void {
    if (!this.citations.includes(id)) this.citations.push(id)
  }

  step(rule: string, result: TraceStep["result"], basis?: CitationId, detail?: string): void {
    if (this.trace === undefined) return
    const s: { rule: string; result: TraceStep["result"]; basis?: CitationId; detail?: string } = { rule, result }
    if (basis !== undefined) s.basis = basis
    if (detail !== undefined) s.detail = detail
    this.trace.push(s)
  }

  param(key: string, form?: HardshipStandard.HardshipForm): ResolvedParameter["value"] | typeof missingParameterSentinel {
    const found =
      (this.overrides.size === 0 ? undefined : this.overrides.get(key)) ??
      lookup(this.rules.book.parameters, key, this.rules.region, this.app.date)
    if (found === undefined) {
      this.error ??= new MissingParameter({
        key,
        region: this.rules.region,
        date: this.app.date,
        ...(form === undefined ? {} : { neededBy: `the hardship form ${HardshipStandard.describe(form)}` })
      })
      return missingParameterSentinel
    }
    if (this.parameters === none) this.parameters = [found]
    else if (!this.parameters.includes(found)) (this.parameters as Array<ResolvedParameter>).push(found)
    return found.value
  }

  integer(key: string, form?: HardshipStandard.HardshipForm): number | undefined {
    const v = this.param(key, form)
    return typeof v === "number" ? v : undefined
  }

  ratio(key: string, form?: HardshipStandard.HardshipForm): Ratio | undefined {
    const v = this.param(key, form)
    return typeof v === "object" ? v : undefined
  }

  advise(basis: CitationId | undefined, textZh: string, textEn: string): void {
    if (basis === undefined) return
    if (this.advisories === none) this.advisories = []
    ;(this.advisories as Array<Advisory>).push({ basis, textZh, textEn })
  }

  need(path: string, reasonZh: string, reasonEn: string, basis: ReadonlyArray<CitationId>): void {
    if (this.missing.some((m) => m.path === path)) return
    if (this.missing === none) this.missing = []
    ;(this.missing as Array<MissingFact>).push({ path, reasonZh, reasonEn, basis: [...basis, this.set.materialsBasis] })
  }

  /** `true`/`false` when the age is known, `undefined` when the birth date is missing. */
  isMinor(convention: "criminal" | "civil"): boolean | undefined {
    const age = this.age(convention)
    if (age === undefined) return undefined
    if (this.majority === null) this.majority = this.integer("age.majority")
    return this.majority === undefined ? undefined : age < this.majority
  }

  isElderly(): boolean | undefined {
    const age = this.age("civil")
    if (age === undefined) return undefined
    const elderly = this.integer("age.elderly")
    return elderly === undefined ? undefined : age >= elderly
  }
}

const noRequirements: Requirements = { basis: [] }
/** SPCJ2006-2 in force: from then on an accused is a minor through their 18th birthday. */
const dayAfterBirthdayFrom = "2006-01-23"
const assistanceStatuses = ["social-assistance", "judicial-assistance", "entitled-group"] as const
const criminalOnApplication = {
  "criminal-victim": "victimOnApplication",
  "private-prosecution": "privateProsecutionOnApplication",
  "incidental-civil": "incidentalCivilOnApplication"
} as const

/** Evaluates one mandatory ground; `undefined` when a fact it needs is missing. */
const groundFact = (run: Run, ground: MandatoryGround): boolean | undefined => {
  const { applicant, matter } = run.app
  switch (ground) {
    case "minor":
      return run.isMinor("criminal")
    case "sensory-disability":
      return applicant.disabilities.some((d) => sensory.has(d))
    case "blind-deaf-mute":
      // 盲、聋、哑 is total loss; a visual, hearing or speech disability of unstated degree may or may not be.
      if (applicant.disabilities.some((d) => d === "blind" || d === "deaf" || d === "mute")) return true
      return applicant.disabilities.some((d) => sensory.has(d)) ? undefined : false
    case "mental-incapacity":
      return applicant.disabilities.includes("mental")
    case "possible-life-imprisonment":
      return matter.possibleSentence === undefined ? undefined : matter.possibleSentence === "life"
    case "possible-death":
      return matter.possibleSentence === undefined ? undefined : matter.possibleSentence === "death"
    case "death-penalty-review":
      return matter.stage === undefined ? undefined : matter.stage === "death-penalty-review"
    case "in-absentia":
      return matter.inAbsentia === true
  }
}

/** The Law's visual, hearing and speech disabilities, of any degree (blindness is one). */
const sensory: ReadonlySet<string> = new Set(["visual", "hearing", "speech", "blind", "deaf", "mute"])

const groundFactPath: { readonly [G in MandatoryGround]: string } = {
  minor: "applicant.birthDate",
  "sensory-disability": "applicant.disabilities",
  "blind-deaf-mute": "applicant.disabilities",
  "mental-incapacity": "applicant.disabilities",
  "possible-life-imprisonment": "matter.possibleSentence",
  "possible-death": "matter.possibleSentence",
  "death-penalty-review": "matter.stage",
  "in-absentia": "matter.inAbsentia"
}

const factReason: { readonly [path: string]: readonly [zh: string, en: string] } = {
  "applicant.birthDate": ["出生日期：判断是否未成年人", "date of birth: whether the person is a minor"],
  "matter.possibleSentence": ["可能判处的刑罚：判断是否可能判处无期徒刑、死刑", "possible sentence: whether life imprisonment or death is possible"],
  "matter.stage": ["诉讼阶段", "stage of the proceedings"],
  "applicant.disabilities": [
    "残疾情况：视力、听力、言语残疾是否为盲、聋、哑",
    "disabilities: whether a visual, hearing or speech disability is blindness, deafness or muteness"
  ],
  "applicant.household": [
    "家庭人口、月收入及城乡类别：用于经济困难审查",
    "household members, monthly income and urban or rural area: for the means test"
  ],
  "matter.claims": ["申请事项", "what the matter claims"]
}

const needFact = (run: Run, path: string, basis: ReadonlyArray<CitationId>): void => {
  const [zh, en] = factReason[path] ?? [path, path]
  run.need(path, zh, en, basis)
}

/** Applies the requirement rules of the grounds that hold. */
const applyRequirements = (run: Run, grounds: ReadonlySet<MandatoryGround>): void => {
  let lawyerMinYears: number | undefined
  let minorsSpecialist: boolean | undefined
  const basis: Array<CitationId> = []
  for (const rule of run.set.criminal.requirements) {
    if (!rule.grounds.some((g) => grounds.has(g))) continue
    let applied = false
    if (rule.lawyerMinYearsParameter !== undefined) {
      const years = run.integer(rule.lawyerMinYearsParameter)
      if (years !== undefined && years > 0) {
        lawyerMinYears = Math.max(lawyerMinYears ?? 0, years)
        applied = true
      }
    }
    if (rule.minorsSpecialistParameter !== undefined && run.param(rule.minorsSpecialistParameter) === true) {
      minorsSpecialist = true
      applied = true
    }
    if (applied) {
      basis.push(rule.basis)
      run.cite(rule.basis)
      run.step("assignment.requirements", "applies", rule.basis)
    }
  }
  if (basis.length === 0) return
  const r: { lawyerMinYears?: number; minorsSpecialist?: boolean; basis: ReadonlyArray<CitationId> } = { basis }
  if (lawyerMinYears !== undefined) r.lawyerMinYears = lawyerMinYears
  if (minorsSpecialist !== undefined) r.minorsSpecialist = minorsSpecialist
  run.requirements = r
}

/** `a × b ≤ c × d` exactly, in doubles while safe and in BigInt beyond. */
/**
 * The highest whole number `t` with `t × d ≤ x × y` (or `<` when `strict`), exactly: `floor(x·y / d)`,
 * or `floor((x·y − 1) / d)` for a strict line. Falls back to bigint past 2^53.
 */
const lineFloor = (x: number, y: number, d: number, strict: boolean): number => {
  const n = x * y
  if (n <= Number.MAX_SAFE_INTEGER) return Math.floor((strict ? n - 1 : n) / d)
  const big = BigInt(x) * BigInt(y)
  return Number((strict ? big - 1n : big) / BigInt(d))
}

/**
 * The means test (`LAL-34`/`LAR-13` standards): exemptions first (`LAL-42`), then the household
 * figures. Returns the outcome it leads to, or "missing" when the household is not given.
 */
const meansTest = (run: Run, scope: ReadonlyArray<CitationId>): { test: MeansTest; outcome: Outcome } => {
  const { applicant, matter } = run.app
  for (const ex of run.rules.exemptions) {
    let holds: boolean | undefined
    switch (ex.kind) {
      case "no-fixed-income-vulnerable": {
        if (!applicant.statuses.includes("no-fixed-income")) holds = false
        else if (applicant.disabilities.length > 0) holds = true
        else {
          const minor = run.isMinor("civil")
          const elderly = run.isElderly()
          holds = minor === true || elderly === true ? true : minor === undefined ? undefined : false
        }
        break
      }
      case "assistance-recipient":
        holds = assistanceStatuses.some((s) => applicant.statuses.includes(s))
        break
      case "migrant-worker-wages-injury":
        holds =
          applicant.statuses.includes("migrant-worker") &&
          (matter.claims.includes("labour-remuneration") || matter.claims.includes("work-injury"))
        break
    }
    if (run.trace !== undefined) {
      run.step(`means-test.exemption.${ex.kind}`, holds === true ? "applies" : holds === false ? "does-not-apply" : "unknown", ex.basis)
    }
    if (holds === true) {
      run.cite(ex.basis)
      return { test: { status: "verification-exempt", basis: [ex.basis] }, outcome: "eligible" }
    }
  }
  const household = applicant.household
  const standard = run.set.meansTest.standardBasis
  if (household === undefined) {
    run.step("means-test.household", "unknown", standard, "household not given")
    needFact(run, "applicant.household", [standard])
    return { test: { status: "not-assessed" }, outcome: "incomplete" }
  }
  const { members, monthlyIncomeFen, area } = household
  const form = HardshipStandard.formFor(run.rules.book.hardshipForms, run.rules.region, run.app.date) ?? HardshipStandard.presumption
  const applied: AppliedForm = { region: form.region, validFrom: form.validFrom, verified: form.verified, presumed: form.presumed }
  const line = form[area]
  const keys = HardshipStandard.keysOf(area, line)
  const basis: Array<CitationId> = [...scope, standard]
  const citeStandard = (): void => {
    run.cite(standard)
    if (run.set.meansTest.declarationBasis !== undefined) {
      run.cite(run.set.meansTest.declarationBasis)
      basis.push(run.set.meansTest.declarationBasis)
    }
  }
  if (keys.reference === "low-income-status" || keys.amountKey === undefined || keys.ratioKey === undefined) {
    // A status test: the household must be recognised as low-income.
    const passed = applicant.statuses.includes("low-income")
    citeStandard()
    run.step(`means-test.${area}`, passed ? "passed" : "failed", standard, `${keys.reference}: ${passed ? "recognised" : "not recognised"} as low-income`)
    const test: MeansTestByStatus = { status: passed ? "recognised" : "not-recognised", area, reference: "low-income-status", form: applied, basis }
    return { test, outcome: passed ? "eligible" : "ineligible" }
  }
  const amount = run.integer(keys.amountKey, form)
  const ratio = run.ratio(keys.ratioKey, form)
  if (amount === undefined || ratio === undefined) return { test: { status: "not-assessed" }, outcome: "incomplete" }
  // The exact monthly line is members × (p/q) × amount (÷ 12 for an annual amount); the threshold is
  // the highest whole-fen income that passes: floor(line) when inclusive, ceil(line) − 1 when strict.
  const reference = keys.reference
  const per = keys.period === "annual" ? 12 * ratio.denominator : ratio.denominator
  const thresholdFen = lineFloor(members * ratio.numerator, amount, per, line.below === true)
  const passed = monthlyIncomeFen <= thresholdFen
  citeStandard()
  const marginFen = passed ? 0 : monthlyIncomeFen - thresholdFen
  if (run.trace !== undefined) {
    run.step(
      `means-test.${area}`,
      passed ? "passed" : "failed",
      standard,
      `income ${monthlyIncomeFen} fen/month for ${members}, line ${thresholdFen} fen/month${passed ? "" : `, ${marginFen} fen above`}`
    )
  }
  const test: MeansTestComputed = {
    status: passed ? "passed" : "failed",
    area,
    reference,
    form: applied,
    members,
    monthlyIncomeFen,
    thresholdFen,
    marginFen,
    basis
  }
  return { test, outcome: passed ? "eligible" : "ineligible" }
}

interface Verdict {
  readonly outcome: Outcome
  readonly meansTest: MeansTest
}

const notAssessed: MeansTest = { status: "not-assessed" }

const hasLawyer = (run: Run, basis: CitationId, rule: string): Verdict | undefined => {
  if (!run.app.applicant.hasLawyer) {
    run.step(rule, "does-not-apply", basis, "no lawyer or agent yet")
    return undefined
  }
  run.step(rule, "applies", basis, "already has a lawyer or agent: aid is for those without one")
  run.cite(basis)
  return { outcome: "ineligible", meansTest: notAssessed }
}

const onApplication = (
  run: Run,
  basis: CitationId,
  unknown: ReadonlyArray<readonly [string, CitationId]>,
  alsoCites: ReadonlyArray<CitationId> = none
): Verdict => {
  run.cite(basis)
  for (const b of alsoCites) run.cite(b)
  run.step("criminal.on-application", "applies", basis)
  const { test, outcome } = meansTest(run, [basis])
  for (const [path, b] of unknown) needFact(run, path, [b])
  if (run.app.applicant.statuses.includes("detained")) {
    run.advise(
      run.set.criminal.detaineeForwarding,
      "被羁押人员的申请应在二十四小时内转交法律援助机构",
      "A detained person's application is passed on to the legal aid institution within 24 hours"
    )
  }
  return { outcome: run.missing.length > 0 ? "incomplete" : outcome, meansTest: test }
}

const criminalDefence = (run: Run): Verdict => {
  const crim = run.set.criminal
  const stage = run.app.matter.stage
  // At trial before 2022 the court designates the defender (LAR-12-1); elsewhere the accused applies.
  const onApplicationBasis = stage === "trial" && crim.defenceAtTrial !== undefined ? crim.defenceAtTrial : crim.defenceOnApplication
  const lawyer = hasLawyer(run, onApplicationBasis, "criminal.has-defence-lawyer")
  if (lawyer !== undefined) return lawyer
  const applied = new Set<MandatoryGround>()
  const basis: Array<CitationId> = []
  const unknown: Array<readonly [string, CitationId]> = []
  for (const rule of crim.mandatory) {
    const stageOk: boolean | undefined =
      rule.stages === undefined ? true : stage === undefined ? undefined : rule.stages.includes(stage)
    const fact = stageOk === false ? false : groundFact(run, rule.ground)
    const result = stageOk === false || fact === false ? "does-not-apply" : stageOk === true && fact === true ? "applies" : "unknown"
    if (run.trace !== undefined) run.step(`criminal.mandatory.${rule.ground}`, result, rule.basis, stageDetail(run, rule))
    if (result === "applies") {
      applied.add(rule.ground)
      basis.push(rule.basis)
      run.cite(rule.basis)
    } else if (result === "unknown") {
      unknown.push([stageOk === undefined ? "matter.stage" : groundFactPath[rule.ground], rule.basis])
    }
  }
  if (applied.has("minor") && run.isMinor("civil") === false) {
    // Only on the birthday itself does the day-after rule change the answer: cite it then.
    run.cite("SPCJ2006-2")
  }
  if (applied.size > 0) {
    applyRequirements(run, applied)
    run.step("criminal.mandatory", "applies", basis[0], "an organ must notify the legal aid institution; no means test")
    return { outcome: "mandatory", meansTest: { status: "not-required", basis } }
  }
  if (crim.dutyLawyer !== undefined) {
    // The accused has no defender and none is yet assigned: the duty lawyer's help is part of the answer.
    run.cite(crim.dutyLawyer)
    run.step("criminal.duty-lawyer", "applies", crim.dutyLawyer, "legal help from a duty lawyer until a defender is assigned")
    run.advise(crim.dutyLawyer, "没有辩护人的，可由值班律师提供法律帮助", "Until a lawyer is assigned, a duty lawyer can give legal help")
  }
  if (stage === "trial" && run.app.matter.procedure === "ordinary") {
    run.advise(
      crim.discretionaryAtTrial,
      "适用普通程序审理的，人民法院可以通知法律援助机构指派律师",
      "In an ordinary-procedure trial the court may notify the institution to assign a lawyer"
    )
  }
  return onApplication(run, onApplicationBasis, unknown, crim.defenceAlsoCites)
}

/**
 * A victim, private prosecutor or incidental civil plaintiff applies from a stage on (LAR-11-1-2,
 * LAR-11-1-3, CPL-46-1): before it the application is `not-yet-eligible`; with no stage given, the
 * stage is a missing fact.
 */
const partyOnApplication = (run: Run, kind: keyof typeof criminalOnApplication): Verdict => {
  const rule = run.set.criminal[criminalOnApplication[kind]]
  const lawyer = hasLawyer(run, rule.basis, `criminal.${kind}.has-agent`)
  if (lawyer !== undefined) return lawyer
  const from = rule.from
  const unknown: Array<readonly [string, CitationId]> = []
  if (from !== undefined) {
    const stage = run.app.matter.stage
    if (stage === undefined) {
      run.step(`criminal.${kind}.from`, "unknown", from.basis, `may apply from: ${from.stages.join(", ")}`)
      unknown.push(["matter.stage", from.basis])
    } else if (!from.stages.includes(stage)) {
      run.step(`criminal.${kind}.from`, "does-not-apply", from.basis, `${stage} is before the stage from which one may apply (${from.stages.join(", ")})`)
      run.cite(rule.basis)
      run.cite(from.basis)
      return { outcome: "not-yet-eligible", meansTest: notAssessed }
    } else {
      run.step(`criminal.${kind}.from`, "applies", from.basis)
    }
  }
  return onApplication(run, rule.basis, unknown, rule.alsoCites)
}

const stageDetail = (run: Run, rule: GroundRule): string | undefined =>
  run.trace === undefined || rule.stages === undefined ? undefined : `only at: ${rule.stages.join(", ")}`

const compulsoryTreatment = (run: Run): Verdict => {
  const basis = run.set.criminal.compulsoryTreatment
  if (basis === undefined) {
    run.step("criminal.compulsory-treatment", "does-not-apply", undefined, `no provision in ${run.set.id}`)
    run.cite(run.set.civil.scopeBasis)
    return { outcome: "ineligible", meansTest: notAssessed }
  }
  const lawyer = hasLawyer(run, basis, "criminal.compulsory-treatment.has-agent")
  if (lawyer !== undefined) return lawyer
  run.step("criminal.compulsory-treatment", "applies", basis, "the court must notify; no means test")
  run.cite(basis)
  const also = run.set.criminal.compulsoryTreatmentAlsoCites ?? none
  for (const b of also) run.cite(b)
  return { outcome: "mandatory", meansTest: { status: "not-required", basis: [basis, ...also] } }
}

const civil = (run: Run): Verdict => {
  const { applicant, matter } = run.app
  const scope = run.set.civil.scopeBasis
  const lawyer = hasLawyer(run, scope, "civil.has-agent")
  if (lawyer !== undefined) return lawyer
  if (run.set.criminal.requirements.length > 0 && run.isMinor("civil") === true) applyRequirements(run, minorOnly)
  if (matter.claims.length === 0) {
    run.step("civil.scope", "unknown", scope, "no claim given")
    needFact(run, "matter.claims", [scope])
    return { outcome: "incomplete", meansTest: notAssessed }
  }
  const free: Array<ClaimRule> = []
  const tested: Array<ClaimRule> = []
  if (run.trace !== undefined) {
    for (const rule of run.rules.claims) {
      const holds = matter.claims.includes(rule.claim)
      run.step(`civil.claim.${rule.claim}`, holds ? "applies" : "does-not-apply", rule.basis)
      if (holds) (rule.meansTest ? tested : free).push(rule)
    }
  } else {
    // Only the (few) claims given, then back into rule order so the result does not depend on theirs.
    for (const claim of matter.claims) {
      const rules = run.rules.claimIndex.get(claim)
      if (rules !== undefined) for (const rule of rules) (rule.meansTest ? tested : free).push(rule)
    }
    if (free.length > 1) free.sort(byRuleOrder(run.rules.claims))
    if (tested.length > 1) tested.sort(byRuleOrder(run.rules.claims))
  }
  if (free.length > 0) {
    const basis = basisOf(free)
    for (const b of basis) run.cite(b)
    run.step("civil.no-means-test", "applies", basis[0], "the financial-difficulty condition does not apply")
    return { outcome: "eligible", meansTest: { status: "not-required", basis } }
  }
  let scopeBasis = basisOf(tested)
  if (scopeBasis.length === 0) {
    const groups: Array<{ readonly basis: CitationId }> = []
    let unknownGroup = false
    for (const g of run.rules.applicantGroups) {
      const holds =
        g.group === "disabled"
          ? applicant.disabilities.length > 0
          : g.group === "minor"
            ? run.isMinor("civil")
            : g.group === "elderly"
              ? run.isElderly()
              : applicant.statuses.includes("social-assistance") && applicant.household?.area === "rural"
      if (run.trace !== undefined) {
        run.step(`civil.applicant-group.${g.group}`, holds === true ? "applies" : holds === false ? "does-not-apply" : "unknown", g.basis)
      }
      if (holds === true) groups.push(g)
      if (holds === undefined) unknownGroup = true
    }
    scopeBasis = basisOf(groups)
    if (scopeBasis.length === 0 && unknownGroup) {
      needFact(run, "applicant.birthDate", run.rules.applicantGroups.map((g) => g.basis))
      return { outcome: "incomplete", meansTest: notAssessed }
    }
  }
  if (scopeBasis.length === 0) {
    run.step("civil.scope", "does-not-apply", scope, "no claim is among the matters in scope")
    run.cite(scope)
    return { outcome: "ineligible", meansTest: notAssessed }
  }
  for (const b of scopeBasis) run.cite(b)
  const { test, outcome } = meansTest(run, scopeBasis)
  return { outcome, meansTest: test }
}

const minorOnly: ReadonlySet<MandatoryGround> = new Set(["minor"])

const byRuleOrder =
  (order: ReadonlyArray<ClaimRule>) =>
  (a: ClaimRule, b: ClaimRule): number =>
    order.indexOf(a) - order.indexOf(b)

const basisOf = (rules: ReadonlyArray<{ readonly basis: CitationId }>): Array<CitationId> => {
  const out: Array<CitationId> = []
  for (let i = 0; i < rules.length; i++) if (!out.includes(rules[i]!.basis)) out.push(rules[i]!.basis)
  return out
}

/**
 * Decides an application under the rules in force on its date for its region.
 *
 * The result cites every provision it rests on; names the rule set used; lists what the
 * assignment must satisfy (`LAL-26` years of practice, a lawyer suited to minors); lists every
 * missing fact at once when the outcome is `incomplete` (`LAL-43`); reports the means test with the
 * margin above the line when it fails; and, unless `trace: false`, traces every rule checked.
 * Fails only when no rule set covers the date or a needed parameter has no value.
 *
 * @example
 * import { decide, decodeApplication } from "fayuan/eligibility"
 * import { Result } from "effect"
 * const app = Result.getOrThrow(decodeApplication({
 *   date: "2024-05-10", region: "530103",
 *   applicant: { birthDate: "2008-03-01", disabilities: [], statuses: [], hasLawyer: false },
 *   matter: { kind: "criminal-defence", stage: "investigation", claims: [] }
 * }))
 * const decision = Result.getOrThrow(decide(app))
 * decision.outcome   // "mandatory"
 * decision.citations // ["LAL-25-1-1", "CPL-278", "MPL-104-2"]
 *
 * @category deciding
 */
export const decide = (application: Application, options?: DecideOptions): Result.Result<Decision, DecideError> => {
  const book = options?.book ?? RuleBookModule.defaultRuleBook
  const resolved = RuleBookModule.resolve(book, application.region, application.date)
  if (Result.isFailure(resolved)) return Result.fail(resolved.failure)
  const run = new Run(application, resolved.success, options?.parameters ?? noOverrides, options?.trace !== false)
  const kind = application.matter.kind
  let verdict: Verdict
  switch (kind) {
    case "criminal-defence":
      verdict = criminalDefence(run)
      break
    case "compulsory-treatment":
      verdict = compulsoryTreatment(run)
      break
    case "criminal-victim":
    case "private-prosecution":
    case "incidental-civil":
      verdict = partyOnApplication(run, kind)
      break
    default:
      verdict = civil(run)
  }
  if (run.error !== undefined) return Result.fail(run.error)
  if (verdict.outcome === "incomplete") run.cite(run.set.materialsBasis)
  const decision: { -readonly [K in keyof Decision]: Decision[K] } = {
    outcome: verdict.outcome,
    meansTest: verdict.meansTest,
    citations: run.citations.length > 1 ? run.citations.sort(Citation.order) : run.citations,
    ruleSet: resolved.success.descriptor,
    date: application.date,
    region: application.region,
    requirements: run.requirements,
    missing: run.missing,
    parameters: run.parameters,
    advisories: run.advisories
  }
  if (run.trace !== undefined) decision.trace = run.trace
  return Result.succeed(decision)
}

/**
 * {@link decide}, throwing the error instead of returning it. For scripts and tests.
 *
 * @category deciding
 */
export const decideUnsafe = (application: Application, options?: DecideOptions): Decision =>
  Result.getOrThrow(decide(application, options))
