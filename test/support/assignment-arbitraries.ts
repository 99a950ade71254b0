/**
 * fast-check arbitraries for case assignment. Vocabularies are small on purpose, so that generated
 * cases and pools collide: shared firms, parties acted for on both sides, tied rotation keys.
 */
import fc from "fast-check"
import type { AssignOptions, CaseToAssign, Lawyer } from "../../src/assignment/index.ts"
import type { RegionCode } from "../../src/Region.ts"
import { matterKinds } from "../../src/RuleSet.ts"

export const lawyerIds = ["L0", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9", "L10", "L11"] as const
export const firmIds = ["F0", "F1", "F2", "F3"] as const
export const parties = ["P0", "P1", "P2", "P3", "P4", "P5"] as const
export const languages = ["zh", "yi", "bai"] as const
export const specialties = ["criminal", "labour", "family"] as const

const region = (code: string) => code as RegionCode
/** Counties in Kunming (5301) and Baoshan (5305). */
export const counties: ReadonlyArray<RegionCode> = ["530102", "530103", "530111", "530502"].map(region)
/** Catchments: the nation, the province, both cities, one county. */
export const areas: ReadonlyArray<RegionCode> = ["000000", "53", "5301", "5305", "530103"].map(region)

const some = <A>(values: ReadonlyArray<A>): fc.Arbitrary<Array<A>> => fc.subarray([...values])

/** A lawyer with the given id; everything else drawn from the small vocabularies. */
export const lawyerWithId = (id: string): fc.Arbitrary<Lawyer> =>
  fc
    .record({
      firmId: fc.constantFrom(...firmIds),
      region: fc.constantFrom(...counties),
      yearsOfPractice: fc.integer({ min: 0, max: 8 }),
      languages: some(languages),
      specialties: some(specialties),
      minorsTrained: fc.boolean(),
      openCases: fc.integer({ min: 0, max: 4 }),
      maxOpenCases: fc.integer({ min: 0, max: 6 }),
      actsFor: fc.option(some(parties), { nil: undefined }),
      weight: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      assignedCount: fc.integer({ min: 0, max: 6 })
    })
    .map(({ actsFor, weight, ...rest }) => {
      const l: { -readonly [K in keyof Lawyer]: Lawyer[K] } = { id, ...rest }
      if (actsFor !== undefined) l.actsFor = actsFor
      if (weight !== undefined) l.weight = weight
      return l
    })

/** A pool of lawyers with distinct ids, in any order. */
export const pool: fc.Arbitrary<ReadonlyArray<Lawyer>> = fc
  .shuffledSubarray([...lawyerIds], { minLength: 0 })
  .chain((ids) => fc.tuple(...ids.map(lawyerWithId)))

/** A case to assign; lawyer lists refer to the ids a pool may hold. */
export const caseToAssign = (caseId: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 12 })): fc.Arbitrary<CaseToAssign> =>
  fc
    .record({
      caseId,
      region: fc.constantFrom(...counties),
      kind: fc.constantFrom(...matterKinds),
      lawyerMinYears: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      minorsSpecialist: fc.option(fc.boolean(), { nil: undefined }),
      languages: fc.option(fc.subarray([...languages], { maxLength: 2 }), { nil: undefined }),
      specialty: fc.option(fc.constantFrom(...specialties), { nil: undefined }),
      opposingParties: fc.option(fc.subarray([...parties], { maxLength: 2 }), { nil: undefined }),
      coDefendantLawyers: fc.option(fc.subarray([...lawyerIds], { maxLength: 3 }), { nil: undefined }),
      excludedLawyers: fc.option(fc.subarray([...lawyerIds], { maxLength: 2 }), { nil: undefined }),
      dutyAdvisedCoAccused: fc.option(fc.subarray([...lawyerIds], { maxLength: 2 }), { nil: undefined }),
      area: fc.option(fc.constantFrom(...areas), { nil: undefined })
    })
    .map(({ lawyerMinYears, minorsSpecialist, ...r }) => {
      const requirements: { lawyerMinYears?: number; minorsSpecialist?: boolean } = {}
      if (lawyerMinYears !== undefined) requirements.lawyerMinYears = lawyerMinYears
      if (minorsSpecialist !== undefined) requirements.minorsSpecialist = minorsSpecialist
      const c: { -readonly [K in keyof CaseToAssign]: CaseToAssign[K] } = { caseId: r.caseId, region: r.region, kind: r.kind, requirements }
      for (const key of ["languages", "specialty", "opposingParties", "coDefendantLawyers", "excludedLawyers", "dutyAdvisedCoAccused", "area"] as const) {
        if (r[key] !== undefined) (c as Record<string, unknown>)[key] = r[key]
      }
      return c
    })

/**
 * A case with, half the time, none of the filters that have an index (specialty, languages,
 * area), so that both of `assignMany`'s ways to find a lawyer — walking the rotation order and
 * scanning an index — get exercised.
 */
export const batchCase = (caseId: fc.Arbitrary<string>): fc.Arbitrary<CaseToAssign> =>
  fc.tuple(caseToAssign(caseId), fc.boolean()).map(([c, plain]) => {
    if (!plain) return c
    const { specialty: _s, languages: _l, area: _a, ...rest } = c
    return rest
  })

/** A run of cases with distinct ids `K-0`, `K-1`, …. */
export const caseRun = (maxLength: number): fc.Arbitrary<ReadonlyArray<CaseToAssign>> =>
  fc.array(batchCase(fc.constant("")), { maxLength }).map((cs) => cs.map((c, k) => ({ ...c, caseId: `K-${k}` })))

export const options: fc.Arbitrary<AssignOptions> = fc.boolean().map((dutyAdviserRule) => ({ dutyAdviserRule }))

/** The same pool with every lawyer's lists in another order, and the lawyers themselves shuffled. */
export const reordered = (lawyers: ReadonlyArray<Lawyer>): fc.Arbitrary<ReadonlyArray<Lawyer>> =>
  fc.shuffledSubarray([...lawyers], { minLength: lawyers.length, maxLength: lawyers.length }).map((ls) =>
    ls.map((l) => {
      const out: { -readonly [K in keyof Lawyer]: Lawyer[K] } = { ...l, languages: [...l.languages].reverse(), specialties: [...l.specialties].reverse() }
      if (l.actsFor !== undefined) out.actsFor = [...l.actsFor].reverse()
      return out
    })
  )
