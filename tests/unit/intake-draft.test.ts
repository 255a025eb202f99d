// The intake draft's pure helpers: the "6 rõ" flags, splitting and merging rows.
import { draftCounts, emptyRow, mergeRows, rowFlags, splitRow, type DraftRow } from '~/lib/intake-draft'

const row = (patch: Partial<DraftRow>): DraftRow => ({ ...emptyRow('6.b.3'), ...patch })

describe('rowFlags', () => {
  it('flags a missing or unmapped lead, an undecided deadline and a missing output', () => {
    expect(rowFlags(row({}))).toEqual({ noLead: true, noDeadline: true, noOutput: true, unresolved: 0 })
    const complete = row({ leads: [{ name: 'Bộ Nội vụ', code: 'BNV' }], deadlineKind: 'month', dueMonth: '06/2023', output: 'Nghị định' })
    expect(rowFlags(complete)).toEqual({ noLead: false, noDeadline: false, noOutput: false, unresolved: 0 })
    expect(rowFlags({ ...complete, leads: [{ name: 'Ban Chỉ đạo', code: null }] })).toMatchObject({ noLead: true, unresolved: 1 })
    expect(rowFlags({ ...complete, supports: [{ name: 'Sở X', code: null }] })).toMatchObject({ noLead: false, unresolved: 1 })
    expect(rowFlags({ ...complete, dueMonth: '' }).noDeadline).toBe(true)
    expect(rowFlags({ ...complete, deadlineKind: 'quarter', dueQuarter: '2', dueYear: '' }).noDeadline).toBe(true)
    expect(rowFlags({ ...complete, deadlineKind: 'recurring', recurrence: 'monthly', recurringFrom: '01/01/2024', recurringUntil: '' }).noDeadline).toBe(true)
  })

  it('counts a standing task as decided when the text says so or the officer confirms it', () => {
    expect(rowFlags(row({ deadlineKind: 'standing' })).noDeadline).toBe(true)
    expect(rowFlags(row({ deadlineKind: 'standing', deadlinePhrase: 'thường xuyên' })).noDeadline).toBe(false)
    expect(rowFlags(row({ deadlineKind: 'standing', standingConfirmed: true })).noDeadline).toBe(false)
  })

  it('adds the flags up for the summary', () => {
    const rows = [row({}), row({ leads: [{ name: 'x', code: null }, { name: 'BNV', code: 'BNV' }], output: 'Báo cáo' })]
    expect(draftCounts(rows)).toEqual({ rows: 2, noLead: 1, noDeadline: 2, noOutput: 1, unresolved: 1 })
  })
})

describe('splitRow and mergeRows', () => {
  const base = row({
    content: 'Rà soát thủ tục hành chính nội bộ. Báo cáo kết quả về Văn phòng Chính phủ.',
    leads: [{ name: 'Bộ Nội vụ', code: 'BNV' }],
    deadlineKind: 'month',
    dueMonth: '06/2023',
    deadlinePhrase: 'trong tháng 6 năm 2023',
  })

  it('splits at the sentence break nearest the middle, both halves keeping agencies and deadline', () => {
    const [a, b] = splitRow(base)
    expect(a.content).toBe('Rà soát thủ tục hành chính nội bộ.')
    expect(b.content).toBe('Báo cáo kết quả về Văn phòng Chính phủ.')
    expect([a.ref, b.ref]).toEqual(['6.b.3-1', '6.b.3-2'])
    expect(a.id).not.toBe(b.id)
    for (const r of [a, b]) expect(r).toMatchObject({ leads: [{ code: 'BNV' }], deadlineKind: 'month', dueMonth: '06/2023' })
    a.leads[0].code = 'BTP'
    expect(b.leads[0].code).toBe('BNV')
  })

  it('undoes a split by merging the halves back', () => {
    const [a, b] = splitRow(base, 'Rà soát thủ tục'.length)
    expect(mergeRows(a, b)).toMatchObject({ ref: '6.b.3', content: base.content })
    const [c, d] = splitRow({ ...base, content: 'Rà soát thủ tục hành chính, báo cáo kết quả về Văn phòng Chính phủ' })
    expect([c.content, d.content]).toEqual(['Rà soát thủ tục hành chính,', 'báo cáo kết quả về Văn phòng Chính phủ'])
    expect(mergeRows(c, d).content).toBe('Rà soát thủ tục hành chính, báo cáo kết quả về Văn phòng Chính phủ')
  })

  it('splits at the caret when there is one', () => {
    const [a, b] = splitRow(base, 'Rà soát thủ tục'.length)
    expect(a.content).toBe('Rà soát thủ tục')
    expect(b.content).toBe('hành chính nội bộ. Báo cáo kết quả về Văn phòng Chính phủ.')
  })

  it('merges with the next row: contents joined, agencies united once, the decided deadline kept', () => {
    const next = row({
      ref: '6.b.4',
      content: 'Công khai kết quả.',
      leads: [{ name: 'BNV', code: 'BNV' }, { name: 'Bộ Tư pháp', code: 'BTP' }],
      supports: [{ name: 'Bộ Tư pháp', code: 'BTP' }, { name: 'VPCP', code: 'VPCP' }],
      output: 'Báo cáo',
    })
    const undecided = { ...base, deadlineKind: 'standing' as const, dueMonth: '', deadlinePhrase: '' }
    const merged = mergeRows(undecided, { ...next, deadlineKind: 'date', dueDate: '30/06/2023', deadlinePhrase: 'trước ngày 30/6/2023' })
    expect(merged.ref).toBe('6.b.3')
    expect(merged.content).toBe('Rà soát thủ tục hành chính nội bộ. Báo cáo kết quả về Văn phòng Chính phủ. Công khai kết quả.')
    expect(mergeRows({ ...base, content: 'Rà soát thủ tục' }, { ...next, content: 'Công khai' }).content).toBe('Rà soát thủ tục; Công khai')
    expect(merged.leads.map((a) => a.code)).toEqual(['BNV', 'BTP'])
    expect(merged.supports.map((a) => a.code)).toEqual(['VPCP'])
    expect(merged).toMatchObject({ deadlineKind: 'date', dueDate: '30/06/2023', output: 'Báo cáo' })
    expect(mergeRows(base, next)).toMatchObject({ deadlineKind: 'month', dueMonth: '06/2023' })
  })
})
