// Intake drafts for tests and the bench: a synthetic conclusion addressed to every ministry and every province.
import { emptyRow, type Draft, type DraftAgency, type DraftRow } from '../../app/lib/intake-draft'

const agency = (code: string): DraftAgency => ({ name: code, code })

function row(k: number, fields: Partial<DraftRow>): DraftRow {
  return {
    ...emptyRow(String(k)),
    id: `r${k}`,
    content: `Nhiệm vụ số ${k}: rà soát, hoàn thiện thể chế, đẩy mạnh cải cách thủ tục hành chính và chuyển đổi số trong lĩnh vực được giao`,
    deadlineKind: 'date',
    dueDate: `${String((k % 28) + 1).padStart(2, '0')}/${String((k % 9) + 4).padStart(2, '0')}/2024`,
    output: k % 3 === 0 ? 'Báo cáo Thủ tướng Chính phủ' : '',
    ...fields,
  }
}

/**
 * A 40-item conclusion issued on 15/03/2024: ten items to every province (63 then), ten to every ministry, co-leads,
 * named lists, quarterly duties, merged ministries (their successors act) and a supporting group — 1,015 tasks.
 */
export function syntheticConclusion(number = '99/TB-VPCP'): Draft {
  const rows: DraftRow[] = []
  for (let k = 1; k <= 40; k++) {
    switch (k % 4) {
      case 1:
        rows.push(row(k, { leads: [agency('G-TINH')], supports: [agency('BKHDT'), agency('BTC')] }))
        break
      case 2:
        rows.push(row(k, { leads: [agency('G-BO-NGANH')], supports: [agency('VPCP')], deadlineKind: 'quarter', dueQuarter: '4', dueYear: '2024' }))
        break
      case 3:
        rows.push(
          k % 8 === 3
            ? row(k, { leads: [agency('BTC'), agency('BKHDT')], supports: [agency('G-BO-NGANH')] })
            : row(k, { leads: ['BNV', 'BTP', 'BCA', 'BYT', 'BXD', 'BCT', 'BNG', 'BQP'].map(agency), perAgency: true, deadlineKind: 'standing', standingConfirmed: true }),
        )
        break
      default:
        rows.push(
          row(k, {
            leads: [agency(k % 8 === 0 ? 'BTTTT' : 'BGDDT')],
            supports: [agency('BNV')],
            deadlineKind: 'recurring',
            recurrence: 'quarterly',
            recurringFrom: '15/03/2024',
            recurringUntil: '31/12/2026',
            dueDate: '',
          }),
        )
    }
  }
  return {
    directive: {
      type: 'thong_bao_ket_luan',
      number,
      issuedOn: '15/03/2024',
      issuer: 'Văn phòng Chính phủ',
      signer: 'Trần Văn Sơn',
      title: 'Kết luận của Thủ tướng Chính phủ tại Hội nghị trực tuyến với các bộ, ngành và địa phương',
      monitoringAgency: 'VPCP',
    },
    rows,
    unassigned: [],
    sourceText: rows.map((r) => `${r.ref}. ${r.content}`).join('\n'),
    sourceLabel: 'dán văn bản',
  }
}
