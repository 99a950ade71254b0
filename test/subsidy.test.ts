import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as CalendarDate from "../src/CalendarDate.ts"
import type { Case } from "../src/lifecycle/Case.ts"
import * as Money from "../src/Money.ts"
import * as Ratio from "../src/Ratio.ts"
import * as Region from "../src/Region.ts"
import type { Catalogue, Claim, Standard, Subsidy, WorkedShift } from "../src/subsidy/index.ts"
import {
  allocate,
  calculateCase,
  calculateDuty,
  calculateWork,
  catalogueProblems,
  claimFromCase,
  decodeCatalogue,
  decodeClaim,
  decodeStandard,
  decodeWorkClaim,
  makeCatalogue,
  serviceOf,
  standardInForce,
  tables,
  withoutStandard,
  withRows,
  withStandard
} from "../src/subsidy/index.ts"
import { failure, ok } from "./support/result.ts"

const yuan = (n: number) => n * 100
const d = CalendarDate.makeUnsafe

/** A claim from JSON-like fields with defaults: a civil case in Panlong, concluded in 2018. */
const claim = (fields: Record<string, unknown> = {}): Claim =>
  ok(decodeClaim({ region: "530103", caseId: "C-1", service: "civil", assignedOn: "2018-03-01", endedOn: "2018-09-30", endedBy: "concluded", recipients: 1, ...fields }))

/** Computes and checks the invariants every subsidy keeps: lines sum to the amount, never negative, each line names the standard. */
const pay = (catalogue: Catalogue, c: Claim): Subsidy => {
  const s = ok(calculateCase(catalogue, c))
  expect(Money.sum(s.lines.map((l) => l.amount))).toBe(s.amount)
  expect(s.amount).toBeGreaterThanOrEqual(0)
  for (const l of s.lines) {
    expect(l.standardId).toBe(s.standard.id)
    expect(l.effectiveFrom).toBe(s.standard.effectiveFrom)
  }
  if (s.allocations !== undefined) expect(Money.sum(s.allocations.map((a) => a.amount))).toBe(s.amount)
  return s
}

const amountOf = (catalogue: Catalogue, fields: Record<string, unknown>) => pay(catalogue, claim(fields)).amount

describe("example tables", () => {
  const all = [tables.shaanxi2019, tables.rizhao2017, tables.yongding2020, tables.tianchang2020, tables.panlong2018]

  it("are labelled examples, unverified, with a source naming the place and year and the domain notes", () => {
    for (const s of all) {
      expect(s.verified).toBe(false)
      expect(s.label).toMatch(/example.* — not an official standard$/)
      expect(s.basis).toEqual(["LAR-24"])
      expect(s.dateRule).toBe("assigned-on")
    }
    for (const s of all.slice(0, 4)) expect(s.source).toMatch(/domain notes/)
    expect(tables.shaanxi2019.source).toMatch(/lower bound/)
    expect(tables.panlong2018.source).toMatch(/^Synthetic/)
  })

  it("use the regions' own codes, as Region.parse normalises them", () => {
    expect(tables.shaanxi2019.region).toBe(ok(Region.parse("610000")))
    expect(tables.rizhao2017.region).toBe(ok(Region.parse("371100")))
    expect(tables.yongding2020.region).toBe(ok(Region.parse("430802")))
    expect(tables.tianchang2020.region).toBe(ok(Region.parse("341181")))
    expect(tables.panlong2018.region).toBe(ok(Region.parse("530103")))
  })

  it("Panlong covers the whole of 2018 without a gap", () => {
    for (let day = d("2018-01-01"); day <= d("2018-12-31"); day = CalendarDate.addDays(day, 1)) {
      expect(standardInForce(tables.panlong, Region.makeUnsafe("530103"), day)?.id).toBe("panlong-2018-example")
    }
    expect(catalogueProblems(tables.examples.standards)).toEqual([])
  })
})

describe("Shaanxi 2019 (example)", () => {
  const base = { region: "610102", assignedOn: "2019-04-01", endedOn: "2019-12-01" }

  it("pays every criminal stage 1,000 and ×1.5 for a possible life or death sentence; a district falls back to the province", () => {
    const s = pay(tables.examples, claim({ ...base, service: "criminal", stagesCompleted: ["trial", "investigation", "prosecution-review"], possibleLifeOrDeath: true }))
    expect(s.amount).toBe(yuan((1000 + 1000 + 1000) * 1.5))
    expect(s.lines.map((l) => [l.code, l.rowId, l.amount])).toEqual([
      ["base", "investigation", yuan(1000)],
      ["base", "prosecution-review", yuan(1000)],
      ["base", "trial", yuan(1000)],
      ["life-or-death", "life-or-death", yuan(1500)]
    ])
    expect(s.lines[3]!.detail).toBe("×1.5 half-up")
    expect(s.standard).toEqual({ id: "shaanxi-2019-example", region: "61", effectiveFrom: "2019-01-01", verified: false, label: "example — not an official standard" })
  })

  it("pays the cross-region band outside the home city, and no life-or-death multiplier outside criminal cases", () => {
    expect(amountOf(tables.examples, { ...base, service: "civil", outsideHomeCity: true })).toBe(yuan(2000))
    expect(amountOf(tables.examples, { ...base, service: "administrative" })).toBe(yuan(1000))
  })

  it("pays duty per day (half a day at half the day rate) and drafted documents per item", () => {
    const shifts: Array<WorkedShift> = [
      { region: Region.makeUnsafe("6101"), date: d("2019-05-06"), siteId: "court", slot: "full", seat: 0, lawyerId: "L1" },
      { region: Region.makeUnsafe("6101"), date: d("2019-05-07"), siteId: "court", slot: "am", seat: 0, lawyerId: "L1" }
    ]
    const duty = ok(calculateDuty(tables.examples, shifts))
    expect(duty.amount).toBe(yuan(150))
    expect(duty.days.map((x) => x.lines[0]!.detail)).toEqual(["¥100.00 per day", "half of ¥100.00 per day, half-up"])
    const docs = ok(calculateWork(tables.examples, ok(decodeWorkClaim({ kind: "documents", ref: "D-1", region: "61", on: "2019-05-06", count: 3 }))))
    expect(docs.amount).toBe(yuan(600))
    expect(docs.lines[0]!.detail).toBe("3 × ¥200.00")
  })

  it("has no consultation rate", () => {
    const r = calculateWork(tables.examples, ok(decodeWorkClaim({ kind: "consultation", ref: "W", region: "61", on: "2019-05-06", days: 1 })))
    expect(failure(r)._tag).toBe("NotCovered")
  })
})

describe("Rizhao 2017 (example)", () => {
  const base = { region: "371102", assignedOn: "2017-06-01", endedOn: "2018-01-15" }

  it("adds 200 per extra recipient after multipliers, and caps the recipients at 100", () => {
    expect(amountOf(tables.examples, { ...base, recipients: 3 })).toBe(yuan(1200 + 2 * 200))
    expect(amountOf(tables.examples, { ...base, recipients: 3, complexity: "1.5" })).toBe(yuan(1200 * 1.5 + 2 * 200))
    const s = pay(tables.examples, claim({ ...base, recipients: 150 }))
    expect(s.amount).toBe(yuan(1200 + 99 * 200))
    expect(s.lines[1]!.detail).toBe("99 × ¥200.00 (150 recipients, at most 100 counted)")
  })

  it("caps complexity at ×2 and says so", () => {
    const s = pay(tables.examples, claim({ ...base, complexity: "3" }))
    expect(s.amount).toBe(yuan(2400))
    expect(s.lines[1]).toMatchObject({ code: "complexity", amount: yuan(1200), detail: "×2 (claimed ×3, capped) half-up" })
  })

  it("pays the outside band where there is one; elsewhere the home amount, with a note", () => {
    expect(amountOf(tables.examples, { ...base, outsideHomeCity: true })).toBe(yuan(1500))
    const s = pay(tables.examples, claim({ ...base, service: "criminal", stagesCompleted: ["investigation", "trial"], outsideHomeCity: true }))
    expect(s.lines.map((l) => l.rowId)).toEqual(["investigation", "outside-trial"])
    expect(s.amount).toBe(yuan(600 + 1500))
    expect(s.notes).toHaveLength(1)
  })

  it("does not cover labour arbitration, and ignores a life-or-death fact it has no multiplier for (with a note)", () => {
    expect(failure(calculateCase(tables.examples, claim({ ...base, service: "labour-arbitration" })))).toMatchObject({ _tag: "NotCovered", need: "a labour-arbitration case" })
    const s = pay(tables.examples, claim({ ...base, service: "criminal", stagesCompleted: ["trial"], possibleLifeOrDeath: true }))
    expect(s.amount).toBe(yuan(1200))
    expect(s.notes[0]).toMatch(/life or death/)
  })

  it("pays duty 150 per day", () => {
    const duty = ok(calculateDuty(tables.examples, [{ region: Region.makeUnsafe("3711"), date: d("2017-07-03"), siteId: "s", slot: "full", seat: 0, lawyerId: "L" }]))
    expect(duty.amount).toBe(yuan(150))
  })
})

describe("Yongding 2020 (example)", () => {
  const base = { region: "430802", assignedOn: "2020-03-01", endedOn: "2020-10-01" }

  it("pays a criminal case stopped after prosecution review for the stages done", () => {
    const s = pay(tables.examples, claim({ ...base, service: "criminal", stagesCompleted: ["investigation", "prosecution-review"], endedBy: "terminated" }))
    expect(s.amount).toBe(yuan(600 + 600))
    expect(amountOf(tables.examples, { ...base, service: "criminal", stagesCompleted: ["investigation", "prosecution-review", "trial"] })).toBe(yuan(2400))
  })

  it("pays civil, administrative and arbitration 1,400 and non-litigation 250", () => {
    for (const service of ["civil", "administrative", "labour-arbitration"]) expect(amountOf(tables.examples, { ...base, service })).toBe(yuan(1400))
    expect(amountOf(tables.examples, { ...base, service: "non-litigation" })).toBe(yuan(250))
  })

  it("has no fixed amount for a withdrawn civil case", () => {
    expect(failure(calculateCase(tables.examples, claim({ ...base, endedBy: "withdrawn-before-hearing" })))).toMatchObject({
      _tag: "NotCovered",
      need: "a civil case withdrawn-before-hearing"
    })
  })

  it("pays consultation 200 per day and duty 200 per day", () => {
    const w = ok(calculateWork(tables.examples, ok(decodeWorkClaim({ kind: "consultation", ref: "W", region: "430802", on: "2020-05-06", days: 2, halfDays: 1 }))))
    expect(w.amount).toBe(yuan(400 + 100))
    expect(w.lines.map((l) => l.code)).toEqual(["consultation", "consultation"])
    expect(w.dateRule).toBe("worked-on")
  })
})

describe("Tianchang 2020 (example): graded amounts", () => {
  const base = { region: "341181", assignedOn: "2020-03-01", endedOn: "2020-10-01" }

  it("pays civil 1,200 for a pass and 1,400 for good; excellent gets the good amount; an ungraded file is paid as a pass", () => {
    expect(amountOf(tables.examples, { ...base, grade: "pass" })).toBe(yuan(1200))
    expect(amountOf(tables.examples, { ...base, grade: "good" })).toBe(yuan(1400))
    const excellent = pay(tables.examples, claim({ ...base, grade: "excellent" }))
    expect(excellent.amount).toBe(yuan(1400))
    expect(excellent.lines[0]!.detail).toBe("¥1,400.00, good amount (file graded excellent)")
    expect(pay(tables.examples, claim(base)).lines[0]!.detail).toBe("¥1,200.00, pass amount (not graded: paid as pass)")
  })

  it("pays criminal stages by grade", () => {
    const stages = ["investigation", "prosecution-review", "trial"]
    expect(amountOf(tables.examples, { ...base, service: "criminal", stagesCompleted: stages, grade: "pass" })).toBe(yuan(800 + 1200 + 1300))
    expect(amountOf(tables.examples, { ...base, service: "criminal", stagesCompleted: stages, grade: "good" })).toBe(yuan(1000 + 1400 + 1500))
  })

  it("pays a withdrawal before a hearing 600 and during one 1,000, fixed", () => {
    const before = pay(tables.examples, claim({ ...base, endedBy: "withdrawn-before-hearing", grade: "good", recipients: 2 }))
    expect(before.amount).toBe(yuan(600))
    expect(before.lines).toHaveLength(1)
    expect(before.lines[0]).toMatchObject({ code: "early-end", rowId: "withdrawn-before-hearing", label: { en: "withdrawn before the hearing" } })
    expect(amountOf(tables.examples, { ...base, endedBy: "withdrawn-during-hearing" })).toBe(yuan(1000))
  })

  it("pays mediation 800 whatever the grade, and cannot pay an unqualified civil file (the notes give no figure)", () => {
    expect(amountOf(tables.examples, { ...base, service: "non-litigation", grade: "fail" })).toBe(yuan(800))
    expect(failure(calculateCase(tables.examples, claim({ ...base, grade: "fail" })))).toMatchObject({ _tag: "NotCovered", need: "an unqualified (fail) file" })
  })
})

describe("Panlong 2018 (synthetic)", () => {
  it("pays a criminal case through three stages, and a possible death sentence ×1.5", () => {
    const stages = ["investigation", "prosecution-review", "trial"]
    expect(amountOf(tables.panlong, { service: "criminal", stagesCompleted: stages })).toBe(yuan(2800))
    expect(amountOf(tables.panlong, { service: "criminal", stagesCompleted: stages, possibleLifeOrDeath: true })).toBe(yuan(4200))
  })

  it("pays civil 1,500, a withdrawal 600 / 1,000, a termination 500, an unqualified file half", () => {
    expect(amountOf(tables.panlong, {})).toBe(yuan(1500))
    expect(amountOf(tables.panlong, { endedBy: "withdrawn-before-hearing" })).toBe(yuan(600))
    expect(amountOf(tables.panlong, { endedBy: "withdrawn-during-hearing" })).toBe(yuan(1000))
    expect(amountOf(tables.panlong, { endedBy: "terminated" })).toBe(yuan(500))
    const fail = pay(tables.panlong, claim({ grade: "fail", recipients: 2 }))
    expect(fail.amount).toBe(yuan((1500 + 200) / 2))
    expect(fail.lines.at(-1)).toMatchObject({ code: "unqualified", amount: -yuan(850), detail: "unqualified file: ×0.5 half-up" })
  })

  it("caps extra recipients at 10", () => {
    expect(amountOf(tables.panlong, { recipients: 25 })).toBe(yuan(1500 + 9 * 200))
  })

  it("picks the standard by the assignment date, and says so", () => {
    const s = pay(tables.panlong, claim())
    expect([s.dateRule, s.date]).toEqual(["assigned-on", "2018-03-01"])
    const early = failure(calculateCase(tables.panlong, claim({ assignedOn: "2016-12-20", endedOn: "2018-02-01" })))
    expect(early).toMatchObject({ _tag: "NoStandardInForce", region: "530103", date: "2016-12-20", dateRule: "assigned-on" })
    expect(early.message).toBe("no subsidy standard in force for region 530103 or above on 2016-12-20 (date rule assigned-on)")
    const byEnd = ok(withStandard(tables.panlong, { ...tables.panlong2018, dateRule: "ended-on" }))
    const later = pay(byEnd, claim({ assignedOn: "2016-12-20", endedOn: "2018-02-01" }))
    expect([later.dateRule, later.date]).toEqual(["ended-on", "2018-02-01"])
  })

  it("shares a subsidy between lawyers without losing a fen, whatever their order", () => {
    const s = pay(tables.panlong, claim({ lawyers: [{ lawyerId: "L3" }, { lawyerId: "L1" }, { lawyerId: "L2" }], recipients: 2, grade: "fail", complexity: "1.01" }))
    // (1,500 × 1.01 + 200) × 0.5 = 857.50 yuan, in three shares
    expect(s.amount).toBe(85750)
    expect(s.allocations).toEqual([
      { lawyerId: "L1", amount: 28584 },
      { lawyerId: "L2", amount: 28583 },
      { lawyerId: "L3", amount: 28583 }
    ])
    const weighted = pay(tables.panlong, claim({ lawyers: [{ lawyerId: "B", share: "0.25" }, { lawyerId: "A", share: "0.75" }] }))
    expect(weighted.allocations).toEqual([
      { lawyerId: "A", amount: yuan(1125) },
      { lawyerId: "B", amount: yuan(375) }
    ])
  })

  it("pays duty 200 a day and 100 a half-day; a morning and an afternoon of one lawyer are one day", () => {
    const r = Region.makeUnsafe("530103")
    const shift = (date: string, slot: "full" | "am" | "pm", lawyerId: string, siteId = "court"): WorkedShift => ({ region: r, date: d(date), siteId, slot, seat: 0, lawyerId })
    const duty = ok(
      calculateDuty(tables.panlong, [
        shift("2018-05-02", "pm", "L1", "detention"),
        shift("2018-05-02", "am", "L1"),
        shift("2018-05-02", "am", "L2"),
        shift("2018-05-03", "full", "L1")
      ])
    )
    expect(duty.amount).toBe(yuan(200 + 100 + 200))
    expect(duty.dateRule).toBe("worked-on")
    expect(duty.days.map((x) => [x.lawyerId, x.date, x.amount])).toEqual([
      ["L1", "2018-05-02", yuan(200)],
      ["L1", "2018-05-03", yuan(200)],
      ["L2", "2018-05-02", yuan(100)]
    ])
    expect(duty.days[0]!.lines.map((l) => [l.shift.slot, l.shift.siteId, l.rowId, l.amount])).toEqual([
      ["am", "court", "duty-day", yuan(100)],
      ["pm", "detention", "duty-day", yuan(100)]
    ])
    expect(duty.days[2]!.lines[0]).toMatchObject({ rowId: "duty-half-day", label: { en: "duty lawyer, half day" } })
    expect(failure(calculateDuty(tables.panlong, [shift("2016-01-04", "full", "L1")]))._tag).toBe("NoStandardInForce")
  })

  it("pays consultation (half a day at half the day rate) and documents", () => {
    const w = ok(calculateWork(tables.panlong, ok(decodeWorkClaim({ kind: "consultation", ref: "W", region: "530103", on: "2018-05-31", days: 1, halfDays: 1, lawyers: [{ lawyerId: "L1" }] }))))
    expect(w.amount).toBe(yuan(300))
    expect(w.allocations).toEqual([{ lawyerId: "L1", amount: yuan(300) }])
    const docs = ok(calculateWork(tables.panlong, ok(decodeWorkClaim({ kind: "documents", ref: "D", region: "530103", on: "2018-05-31", count: 2 }))))
    expect(docs.amount).toBe(yuan(200))
    expect(docs.subject).toEqual({ kind: "documents", ref: "D" })
  })
})

describe("catalogues", () => {
  const at = (s: Standard, id: string, effectiveFrom: string, effectiveTo?: string): Standard => {
    const { effectiveTo: _, ...rest } = s
    return effectiveTo === undefined ? { ...rest, id, effectiveFrom: d(effectiveFrom) } : { ...rest, id, effectiveFrom: d(effectiveFrom), effectiveTo: d(effectiveTo) }
  }

  it("accepts periods that tile, and finds the standard in force on each day", () => {
    const first = at(tables.panlong2018, "p-2017", "2017-01-01", "2018-06-30")
    const second = at(withRowsOk(tables.panlong2018, 30000), "p-2018b", "2018-07-01")
    const catalogue = ok(makeCatalogue([second, first]))
    expect(catalogue.standards.map((s) => s.id)).toEqual(["p-2017", "p-2018b"])
    expect(amountOf(catalogue, { service: "labour-arbitration", assignedOn: "2018-06-30" })).toBe(yuan(1000))
    expect(amountOf(catalogue, { service: "labour-arbitration", assignedOn: "2018-07-01" })).toBe(yuan(300))
  })

  it("rejects overlaps and gaps, naming both standards and the dates", () => {
    const overlap = failure(makeCatalogue([at(tables.panlong2018, "a", "2017-01-01", "2018-12-31"), at(tables.panlong2018, "b", "2018-07-01")]))
    expect(overlap._tag).toBe("InvalidCatalogue")
    expect(overlap.message).toBe(
      'invalid subsidy catalogue: region 530103: standards "a" (2017-01-01..2018-12-31) and "b" (2018-07-01..open) overlap from 2018-07-01 to 2018-12-31'
    )
    const gap = failure(makeCatalogue([at(tables.panlong2018, "a", "2017-01-01", "2018-06-30"), at(tables.panlong2018, "b", "2018-08-01")]))
    expect(gap.message).toBe('invalid subsidy catalogue: region 530103: standards "a" (2017-01-01..2018-06-30) and "b" (2018-08-01..open) leave a gap from 2018-07-01 to 2018-07-31')
    expect(gap).toMatchObject({ problems: [{ reason: "gap", region: "530103", from: "2018-07-01", to: "2018-07-31", first: { id: "a" }, second: { id: "b" } }] })
    const rules = failure(makeCatalogue([at(tables.panlong2018, "a", "2017-01-01", "2018-06-30"), { ...at(tables.panlong2018, "b", "2018-07-01"), dateRule: "ended-on" }]))
    expect(rules).toMatchObject({ problems: [{ reason: "date-rule" }] })
    const twice = failure(makeCatalogue([tables.panlong2018, { ...tables.shaanxi2019, id: tables.panlong2018.id }]))
    expect(twice).toMatchObject({ problems: [{ reason: "duplicate-id" }] })
  })

  it("falls back through the region's ancestors, also before a region's first standard", () => {
    const province = { ...at(tables.panlong2018, "yunnan", "2010-01-01"), region: Region.makeUnsafe("53") }
    const catalogue = ok(makeCatalogue([province, tables.panlong2018]))
    expect(pay(catalogue, claim()).standard.id).toBe("panlong-2018-example")
    expect(pay(catalogue, claim({ assignedOn: "2016-05-01" })).standard.id).toBe("yunnan")
    expect(pay(catalogue, claim({ region: "530102" })).standard.id).toBe("yunnan")
    expect(pay(catalogue, claim({ assignedOn: "2022-05-01", endedOn: "2022-06-01" })).standard.id).toBe("yunnan")
  })

  it("lets a user override a value or replace and remove a standard", () => {
    const raised = ok(withRows(tables.panlong2018, [{ kind: "case", id: "civil", service: "civil", amount: Money.fenUnsafe(yuan(1800)) }], "notice 2018-7"))
    expect(raised.source).toMatch(/overridden: notice 2018-7$/)
    const catalogue = ok(withStandard(tables.panlong, { ...raised, verified: true }))
    const s = pay(catalogue, claim())
    expect(s.amount).toBe(yuan(1800))
    expect(s.standard.verified).toBe(true)
    expect(ok(withoutStandard(tables.examples, "panlong-2018-example")).standards).toHaveLength(4)
    // An override is checked again: a second row for the same service and grade is refused.
    expect(failure(withRows(tables.panlong2018, [{ kind: "case", id: "civil-2", service: "civil", amount: Money.fenUnsafe(1) }]))._tag).toBe("InvalidStandard")
  })

  it("decodes a catalogue from JSON, with paths to every problem", () => {
    const json = JSON.parse(JSON.stringify([{ ...encoded(), id: "x" }]))
    expect(ok(decodeCatalogue(json)).standards[0]!.id).toBe("x")
    const bad = failure(decodeCatalogue([encoded(), { ...encoded(), rows: [{ kind: "case", id: "c", service: "civil", amount: -1 }] }]))
    expect(bad).toMatchObject({ _tag: "InvalidStandard", issues: [{ path: "[1].rows[0].amount" }] })
  })
})

/** A small standard as JSON. */
const encoded = () => ({
  id: "mine",
  region: "530103",
  effectiveFrom: "2018-01-01",
  title: "mine",
  basis: ["LAR-24"],
  source: "test",
  verified: false,
  label: "test",
  rounding: "half-up",
  rows: [{ kind: "case", id: "civil", service: "civil", amount: 150000 }]
})

const withRowsOk = (s: Standard, labourFen: number) =>
  ok(withRows(s, [{ kind: "case", id: "labour-arbitration", service: "labour-arbitration", amount: Money.fenUnsafe(labourFen) }]))

describe("decodeStandard", () => {
  it("defaults the date rule to assigned-on", () => {
    expect(ok(decodeStandard(encoded())).dateRule).toBe("assigned-on")
  })

  it("reports every problem with its path", () => {
    const issues = failure(
      decodeStandard({
        ...encoded(),
        effectiveTo: "2017-12-31",
        basis: ["LAL-999"],
        rows: [
          { kind: "case", id: "a", service: "criminal", amount: 100 },
          { kind: "case", id: "a", service: "civil", stage: "trial", amount: 100 },
          { kind: "case", id: "g", service: "civil", grade: "good", amount: 100 },
          { kind: "case", id: "ex", service: "civil", grade: "excellent", amount: 50 },
          { kind: "case", id: "p", service: "administrative", grade: "good", amount: 100 },
          { kind: "multiplier", id: "m1", factor: "complexity", ratio: "2" },
          { kind: "multiplier", id: "m2", factor: "complexity", ratio: "3" },
          { kind: "unqualified", id: "u", ratio: "0.5" },
          { kind: "case", id: "f", service: "non-litigation", grade: "fail", amount: 1 }
        ]
      })
    ).issues
    expect(issues).toEqual([{ path: "basis[0]", reason: "a citation id in the Citation catalogue" }])
    const cross = failure(
      decodeStandard({
        ...encoded(),
        effectiveTo: "2017-12-31",
        rows: [
          { kind: "case", id: "a", service: "criminal", amount: 100 },
          { kind: "case", id: "a", service: "civil", stage: "trial", amount: 100 },
          { kind: "case", id: "g", service: "civil", grade: "good", amount: 100 },
          { kind: "case", id: "ex", service: "civil", grade: "excellent", amount: 50 },
          { kind: "case", id: "p", service: "administrative", grade: "good", amount: 100 },
          { kind: "multiplier", id: "m1", factor: "complexity", ratio: "2" },
          { kind: "multiplier", id: "m2", factor: "complexity", ratio: "3" },
          { kind: "unqualified", id: "u", ratio: "0.5" },
          { kind: "case", id: "f", service: "non-litigation", grade: "fail", amount: 1 }
        ]
      })
    ).issues.map((i) => i.path)
    expect(cross).toEqual([
      "effectiveTo",
      "rows[0].stage",
      "rows[1].id",
      "rows[1].stage",
      "rows[6]",
      "rows[8].grade",
      "rows[2].grade",
      "rows[3].amount",
      "rows[4].grade"
    ])
  })

  it("rejects bad values in rows: a multiplier below 1, a reduction above 1, an unknown kind, an extra key", () => {
    const paths = failure(
      decodeStandard({
        ...encoded(),
        rows: [
          { kind: "multiplier", id: "m", factor: "life-or-death", ratio: "0.5" },
          { kind: "unqualified", id: "u", ratio: "1.5" },
          { kind: "bonus", id: "b" },
          { kind: "document", id: "d", amount: 100, note: "x" }
        ]
      })
    ).issues.map((i) => i.path)
    expect(paths).toEqual(["rows[0].ratio", "rows[1].ratio", "rows[2]", "rows[3].note"])
  })
})

describe("decodeClaim", () => {
  it("reports every problem across fields with its path", () => {
    const r = decodeClaim({
      region: "530103",
      caseId: "C-1",
      service: "civil",
      stagesCompleted: ["trial"],
      assignedOn: "2018-05-01",
      endedOn: "2018-04-01",
      endedBy: "concluded",
      possibleLifeOrDeath: true,
      recipients: 1,
      lawyers: [{ lawyerId: "L1", share: "0.5" }, { lawyerId: "L1" }]
    })
    expect(failure(r).issues.map((i) => i.path)).toEqual(["endedOn", "stagesCompleted", "possibleLifeOrDeath", "lawyers[1].lawyerId", "lawyers"])
  })

  it("needs a stage for a concluded criminal case, lists a stage once, and checks field values", () => {
    expect(failure(decodeClaim({ ...claimJson, service: "criminal" })).issues).toEqual([{ path: "stagesCompleted", reason: "a concluded criminal case completes at least one stage" }])
    expect(failure(decodeClaim({ ...claimJson, service: "criminal", stagesCompleted: ["trial", "trial"] })).issues[0]!.path).toBe("stagesCompleted[1]")
    expect(ok(decodeClaim({ ...claimJson, service: "criminal", endedBy: "terminated" })).stagesCompleted).toBeUndefined()
    const paths = failure(decodeClaim({ ...claimJson, recipients: 0, complexity: "0.5", grade: "great", endedBy: "settled" })).issues.map((i) => i.path)
    expect(paths.sort()).toEqual(["complexity", "endedBy", "grade", "recipients"])
    expect(failure(decodeClaim({ ...claimJson, lawyers: [{ lawyerId: "A", share: "0" }] })).issues[0]!.reason).toBe("the shares are all zero")
  })

  it("decodes complexity and shares as exact ratios", () => {
    const c = ok(decodeClaim({ ...claimJson, complexity: "1.25", lawyers: [{ lawyerId: "A", share: "0.3" }] }))
    expect(c.complexity).toEqual(Ratio.makeUnsafe(5, 4))
    expect(c.lawyers?.[0]?.share).toEqual(Ratio.makeUnsafe(3, 10))
  })
})

const claimJson = { region: "530103", caseId: "C-1", service: "civil", assignedOn: "2018-03-01", endedOn: "2018-09-30", endedBy: "concluded", recipients: 1 }

describe("claimFromCase", () => {
  const concluded: Case = {
    id: "C-9",
    region: Region.makeUnsafe("530103"),
    version: 9,
    state: "quality-assessed",
    origin: "application",
    kind: "civil",
    receivedOn: d("2018-02-20"),
    ruleSetId: "LAR-2003/CPL-2012",
    procedureId: "MOJ124",
    provisional: false,
    lawyer: { lawyerId: "L7", firmId: "F1", since: d("2018-03-01") },
    excludedLawyers: [],
    reportedGrounds: [],
    refusalObjected: false,
    endedOn: d("2018-09-30"),
    outcome: "judgment",
    grade: "good",
    clocks: [],
    lastOccurredAt: "2018-10-10T10:00:00+08:00"
  }

  it("reads the kind, lawyer, dates and grade from the case and the rest from the facts", () => {
    const c = ok(claimFromCase(concluded, { recipients: 2 }))
    expect(c).toEqual({
      region: "530103",
      caseId: "C-9",
      service: "civil",
      assignedOn: "2018-03-01",
      endedOn: "2018-09-30",
      endedBy: "concluded",
      recipients: 2,
      grade: "good",
      lawyers: [{ lawyerId: "L7" }]
    })
    const s = pay(tables.panlong, c)
    expect(s.amount).toBe(yuan(1700))
    expect(s.allocations).toEqual([{ lawyerId: "L7", amount: yuan(1700) }])
  })

  it("pays a terminated criminal case for its stages, ending on its last event's date", () => {
    const terminated: Case = {
      ...concluded,
      kind: "criminal-defence",
      state: "terminated",
      termination: { ground: "LAR-23-1-3", priorState: "in-progress", objected: false, objectionDecided: false },
      lastOccurredAt: "2018-06-30T20:00:00Z"
    }
    const { endedOn: _, outcome: __, grade: ___, ...open } = terminated
    const c = ok(claimFromCase(open, { stagesCompleted: ["investigation"] }))
    expect([c.service, c.endedBy, c.endedOn]).toEqual(["criminal", "terminated", "2018-07-01"])
    expect(pay(tables.panlong, c).amount).toBe(yuan(800))
  })

  it("refuses a case still in progress, and a withdrawal without saying when", () => {
    expect(failure(claimFromCase({ ...concluded, state: "in-progress" })).issues[0]!.path).toBe("case.state")
    const withdrawn = { ...concluded, outcome: "withdrawn-by-party" as const }
    expect(failure(claimFromCase(withdrawn)).issues[0]!.path).toBe("facts.endedBy")
    expect(ok(claimFromCase(withdrawn, { endedBy: "withdrawn-during-hearing" })).endedBy).toBe("withdrawn-during-hearing")
  })

  it("maps matter kinds to services", () => {
    expect(["criminal-defence", "criminal-victim", "private-prosecution", "incidental-civil", "compulsory-treatment"].map((k) => serviceOf(k as "civil"))).toEqual(
      Array(5).fill("criminal")
    )
    expect(serviceOf("non-litigation")).toBe("non-litigation")
  })
})

describe("allocate", () => {
  it("never loses a fen and ignores the order of the list", () => {
    const a = ok(allocate({ amount: Money.fenUnsafe(100001) }, [{ lawyerId: "L2" }, { lawyerId: "L1" }, { lawyerId: "L3" }]))
    expect(a).toEqual([
      { lawyerId: "L1", amount: 33334 },
      { lawyerId: "L2", amount: 33334 },
      { lawyerId: "L3", amount: 33333 }
    ])
    expect(failure(allocate({ amount: Money.fenUnsafe(1) }, []))._tag).toBe("InvalidAllocation")
  })

  it("rejects all-zero shares on a hand-built claim as an invalid claim", () => {
    const c: Claim = { ...claim(), lawyers: [{ lawyerId: "A", share: Ratio.zero }] }
    expect(failure(calculateCase(tables.panlong, c))).toMatchObject({ _tag: "InvalidClaim", issues: [{ path: "lawyers" }] })
  })
})

describe("results", () => {
  it("are plain data that survive JSON", () => {
    const s = pay(tables.panlong, claim({ service: "criminal", stagesCompleted: ["trial"] }))
    expect(JSON.parse(JSON.stringify(s))).toEqual(s)
    expect(Result.isSuccess(calculateCase(tables.panlong, claim()))).toBe(true)
  })
})

describe("a claim that skipped decoding", () => {
  it("fails with a typed error naming the field, never pays a wrong row", async () => {
    const { calculateCase, decodeClaim, tables: t } = await import("../src/subsidy/index.ts")
    const { Result } = await import("effect")
    const good = Result.getOrThrow(decodeClaim({ region: "530103", caseId: "X-1", service: "criminal", stagesCompleted: ["trial"], assignedOn: "2018-03-01", endedOn: "2018-05-01", endedBy: "concluded", recipients: 1 }))
    const badStage = calculateCase(t.panlong, { ...good, stagesCompleted: ["appeal" as never] })
    expect(Result.isFailure(badStage) && badStage.failure._tag).toBe("InvalidClaim")
    const badGrade = calculateCase(t.panlong, { ...good, grade: "superb" as never })
    expect(Result.isFailure(badGrade) && badGrade.failure._tag).toBe("InvalidClaim")
    expect(Result.isSuccess(calculateCase(t.panlong, good))).toBe(true)
  })
})
