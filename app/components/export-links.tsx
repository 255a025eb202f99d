// Links that download the list on the page as .xlsx or .docx, with the page's filters (not its page number).
import { useLocation } from '@remix-run/react'

const LABELS: Record<string, string> = {
  tasks: 'danh sách nhiệm vụ',
  overdue: 'danh sách nhiệm vụ quá hạn',
  'overdue-agencies': 'danh sách cơ quan, đơn vị có nhiệm vụ quá hạn',
  rates: 'tỷ lệ hoàn thành theo cơ quan',
}

// Query parameters that choose how a page is shown, not what it lists.
const VIEW_PARAMS = ['page', 'mode', 'print', 'at']

export function ExportLinks({ lists }: { lists: string | string[] }) {
  const { search } = useLocation()
  const params = new URLSearchParams(search)
  for (const p of VIEW_PARAMS) params.delete(p)
  const query = params.toString() ? `?${params}` : ''
  return (
    <ul className="export-links" aria-label="Tải về">
      {(Array.isArray(lists) ? lists : [lists]).map((list) => (
        <li key={list}>
          <span className="muted">Tải về {LABELS[list] ?? list}:</span>{' '}
          <a href={`/export/${list}.xlsx${query}`} download>
            Excel (.xlsx)
          </a>{' '}
          ·{' '}
          <a href={`/export/${list}.docx${query}`} download>
            Word (.docx)
          </a>
        </li>
      ))}
    </ul>
  )
}
