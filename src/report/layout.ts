/**
 * Column widths from a table's content, for the formats that fix them (Word, a worksheet): each
 * column as wide as its longest line where the page allows, never narrower than its longest
 * word or number, so "10.00" never breaks across lines.
 *
 * @since 0.2.0
 */

const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

/**
 * The width of a text in half-width units: Chinese and other full-width characters count 2.
 *
 * @example
 * ```ts
 * import { displayWidth } from "fayuan/report"
 * displayWidth("得分10.00") // 9
 * ```
 *
 * @category layout
 */
export const displayWidth = (text: string): number => {
  let w = 0
  for (const ch of text) w += wide.test(ch) || broad.test(ch) ? 2 : 1
  return w
}

/** Latin glyphs about as wide as a Chinese character in most fonts. */
const broad = /[%@MW—≥≤¥]/

/** The widest piece a line does not break inside: a run of Latin letters, digits and signs, or one full-width character. */
const unbreakable = (text: string): number => {
  let best = 0
  for (const run of text.split(/\s+/)) {
    let latin = 0
    for (const ch of run) {
      if (wide.test(ch)) {
        best = Math.max(best, latin, 2)
        latin = 0
      } else latin += broad.test(ch) ? 2 : 1
    }
    best = Math.max(best, latin)
  }
  return best
}

/**
 * Widths for the columns of `rows` (the head first), in half-width units, summing to
 * `available`. Every column first gets its longest unbreakable piece (a header may wrap between
 * its characters); then the room left brings each column towards its longest line, up to
 * `comfortable` units (a label of six Chinese characters, a figure, on one line); then the rest goes to the columns
 * whose lines are longer still. `floors` raise a column's comfortable width (a form's column of
 * explanations). `padding` is added to every column for the cell's margins.
 *
 * @example
 * ```ts
 * import { fitColumns } from "fayuan/report"
 * fitColumns([["分值", "依据"], ["10.00", "一段很长的说明文字，写明统计口径和记录数"]], 40)
 * // [7, 33]: the points keep "10.00" on one line, the note takes the rest
 * ```
 *
 * @category layout
 */
export const fitColumns = (
  rows: ReadonlyArray<ReadonlyArray<string>>,
  available: number,
  options: { readonly padding?: number; readonly comfortable?: number; readonly floors?: ReadonlyArray<number> } = {}
): ReadonlyArray<number> => {
  const padding = options.padding ?? 2
  const comfortable = options.comfortable ?? 12
  const n = Math.max(0, ...rows.map((r) => r.length))
  if (n === 0) return []
  const natural = Array.from({ length: n }, () => 4)
  const min = Array.from({ length: n }, () => 4)
  rows.forEach((row, r) =>
    row.forEach((text, i) => {
      if (text === "") return
      natural[i] = Math.max(natural[i]!, ...text.split("\n").map((l) => displayWidth(l) + padding))
      // A header wraps between its characters; a body cell keeps its numbers and words whole.
      // (A tenth more for a body cell: digits in a Chinese font's Latin run wider than half a character.)
      min[i] = Math.max(min[i]!, (r === 0 ? Math.min(unbreakable(text), 4) : Math.ceil(unbreakable(text) * 1.1)) + padding)
    })
  )
  for (let i = 0; i < n; i++) natural[i] = Math.max(natural[i]!, min[i]!)
  // A column asked to be at least so wide (a form's text column) wants that much before the others grow.
  const desired = natural.map((w, i) => Math.max(min[i]!, Math.min(w, Math.max(comfortable, options.floors?.[i] ?? 0))))
  const grow = (from: ReadonlyArray<number>, to: ReadonlyArray<number>, room: number): Array<number> => {
    const extra = to.map((w, i) => w - from[i]!)
    const sum = extra.reduce((a, b) => a + b, 0)
    return sum <= room ? [...to] : from.map((w, i) => w + (extra[i]! * room) / sum)
  }
  const sum = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0)
  let widths: Array<number>
  if (sum(min) >= available) widths = min.map((w) => (w * available) / sum(min))
  else {
    widths = grow(min, desired, available - sum(min))
    widths = grow(widths, natural, available - sum(widths))
    // Room still left: shared in proportion to the widths.
    const total = sum(widths)
    if (total < available) widths = widths.map((w) => (w * available) / total)
  }
  // Whole units, the remainder to the largest fractions, so the sum is exact.
  const floors = widths.map(Math.floor)
  let left = available - floors.reduce((a, b) => a + b, 0)
  const order = widths.map((w, i) => ({ i, r: w - Math.floor(w) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (let k = 0; left > 0 && k < order.length; k++, left--) floors[order[k]!.i]! += 1
  return floors
}
