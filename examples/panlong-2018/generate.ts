/**
 * A seeded generator of synthetic 2018 records for Panlong District (530103) that agree with the
 * 2018 self-evaluation (`test/data/panlong-2018.json`): 864 cases (577 civil, 268 criminal, 19
 * other), 4,818 consultations over the 1 + 26 + 103 network, 70 drafted documents, 24 outreach
 * events handing out 19,000 materials, 180 duty shifts on three sites, 12 sub-district offices,
 * and the rest of the report's figures. Everything else (dates, claims, grades, who applied where)
 * is invented from the seed: the same seed gives the same year, to the byte.
 *
 * Nothing here is personal data: applicants are described by age, household and claim only.
 */
import { CalendarDate, WorkCalendar } from "fayuan"
import type { MatterKind } from "fayuan/eligibility"
import type { Grade, MatterOutcome } from "fayuan/lifecycle"
import figures from "../../test/data/panlong-2018.json" with { type: "json" }

/** A small, fast, seeded generator (mulberry32). */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number
const pick = <A>(random: Random, items: ReadonlyArray<A>): A => items[Math.floor(random() * items.length)]!
const between = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1))
/** Picks by weight. */
const weighted = <A>(random: Random, items: ReadonlyArray<readonly [A, number]>): A => {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = random() * total
  for (const [item, w] of items) {
    r -= w
    if (r < 0) return item
  }
  return items[items.length - 1]![0]
}
/** Splits `total` into `parts` positive integers (each ≥ `min`), seeded. */
const splitCount = (random: Random, total: number, parts: number, min = 1): Array<number> => {
  const out = Array.from({ length: parts }, () => min)
  for (let left = total - min * parts; left > 0; left--) out[Math.floor(random() * parts)]! += 1
  return out
}

const day = CalendarDate.makeUnsafe
const calendar = WorkCalendar.china

export const region = "530103"
export const year = 2018

/** The working days of 2018 on the State Council's calendar. */
export const workingDays = (): ReadonlyArray<CalendarDate.CalendarDate> => {
  const out: Array<CalendarDate.CalendarDate> = []
  for (let d = day("2018-01-01"); d <= day("2018-12-31"); d = CalendarDate.addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) out.push(d)
  }
  return out
}

// ——— the network: 1 centre + 26 workstations + 103 liaison points, 12 sub-district offices ———

export interface PlannedPoint {
  readonly id: string
  readonly level: "centre" | "workstation" | "liaison-point" | "sub-district-office"
  readonly subDistrict?: string
  readonly openedOn: CalendarDate.CalendarDate
}

/** The 12 sub-district judicial offices (司法所), as network points of their own. */
const subDistricts = Array.from({ length: figures.network.subDistrictOffices }, (_, i) => `PL-SD${String(i + 1).padStart(2, "0")}`)

const network = (random: Random): ReadonlyArray<PlannedPoint> => {
  const points: Array<PlannedPoint> = [{ id: "PL-C", level: "centre", openedOn: day("2010-01-01") }]
  for (const id of subDistricts) points.push({ id, level: "sub-district-office", openedOn: day("2010-01-01") })
  for (let i = 1; i <= figures.network.workstations; i++) {
    points.push({ id: `PL-W${String(i).padStart(2, "0")}`, level: "workstation", subDistrict: subDistricts[(i - 1) % subDistricts.length]!, openedOn: day("2015-06-01") })
  }
  for (let i = 1; i <= figures.network.liaisonPoints; i++) {
    points.push({ id: `PL-L${String(i).padStart(3, "0")}`, level: "liaison-point", subDistrict: pick(random, subDistricts), openedOn: day("2016-03-01") })
  }
  return points
}

// ——— cases ———

/** The facts of one synthetic case, from intake to the end of its year. */
export interface PlannedCase {
  readonly id: string
  readonly kind: MatterKind
  readonly class: "civil" | "criminal" | "other"
  readonly origin: "application" | "notification"
  readonly organ?: "court" | "procuratorate" | "public-security"
  readonly grounds?: ReadonlyArray<string>
  readonly channel?: "centre" | "workstation" | "liaison-point" | "hotline-12348"
  readonly receivedOn: CalendarDate.CalendarDate
  /** The eligibility application (no personal data: an age, a household, a claim). */
  readonly application?: unknown
  readonly groups: ReadonlyArray<"migrant-worker" | "minor" | "disabled" | "elderly" | "women">
  readonly specialty: string
  /** Working days from receipt to the decision (applications). */
  readonly decisionAfter: number
  /** Working days from the grant (or the notice) to the assignment. */
  readonly assignAfter: number
  /** Criminal stages done by the lawyer (for the subsidy). */
  readonly stages: ReadonlyArray<"investigation" | "prosecution-review" | "trial">
  readonly possibleLifeOrDeath: boolean
  readonly recipients: number
  /** How the case ends, if it ends in 2018. */
  readonly end?: {
    readonly endedOn: CalendarDate.CalendarDate
    readonly outcome: MatterOutcome
    readonly concludedAfter: number
    readonly grade?: Grade
    readonly withdrawal?: "before-hearing" | "during-hearing"
  }
}

const monthWeights = [0.85, 0.6, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 0.95, 0.8, 1.0, 1.1]

const receivedDates = (random: Random, n: number): Array<CalendarDate.CalendarDate> => {
  const days = workingDays()
  const weights = days.map((d) => [d, monthWeights[CalendarDate.month(d) - 1]!] as const)
  return Array.from({ length: n }, () => weighted(random, weights)).sort()
}

const civilClaims = [
  ["labour-remuneration", 34],
  ["traffic-accident", 18],
  ["work-injury", 12],
  ["maintenance", 12],
  ["social-insurance", 8],
  ["medical-accident", 5],
  ["domestic-violence", 5],
  ["abandonment", 3],
  ["survivor-pension", 3]
] as const
/** "Other" is neither civil (with labour arbitration) nor criminal: administrative and non-litigation matters. */
const otherKinds = [["administrative", 12], ["non-litigation", 7]] as const

/** A household under the 2018 hardship line (urban: 1,400 yuan a month per member; see the rule book). */
const household = (random: Random) => {
  const members = between(random, 1, 5)
  return { members, monthlyIncomeFen: members * between(random, 0, 12) * 10000, area: "urban" }
}

const planCases = (random: Random): ReadonlyArray<PlannedCase> => {
  const classes: Array<PlannedCase["class"]> = [
    ...Array<PlannedCase["class"]>(figures.counts.casesCivil).fill("civil"),
    ...Array<PlannedCase["class"]>(figures.counts.casesCriminal).fill("criminal"),
    ...Array<PlannedCase["class"]>(figures.counts.casesOther).fill("other")
  ]
  // Shuffle the classes over the year's intake dates.
  for (let i = classes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[classes[i], classes[j]] = [classes[j]!, classes[i]!]
  }
  const dates = receivedDates(random, classes.length)
  return classes.map((cls, i) => {
    const id = `PL-2018-${String(i + 1).padStart(4, "0")}`
    const receivedOn = dates[i]!
    const decisionAfter = random() < 0.985 ? between(random, 1, 5) : between(random, 8, 10)
    const assignAfter = random() < 0.98 ? between(random, 0, 2) : between(random, 4, 6)
    const groups: Array<PlannedCase["groups"][number]> = []
    const base = { id, receivedOn, decisionAfter, assignAfter, recipients: 1, possibleLifeOrDeath: false }
    if (cls === "criminal") {
      const minor = random() < 0.2
      const disabled = !minor && random() < 0.07
      const lifeOrDeath = !minor && !disabled && random() < 0.12
      // The organs must notify on these grounds; the other accused apply, means-tested.
      const notified = minor || disabled || lifeOrDeath
      if (minor) groups.push("minor")
      if (disabled) groups.push("disabled")
      const stages: PlannedCase["stages"] = weighted(random, [[["trial"], 6], [["prosecution-review", "trial"], 3], [["investigation", "prosecution-review", "trial"], 1]] as const)
      // The 2012/2018 Criminal Procedure Law's grounds: minors (CPL-267), sensory or mental
      // disability (CPL-34-2), possible life or death sentence (CPL-34-3).
      // Renumbered from 2018-10-26 (CPL-278, CPL-35-x).
      const renumbered = receivedOn >= "2018-10-26"
      const grounds = minor
        ? [renumbered ? "CPL-278" : "CPL-267"]
        : [renumbered ? `CPL-35-${disabled ? 2 : 3}` : `CPL-34-${disabled ? 2 : 3}`]
      const end = planEnd(random, receivedOn, "criminal")
      if (notified) {
        return {
          ...base,
          kind: "criminal-defence",
          class: cls,
          origin: "notification",
          organ: weighted(random, [["court", 6], ["procuratorate", 3], ["public-security", 1]] as const),
          grounds,
          groups,
          specialty: "criminal",
          stages,
          possibleLifeOrDeath: lifeOrDeath,
          ...(end === undefined ? {} : { end })
        }
      }
      return {
        ...base,
        kind: "criminal-defence",
        class: cls,
        origin: "application",
        channel: pick(random, ["centre", "centre", "workstation"] as const),
        application: {
          date: receivedOn,
          region,
          applicant: { birthDate: `${between(random, 1960, 1996)}-0${between(random, 1, 9)}-1${between(random, 0, 9)}`, disabilities: [], statuses: ["detained"], hasLawyer: false, household: household(random) },
          matter: { kind: "criminal-defence", stage: stages[0], possibleSentence: "fixed-term", claims: [] }
        },
        groups,
        specialty: "criminal",
        stages,
        ...(end === undefined ? {} : { end })
      }
    }
    const kind: MatterKind = cls === "civil" ? weighted(random, [["civil", 85], ["labour-arbitration", 15]] as const) : weighted(random, otherKinds)
    const claim =
      kind === "administrative"
        ? pick(random, ["social-insurance", "state-compensation", "work-injury"] as const)
        : kind === "labour-arbitration"
          ? pick(random, ["labour-remuneration", "labour-remuneration", "work-injury", "social-insurance"] as const)
          : weighted(random, civilClaims)
    const migrant = claim === "labour-remuneration" || (claim === "work-injury" && random() < 0.6)
    if (migrant) groups.push("migrant-worker")
    const elderly = random() < 0.06
    if (elderly) groups.push("elderly")
    if (claim === "maintenance" && random() < 0.5) groups.push("minor")
    if (claim === "domestic-violence") groups.push("women")
    if (random() < 0.04) groups.push("disabled")
    const birthYear = elderly ? between(random, 1938, 1956) : between(random, 1962, 1998)
    const end = planEnd(random, receivedOn, kind === "civil" ? "civil" : "other")
    return {
      ...base,
      kind,
      class: cls,
      origin: "application",
      channel: weighted(random, [["centre", 5], ["workstation", 3], ["liaison-point", 1], ["hotline-12348", 1]] as const),
      application: {
        date: receivedOn,
        region,
        applicant: {
          birthDate: `${birthYear}-0${between(random, 1, 9)}-1${between(random, 0, 9)}`,
          disabilities: groups.includes("disabled") ? ["physical"] : [],
          statuses: migrant ? ["migrant-worker"] : [],
          hasLawyer: false,
          household: household(random)
        },
        matter: { kind, claims: [claim] }
      },
      groups,
      specialty: claim === "labour-remuneration" || claim === "work-injury" || kind === "labour-arbitration" ? "labour" : claim === "maintenance" || claim === "domestic-violence" || claim === "abandonment" ? "family" : "civil",
      stages: [],
      recipients: claim === "labour-remuneration" && random() < 0.1 ? between(random, 2, 12) : 1,
      ...(end === undefined ? {} : { end })
    }
  })
}

/** How a case ends; only civil cases are withdrawn before or during the hearing (the standard's early-end rows). */
const planEnd = (random: Random, receivedOn: CalendarDate.CalendarDate, kind: "civil" | "criminal" | "other"): PlannedCase["end"] => {
  const length = kind === "criminal" ? between(random, 25, 110) : between(random, 30, 160)
  const endedOn = CalendarDate.addDays(receivedOn, length)
  const concludedAfter = random() < 0.97 ? between(random, 3, 20) : between(random, 32, 40)
  if (CalendarDate.addDays(endedOn, concludedAfter + 8) > day("2018-12-31")) return undefined
  const withdrawal = kind === "civil" && random() < 0.06 ? (random() < 0.6 ? "before-hearing" : "during-hearing") : undefined
  const outcome: MatterOutcome =
    withdrawal !== undefined ? "withdrawn-by-party" : kind === "criminal" ? "judgment" : weighted(random, [["judgment", 4], ["mediation", 4], ["settlement", 2]] as const)
  const grade: Grade = weighted(random, [["excellent", 18], ["good", 52], ["pass", 29], ["fail", 1]] as const)
  return { endedOn, outcome, concludedAfter, grade, ...(withdrawal === undefined ? {} : { withdrawal }) }
}

// ——— consultations, documents, activities ———

export interface PlannedConsultation {
  readonly id: string
  readonly on: CalendarDate.CalendarDate
  readonly channel: "visit" | "hotline-12348" | "online"
  readonly pointId: string
  readonly topic: "labour" | "family" | "debt" | "tort" | "property" | "other"
}

const planConsultations = (random: Random, points: ReadonlyArray<PlannedPoint>): ReadonlyArray<PlannedConsultation> => {
  const days = workingDays()
  const total = figures.counts.consultations
  // Every point gives free consultation: at least two per workstation and one per liaison point;
  // the centre (which runs the 12348 hotline) takes the rest.
  const perPoint = new Map<string, number>()
  const consulting = points.filter((p) => p.level !== "sub-district-office")
  for (const p of consulting) perPoint.set(p.id, p.level === "workstation" ? between(random, 40, 70) : p.level === "liaison-point" ? between(random, 3, 12) : 0)
  const assigned = [...perPoint.values()].reduce((a, b) => a + b, 0)
  perPoint.set("PL-C", total - assigned)
  const out: Array<PlannedConsultation> = []
  for (const p of consulting) {
    for (let k = 0; k < perPoint.get(p.id)!; k++) {
      const channel = p.level === "centre" ? weighted(random, [["visit", 5], ["hotline-12348", 4], ["online", 1]] as const) : "visit"
      out.push({ id: "", on: pick(random, days), channel, pointId: p.id, topic: weighted(random, [["labour", 30], ["family", 25], ["debt", 15], ["tort", 12], ["property", 8], ["other", 10]] as const) })
    }
  }
  out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.pointId < b.pointId ? -1 : a.pointId > b.pointId ? 1 : 0))
  return out.map((c, i) => ({ ...c, id: `PL-Q-${String(i + 1).padStart(5, "0")}` }))
}

export interface PlannedDocument {
  readonly id: string
  readonly on: CalendarDate.CalendarDate
  readonly pointId: string
  readonly documentKind: "complaint" | "defence" | "application" | "appeal" | "other"
}

export interface PlannedActivity {
  readonly id: string
  readonly on: CalendarDate.CalendarDate
  readonly kind:
    | "outreach-event"
    | "lecture"
    | "handbooks-printed"
    | "film"
    | "information-article"
    | "case-library-selection"
    | "terminal-installed"
    | "equipment-placed"
  readonly quantity: number
  /** Materials handed out at an outreach event. */
  readonly materials?: number
  readonly adopted?: boolean
  readonly audience?: ReadonlyArray<string>
  readonly pointId?: string
}

const planActivities = (random: Random, points: ReadonlyArray<PlannedPoint>): ReadonlyArray<PlannedActivity> => {
  const days = workingDays()
  const out: Array<Omit<PlannedActivity, "id">> = []
  const c = figures.counts
  const materials = splitCount(random, c.outreachMaterials, c.outreachEvents, 200)
  const audiences = [["migrant-worker"], ["minor"], ["ethnic-minority"], ["elderly"], ["disabled"], ["women"]]
  for (let i = 0; i < c.outreachEvents; i++) {
    out.push({ on: pick(random, days), kind: "outreach-event", quantity: 1, materials: materials[i]!, audience: audiences[i % audiences.length]!, pointId: pick(random, points.filter((p) => p.level !== "sub-district-office")).id })
  }
  for (let i = 0; i < c.lecturesAtSubDistrictOffices; i++) out.push({ on: pick(random, days), kind: "lecture", quantity: 1, pointId: subDistricts[i]! })
  // Handbooks for minors, migrant workers, disabled persons… printed in four runs.
  for (const q of splitCount(random, c.handbooksPrinted, 4, 2000)) out.push({ on: pick(random, days), kind: "handbooks-printed", quantity: q })
  for (let i = 0; i < 2; i++) out.push({ on: pick(random, days), kind: "film", quantity: 1 })
  const adopted = new Set<number>()
  while (adopted.size < c.informationArticlesAdopted) adopted.add(Math.floor(random() * c.informationArticles))
  for (let i = 0; i < c.informationArticles; i++) out.push({ on: pick(random, days), kind: "information-article", quantity: 1, adopted: adopted.has(i) })
  for (let i = 0; i < c.casesInMinistryLibrary; i++) out.push({ on: pick(random, days), kind: "case-library-selection", quantity: 1 })
  for (let i = 0; i < c.serviceTerminals; i++) out.push({ on: pick(random, days), kind: "terminal-installed", quantity: 1, pointId: i === 0 ? "PL-C" : points[i]!.id })
  // Scanners and ID readers at the centre, the public legal service centre and the 12 offices.
  for (const id of ["PL-C", ...subDistricts]) out.push({ on: pick(random, days), kind: "equipment-placed", quantity: 2, pointId: id })
  out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
  return out.map((a, i) => ({ ...a, id: `PL-A-${String(i + 1).padStart(4, "0")}` }))
}

export interface PlannedTraining {
  readonly id: string
  readonly on: CalendarDate.CalendarDate
  readonly audience: "network-staff" | "lawyers" | "auxiliary-staff"
  readonly participants: number
  readonly hours: number
}

const planTrainings = (random: Random): ReadonlyArray<PlannedTraining> =>
  (["2018-03-22", "2018-06-14", "2018-09-20", "2018-11-29"] as const).map((on, i) => ({
    id: `PL-T-${i + 1}`,
    on: day(on),
    audience: i === 1 ? "lawyers" : i === 3 ? "auxiliary-staff" : "network-staff",
    participants: i === 3 ? figures.counts.auxiliaryStaff : between(random, 60, 130),
    hours: between(random, 3, 8)
  }))

// ——— lawyers, the duty roster input ———

export const firms = ["dianchi", "jinbi", "panlong", "beijing-road", "chuanjin", "songhua"] as const

export interface PlannedLawyer {
  readonly id: string
  readonly firmId: string
  readonly yearsOfPractice: number
  readonly specialties: ReadonlyArray<string>
  readonly minorsTrained: boolean
}

const planLawyers = (): ReadonlyArray<PlannedLawyer> =>
  Array.from({ length: 30 }, (_, i) => ({
    id: `L${String(i + 1).padStart(2, "0")}`,
    firmId: firms[i % firms.length]!,
    yearsOfPractice: 1 + ((i * 7) % 17),
    specialties: [["criminal"], ["labour", "civil"], ["family", "civil"], ["criminal", "civil"], ["civil"]][i % 5]!,
    minorsTrained: i % 4 === 0
  }))

/** The 2018 duty roster's input (three sites, 180 lawyer-shifts), for `decodeRosterInput`. */
export const rosterInput = (lawyers: ReadonlyArray<PlannedLawyer>): unknown => ({
  period: { from: "2018-01-01", to: "2018-12-31" },
  sites: [
    { id: "centre", name: "区公共法律服务中心", region, days: [2, 4], shifts: [{ slot: "full", lawyersNeeded: 1 }] },
    { id: "court", name: "区法院工作站", region, days: [3], shifts: [{ slot: "full", lawyersNeeded: 1 }] },
    { id: "procuratorate", name: "区检察院工作站", region, days: [5], shifts: [{ slot: "am", lawyersNeeded: 1 }], minYearsOfPractice: 3, openFrom: "2018-05-18" }
  ],
  lawyers: lawyers.map((l) => ({ id: l.id, firmId: l.firmId, region, yearsOfPractice: l.yearsOfPractice, languages: [], unavailable: [] })),
  firms: firms.map((id) => ({ id, quotaShare: "0.1667" })),
  parameters: { maxPerMonth: 2 },
  seed: 2018
})

// ——— surveys ———

export interface PlannedSurvey {
  readonly id: string
  readonly on: CalendarDate.CalendarDate
  readonly topic: "awareness" | "satisfaction"
  readonly respondents: number
  readonly positive: number
  readonly source: string
}

const planSurveys = (random: Random): ReadonlyArray<PlannedSurvey> => {
  const asked = between(random, 380, 420)
  const visits = between(random, 180, 220)
  return [
    { id: "PL-S-2018-1", on: day("2018-12-10"), topic: "awareness", respondents: asked, positive: Math.round(asked * (0.86 + random() * 0.06)), source: "2018年社区问卷调查 community survey (synthetic)" },
    { id: "PL-S-2018-2", on: day("2018-12-14"), topic: "satisfaction", respondents: visits, positive: Math.round(visits * (0.95 + random() * 0.04)), source: "受援人回访 follow-up visits of recipients (synthetic)" }
  ]
}

// ——— the year ———

export interface PlannedYear {
  readonly seed: number
  readonly region: typeof region
  readonly year: typeof year
  readonly points: ReadonlyArray<PlannedPoint>
  readonly subDistricts: ReadonlyArray<string>
  readonly cases: ReadonlyArray<PlannedCase>
  readonly consultations: ReadonlyArray<PlannedConsultation>
  readonly documents: ReadonlyArray<PlannedDocument>
  readonly activities: ReadonlyArray<PlannedActivity>
  readonly trainings: ReadonlyArray<PlannedTraining>
  readonly auxiliaryStaff: number
  readonly lawyers: ReadonlyArray<PlannedLawyer>
  readonly surveys: ReadonlyArray<PlannedSurvey>
}

/**
 * The synthetic year for a seed. Pure: the same seed gives the same year.
 *
 * @example
 * const plan = generate(2018)
 * plan.cases.length // 864
 */
export const generate = (seed: number): PlannedYear => {
  const random = prng(seed)
  const points = network(random)
  const cases = planCases(random)
  const consultations = planConsultations(random, points)
  const days = workingDays()
  const documents: Array<PlannedDocument> = Array.from({ length: figures.counts.documentsDrafted }, () => ({
    id: "",
    on: pick(random, days),
    pointId: weighted(random, [["PL-C", 6], [pick(random, points.filter((p) => p.level === "workstation")).id, 4]] as const),
    documentKind: weighted(random, [["complaint", 5], ["defence", 1], ["application", 3], ["appeal", 1], ["other", 1]] as const)
  }))
  documents.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
  return {
    seed,
    region,
    year,
    points,
    subDistricts,
    cases,
    consultations,
    documents: documents.map((d, i) => ({ ...d, id: `PL-D-${String(i + 1).padStart(3, "0")}` })),
    activities: planActivities(random, points),
    trainings: planTrainings(random),
    auxiliaryStaff: figures.counts.auxiliaryStaff,
    lawyers: planLawyers(),
    surveys: planSurveys(random)
  }
}
