/**
 * Example subsidy tables. None is an official standard: every one is `verified: false` and
 * labelled as an example. The Shaanxi, Rizhao, Yongding and Tianchang tables use only the figures
 * published in the domain notes (`shared/domain/40-subsidy-and-budget.md`, itself from secondary
 * sources); where the notes give a range, the table takes the lower bound and says so. The Panlong
 * table is synthetic (plausible figures invented for the 2018 replay), and says so.
 *
 * Every table picks its standard by the assignment date (`assigned-on`), rounds multipliers
 * half-up, and cites `LAR-24` (subsidies paid by the institution, in force 2003–2021).
 *
 * @since 0.1.0
 */
import type { Standard, StandardInput } from "./Standard.ts"
import type { Catalogue } from "./Catalogue.ts"
import { decodeStandardUnsafe } from "./Standard.ts"
import { makeCatalogueUnsafe } from "./Catalogue.ts"

/** Yuan to fen for the figures below. */
const yuan = (n: number): number => n * 100

const exampleLabel = "example — not an official standard"

/** Rows for several services with one amount each. */
const caseRows = (prefix: string, list: ReadonlyArray<readonly [service: string, stage: string | undefined, amount: number]>, extra: Record<string, string> = {}) =>
  list.map(([service, stage, amount]) => ({
    kind: "case" as const,
    id: `${prefix}${stage ?? service}`,
    service: service as "civil",
    ...(stage === undefined ? {} : { stage: stage as "trial" }),
    ...extra,
    amount: yuan(amount)
  }))

const shaanxiInput: StandardInput = {
  id: "shaanxi-2019-example",
  region: "61",
  effectiveFrom: "2019-01-01",
  title: "Shaanxi 2019 case subsidies (example)",
  basis: ["LAR-24"],
  source:
    "Shaanxi province, 2019: figures from the domain notes (case 1,000–3,000 yuan; cross-region 2,000–4,500; possible life or death sentence ×1.5; duty 100–500 per day; drafting 200–500). Each range is taken at its lower bound: every case, and every criminal stage, 1,000 in the home city and 2,000 outside it; duty 100 per day; a document 200. The notes give only the year: in force from 2019-01-01 here, open-ended.",
  verified: false,
  label: exampleLabel,
  rounding: "half-up",
  rows: [
    ...caseRows("", [
      ["criminal", "investigation", 1000],
      ["criminal", "prosecution-review", 1000],
      ["criminal", "trial", 1000],
      ["civil", undefined, 1000],
      ["administrative", undefined, 1000],
      ["labour-arbitration", undefined, 1000],
      ["non-litigation", undefined, 1000]
    ]),
    ...caseRows("outside-", [
      ["criminal", "investigation", 2000],
      ["criminal", "prosecution-review", 2000],
      ["criminal", "trial", 2000],
      ["civil", undefined, 2000],
      ["administrative", undefined, 2000],
      ["labour-arbitration", undefined, 2000],
      ["non-litigation", undefined, 2000]
    ], { place: "outside" }),
    { kind: "multiplier", id: "life-or-death", factor: "life-or-death", ratio: "1.5", services: ["criminal"] },
    { kind: "duty", id: "duty-day", unit: "day", amount: yuan(100) },
    { kind: "document", id: "document", amount: yuan(200) }
  ]
}

const rizhaoInput: StandardInput = {
  id: "rizhao-2017-example",
  region: "3711",
  effectiveFrom: "2017-01-01",
  title: "Rizhao 2017 case subsidies (example)",
  basis: ["LAR-24"],
  source:
    "Rizhao city, 2017: figures from the domain notes (trial-stage, civil or administrative case in the city 1,200–1,890 yuan, outside it 1,500–2,200; investigation, prosecution review, non-litigation 600–900; +200 per extra recipient, at most 100 people; duty 150 per day; complex cases up to ×2). Each range is taken at its lower bound: 1,200 / 1,500 outside, 600. No figure for labour arbitration or death-penalty review. The notes give only the year: in force from 2017-01-01 here, open-ended.",
  verified: false,
  label: exampleLabel,
  rounding: "half-up",
  rows: [
    ...caseRows("", [
      ["criminal", "investigation", 600],
      ["criminal", "prosecution-review", 600],
      ["criminal", "trial", 1200],
      ["civil", undefined, 1200],
      ["administrative", undefined, 1200],
      ["non-litigation", undefined, 600]
    ]),
    ...caseRows("outside-", [
      ["criminal", "trial", 1500],
      ["civil", undefined, 1500],
      ["administrative", undefined, 1500]
    ], { place: "outside" }),
    { kind: "multiplier", id: "complexity", factor: "complexity", ratio: "2" },
    { kind: "extra-recipient", id: "extra-recipient", amount: yuan(200), maxRecipients: 100 },
    { kind: "duty", id: "duty-day", unit: "day", amount: yuan(150) }
  ]
}

const yongdingInput: StandardInput = {
  id: "yongding-2020-example",
  region: "430802",
  effectiveFrom: "2020-01-01",
  title: "Yongding (Zhangjiajie) 2020 case subsidies (example)",
  basis: ["LAR-24"],
  source:
    "Yongding district, Zhangjiajie, 2020: figures from the domain notes (criminal investigation or prosecution review 600 yuan; trial 1,200; civil, administrative or arbitration 1,400; duty at least 200 per day, taken as 200; consultation 200 per day; non-litigation 250). The notes give only the year: in force from 2020-01-01 here, open-ended.",
  verified: false,
  label: exampleLabel,
  rounding: "half-up",
  rows: [
    ...caseRows("", [
      ["criminal", "investigation", 600],
      ["criminal", "prosecution-review", 600],
      ["criminal", "trial", 1200],
      ["civil", undefined, 1400],
      ["administrative", undefined, 1400],
      ["labour-arbitration", undefined, 1400],
      ["non-litigation", undefined, 250]
    ]),
    { kind: "duty", id: "duty-day", unit: "day", amount: yuan(200) },
    { kind: "consultation", id: "consultation-day", unit: "day", amount: yuan(200) }
  ]
}

const tianchangInput: StandardInput = {
  id: "tianchang-2020-example",
  region: "341181",
  effectiveFrom: "2020-01-01",
  title: "Tianchang 2020 case subsidies by quality grade (example)",
  basis: ["LAR-24"],
  source:
    "Tianchang city, 2020: figures from the domain notes, graded 合格 (pass) / 良好 (good): civil 1,200/1,400 yuan; investigation 800/1,000; prosecution review 1,200/1,400; trial 1,300/1,500; withdrawal before a hearing 600, during a hearing 1,000 (taken here for civil cases); mediation (non-litigation) 800. An excellent file is paid the good amount. The notes give no figure for an unqualified file, so this table cannot pay one. In force from 2020-01-01 here, open-ended.",
  verified: false,
  label: exampleLabel,
  rounding: "half-up",
  rows: [
    ...caseRows("pass-", [
      ["criminal", "investigation", 800],
      ["criminal", "prosecution-review", 1200],
      ["criminal", "trial", 1300],
      ["civil", undefined, 1200]
    ], { grade: "pass" }),
    ...caseRows("good-", [
      ["criminal", "investigation", 1000],
      ["criminal", "prosecution-review", 1400],
      ["criminal", "trial", 1500],
      ["civil", undefined, 1400]
    ], { grade: "good" }),
    ...caseRows("", [["non-litigation", undefined, 800]]),
    { kind: "early-end", id: "withdrawn-before-hearing", endedBy: "withdrawn-before-hearing", services: ["civil"], amount: yuan(600) },
    { kind: "early-end", id: "withdrawn-during-hearing", endedBy: "withdrawn-during-hearing", services: ["civil"], amount: yuan(1000) }
  ]
}

const panlongInput: StandardInput = {
  id: "panlong-2018-example",
  region: "530103",
  effectiveFrom: "2017-01-01",
  effectiveTo: "2021-12-31",
  title: "Panlong district case subsidies for the 2018 replay (synthetic example)",
  basis: ["LAR-24"],
  source:
    "Synthetic: plausible figures invented for the 2018 replay, not taken from any published Panlong or Kunming standard (none was found). Criminal investigation 800 yuan, prosecution review 800, trial 1,200; civil 1,500; administrative 1,500; labour arbitration 1,000; non-litigation 600; possible life or death sentence ×1.5; complexity up to ×2; +200 per extra recipient, at most 10 recipients; withdrawal before a hearing 600, during a hearing 1,000; aid terminated in a non-criminal case 500; an unqualified file paid half; duty 200 per day, 100 per half-day; consultation 200 per day; a document 100. In force 2017-01-01 to 2021-12-31 (the end of the Regulation on Legal Aid).",
  verified: false,
  label: "synthetic example for the 2018 replay — not an official standard",
  rounding: "half-up",
  rows: [
    ...caseRows("", [
      ["criminal", "investigation", 800],
      ["criminal", "prosecution-review", 800],
      ["criminal", "trial", 1200],
      ["civil", undefined, 1500],
      ["administrative", undefined, 1500],
      ["labour-arbitration", undefined, 1000],
      ["non-litigation", undefined, 600]
    ]),
    { kind: "multiplier", id: "life-or-death", factor: "life-or-death", ratio: "1.5", services: ["criminal"] },
    { kind: "multiplier", id: "complexity", factor: "complexity", ratio: "2" },
    { kind: "extra-recipient", id: "extra-recipient", amount: yuan(200), maxRecipients: 10 },
    { kind: "early-end", id: "withdrawn-before-hearing", endedBy: "withdrawn-before-hearing", services: ["civil", "administrative", "labour-arbitration"], amount: yuan(600) },
    { kind: "early-end", id: "withdrawn-during-hearing", endedBy: "withdrawn-during-hearing", services: ["civil", "administrative", "labour-arbitration"], amount: yuan(1000) },
    { kind: "early-end", id: "terminated", endedBy: "terminated", amount: yuan(500) },
    { kind: "unqualified", id: "unqualified", ratio: "0.5" },
    { kind: "duty", id: "duty-day", unit: "day", amount: yuan(200) },
    { kind: "duty", id: "duty-half-day", unit: "half-day", amount: yuan(100) },
    { kind: "consultation", id: "consultation-day", unit: "day", amount: yuan(200) },
    { kind: "document", id: "document", amount: yuan(100) }
  ]
}

/**
 * Shaanxi province (61), 2019: lower bounds of the published ranges; a higher band outside the
 * home city; ×1.5 for a possible life or death sentence. Example, unverified.
 *
 * @example
 * ```ts
 * import { tables } from "fayuan/subsidy"
 * tables.shaanxi2019.verified // false
 * ```
 * @category tables
 */
export const shaanxi2019: Standard = decodeStandardUnsafe(shaanxiInput)

/**
 * Rizhao city (3711), 2017: lower bounds; a band outside the city; +200 yuan per extra recipient
 * (at most 100); complexity up to ×2. Example, unverified.
 *
 * @category tables
 */
export const rizhao2017: Standard = decodeStandardUnsafe(rizhaoInput)

/**
 * Yongding district, Zhangjiajie (430802), 2020. Example, unverified.
 *
 * @category tables
 */
export const yongding2020: Standard = decodeStandardUnsafe(yongdingInput)

/**
 * Tianchang city (341181), 2020: amounts graded pass (合格) / good (良好); fixed amounts for a
 * withdrawal before or during a hearing. Example, unverified.
 *
 * @category tables
 */
export const tianchang2020: Standard = decodeStandardUnsafe(tianchangInput)

/**
 * Panlong district (530103), 2017–2021: synthetic figures for the 2018 replay. Unverified.
 *
 * @category tables
 */
export const panlong2018: Standard = decodeStandardUnsafe(panlongInput)

/**
 * All five example tables in one catalogue (their regions differ, so they never meet).
 *
 * @example
 * ```ts
 * import { tables } from "fayuan/subsidy"
 * tables.examples.standards.length // 5
 * ```
 * @category tables
 */
export const examples: Catalogue = makeCatalogueUnsafe([shaanxi2019, rizhao2017, yongding2020, tianchang2020, panlong2018])

/**
 * The Panlong table alone: the catalogue of the 2018 replay.
 *
 * @category tables
 */
export const panlong: Catalogue = makeCatalogueUnsafe([panlong2018])
