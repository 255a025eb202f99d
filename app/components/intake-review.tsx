// The intake review screen: the proposed directive and tasks, every cell editable, flags per row, the source beside.
import { Fragment, useEffect, useMemo, useRef, useState } from 'react'
import { DIRECTIVE_TYPES, RECURRENCES, type DeadlineKind } from '../../db/reference/types'
import { quarterRoman } from '../domain/dates'
import { DEADLINE_KIND_LABELS, DIRECTIVE_TYPE_LABELS, RECURRENCE_LABELS } from '../lib/forms'
import { draftCounts, emptyRow, mergeRows, rowFlags, splitRow, type Draft, type DraftAgency, type DraftErrors, type DraftRow } from '../lib/intake-draft'
import { AgencyPicker, type PickerOption } from './intake-agency-picker'

type Indexed = ReturnType<typeof import('./intake-agency-picker').indexOptions>[number]

export interface ReviewProps {
  draft: Draft
  setDraft: (update: (d: Draft) => Draft) => void
  errors: DraftErrors | null
  options: Indexed[]
}

const vnNumber = (n: number) => n.toLocaleString('vi-VN')

function shortLabel(labels: Map<string, PickerOption>, code: string): string {
  const o = labels.get(code)
  if (!o) return code
  return o.group ? o.label.replace(/^Nhóm: /, '') : o.label.split(' — ')[0]
}

function AgencyCell({
  list,
  onChange,
  labels,
  options,
  role,
  rowKey,
}: {
  list: DraftAgency[]
  onChange: (next: DraftAgency[]) => void
  labels: Map<string, PickerOption>
  options: Indexed[]
  role: 'lead' | 'support'
  rowKey: string
}) {
  const roleLabel = role === 'lead' ? 'chủ trì' : 'phối hợp'
  return (
    <div className="agency-cell">
      {list.map((a, i) => {
        const update = (patch: Partial<DraftAgency>) => onChange(list.map((x, j) => (j === i ? { ...x, ...patch } : x)))
        const remove = () => onChange(list.filter((_, j) => j !== i))
        const label = a.code ? shortLabel(labels, a.code) : null
        const differs = a.code !== null && label !== null && a.name.trim() !== '' && a.name.trim().toLowerCase() !== label.toLowerCase()
        return (
          <div key={`${a.name}-${i}`} className={`chip${a.code ? '' : ' unresolved'}${labels.get(a.code ?? '')?.group ? ' group' : ''}`} data-agency={a.code ?? ''}>
            {a.code ? (
              <>
                <span className="chip-name" title={a.name ? `Trong văn bản: ${a.name}` : undefined}>
                  {labels.get(a.code)?.group ? <span className="chip-tag">Nhóm</span> : null}
                  {label}
                </span>
                <button type="button" className="chip-x" aria-label={`Bỏ ${label}`} title="Bỏ cơ quan này" onClick={remove}>
                  ×
                </button>
                {differs && a.saveAlias !== undefined ? (
                  <label className="alias">
                    <input type="checkbox" checked={!!a.saveAlias} onChange={(e) => update({ saveAlias: e.target.checked })} /> lưu “{a.name}” làm tên gọi khác
                  </label>
                ) : null}
              </>
            ) : (
              <>
                <span className="chip-name">
                  <span className="flag-icon" aria-hidden>
                    !
                  </span>{' '}
                  “{a.name}” — chưa xác định
                </span>
                <button type="button" className="chip-x" aria-label={`Bỏ ${a.name}`} title="Bỏ tên này" onClick={remove}>
                  ×
                </button>
                <AgencyPicker options={options} label={`Chọn cơ quan cho “${a.name}”`} placeholder="Chọn cơ quan tương ứng…" onPick={(code) => update({ code, saveAlias: false })} testId={`map-${rowKey}-${role}-${i}`} />
              </>
            )}
          </div>
        )
      })}
      {list.length === 0 && role === 'lead' ? <div className="flag-text">Chưa có cơ quan chủ trì</div> : null}
      <AgencyPicker
        options={options}
        label={`Thêm cơ quan ${roleLabel}`}
        placeholder={`+ Thêm ${roleLabel}…`}
        onPick={(code) => {
          if (list.some((x) => x.code === code)) return
          onChange([...list, { name: shortLabel(labels, code), code }])
        }}
        testId={`add-${rowKey}-${role}`}
      />
    </div>
  )
}

function DeadlineCell({ row, update, onShowPhrase }: { row: DraftRow; update: (p: Partial<DraftRow>) => void; onShowPhrase: () => void }) {
  const k = row.deadlineKind
  return (
    <div className="deadline-cell">
      <select aria-label="Loại thời hạn" value={k} onChange={(e) => update({ deadlineKind: e.target.value as DeadlineKind, standingConfirmed: e.target.value === 'standing' })}>
        {Object.entries(DEADLINE_KIND_LABELS).map(([v, l]) => (
          <option key={v} value={v}>
            {v === 'standing' ? 'Thường xuyên' : l}
          </option>
        ))}
      </select>
      {k === 'date' ? <input type="text" aria-label="Ngày" placeholder="dd/mm/yyyy" value={row.dueDate} onChange={(e) => update({ dueDate: e.target.value })} /> : null}
      {k === 'month' ? <input type="text" aria-label="Tháng" placeholder="mm/yyyy" value={row.dueMonth} onChange={(e) => update({ dueMonth: e.target.value })} /> : null}
      {k === 'quarter' ? (
        <div className="pair">
          <select aria-label="Quý" value={row.dueQuarter} onChange={(e) => update({ dueQuarter: e.target.value })}>
            <option value="">Quý…</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={String(q)}>
                Quý {quarterRoman(q)}
              </option>
            ))}
          </select>
          <input type="text" aria-label="Năm" placeholder="yyyy" value={row.dueYear} onChange={(e) => update({ dueYear: e.target.value })} />
        </div>
      ) : null}
      {k === 'year' ? <input type="text" aria-label="Năm" placeholder="yyyy" value={row.dueYear} onChange={(e) => update({ dueYear: e.target.value })} /> : null}
      {k === 'recurring' ? (
        <>
          <select aria-label="Chu kỳ" value={row.recurrence} onChange={(e) => update({ recurrence: e.target.value })}>
            <option value="">Chu kỳ…</option>
            {RECURRENCES.map((r) => (
              <option key={r} value={r}>
                {RECURRENCE_LABELS[r]}
              </option>
            ))}
          </select>
          <div className="pair">
            <input type="text" aria-label="Theo dõi từ ngày" title="Theo dõi từ ngày" placeholder="từ dd/mm/yyyy" value={row.recurringFrom} onChange={(e) => update({ recurringFrom: e.target.value })} />
            <input type="text" aria-label="Đến ngày" title="Đến ngày" placeholder="đến dd/mm/yyyy" value={row.recurringUntil} onChange={(e) => update({ recurringUntil: e.target.value })} />
          </div>
        </>
      ) : null}
      {k === 'standing' && !row.deadlinePhrase ? (
        <label className="small">
          <input type="checkbox" checked={row.standingConfirmed} onChange={(e) => update({ standingConfirmed: e.target.checked })} /> Xác nhận không có thời hạn
        </label>
      ) : null}
      {row.deadlinePhrase ? (
        <button type="button" className="phrase" title="Xem trong toàn văn" onClick={onShowPhrase}>
          “{row.deadlinePhrase}”
        </button>
      ) : (
        <span className="muted small">Văn bản không nêu thời hạn</span>
      )}
    </div>
  )
}

function Flags({ row }: { row: DraftRow }) {
  const f = rowFlags(row)
  const list: string[] = []
  if (f.noLead) list.push('Chưa rõ người chủ trì')
  if (f.noDeadline) list.push('Chưa rõ thời hạn')
  if (f.noOutput) list.push('Chưa rõ sản phẩm')
  if (f.unresolved) list.push(`${f.unresolved} tên chưa xác định`)
  if (list.length === 0) return <span className="badge flag-ok">Đủ “6 rõ”</span>
  return (
    <div className="flags">
      {list.map((l) => (
        <span key={l} className="badge flag">
          {l}
        </span>
      ))}
    </div>
  )
}

interface Mark {
  start: number
  end: number
  rowIds: string[]
}

/** Finds each row's deadline phrase in the text, after the row's own words where they can be found. */
function phraseMarks(text: string, rows: DraftRow[]): Mark[] {
  const marks: Mark[] = []
  let cursor = 0
  for (const row of rows) {
    const phrase = row.deadlinePhrase.trim()
    if (!phrase) continue
    const head = row.content.trim().slice(0, 30)
    const anchor = head.length >= 10 ? text.indexOf(head) : -1
    const from = anchor >= 0 ? anchor : cursor
    let at = text.indexOf(phrase, from)
    if (at < 0) at = text.indexOf(phrase)
    if (at < 0) continue
    cursor = at
    const same = marks.find((m) => m.start === at)
    if (same) same.rowIds.push(row.id)
    else marks.push({ start: at, end: at + phrase.length, rowIds: [row.id] })
  }
  marks.sort((a, b) => a.start - b.start)
  return marks.filter((m, i) => i === 0 || m.start >= marks[i - 1].end)
}

function SourceText({ text, rows, active }: { text: string; rows: DraftRow[]; active: string | null }) {
  const marks = useMemo(() => phraseMarks(text, rows), [text, rows])
  const parts: React.ReactNode[] = []
  let pos = 0
  for (const m of marks) {
    if (m.start > pos) parts.push(text.slice(pos, m.start))
    parts.push(
      <mark key={m.start} id={`src-${m.rowIds[0]}`} data-rows={m.rowIds.join(' ')} className={active && m.rowIds.includes(active) ? 'active' : undefined}>
        {text.slice(m.start, m.end)}
      </mark>,
    )
    pos = m.end
  }
  parts.push(text.slice(pos))
  return <pre className="fulltext intake-source">{parts}</pre>
}

export function IntakeReview({ draft, setDraft, errors, options }: ReviewProps) {
  const labels = useMemo(() => new Map(options.map((o) => [o.code, o])), [options])
  const [active, setActive] = useState<string | null>(null)
  const carets = useRef(new Map<string, number>())
  const counts = draftCounts(draft.rows)
  const d = draft.directive
  const dirErr = errors?.directive ?? {}
  const setDirective = (patch: Partial<Draft['directive']>) =>
    setDraft((x) => {
      const next = { ...x, directive: { ...x.directive, ...patch } }
      // Once the issue date is known, recurring duties left without a span get the same default as at extraction.
      const m = patch.issuedOn ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(patch.issuedOn.trim()) : null
      if (!m) return next
      const from = `${m[1].padStart(2, '0')}/${m[2].padStart(2, '0')}/${m[3]}`
      const until = `31/12/${Number(m[3]) + 1}`
      return {
        ...next,
        rows: next.rows.map((r) =>
          r.deadlineKind === 'recurring' && !r.recurringFrom && !r.recurringUntil ? { ...r, recurringFrom: from, recurringUntil: until } : r,
        ),
      }
    })
  const setRows = (f: (rows: DraftRow[]) => DraftRow[]) => setDraft((x) => ({ ...x, rows: f(x.rows) }))
  const updateRow = (id: string, patch: Partial<DraftRow>) => setRows((rows) => rows.map((r) => (r.id === id ? { ...r, ...patch } : r)))
  const showPhrase = (id: string) => {
    setActive(id)
    const el = document.querySelector(`mark[data-rows~="${id}"]`)
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }
  const allErrors = errors ? [...errors.form, ...Object.values(errors.directive), ...Object.values(errors.rows).flat()] : []
  const errorBox = useRef<HTMLDivElement>(null)
  // A refused confirmation shows its list of errors; the officer was at the bottom of the table when confirming.
  useEffect(() => {
    if (errors) errorBox.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [errors])

  return (
    <div className="intake-wide">
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Thông tin văn bản</h2>
        <div className="intake-grid">
          <div className="field">
            <label htmlFor="d-type">Loại văn bản *</label>
            <select id="d-type" value={d.type} onChange={(e) => setDirective({ type: e.target.value as Draft['directive']['type'] })}>
              {DIRECTIVE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {DIRECTIVE_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <DirField id="d-number" label="Số, ký hiệu *" value={d.number} error={dirErr.number} placeholder="ví dụ 34/CT-UBND" onChange={(v) => setDirective({ number: v })} />
          <DirField id="d-issuedOn" label="Ngày ban hành *" value={d.issuedOn} error={dirErr.issuedOn} placeholder="dd/mm/yyyy" onChange={(v) => setDirective({ issuedOn: v })} />
          <DirField id="d-issuer" label="Cơ quan ban hành *" value={d.issuer} error={dirErr.issuer} onChange={(v) => setDirective({ issuer: v })} />
          <DirField id="d-signer" label="Người ký" value={d.signer} error={dirErr.signer} onChange={(v) => setDirective({ signer: v })} />
          <div className="field">
            <label>Cơ quan theo dõi, đôn đốc</label>
            {d.monitoringAgency ? (
              <div className="chip">
                <span className="chip-name">{shortLabel(labels, d.monitoringAgency)}</span>
                <button type="button" className="chip-x" aria-label="Bỏ cơ quan theo dõi" onClick={() => setDirective({ monitoringAgency: '' })}>
                  ×
                </button>
              </div>
            ) : (
              <AgencyPicker options={options.filter((o) => !o.group)} label="Cơ quan theo dõi" onPick={(code) => setDirective({ monitoringAgency: code })} />
            )}
            {dirErr.monitoringAgency ? <span className="error">{dirErr.monitoringAgency}</span> : null}
          </div>
        </div>
        <div className="field" style={{ marginTop: '0.6rem' }}>
          <label htmlFor="d-title">Trích yếu *</label>
          <textarea id="d-title" rows={2} value={d.title} aria-invalid={dirErr.title ? true : undefined} onChange={(e) => setDirective({ title: e.target.value })} />
          {dirErr.title ? <span className="error">{dirErr.title}</span> : null}
        </div>
        <p className="muted small" style={{ marginBottom: 0 }}>
          Nguồn: {draft.sourceLabel} · {vnNumber(draft.sourceText.length)} ký tự
        </p>
      </section>

      {allErrors.length ? (
        <div className="form-error" role="alert" data-testid="intake-errors" ref={errorBox}>
          <strong>Chưa lưu: cần sửa {vnNumber(allErrors.length)} lỗi.</strong>
          <ul>
            {allErrors.slice(0, 30).map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
          {allErrors.length > 30 ? <p>… và {vnNumber(allErrors.length - 30)} lỗi khác (xem tại từng dòng).</p> : null}
        </div>
      ) : null}

      <div className="intake-summary" data-testid="intake-summary">
        <span className="big">{vnNumber(counts.rows)} nhiệm vụ đề xuất</span>
        <span className={counts.noLead ? 'count bad' : 'count ok'}>{vnNumber(counts.noLead)} chưa rõ người chủ trì</span>
        <span className={counts.noDeadline ? 'count warn' : 'count ok'}>{vnNumber(counts.noDeadline)} chưa rõ thời hạn</span>
        <span className={counts.noOutput ? 'count warn' : 'count ok'}>{vnNumber(counts.noOutput)} chưa rõ sản phẩm</span>
        <span className={counts.unresolved ? 'count bad' : 'count ok'}>{vnNumber(counts.unresolved)} tên cơ quan chưa xác định</span>
        <span className="count">{vnNumber(draft.unassigned.length)} đoạn chưa thành nhiệm vụ</span>
        {draft.rows.some((r) => r.deadlineKind === 'standing' && !r.deadlinePhrase && !r.standingConfirmed) ? (
          <button
            type="button"
            className="mini"
            title="Các dòng văn bản không nêu thời hạn được theo dõi như nhiệm vụ thường xuyên"
            onClick={() => setRows((rows) => rows.map((r) => (r.deadlineKind === 'standing' && !r.deadlinePhrase ? { ...r, standingConfirmed: true } : r)))}
          >
            Xác nhận “thường xuyên” cho mọi dòng không nêu thời hạn
          </button>
        ) : null}
      </div>

      <div className="intake-layout">
        <div className="intake-main">
          <section className="card unassigned-card" data-testid="intake-unassigned">
            <h3>Đoạn chưa thành nhiệm vụ ({vnNumber(draft.unassigned.length)})</h3>
            {draft.unassigned.length === 0 ? (
              <p className="muted small">Mọi đoạn trong phần giao nhiệm vụ đều đã thành nhiệm vụ đề xuất.</p>
            ) : (
              <ul className="unassigned">
                {draft.unassigned.map((p, i) => (
                  <li key={i}>
                    <span>{p}</span>{' '}
                    <button
                      type="button"
                      className="mini"
                      title="Thêm đoạn này vào cuối bảng thành một nhiệm vụ"
                      onClick={() => setDraft((x) => ({ ...x, rows: [...x.rows, { ...emptyRow(), content: p }], unassigned: x.unassigned.filter((_, j) => j !== i) }))}
                    >
                      Tạo nhiệm vụ
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <table className="intake-table">
            <thead>
              <tr>
                <th style={{ width: '7.5rem' }}>Mục</th>
                <th>Nội dung nhiệm vụ</th>
                <th style={{ width: '15%' }}>Chủ trì</th>
                <th style={{ width: '13%' }}>Phối hợp</th>
                <th style={{ width: '13rem' }}>Thời hạn</th>
                <th style={{ width: '12%' }}>Sản phẩm · chỉ tiêu</th>
                <th style={{ width: '8.5rem' }}>“6 rõ”</th>
              </tr>
            </thead>
            <tbody>
              {draft.rows.map((row, index) => {
                const rowErrors = errors?.rows[row.id] ?? []
                const update = (patch: Partial<DraftRow>) => updateRow(row.id, patch)
                const isLast = index === draft.rows.length - 1
                return (
                  <Fragment key={row.id}>
                    <tr data-row={row.ref || String(index + 1)} id={`row-${row.id}`} className={`${rowErrors.length ? 'has-error' : ''}${active === row.id ? ' active' : ''}`}>
                      <td>
                        <input type="text" aria-label="Mục" value={row.ref} onChange={(e) => update({ ref: e.target.value })} className="ref" />
                        <div className="row-actions">
                          <button type="button" className="mini" title="Tách thành hai dòng (tại vị trí con trỏ trong nội dung)" onClick={() => setRows((rows) => rows.flatMap((r) => (r.id === row.id ? splitRow(r, carets.current.get(r.id)) : [r])))}>
                            Tách
                          </button>
                          <button
                            type="button"
                            className="mini"
                            title="Gộp với dòng dưới"
                            disabled={isLast}
                            onClick={() =>
                              setRows((rows) => {
                                const i = rows.findIndex((r) => r.id === row.id)
                                if (i < 0 || i + 1 >= rows.length) return rows
                                return [...rows.slice(0, i), mergeRows(rows[i], rows[i + 1]), ...rows.slice(i + 2)]
                              })
                            }
                          >
                            Gộp ↓
                          </button>
                          <button type="button" className="mini danger" title="Bỏ dòng này" onClick={() => setRows((rows) => rows.filter((r) => r.id !== row.id))}>
                            Xóa
                          </button>
                        </div>
                      </td>
                      <td>
                        <textarea
                          aria-label="Nội dung nhiệm vụ"
                          rows={Math.min(8, Math.max(3, Math.ceil(row.content.length / 95)))}
                          value={row.content}
                          onChange={(e) => update({ content: e.target.value })}
                          onSelect={(e) => carets.current.set(row.id, e.currentTarget.selectionStart)}
                          onFocus={() => setActive(row.id)}
                        />
                      </td>
                      <td>
                        <AgencyCell list={row.leads} onChange={(leads) => update({ leads })} labels={labels} options={options} role="lead" rowKey={row.id} />
                        {row.leads.filter((a) => a.code && !labels.get(a.code)?.group).length > 1 ? (
                          <label className="small per-agency">
                            <input type="checkbox" checked={row.perAgency} onChange={(e) => update({ perAgency: e.target.checked })} /> Giao riêng từng cơ quan (không phải đồng chủ trì)
                          </label>
                        ) : null}
                      </td>
                      <td>
                        <AgencyCell list={row.supports} onChange={(supports) => update({ supports })} labels={labels} options={options} role="support" rowKey={row.id} />
                      </td>
                      <td>
                        <DeadlineCell row={row} update={update} onShowPhrase={() => showPhrase(row.id)} />
                      </td>
                      <td>
                        <textarea aria-label="Sản phẩm" className="short" placeholder="Sản phẩm…" value={row.output} onChange={(e) => update({ output: e.target.value })} />
                        <textarea aria-label="Chỉ tiêu" className="short" placeholder="Chỉ tiêu…" value={row.target} onChange={(e) => update({ target: e.target.value })} />
                      </td>
                      <td>
                        <Flags row={row} />
                      </td>
                    </tr>
                    {rowErrors.length ? (
                      <tr className="row-errors">
                        <td colSpan={7} role="alert">
                          {rowErrors.map((m) => (
                            <div key={m}>{m}</div>
                          ))}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                )
              })}
            </tbody>
          </table>
          <p>
            <button type="button" className="secondary" onClick={() => setRows((rows) => [...rows, emptyRow()])}>
              + Thêm nhiệm vụ
            </button>
          </p>
        </div>

        <aside className="intake-aside">
          <section className="card">
            <h3>Toàn văn</h3>
            <p className="muted small">Cụm từ về thời hạn được tô đậm; bấm vào cụm từ ở cột “Thời hạn” để xem trong văn bản.</p>
            <SourceText text={draft.sourceText} rows={draft.rows} active={active} />
          </section>
        </aside>
      </div>
    </div>
  )
}

function DirField({ id, label, value, error, placeholder, onChange }: { id: string; label: string; value: string; error?: string; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} placeholder={placeholder} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? <span className="error">{error}</span> : null}
    </div>
  )
}
