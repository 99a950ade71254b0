/**
 * A form as data: rows of cells with their spans, as a finance bureau's table is drawn — merged
 * labels down the left, blocks of different column structures on one grid. The report renders it
 * in HTML, Markdown and Word, and `fayuan/report/xlsx` as a worksheet; the self-evaluation table
 * (项目支出绩效自评表) is one.
 *
 * @since 0.2.0
 */

/**
 * A cell: its text, how many columns and rows it covers, its alignment, and for a spreadsheet
 * the number behind the text with its format. A cell an office completes by hand is `toComplete`
 * (its text says so, and renderers mark it).
 *
 * @category models
 */
export interface GridCell {
  readonly text: string
  readonly colSpan?: number
  readonly rowSpan?: number
  readonly align?: "left" | "center" | "right"
  readonly bold?: boolean
  /** The number behind the text, written as a number in a spreadsheet (the text is what prints). */
  readonly number?: number
  /** The number's spreadsheet format: `0.00`, `0.00%`. */
  readonly format?: string
  readonly toComplete?: boolean
}

/**
 * A form: its title and the line under it, the relative widths of its columns, its rows (each
 * listing only the cells that start in it, as HTML does), and notes printed under it.
 *
 * @category models
 */
export interface Grid {
  readonly title: string
  readonly subtitle?: string
  readonly columns: ReadonlyArray<number>
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell>>
  readonly notes: ReadonlyArray<string>
}

/** The text an office completes by hand. */
export const toComplete = "（待填写）"

/**
 * Where each cell of a grid sits: its row and first column, counting the columns covered by cells
 * spanning down from rows above.
 *
 * @example
 * ```ts
 * import { placeCells } from "fayuan/report"
 * placeCells({ title: "t", columns: [1, 1], notes: [], rows: [[{ text: "a", rowSpan: 2 }, { text: "b" }], [{ text: "c" }]] })
 *   .map((p) => [p.row, p.col, p.cell.text]) // [[0, 0, "a"], [0, 1, "b"], [1, 1, "c"]]
 * ```
 *
 * @category layout
 */
export const placeCells = (grid: Grid): ReadonlyArray<{ readonly row: number; readonly col: number; readonly cell: GridCell }> => {
  const width = grid.columns.length
  const taken: Array<Array<boolean>> = grid.rows.map(() => Array.from({ length: width }, () => false))
  const out: Array<{ row: number; col: number; cell: GridCell }> = []
  grid.rows.forEach((cells, r) => {
    let col = 0
    for (const cell of cells) {
      while (col < width && taken[r]![col]) col++
      const span = cell.colSpan ?? 1
      const down = cell.rowSpan ?? 1
      for (let dr = 0; dr < down && r + dr < grid.rows.length; dr++) for (let dc = 0; dc < span && col + dc < width; dc++) taken[r + dr]![col + dc] = true
      out.push({ row: r, col, cell })
      col += span
    }
  })
  return out
}
