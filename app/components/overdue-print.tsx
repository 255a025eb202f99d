// The overdue list as a printed annex: A4 landscape, the issuing office's heading, page numbers, totals.
import type { SerializeFrom } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { formatNumber } from '../domain/categories'
import { formatVnDate } from '../domain/dates'
import type { loader } from '../routes/overdue'
import { OverdueTable } from './overdue-table'

type PrintData = Extract<SerializeFrom<typeof loader>, { mode: 'print' }>

const ROMAN: Array<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

/** Groups in Vietnamese annexes are numbered I, II, III … */
export function roman(n: number): string {
  let out = ''
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters
      n -= value
    }
  }
  return out
}

/** A small-group table is kept on one page; a long one may break between rows, never inside one. */
const KEEP_TOGETHER_ROWS = 6

export function OverduePrint({ data: d }: { data: PrintData }) {
  const asOf = formatVnDate(d.today)
  // Page margin boxes (Chromium ≥ 131) number the pages; the as-of date is digits and slashes, safe inside CSS.
  const pageCss = `@page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm;
  @bottom-right { content: "Trang " counter(page) "/" counter(pages); font: 9pt 'Times New Roman', 'Liberation Serif', serif; }
  @bottom-left { content: "Danh sách nhiệm vụ quá hạn tính đến ngày ${asOf.replace(/[^0-9/]/g, '')}"; font: 9pt 'Times New Roman', 'Liberation Serif', serif; color: #444; } }`
  const scopeLine = [d.scope.agency ? `Cơ quan: ${d.scope.agency} và các đơn vị trực thuộc` : null, d.scope.ownAgency ? `Nhiệm vụ mà ${d.scope.ownAgency} chủ trì hoặc phối hợp` : null].filter(Boolean).join(' · ')
  const listHref = `/overdue${d.query ? `?${d.query}` : ''}`
  let rowNumber = 0
  return (
    <div className="annex chromeless" data-testid="annex">
      <style>{pageCss}</style>
      <div className="annex-toolbar no-print">
        <button type="button" onClick={() => window.print()}>
          In
        </button>
        <Link to={listHref} className="button secondary">
          ← Quay lại danh sách
        </Link>
        <span className="muted small">Khổ A4 ngang; chọn "Khổ giấy A4, hướng ngang" nếu trình duyệt hỏi.</span>
        {!d.officeConfigured ? (
          <span className="small annex-warning">
            Đầu trang đang ghi tên cơ quan của người in vì chưa đặt tên cơ quan ban hành
            {d.canEditOffice ? (
              <>
                {' '}
                — <Link to="/admin/settings">đặt trong Cài đặt</Link>
              </>
            ) : (
              ' — đề nghị quản trị hệ thống đặt trong Cài đặt'
            )}
            .
          </span>
        ) : null}
      </div>
      <table className="annex-heading">
        <tbody>
          <tr>
            <td>
              {d.office.map((line, i) => (
                <div key={i} className={i === d.office.length - 1 ? 'annex-office strong' : 'annex-office'}>
                  {line.toLocaleUpperCase('vi-VN')}
                </div>
              ))}
              {d.office.length ? <div className="annex-rule" /> : null}
            </td>
            <td>
              <div className="strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
              <div className="strong annex-motto">Độc lập - Tự do - Hạnh phúc</div>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="annex-title">
        <div className="strong">PHỤ LỤC</div>
        <h1>DANH SÁCH NHIỆM VỤ QUÁ HẠN THEO CƠ QUAN CHỦ TRÌ</h1>
        <div className="annex-asof">(Số liệu tính đến ngày {asOf})</div>
        {scopeLine ? <div className="annex-scope">{scopeLine}</div> : null}
      </div>
      {d.errors.length ? <p className="annex-warning">{d.errors.join(' ')}</p> : null}
      <p className="annex-summary">
        Tổng số: <strong>{formatNumber(d.totalTasks)}</strong> nhiệm vụ quá hạn của <strong>{formatNumber(d.groups.length)}</strong> cơ quan chủ trì, sắp theo số ngày quá hạn (lâu nhất trước).
      </p>
      {d.groups.length === 0 ? <p>Không có nhiệm vụ nào quá hạn.</p> : null}
      {d.detailed.map((g, i) => {
        const startAt = rowNumber + 1
        rowNumber += g.tasks.length
        return (
          <section key={g.agencyId} className={g.tasks.length <= KEEP_TOGETHER_ROWS ? 'annex-group keep' : 'annex-group'} data-agency={g.agencyCode}>
            <OverdueTable
              rows={g.tasks}
              variant="print"
              startAt={startAt}
              caption={
                <>
                  {roman(i + 1)}. {g.agencyName} — {formatNumber(g.count)} nhiệm vụ quá hạn, lâu nhất {formatNumber(g.maxDaysOverdue)} ngày
                  {g.tasks.length < g.count ? ` (in ${formatNumber(g.tasks.length)} nhiệm vụ quá hạn lâu nhất)` : ''}
                </>
              }
            />
          </section>
        )
      })}
      {d.omittedTasks > 0 ? (
        <p className="annex-warning">
          Bản in chi tiết {formatNumber(d.totalTasks - d.omittedTasks)} nhiệm vụ của {formatNumber(d.detailed.length)} cơ quan đầu danh sách; {formatNumber(d.omittedTasks)} nhiệm vụ còn lại
          chỉ có trong bảng tổng hợp dưới đây. Lọc theo cơ quan để in chi tiết từng cơ quan.
        </p>
      ) : null}
      {d.groups.length > 0 ? (
        <section className="annex-totals">
          <table className="overdue-print annex-sum">
            <colgroup>
              <col style={{ width: '4em' }} />
              <col />
              <col style={{ width: '11em' }} />
              <col style={{ width: '11em' }} />
            </colgroup>
            <thead>
              <tr className="overdue-caption">
                <th colSpan={4}>TỔNG HỢP THEO CƠ QUAN CHỦ TRÌ</th>
              </tr>
              <tr>
                <th className="num">TT</th>
                <th>Cơ quan chủ trì</th>
                <th className="num">Số nhiệm vụ quá hạn</th>
                <th className="num">Quá hạn lâu nhất</th>
              </tr>
            </thead>
            <tbody>
              {d.groups.map((g, i) => (
                <tr key={g.agencyId}>
                  <td className="num">{roman(i + 1)}</td>
                  <td>{g.agencyName}</td>
                  <td className="num">{formatNumber(g.count)}</td>
                  <td className="num">{formatNumber(g.maxDaysOverdue)} ngày</td>
                </tr>
              ))}
              {/* In the body, not a tfoot: Chromium repeats a tfoot at the foot of every page. */}
              <tr className="annex-total-row">
                <td />
                <td>Tổng cộng: {formatNumber(d.groups.length)} cơ quan</td>
                <td className="num">{formatNumber(d.totalTasks)}</td>
                <td />
              </tr>
            </tbody>
          </table>
        </section>
      ) : null}
      <p className="annex-foot small">In từ Đôn đốc lúc {d.asOfTime}.</p>
    </div>
  )
}
