// A combobox for the intake review: finds an agency or group by name, short name or code, diacritics optional.
import { useMemo, useRef, useState } from 'react'
import { foldVietnamese } from '../domain/text'

export interface PickerOption {
  code: string
  label: string
  group: boolean
  keywords?: string
}

interface Indexed extends PickerOption {
  folded: string
}

export function indexOptions(options: PickerOption[]): Indexed[] {
  return options.map((o) => ({ ...o, folded: foldVietnamese(`${o.label} ${o.code} ${o.keywords ?? ''}`) }))
}

const MAX_SHOWN = 8

export function AgencyPicker({
  options,
  onPick,
  placeholder = 'Tìm cơ quan (tên, viết tắt, không cần dấu)…',
  label,
  testId,
}: {
  options: Indexed[]
  onPick: (code: string) => void
  placeholder?: string
  label: string
  testId?: string
}) {
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const closeTimer = useRef<ReturnType<typeof setTimeout>>()
  const matches = useMemo(() => {
    const words = foldVietnamese(query).split(' ').filter(Boolean)
    if (words.length === 0) return []
    const exact = options.filter((o) => o.code.toLowerCase() === words.join(' '))
    const rest = options.filter((o) => !exact.includes(o) && words.every((w) => o.folded.includes(w)))
    return [...exact, ...rest].slice(0, MAX_SHOWN)
  }, [query, options])
  const pick = (o: Indexed) => {
    onPick(o.code)
    setQuery('')
    setOpen(false)
  }
  return (
    <div className="picker" data-testid={testId}>
      <input
        type="text"
        value={query}
        aria-label={label}
        placeholder={placeholder}
        autoComplete="off"
        role="combobox"
        aria-expanded={open && matches.length > 0}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          closeTimer.current = setTimeout(() => setOpen(false), 150)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive((a) => Math.min(a + 1, matches.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            if (matches[active]) pick(matches[active])
          } else if (e.key === 'Escape') {
            setOpen(false)
          }
        }}
      />
      {open && query.trim() ? (
        <ul className="picker-list" role="listbox">
          {matches.length === 0 ? <li className="muted">Không tìm thấy cơ quan phù hợp.</li> : null}
          {matches.map((o, i) => (
            <li
              key={o.code}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault()
                clearTimeout(closeTimer.current)
                pick(o)
              }}
            >
              {o.label} <span className="muted">({o.code})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
