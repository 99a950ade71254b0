import { describe, expect, it } from "vitest"
import type { CalendarDate } from "../src/CalendarDate.ts"
import { replan } from "../src/roster/replan.ts"
import type { Roster, RosterInput } from "../src/roster/Roster.ts"
import { decodeRosterInput } from "../src/roster/Roster.ts"
import { solve } from "../src/roster/solve.ts"
import { encodeRosterJson, StoredRoster } from "../src/roster/Store.ts"
import { decodeStored } from "../src/Storage.ts"
import { datesBetween, loadsOf, modelSeats, shuffled, violations } from "./support/roster-arbitraries.ts"
import { failure, ok } from "./support/result.ts"

const decode = (raw: unknown): RosterInput => ok(decodeRosterInput(raw))
const d = (s: string) => s as CalendarDate
const issuesOf = (raw: unknown) => failure(decodeRosterInput(raw)).issues

const lawyer = (id: string, extra: Record<string, unknown> = {}) => ({ id, firmId: "F", region: "530103", yearsOfPractice: 5, ...extra })
const site = (id: string, extra: Record<string, unknown> = {}) => ({ id, region: "530103", shifts: [{ slot: "full", lawyersNeeded: 1 }], ...extra })

describe("decodeRosterInput", () => {
  const valid = {
    period: { from: "2018-10-08", to: "2018-10-12" },
    sites: [site("centre"), site("court")],
    lawyers: [lawyer("L1"), lawyer("L2", { firmId: "G" })],
    firms: [{ id: "F", quotaShare: "0.6" }, { id: "G" }],
    pinned: [{ date: "2018-10-08", siteId: "court", slot: "full", lawyerId: "L2" }]
  }

  it("accepts a well-formed request, and lawyers of any firm when no firms are listed", () => {
    expect(decode(valid).firms?.[0]?.quotaShare).toEqual({ numerator: 3, denominator: 5 })
    const { firms: _, ...noFirms } = valid
    expect(decode(noFirms).lawyers).toHaveLength(2)
  })

  it("reports every problem across fields, each with its path", () => {
    const issues = issuesOf({
      period: { from: "2018-10-31", to: "2018-10-01" },
      sites: [site("centre"), site("court"), site("centre")],
      lawyers: [lawyer("L1"), lawyer("L1", { firmId: "nowhere" })],
      firms: [{ id: "F" }, { id: "F" }],
      pinned: [
        { date: "2018-10-15", siteId: "detention", slot: "am", lawyerId: "L9" },
        { date: "2018-10-15", siteId: "centre", slot: "full", lawyerId: "L1" },
        { date: "2018-10-15", siteId: "centre", slot: "full", lawyerId: "L1" }
      ]
    })
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        "period.to",
        "sites[2].id",
        "lawyers[1].id",
        "firms[1].id",
        "lawyers[1].firmId",
        "pinned[0].siteId",
        "pinned[0].lawyerId",
        "pinned[0].date",
        "pinned[1].date",
        "pinned[2]",
        "pinned[2].date"
      ].sort()
    )
    expect(issues.find((i) => i.path === "period.to")?.reason).toBe("is before period.from")
    expect(issues.find((i) => i.path === "sites[2].id")?.reason).toBe("is used twice")
    expect(issues.find((i) => i.path === "lawyers[1].firmId")?.reason).toBe("is not among the firms")
    expect(issues.find((i) => i.path === "pinned[0].siteId")?.reason).toBe("is not among the sites")
    expect(issues.find((i) => i.path === "pinned[0].lawyerId")?.reason).toBe("is not among the lawyers")
    expect(issues.find((i) => i.path === "pinned[2]")?.reason).toBe("pins the same lawyer to the same shift as pinned[1]")
  })

  it("rejects a site that closes before it opens", () => {
    expect(issuesOf({ ...valid, sites: [{ ...site("centre"), openFrom: "2018-10-20", openTo: "2018-10-10" }], pinned: [] })).toEqual([
      { path: "sites[0].openTo", reason: "is before openFrom" }
    ])
  })

  it("refuses a period of more than 400 days", () => {
    expect(issuesOf({ ...valid, period: { from: "2018-01-01", to: "2019-02-06" } })).toEqual([{ path: "period.to", reason: "a roster covers at most 400 days" }])
    expect(decode({ ...valid, period: { from: "2018-01-01", to: "2019-02-05" }, pinned: [] }).period.to).toBe("2019-02-05")
  })

  it("reports every malformed field with its path", () => {
    const issues = issuesOf({
      period: { from: "2018-02-30", to: "2018-10-01" },
      sites: [{ id: "", region: "5301x", days: [0], shifts: [{ slot: "evening", lawyersNeeded: 0 }] }],
      lawyers: [{ ...lawyer("L1"), yearsOfPractice: -1, unavailable: ["2018-13-01"], nickname: "x" }],
      parameters: { minDaysBetweenShifts: 31 }
    })
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        "period.from",
        "sites[0].id",
        "sites[0].region",
        "sites[0].days[0]",
        "sites[0].shifts[0].slot",
        "sites[0].shifts[0].lawyersNeeded",
        "lawyers[0].yearsOfPractice",
        "lawyers[0].unavailable[0]",
        "lawyers[0].nickname",
        "parameters.minDaysBetweenShifts"
      ].sort()
    )
  })
})

// ---------------------------------------------------------------------------------------------
// A district: a month around the 2018 National Day holiday, three sites, ten lawyers.

const yi = { languages: ["yi"] }
const districtRaw = {
  period: { from: "2018-09-17", to: "2018-10-16" },
  sites: [
    { id: "centre", name: "区公共法律服务中心", region: "530103", days: "working-days", shifts: [{ slot: "full", lawyersNeeded: 1 }] },
    { id: "court", name: "区法院工作站", region: "5301", days: [1, 3, 5], shifts: [{ slot: "am", lawyersNeeded: 1 }, { slot: "pm", lawyersNeeded: 1 }], languages: ["yi"] },
    { id: "procuratorate", name: "区检察院工作站", region: "530103", days: [2, 4], shifts: [{ slot: "full", lawyersNeeded: 1 }], minYearsOfPractice: 3 }
  ],
  lawyers: [
    lawyer("L01", { firmId: "dianchi", yearsOfPractice: 12, ...yi }),
    lawyer("L02", { firmId: "dianchi", yearsOfPractice: 2, unavailable: ["2018-09-20", "2018-09-21"] }),
    lawyer("L03", { firmId: "dianchi", yearsOfPractice: 7 }),
    lawyer("L04", { firmId: "jinbi", yearsOfPractice: 1, ...yi }),
    lawyer("L05", { firmId: "jinbi", yearsOfPractice: 4 }),
    lawyer("L06", { firmId: "jinbi", yearsOfPractice: 9, ...yi }),
    lawyer("L07", { firmId: "panlong", yearsOfPractice: 3 }),
    lawyer("L08", { firmId: "panlong", yearsOfPractice: 0, ...yi }),
    lawyer("L09", { firmId: "panlong", yearsOfPractice: 15, region: "530102" }),
    lawyer("L10", { firmId: "panlong", yearsOfPractice: 6, maxPerMonth: 1 })
  ],
  parameters: { maxPerMonth: 4 },
  seed: 2018
}
const district = decode(districtRaw)
const withQuotas = decode({ ...districtRaw, firms: [{ id: "dianchi", quotaShare: "0.3" }, { id: "jinbi", quotaShare: "0.3" }, { id: "panlong", quotaShare: "0.4" }] })
const roster = solve(district)
const byId = new Map(district.lawyers.map((l) => [l.id, l]))
const on = (r: Roster, date: string) => [...r.assignments.filter((a) => a.date === date), ...r.unfilled.filter((u) => u.date === date)]

describe("solve: a district month on the China work calendar", () => {
  it("has the seats of the official calendar: none in the National Day week, one on each make-up weekend day", () => {
    for (const date of datesBetween("2018-10-01", "2018-10-07")) expect(on(roster, date), date).toEqual([])
    // 2018-09-24 is the Mid-Autumn Festival holiday.
    expect(on(roster, "2018-09-24")).toEqual([])
    for (const date of ["2018-09-29", "2018-09-30"]) {
      // Saturday and Sunday worked in exchange: the working-days site is staffed, the weekday sites (Mon/Wed/Fri, Tue/Thu) are not.
      expect(on(roster, date).map((a) => a.siteId)).toEqual(["centre"])
    }
    expect(on(roster, "2018-10-08").map((a) => `${a.siteId} ${a.slot}`).sort()).toEqual(["centre full", "court am", "court pm"])
    // 18 working days; court on 9 Mon/Wed/Fri working days (am and pm); procuratorate on 7 Tue/Thu.
    expect(roster.assignments.length + roster.unfilled.length).toBe(18 + 18 + 7)
    expect(modelSeats(district)).toHaveLength(43)
  })

  it("fills every seat within the hard constraints", () => {
    expect(roster.unfilled).toEqual([])
    expect(violations(district, roster)).toEqual([])
  })

  it("respects the sites' requirements: years of practice, languages and region", () => {
    for (const a of roster.assignments) {
      const l = byId.get(a.lawyerId)!
      if (a.siteId === "procuratorate") expect(l.yearsOfPractice, a.lawyerId).toBeGreaterThanOrEqual(3)
      if (a.siteId === "court") expect(l.languages ?? [], a.lawyerId).toContain("yi")
      // L09 is of another district (530102): only the court (5301, the whole city) may use them.
      if (a.lawyerId === "L09") expect(a.siteId).toBe("court")
    }
  })

  it("respects unavailable dates and the monthly maxima (the parameter and a lawyer's own)", () => {
    expect(roster.assignments.filter((a) => a.lawyerId === "L02" && (a.date === "2018-09-20" || a.date === "2018-09-21"))).toEqual([])
    const perMonth = new Map<string, number>()
    for (const a of roster.assignments) perMonth.set(`${a.lawyerId} ${a.date.slice(0, 7)}`, (perMonth.get(`${a.lawyerId} ${a.date.slice(0, 7)}`) ?? 0) + 1)
    for (const [key, n] of perMonth) expect(n, key).toBeLessThanOrEqual(key.startsWith("L10") ? 1 : 4)
  })

  it("certifies its fairness: loads, a lower bound at most the maximum, the gap, the groups' spread", () => {
    const c = roster.certificate
    const loads = loadsOf(district, roster)
    expect(c.loads).toEqual(district.lawyers.map((l) => ({ lawyerId: l.id, load: loads.get(l.id) })))
    expect(c.loads.reduce((n, l) => n + l.load, 0)).toBe(roster.assignments.length)
    expect(c.maxLoad).toBe(Math.max(...loads.values()))
    expect(c.minLoad).toBe(Math.min(...loads.values()))
    expect(c.lowerBound).toBeGreaterThanOrEqual(Math.ceil(43 / 10))
    expect(c.lowerBound).toBeLessThanOrEqual(c.maxLoad)
    expect(c.gap).toBe(c.maxLoad - c.lowerBound)
    expect(c.groups.length).toBeGreaterThan(0)
    for (const g of c.groups) {
      const ls = g.lawyers.map((id) => loads.get(id)!)
      expect(g.spread).toBe(Math.max(...ls) - Math.min(...ls))
      expect(g.spread).toBeLessThanOrEqual(1)
    }
    expect(c.maxSpread).toBe(Math.max(0, ...c.groups.map((g) => g.spread)))
    // L03, L05 and L07: same region, no yi, ≥ 3 years, always available, same maximum.
    expect(c.groups.map((g) => [...g.lawyers].sort())).toContainEqual(["L03", "L05", "L07"])
    expect(c.firmShares).toBeUndefined()
  })

  it("reports the firms' shares against their quotas when quotas are given", () => {
    const r = solve(withQuotas)
    expect(r.certificate.firmShares).toEqual([
      { firmId: "dianchi", seats: r.assignments.filter((a) => ["L01", "L02", "L03"].includes(a.lawyerId)).length, quota: "3/10" },
      { firmId: "jinbi", seats: r.assignments.filter((a) => ["L04", "L05", "L06"].includes(a.lawyerId)).length, quota: "3/10" },
      { firmId: "panlong", seats: r.assignments.filter((a) => ["L07", "L08", "L09", "L10"].includes(a.lawyerId)).length, quota: "2/5" }
    ])
    expect(r.certificate.firmShares!.reduce((n, f) => n + f.seats, 0)).toBe(r.assignments.length)
    // Quotas break ties only: the loads are as fair as without them.
    expect(r.certificate.maxLoad).toBe(roster.certificate.maxLoad)
    expect(violations(withQuotas, r)).toEqual([])
  })

  it("is deterministic: the same input, or its lists shuffled, gives the same roster; another seed changes only tie-breaks", () => {
    expect(solve(district)).toEqual(roster)
    for (const seed of [1, 2, 3]) expect(solve(shuffled(district, seed))).toEqual(roster)
    const sorted = (r: Roster) => r.certificate.loads.map((l) => l.load).sort((a, b) => a - b)
    const others = [1, 7, 99, -5].map((seed) => solve({ ...district, seed }))
    for (const other of others) {
      expect(other.assignments.length).toBe(roster.assignments.length)
      expect(sorted(other)).toEqual(sorted(roster))
      expect(other.certificate.maxLoad).toBe(roster.certificate.maxLoad)
      expect(violations(district, other)).toEqual([])
    }
    expect(others.some((o) => JSON.stringify(o.assignments) !== JSON.stringify(roster.assignments))).toBe(true)
  })

  it("keeps pinned shifts, including pins beyond the pattern (an extra lawyer, a closed day)", () => {
    const pinned = [
      { date: "2018-09-17", siteId: "centre", slot: "full", lawyerId: "L10" },
      { date: "2018-09-18", siteId: "centre", slot: "full", lawyerId: "L03" },
      { date: "2018-09-18", siteId: "centre", slot: "full", lawyerId: "L05" },
      { date: "2018-10-03", siteId: "court", slot: "am", lawyerId: "L06" }
    ]
    const input = decode({ ...districtRaw, pinned })
    const r = solve(input)
    for (const p of pinned) expect(r.assignments).toContainEqual(expect.objectContaining({ ...p, pinned: true }))
    expect(r.assignments.filter((a) => a.pinned)).toHaveLength(4)
    expect(r.assignments.filter((a) => a.date === "2018-09-18" && a.siteId === "centre").map((a) => a.seat)).toEqual([0, 1])
    expect(r.assignments.length + r.unfilled.length).toBe(43 + 2)
    expect(violations(input, r)).toEqual([])
  })
})

describe("solve: firm quotas the roster misses are flagged, with the reason", () => {
  // Ten working days (2018-10-15 to 10-26), one seat a day.
  const fortnight = (lawyers: ReadonlyArray<Record<string, unknown>>, quotas: Record<string, string>) =>
    decode({ period: { from: "2018-10-15", to: "2018-10-26" }, sites: [site("centre")], lawyers, firms: Object.entries(quotas).map(([id, quotaShare]) => ({ id, quotaShare })) })

  it("a firm set to 20 % with half the lawyers gets 40 %: loads are balanced first", () => {
    const input = fortnight([lawyer("A1", { firmId: "small" }), lawyer("A2", { firmId: "small" }), lawyer("B1", { firmId: "big" }), lawyer("B2", { firmId: "big" })], { small: "0.2", big: "0.8" })
    const r = solve(input)
    // Loads 3, 3, 2, 2: the 20 % firm (2 of 10 seats) would leave 8 to two lawyers.
    expect(r.certificate.maxLoad).toBe(3)
    expect(r.certificate.quotaMisses).toEqual([
      { firmId: "big", quota: "4/5", share: "6/10", seats: 6, reason: "loads are balanced first: meeting the quota would raise the largest load above 3" },
      { firmId: "small", quota: "1/5", share: "4/10", seats: 4, reason: "loads are balanced first: meeting the quota would raise the largest load above 3" }
    ])
    expect(violations(input, r)).toEqual([])
    // The flags are stored with the roster.
    expect(ok(decodeStored("rosters", StoredRoster)("r", encodeRosterJson(r))).certificate.quotaMisses).toEqual(r.certificate.quotaMisses)
  })

  it("a firm whose only lawyer may serve twice a month: not enough lawyers of the firm, nor of the others", () => {
    const r = solve(fortnight([lawyer("A1", { firmId: "small", maxPerMonth: 2 }), lawyer("B1", { firmId: "big" }), lawyer("B2", { firmId: "big" })], { small: "0.5", big: "0.5" }))
    expect(r.unfilled).toEqual([])
    expect(r.certificate.quotaMisses).toEqual([
      { firmId: "big", quota: "1/2", share: "8/10", seats: 8, reason: "not enough qualified, available lawyers of the other firms: they can take at most 2 of the 10 seats in any roster" },
      { firmId: "small", quota: "1/2", share: "2/10", seats: 2, reason: "not enough qualified, available lawyers of the firm: they can take at most 2 of the 10 seats in any roster" }
    ])
  })

  it("quotas met (within a seat's rounding) flag nothing; without quotas there is no list", () => {
    const five = ["B1", "B2", "B3", "B4", "B5"].map((id) => lawyer(id, { firmId: "big" }))
    const r = solve(fortnight([lawyer("A1", { firmId: "small" }), lawyer("A2", { firmId: "small" }), ...five], { small: "0.2", big: "0.8" }))
    expect(r.certificate.firmShares).toEqual([
      { firmId: "big", seats: 8, quota: "4/5" },
      { firmId: "small", seats: 2, quota: "1/5" }
    ])
    expect(r.certificate.quotaMisses).toEqual([])
    // One seat more than the share (3 of 10 for 1/3 × 10 = 3.33…) is rounding, not a miss.
    const thirds = solve(fortnight([lawyer("A1", { firmId: "x" }), lawyer("B1", { firmId: "y" }), lawyer("C1", { firmId: "z" })], { x: "0.33", y: "0.33", z: "0.34" }))
    expect(thirds.certificate.quotaMisses).toEqual([])
    expect(solve(district).certificate.quotaMisses).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------

const tiny = (raw: Record<string, unknown>) => decode({ period: { from: "2018-10-08", to: "2018-10-08" }, ...raw })

describe("solve: minimum rest between shifts", () => {
  const halves = (gap: number) =>
    tiny({ sites: [site("court", { shifts: [{ slot: "am", lawyersNeeded: 1 }, { slot: "pm", lawyersNeeded: 1 }] })], lawyers: [lawyer("L1")], parameters: { minDaysBetweenShifts: gap } })

  it("0: a morning and an afternoon the same day, but a full day overlaps both", () => {
    expect(solve(halves(0)).assignments.map((a) => `${a.slot} ${a.lawyerId}`)).toEqual(["am L1", "pm L1"])
    const r = solve(tiny({ sites: [site("centre"), site("court", { shifts: [{ slot: "am", lawyersNeeded: 1 }] })], lawyers: [lawyer("L1")], parameters: { minDaysBetweenShifts: 0 } }))
    expect(r.assignments).toHaveLength(1)
    expect(r.unfilled).toHaveLength(1)
    expect(r.unfilled[0]!.byReason).toEqual({ "already on duty that day": 1 })
  })

  it("1 (the default): one shift a day", () => {
    for (const r of [solve(halves(1)), solve(tiny({ sites: [site("court", { shifts: [{ slot: "am", lawyersNeeded: 1 }, { slot: "pm", lawyersNeeded: 1 }] })], lawyers: [lawyer("L1")] }))]) {
      expect(r.assignments.map((a) => a.slot)).toEqual(["am"])
      expect(r.unfilled).toEqual([
        {
          date: "2018-10-08",
          siteId: "court",
          slot: "pm",
          seat: 0,
          reason: "every qualified lawyer is already on duty then, too close to another shift, or at the monthly maximum",
          byReason: { "already on duty that day": 1 }
        }
      ])
    }
  })

  it("2: never on consecutive days", () => {
    const input = tiny({ period: { from: "2018-10-08", to: "2018-10-10" }, sites: [site("centre")], lawyers: [lawyer("L1")], parameters: { minDaysBetweenShifts: 2 } })
    const r = solve(input)
    expect(r.assignments.map((a) => a.date)).toEqual(["2018-10-08", "2018-10-10"])
    expect(r.unfilled.map((u) => [u.date, u.byReason])).toEqual([["2018-10-09", { "too close to another of their shifts": 1 }]])
    // With a second lawyer, every day is covered and nobody works two days running.
    const both = tiny({ period: { from: "2018-10-08", to: "2018-10-10" }, sites: [site("centre")], lawyers: [lawyer("L1"), lawyer("L2")], parameters: { minDaysBetweenShifts: 2 } })
    const two = solve(both)
    expect(two.unfilled).toEqual([])
    expect(violations(both, two)).toEqual([])
  })
})

describe("solve: seats nobody can take say why", () => {
  it("a site needing a language nobody speaks (even when someone is also away that day)", () => {
    const r = solve(tiny({ sites: [site("detention", { languages: ["bai"] })], lawyers: [lawyer("L1", yi), lawyer("L2", { unavailable: ["2018-10-08"] })] }))
    expect(r.assignments).toEqual([])
    expect(r.unfilled.map((u) => u.reason)).toEqual(["no lawyer of the site's region meets its requirements"])
  })

  it("a site whose qualified lawyers are all unavailable that day", () => {
    const r = solve(
      tiny({
        sites: [site("procuratorate", { minYearsOfPractice: 10 })],
        lawyers: [lawyer("L1", { yearsOfPractice: 12, unavailable: ["2018-10-08"] }), lawyer("L2", { yearsOfPractice: 2 }), lawyer("L3", { yearsOfPractice: 15, unavailable: ["2018-10-08"] })]
      })
    )
    expect(r.unfilled.map((u) => [u.reason, u.byReason])).toEqual([["every lawyer who meets the site's requirements is unavailable that day", { "unavailable that day": 2 }]])
  })

  it("a site of another region, and lawyers at their monthly maximum", () => {
    expect(solve(tiny({ sites: [site("elsewhere", { region: "5305" })], lawyers: [lawyer("L1")] })).unfilled[0]!.reason).toBe("no lawyer of the site's region meets its requirements")
    const r = solve(tiny({ period: { from: "2018-10-08", to: "2018-10-10" }, sites: [site("centre")], lawyers: [lawyer("L1", { maxPerMonth: 2 })] }))
    expect(r.assignments).toHaveLength(2)
    expect(r.unfilled.map((u) => u.byReason)).toEqual([{ "at the monthly maximum": 1 }])
  })
})

describe("solve: balancing through a lawyer at their monthly maximum", () => {
  // X (Mon–Wed) needs ≥ 3 years: u or y. Y (Mon) needs yi: y or z. y may serve once a month.
  // The fair roster: y takes X on Monday, z takes Y, u the other two X days (max load 2). From
  // u: X, X, X and y: Y, the only chain hands y an X seat in exchange for Y, which z takes.
  const input = (seed: number) =>
    decode({
      period: { from: "2018-10-22", to: "2018-10-24" },
      sites: [site("X", { region: "5301", minYearsOfPractice: 3 }), site("Y", { region: "5301", days: [1], languages: ["yi"] })],
      lawyers: [lawyer("u"), lawyer("y", { ...yi, maxPerMonth: 1 }), lawyer("z", { ...yi, yearsOfPractice: 0 })],
      seed
    })

  it("reaches the optimal maximum load for every seed", () => {
    for (let seed = 0; seed < 60; seed++) {
      const r = solve(input(seed))
      expect(r.assignments, `seed ${seed}`).toHaveLength(4)
      expect(r.certificate.maxLoad, `seed ${seed}`).toBe(2)
      expect(r.certificate.gap, `seed ${seed}`).toBe(0)
    }
  })
})

describe("replan", () => {
  const pinnedRaw = {
    ...districtRaw,
    pinned: [
      { date: "2018-10-09", siteId: "procuratorate", slot: "full", lawyerId: "L03" },
      { date: "2018-10-13", siteId: "centre", slot: "full", lawyerId: "L03" }
    ]
  }
  const input = decode(pinnedRaw)
  const before = solve(input)
  const absence = { lawyerId: "L03", from: d("2018-10-08"), to: d("2018-10-12") }
  const { roster: after, changes, input: next } = replan(input, before, absence, d("2018-10-10"))

  it("moves the absent lawyer's shifts ahead, keeps past and pinned ones, and lists the changes", () => {
    const key = (a: { date: string; siteId: string; slot: string; seat: number }) => `${a.date} ${a.siteId} ${a.slot} ${a.seat}`
    const was = new Map(before.assignments.map((a) => [key(a), a.lawyerId]))
    const now = new Map(after.assignments.map((a) => [key(a), a.lawyerId]))
    // Nothing before today moves; the pinned shifts (one in the absence, one on a closed Saturday) stay.
    for (const [k, l] of was) if (k < "2018-10-10") expect(now.get(k), k).toBe(l)
    expect(now.get("2018-10-09 procuratorate full 0")).toBe("L03")
    expect(now.get("2018-10-13 centre full 0")).toBe("L03")
    expect(after.assignments.filter((a) => a.pinned).map(key).sort()).toEqual(["2018-10-09 procuratorate full 0", "2018-10-13 centre full 0"])
    // L03 has nothing new from today to the end of the absence.
    expect(after.assignments.filter((a) => a.lawyerId === "L03" && a.date >= "2018-10-10" && a.date <= "2018-10-12")).toEqual([])
    // Something moves exactly when L03 held an unpinned shift from today to the end of the absence.
    const freed = before.assignments.filter((a) => a.lawyerId === "L03" && !a.pinned && a.date >= "2018-10-10" && a.date <= "2018-10-12")
    expect(changes.length > 0).toBe(freed.length > 0)
    for (const f of freed) expect(changes.some((c) => key(c) === key(f) && c.from === "L03")).toBe(true)
    expect(changes.every((c) => c.date >= "2018-10-10")).toBe(true)
    expect(changes.map((c) => key(c)).sort()).toEqual([...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k)).sort())
    expect(after.unfilled).toEqual([])
    expect(next.lawyers.find((l) => l.id === "L03")!.unavailable).toEqual(datesBetween("2018-10-08", "2018-10-12"))
  })

  it("changes nothing when the absence falls outside the roster's shifts", () => {
    const r = replan(input, before, { lawyerId: "L03", from: d("2018-10-17") }, d("2018-09-17"))
    expect(r.changes).toEqual([])
    expect(r.roster.assignments).toEqual(before.assignments)
  })
})
