// Charts as plain SVG: a line chart of rates over time and a stacked bar of task categories, legible in black and white.
import { formatNumber, formatPercent, formatRate } from '../domain/categories'

export interface TrendPoint {
  label: string
  /** Rates as fractions (0.35 = 35%), null when there was nothing to divide by. */
  completionRate: number | null
  onTimeRate: number | null
}

const W = 640
const H = 260
const PAD = { left: 48, right: 24, top: 16, bottom: 44 }

/** Completion rate (solid line, round markers) and on-time rate (dashed line, square markers) over the points. */
export function TrendChart({ points, title }: { points: TrendPoint[]; title: string }) {
  const innerW = W - PAD.left - PAD.right
  const innerH = H - PAD.top - PAD.bottom
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1))
  const y = (rate: number) => PAD.top + innerH * (1 - Math.max(0, Math.min(1, rate)))
  // A value's label goes on the side away from the other line, and never across the axis labels or off the top.
  const labelY = (v: number, other: number | null, preferAbove: boolean) => {
    const above = other === null ? v < 0.9 : v === other ? preferAbove : v > other
    const wantAbove = above ? v < 0.93 : v < 0.08
    return wantAbove ? y(v) - 8 : y(v) + 16
  }
  const path = (pick: (p: TrendPoint) => number | null) => {
    let d = ''
    let pen = false
    points.forEach((p, i) => {
      const v = pick(p)
      if (v === null) {
        pen = false
        return
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `
      pen = true
    })
    return d.trim()
  }
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 28}`} role="img" aria-label={title} data-chart="trend">
      <title>{title}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#bbb" strokeWidth={t === 0 ? 1.2 : 0.6} strokeDasharray={t === 0 ? undefined : '2 3'} />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#333">
            {t * 100}%
          </text>
        </g>
      ))}
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + innerH} stroke="#333" strokeWidth="1" />
      {points.map((p, i) => (
        <text key={i} x={x(i)} y={PAD.top + innerH + 16} textAnchor="middle" fontSize="10.5" fill="#333">
          {p.label}
        </text>
      ))}
      <path d={path((p) => p.completionRate)} fill="none" stroke="#111" strokeWidth="2.2" />
      <path d={path((p) => p.onTimeRate)} fill="none" stroke="#555" strokeWidth="2" strokeDasharray="6 4" />
      {points.map((p, i) =>
        p.completionRate === null ? null : (
          <circle key={`c${i}`} cx={x(i)} cy={y(p.completionRate)} r="3.5" fill="#111">
            <title>{`${p.label}: tỷ lệ hoàn thành ${formatRate(p.completionRate)}`}</title>
          </circle>
        ),
      )}
      {points.map((p, i) =>
        p.onTimeRate === null ? null : (
          <rect key={`o${i}`} x={x(i) - 3.5} y={y(p.onTimeRate) - 3.5} width="7" height="7" fill="#fff" stroke="#555" strokeWidth="1.6">
            <title>{`${p.label}: tỷ lệ đúng hạn ${formatRate(p.onTimeRate)}`}</title>
          </rect>
        ),
      )}
      {/* Last point's values written out, so the current figure reads without the table. */}
      {(() => {
        const last = points[points.length - 1]
        if (!last) return null
        return (
          <>
            {last.completionRate !== null ? (
              <text x={x(points.length - 1) - 6} y={labelY(last.completionRate, last.onTimeRate, true)} textAnchor="end" fontSize="11" fontWeight="700" fill="#111">
                {formatRate(last.completionRate)}
              </text>
            ) : null}
            {last.onTimeRate !== null ? (
              <text x={x(points.length - 1) - 6} y={labelY(last.onTimeRate, last.completionRate, false)} textAnchor="end" fontSize="11" fill="#333">
                {formatRate(last.onTimeRate)}
              </text>
            ) : null}
          </>
        )
      })()}
      <g transform={`translate(${PAD.left}, ${H + 14})`} fontSize="11.5" fill="#111">
        <line x1="0" x2="26" y1="0" y2="0" stroke="#111" strokeWidth="2.2" />
        <circle cx="13" cy="0" r="3.5" fill="#111" />
        <text x="32" y="4">Tỷ lệ hoàn thành (đã hoàn thành ÷ được giao có thời hạn)</text>
        <line x1="360" x2="386" y1="0" y2="0" stroke="#555" strokeWidth="2" strokeDasharray="6 4" />
        <rect x="369.5" y="-3.5" width="7" height="7" fill="#fff" stroke="#555" strokeWidth="1.6" />
        <text x="392" y="4">Tỷ lệ đúng hạn</text>
      </g>
    </svg>
  )
}

export interface CategorySegment {
  key: string
  label: string
  value: number
}

/** Fills that differ in pattern as well as shade, so the segments stay apart on a black-and-white printout. */
const FILLS: Record<string, string> = {
  doneOnTime: 'url(#pat-solid-dark)',
  doneLate: 'url(#pat-hatch)',
  inProgress: 'url(#pat-dots)',
  overdue: 'url(#pat-cross)',
  standing: 'url(#pat-light)',
}

export function CategoryBar({ segments, title }: { segments: CategorySegment[]; title: string }) {
  const total = segments.reduce((s, x) => s + x.value, 0)
  const width = 640
  let offset = 0
  return (
    <figure className="category-bar">
      <svg viewBox={`0 0 ${width} 36`} role="img" aria-label={title} data-chart="categories" className="chart">
        <title>{title}</title>
        <defs>
          <pattern id="pat-solid-dark" width="4" height="4" patternUnits="userSpaceOnUse">
            <rect width="4" height="4" fill="#2f5d3a" />
          </pattern>
          <pattern id="pat-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f3d9a4" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#7a4a10" strokeWidth="2.2" />
          </pattern>
          <pattern id="pat-dots" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#dbe6fb" />
            <circle cx="3" cy="3" r="1.3" fill="#1e40af" />
          </pattern>
          <pattern id="pat-cross" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#7f1d1d" />
            <path d="M0,0 L6,6 M6,0 L0,6" stroke="#fff" strokeWidth="0.8" />
          </pattern>
          <pattern id="pat-light" width="4" height="4" patternUnits="userSpaceOnUse">
            <rect width="4" height="4" fill="#e5e7eb" />
          </pattern>
        </defs>
        <rect x="0" y="2" width={width} height="32" fill="#fff" stroke="#333" />
        {total === 0
          ? null
          : segments.map((s) => {
              const w = (s.value / total) * width
              const x = offset
              offset += w
              return w > 0 ? (
                <rect key={s.key} x={x} y="2" width={w} height="32" fill={FILLS[s.key] ?? '#999'} stroke="#333" strokeWidth="0.8">
                  <title>{`${s.label}: ${formatNumber(s.value)}`}</title>
                </rect>
              ) : null
            })}
      </svg>
      <figcaption className="legend">
        {segments.map((s) => (
          <span key={s.key}>
            <svg width="16" height="12" aria-hidden="true">
              <rect width="16" height="12" fill={FILLS[s.key] ?? '#999'} stroke="#333" strokeWidth="0.8" />
            </svg>{' '}
            {s.label}: <strong>{formatNumber(s.value)}</strong> <span className="muted">({total === 0 ? '—' : formatPercent(s.value, total, 1)})</span>
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
