// Columns that several exports share: the six counts of a task roll-up, in the order the pages show them.
import type { ExportColumn } from './types'

export const COUNT_COLUMNS: ExportColumn[] = [
  { key: 'assigned', header: 'Được giao', kind: 'integer' },
  { key: 'doneOnTime', header: 'Hoàn thành đúng hạn', kind: 'integer' },
  { key: 'doneLate', header: 'Hoàn thành quá hạn', kind: 'integer' },
  { key: 'inProgress', header: 'Đang thực hiện trong hạn', kind: 'integer' },
  { key: 'overdue', header: 'Quá hạn', kind: 'integer' },
  { key: 'standing', header: 'Thường xuyên', kind: 'integer' },
]
