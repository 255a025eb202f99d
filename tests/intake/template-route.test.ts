// GET /directives/intake/template.xlsx through its route module: office staff download a real workbook; others
// are refused.
import ExcelJS from 'exceljs'
import { closeDb } from '../../db/client'
import * as templateRoute from '../../app/routes/directives.intake.template[.]xlsx'
import { makeUser } from '../support/factories'
import { args, getRequest, settle, signIn, useFreshAppDb } from '../support/routes'

afterEach(() => closeDb())

describe('the Excel template download', () => {
  it('gives the office an .xlsx attachment with the task header', async () => {
    const { db } = useFreshAppDb()
    const office = await makeUser(db, 'office', 'VPCP')
    const session = await signIn(office.email)
    const res = await settle(() => templateRoute.loader(args(getRequest('/directives/intake/template.xlsx', session))))
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="mau-danh-muc-nhiem-vu\.xlsx"/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    expect(wb.getWorksheet('Nhiệm vụ')?.getCell('B1').value).toBe('Nội dung nhiệm vụ')
  })

  it('refuses agency officers, leaders and admins (403) and sends a visitor to the login page', async () => {
    const { db } = useFreshAppDb()
    for (const who of [await makeUser(db, 'agency', 'BNV'), await makeUser(db, 'leader'), await makeUser(db, 'admin')]) {
      const session = await signIn(who.email)
      const res = await settle(() => templateRoute.loader(args(getRequest('/directives/intake/template.xlsx', session))))
      expect(res.status, who.role).toBe(403)
    }
    const anonymous = await settle(() => templateRoute.loader(args(getRequest('/directives/intake/template.xlsx'))))
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/)
  })
})
