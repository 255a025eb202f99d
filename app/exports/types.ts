// The shape every export is built in: a titled document of tables, independent of the file format that renders it.

/** A cell: text, a number, nothing, or a calendar date (written as a real date cell, shown dd/mm/yyyy). */
export type CellValue = string | number | null | { date: string /* YYYY-MM-DD */ }

export interface ExportColumn {
  key: string
  header: string
  /** 'percent' values are fractions (0.3503 → 35,03%) or null. */
  kind: 'text' | 'integer' | 'percent' | 'date'
  /** Width in characters; by default it fits the content. */
  width?: number
}

export interface ExportTable {
  title: string
  columns: ExportColumn[]
  rows: Record<string, CellValue>[]
  /**
   * Rows come sorted by this column's value: the .docx shows each value once, as a heading row over its group
   * (with the group's row count and `groupUnit`), instead of a column; the .xlsx keeps the column to filter on.
   */
  groupBy?: string
  groupUnit?: string
  /** The totals row, keyed like the rows; the first column reads "Tổng cộng" when it has no value of its own. */
  totals?: Record<string, CellValue>
}

export interface ExportDocument {
  /** Heading of the issuing office, e.g. "VĂN PHÒNG CHÍNH PHỦ". */
  issuer: string
  title: string
  /** YYYY-MM-DD: the date the figures are computed as of. */
  asOf: string
  intro?: string[]
  tables: ExportTable[]
  notes?: string[]
}

export type ExportFormat = 'xlsx' | 'docx'
