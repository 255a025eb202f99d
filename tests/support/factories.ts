// Factories for tests: users of each role, a directive with items, all through the real services.
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { agencies, type Role } from '../../db/schema'
import { addItem, createDirective, type ItemInput } from '../../app/services/register.server'
import { createUserWithHash } from '../../app/services/users.server'
import { hashPassword } from '../../app/services/auth.server'
import type { WorkflowActor } from '../../app/services/task-workflow.server'

let cachedHash: string | null = null
export const TEST_PASSWORD = 'mat-khau-thu-nghiem-1'

export async function testHash(): Promise<string> {
  cachedHash ??= await hashPassword(TEST_PASSWORD)
  return cachedHash
}

let n = 0
export async function makeUser(db: Db, role: Role, agencyCode?: string, options: { mustChangePassword?: boolean } = {}): Promise<WorkflowActor & { email: string }> {
  const agencyId = agencyCode ? db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agencyCode)).get()!.id : null
  const email = `${role}${++n}@test.example`
  const id = createUserWithHash(db, null, { email, name: `Người dùng ${n}`, role, agencyId }, await testHash(), options.mustChangePassword ?? false)
  return { id, role, agencyId, email }
}

export function agencyId(db: Db, code: string): number {
  return db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)).get()!.id
}

export function makeDirective(db: Db, actor: { id: number }, overrides: Partial<Parameters<typeof createDirective>[2]> = {}): number {
  return createDirective(db, actor, {
    type: 'thong_bao_ket_luan',
    number: `${++n}/TB-VPCP`,
    title: 'Kết luận thử nghiệm',
    issuer: 'Văn phòng Chính phủ',
    signer: 'Người ký',
    issuedOn: '2024-01-10',
    fullText: '',
    monitoringAgencyCode: 'VPCP',
    ...overrides,
  })
}

export function makeItem(db: Db, actor: { id: number }, directiveId: number, overrides: Partial<ItemInput> = {}, now?: Date) {
  return addItem(
    db,
    actor,
    directiveId,
    {
      ref: '1',
      content: 'Xây dựng dự thảo Nghị định',
      leads: ['BNV'],
      supports: ['BTP'],
      deadline: { kind: 'date', dueOn: '2024-06-30' },
      output: 'Nghị định',
      ...overrides,
    },
    { now },
  )
}
