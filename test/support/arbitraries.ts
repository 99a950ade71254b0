/**
 * fast-check arbitraries shared by the property tests, composed from small ones. They compute
 * what they need (days in a month, check digits) independently of the modules under test.
 */
import fc from "fast-check"
import type { CalendarDate } from "../../src/CalendarDate.ts"
import type { Fen } from "../../src/Money.ts"
import type { Ratio } from "../../src/Ratio.ts"
import * as Region from "../../src/Region.ts"
import type { RegionCode } from "../../src/Region.ts"

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const monthLength = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!
const pad = (n: number, width: number) => String(n).padStart(width, "0")

/** Any amount of fen in the safe range. */
export const fen: fc.Arbitrary<Fen> = fc.maxSafeInteger().map((n) => (n === 0 ? 0 : n) as Fen)

/** Amounts that real budgets produce (up to ±10 billion yuan), so sums stay exact. */
export const budgetFen: fc.Arbitrary<Fen> = fc.integer({ min: -1e12, max: 1e12 }).map((n) => (n === 0 ? 0 : n) as Fen)

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b))

/** A reduced ratio with a numerator and denominator of moderate size. */
export const ratio = (options: { readonly min?: number; readonly max?: number; readonly maxDenominator?: number } = {}): fc.Arbitrary<Ratio> =>
  fc.record({
    numerator: fc.integer({ min: options.min ?? -1_000_000, max: options.max ?? 1_000_000 }),
    denominator: fc.integer({ min: 1, max: options.maxDenominator ?? 1_000_000 })
  }).map(({ numerator, denominator }) => {
    if (numerator === 0) return { numerator: 0, denominator: 1 }
    const g = gcd(numerator, denominator)
    return { numerator: numerator / g, denominator: denominator / g }
  })

/** Year, month and day of a real date from 1900 to 2199. */
export const dateParts: fc.Arbitrary<{ year: number; month: number; day: number }> = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, monthLength(year, month)) }))

/** A valid calendar date, biased towards month ends and 29 February by the clamping above. */
export const calendarDate: fc.Arbitrary<CalendarDate> = dateParts.map(
  ({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate
)

const provinces = ["11", "12", "13", "31", "44", "53", "65", "71", "81", "82"] as const
const twoDigitsNot00 = fc.integer({ min: 1, max: 99 }).map((n) => pad(n, 2))

/** A canonical region code at any level, including national. */
export const regionCode: fc.Arbitrary<RegionCode> = fc.oneof(
  fc.constant("000000"),
  fc.constantFrom(...Region.codes()),
  fc.constantFrom("53", "5301", "530102", "530103", "530111", "5305", "530502")
) as fc.Arbitrary<RegionCode>

/** A code of the right shape (2, 4 or 6 digits under a real province), whether or not it names a division. */
export const structuralRegionCode: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...provinces),
  fc.tuple(fc.constantFrom(...provinces), twoDigitsNot00).map(([p, c]) => p + c),
  fc.tuple(fc.constantFrom(...provinces), twoDigitsNot00, twoDigitsNot00).map(([p, c, d]) => p + c + d)
)

/** The six-digit region prefix of an ID number: mostly counties, sometimes a prefecture (e.g. 441900 Dongguan). */
const idRegionPrefix: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...Region.codes().filter((c) => c.length === 2)), twoDigitsNot00, twoDigitsNot00).map(([p, c, d]) => p + c + d) },
  { weight: 1, arbitrary: fc.constantFrom("441900", "442000", "530103", "110105") }
)

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** The GB 11643 check character for the first 17 digits. */
export const checkCharacter = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]!
  return "10X98765432"[sum % 11]!
}

/** A valid 18-character resident ID number (uppercase X), as a raw string. */
export const residentIdNumber: fc.Arbitrary<string> = fc
  .tuple(idRegionPrefix, dateParts.filter((d) => d.year <= 2099), fc.integer({ min: 0, max: 999 }))
  .map(([region, { year, month, day }, sequence]) => {
    const first17 = `${region}${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 3)}`
    return first17 + checkCharacter(first17)
  })
