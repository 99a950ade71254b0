/**
 * Small deterministic SVG charts for the report: stacked bars (cases by month and kind), grouped
 * bars (points and score by first-level indicator) and lines (cumulative spending against the
 * schedule). No library, no fonts or images from outside, no random ids: the same chart gives
 * the same bytes.
 *
 * @since 0.1.0
 */
import type { Chart } from "./Report.ts"

/**
 * Chart size and whether to write the `xmlns` attribute (needed for a standalone `.svg` file, not
 * inside HTML).
 *
 * @category model
 */
export interface SvgOptions {
  readonly width?: number
  readonly height?: number
  readonly standalone?: boolean
}

/** Fixed colours, one per series. */
export const palette: ReadonlyArray<string> = ["#4e79a7", "#e15759", "#bab0ac", "#59a14f", "#f28e2b"]

/**
 * Escapes text for XML and HTML.
 *
 * @example
 * import { escapeXml } from "fayuan/report"
 * escapeXml("a < b & c") // "a &lt; b &amp; c"
 *
 * @category formatting
 */
export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")

/** A coordinate with at most one decimal. */
const c = (x: number): string => {
  const r = Math.round(x * 10) / 10
  return Object.is(r, -0) ? "0" : String(r)
}

/**
 * The top of the value axis and the step between ticks: a step of 1, 2 or 5 × 10ⁿ (whole numbers
 * only) giving at most 5 steps above `max`.
 *
 * @example
 * import { niceScale } from "fayuan/report"
 * niceScale(864) // { top: 1000, step: 200 }
 *
 * @category layout
 */
export const niceScale = (max: number): { readonly top: number; readonly step: number } => {
  if (!(max > 0)) return { top: 5, step: 1 }
  let magnitude = 1
  for (;;) {
    for (const m of [1, 2, 5]) {
      const step = m * magnitude
      if (step * 5 >= max) return { top: Math.ceil(max / step) * step, step }
    }
    magnitude *= 10
  }
}

const colour = (s: { readonly color?: string }, k: number): string => s.color ?? palette[k % palette.length]!

const groupDigits = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ",")

/**
 * Draws a chart as an SVG element (a string).
 *
 * @example
 * import { renderSvg } from "fayuan/report"
 * renderSvg({ kind: "bars", title: "Figure 2", categories: ["产出"], series: [{ name: "score", values: [48], labels: ["48.00"] }], unit: "points" })
 *
 * @category rendering
 */
export const renderSvg = (chart: Chart, options: SvgOptions = {}): string => {
  const width = options.width ?? 720
  const height = options.height ?? 360
  const left = 80
  const right = 16
  const top = 40
  const bottom = 64
  const plotW = width - left - right
  const plotH = height - top - bottom
  const n = chart.categories.length
  const max = chart.kind === "stacked-bars"
    ? Math.max(0, ...chart.categories.map((_, i) => chart.series.reduce((s, x) => s + (x.values[i] ?? 0), 0)))
    : Math.max(0, ...chart.series.flatMap((s) => s.values))
  const { top: axisTop, step } = niceScale(max)
  const y = (v: number) => top + plotH - (v / axisTop) * plotH
  const band = n === 0 ? plotW : plotW / n
  const out: Array<string> = []
  const xmlns = options.standalone === true ? ` xmlns="http://www.w3.org/2000/svg"` : ""
  out.push(`<svg${xmlns} viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(chart.title)}" font-family="sans-serif" font-size="12">`)
  out.push(`<title>${escapeXml(chart.title)}</title>`)
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`)
  out.push(`<text x="${c(width / 2)}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`)
  // value axis, grid and tick labels
  for (let v = 0; v <= axisTop; v += step) {
    out.push(`<line x1="${left}" y1="${c(y(v))}" x2="${c(left + plotW)}" y2="${c(y(v))}" stroke="${v === 0 ? "#333333" : "#dddddd"}" stroke-width="1"/>`)
    out.push(`<text x="${left - 6}" y="${c(y(v) + 4)}" text-anchor="end">${groupDigits(v)}</text>`)
  }
  // The unit above the value axis, horizontal: Chinese reads badly turned on its side.
  out.push(`<text x="${left - 6}" y="${top - 12}" text-anchor="end">${escapeXml(chart.unit)}</text>`)
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${c(top + plotH)}" stroke="#333333" stroke-width="1"/>`)
  // category labels
  chart.categories.forEach((name, i) => {
    out.push(`<text x="${c(left + band * (i + 0.5))}" y="${c(top + plotH + 16)}" text-anchor="middle">${escapeXml(name)}</text>`)
  })
  // data
  if (chart.kind === "stacked-bars") {
    const w = band * 0.6
    chart.categories.forEach((_, i) => {
      let base = 0
      chart.series.forEach((s, k) => {
        const v = s.values[i] ?? 0
        if (v <= 0) return
        const y0 = y(base)
        const y1 = y(base + v)
        out.push(`<rect x="${c(left + band * i + (band - w) / 2)}" y="${c(y1)}" width="${c(w)}" height="${c(y0 - y1)}" fill="${colour(s, k)}"><title>${escapeXml(`${chart.categories[i]} ${s.name}: ${s.labels[i] ?? v}`)}</title></rect>`)
        base += v
      })
      if (base > 0) out.push(`<text x="${c(left + band * (i + 0.5))}" y="${c(y(base) - 4)}" text-anchor="middle" font-size="10">${base}</text>`)
    })
  } else if (chart.kind === "bars") {
    const m = Math.max(1, chart.series.length)
    const w = (band * 0.7) / m
    chart.categories.forEach((_, i) => {
      chart.series.forEach((s, k) => {
        const v = Math.max(0, s.values[i] ?? 0)
        const x = left + band * i + band * 0.15 + w * k
        out.push(`<rect x="${c(x)}" y="${c(y(v))}" width="${c(w)}" height="${c(y(0) - y(v))}" fill="${colour(s, k)}"><title>${escapeXml(`${chart.categories[i]} ${s.name}: ${s.labels[i] ?? v}`)}</title></rect>`)
        out.push(`<text x="${c(x + w / 2)}" y="${c(y(v) - 4)}" text-anchor="middle" font-size="10">${escapeXml(s.labels[i] ?? String(v))}</text>`)
      })
    })
  } else {
    chart.series.forEach((s, k) => {
      const points = s.values.map((v, i) => `${c(left + band * (i + 0.5))},${c(y(v))}`)
      const dash = k === 0 ? ` stroke-dasharray="6 4"` : ""
      out.push(`<polyline points="${points.join(" ")}" fill="none" stroke="${colour(s, k)}" stroke-width="2"${dash}/>`)
      s.values.forEach((v, i) => {
        out.push(`<circle cx="${c(left + band * (i + 0.5))}" cy="${c(y(v))}" r="3" fill="${colour(s, k)}"><title>${escapeXml(`${chart.categories[i]} ${s.name}: ${s.labels[i] ?? v}`)}</title></circle>`)
      })
    })
  }
  // legend
  const legendY = height - 20
  let x = left
  chart.series.forEach((s, k) => {
    out.push(`<rect x="${c(x)}" y="${legendY - 10}" width="12" height="12" fill="${colour(s, k)}"/>`)
    out.push(`<text x="${c(x + 16)}" y="${legendY}">${escapeXml(s.name)}</text>`)
    x += 24 + [...s.name].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0)
  })
  out.push(`</svg>`)
  return out.join("\n")
}
