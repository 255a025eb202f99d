// Meeting mode of the overdue list: one agency at a time, full screen, large type, driven from the keyboard.
import type { SerializeFrom } from '@remix-run/node'
import { Link, useNavigate, useNavigation } from '@remix-run/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { formatNumber } from '../domain/categories'
import type { loader } from '../routes/overdue'
import { OverdueTable } from './overdue-table'

type MeetingData = Extract<SerializeFrom<typeof loader>, { mode: 'meeting' }>

const HELP: Array<[string, string]> = [
  ['→ / PageDown / Space', 'cơ quan sau'],
  ['← / PageUp', 'cơ quan trước'],
  ['Home / End', 'đầu / cuối'],
  ['số + Enter hoặc G', 'đến cơ quan số…'],
  ['↑ / ↓', 'cuộn'],
  ['F', 'toàn màn hình'],
  ['Esc', 'thoát chế độ họp'],
]

export function MeetingMode({ data: d }: { data: MeetingData }) {
  const navigate = useNavigate()
  const navigation = useNavigation()
  const [jump, setJump] = useState<string | null>(null)
  const jumpInput = useRef<HTMLInputElement>(null)
  const count = d.groups.length
  const current = d.index >= 0 ? d.groups[d.index] : null
  const hrefAt = useCallback(
    (i: number) => {
      const params = new URLSearchParams(d.query)
      params.set('mode', 'meeting')
      params.set('at', d.groups[i].agencyCode)
      return `/overdue?${params.toString()}`
    },
    [d.query, d.groups],
  )
  const listHref = `/overdue${d.query ? `?${d.query}` : ''}`

  const go = useCallback(
    (i: number) => {
      if (count === 0) return
      const target = Math.min(Math.max(0, i), count - 1)
      if (target !== d.index) navigate(hrefAt(target), { replace: true, preventScrollReset: false })
    },
    [count, d.index, hrefAt, navigate],
  )

  // A deep link by position (#3) lands on that agency.
  useEffect(() => {
    const m = /^#(\d{1,4})$/.exec(window.location.hash)
    if (m && count > 0) {
      const i = Number(m[1]) - 1
      if (i >= 0 && i < count && i !== d.index) navigate(hrefAt(i), { replace: true })
    }
    // Only on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (jump !== null) jumpInput.current?.focus()
  }, [jump])

  useEffect(() => {
    window.scrollTo(0, 0)
    document.querySelector('.meeting')?.scrollTo(0, 0)
  }, [d.index])

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return
      // Keys typed in the jump box are its own (digits, Enter, Esc); it may have just closed itself.
      if (e.target instanceof HTMLElement && e.target.id === 'meeting-jump') return
      if (jump !== null) {
        // The jump box handles its own keys (digits, Enter, Esc).
        if (e.key === 'Escape') {
          e.preventDefault()
          setJump(null)
        }
        return
      }
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
        case ' ':
          e.preventDefault()
          go(d.index + 1)
          return
        case 'ArrowLeft':
        case 'PageUp':
          e.preventDefault()
          go(d.index - 1)
          return
        case 'Home':
          e.preventDefault()
          go(0)
          return
        case 'End':
          e.preventDefault()
          go(count - 1)
          return
        case 'g':
        case 'G':
          e.preventDefault()
          setJump('')
          return
        case 'f':
        case 'F':
          e.preventDefault()
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
          else void document.documentElement.requestFullscreen?.().catch(() => undefined)
          return
        case 'Escape':
          e.preventDefault()
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
          navigate(listHref)
          return
      }
      if (/^[0-9]$/.test(e.key)) {
        e.preventDefault()
        setJump(e.key)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [jump, go, d.index, count, navigate, listHref])

  function submitJump(e: React.FormEvent) {
    e.preventDefault()
    const n = Number(jump)
    setJump(null)
    if (Number.isInteger(n) && n >= 1 && n <= count) go(n - 1)
  }

  const scopeLine = [d.scope.agency ? `Cơ quan: ${d.scope.agency}` : null, d.scope.ownAgency ? `Nhiệm vụ của ${d.scope.ownAgency}` : null].filter(Boolean).join(' · ')

  return (
    <div className={`meeting chromeless${navigation.state === 'loading' ? ' is-loading' : ''}`} data-testid="meeting">
      <header className="meeting-head">
        <div className="meeting-title">
          <div className="meeting-kicker">
            Nhiệm vụ quá hạn · tính đến {d.asOfTime}
            {scopeLine ? ` · ${scopeLine}` : ''}
          </div>
          {current ? (
            <h1 className="meeting-agency" data-agency={current.agencyCode}>
              {current.agencyName}
            </h1>
          ) : (
            <h1 className="meeting-agency">Không có nhiệm vụ nào quá hạn</h1>
          )}
          {current ? (
            <div className="meeting-count">
              <strong>{formatNumber(current.count)}</strong> nhiệm vụ quá hạn · lâu nhất <strong>{formatNumber(current.maxDaysOverdue)}</strong> ngày
            </div>
          ) : null}
        </div>
        <div className="meeting-position" aria-live="polite">
          {count > 0 ? (
            <>
              <span data-testid="meeting-position">
                Cơ quan {d.index + 1}/{count}
              </span>
              <div className="meeting-total">
                Tổng: {formatNumber(d.totalTasks)} nhiệm vụ, {formatNumber(count)} cơ quan
              </div>
            </>
          ) : null}
        </div>
      </header>
      {d.errors.length ? (
        <div className="meeting-errors" role="alert">
          {d.errors.join(' ')}
        </div>
      ) : null}
      {d.atMissing ? <div className="meeting-errors">Cơ quan được chọn không còn nhiệm vụ quá hạn; đang hiển thị cơ quan đầu danh sách.</div> : null}
      {current ? <OverdueTable rows={d.tasks} variant="meeting" /> : null}
      {current && current.count > d.tasks.length ? (
        <p className="meeting-more">
          Còn {formatNumber(current.count - d.tasks.length)} nhiệm vụ quá hạn khác của cơ quan này —{' '}
          <Link to={`/tasks?agency=${encodeURIComponent(current.agencyCode)}&category=overdue`}>xem danh sách đầy đủ</Link>.
        </p>
      ) : null}
      <footer className="meeting-help">
        {HELP.map(([k, v]) => (
          <span key={k}>
            <kbd>{k}</kbd> {v}
          </span>
        ))}
        <Link to={listHref} className="meeting-exit">
          Thoát
        </Link>
      </footer>
      {d.index >= 0 && d.index + 1 < count ? <Link to={hrefAt(d.index + 1)} prefetch="render" hidden tabIndex={-1} aria-hidden /> : null}
      {d.index > 0 ? <Link to={hrefAt(d.index - 1)} prefetch="render" hidden tabIndex={-1} aria-hidden /> : null}
      {jump !== null ? (
        <form className="meeting-jump" onSubmit={submitJump} role="dialog" aria-label="Đến cơ quan số">
          <label htmlFor="meeting-jump">Đến cơ quan số (1–{count}), rồi Enter:</label>
          <input
            id="meeting-jump"
            ref={jumpInput}
            inputMode="numeric"
            autoComplete="off"
            value={jump}
            onChange={(e) => setJump(e.target.value.replace(/\D/g, '').slice(0, 4))}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                setJump(null)
              }
            }}
          />
          <ol className="meeting-jump-list">
            {d.groups.map((g, i) => (
              <li key={g.agencyCode} className={i === d.index ? 'current' : undefined}>
                <span className="muted">{i + 1}.</span> {g.agencyName} <span className="muted">({formatNumber(g.count)})</span>
              </li>
            ))}
          </ol>
        </form>
      ) : null}
    </div>
  )
}
