import fs from 'node:fs'
import { extractDirective } from './app/extractor/index'
const f = process.argv[2]
const r = extractDirective(fs.readFileSync(f, 'utf8'), process.argv[3] ? { issuedOn: process.argv[3] } : {})
console.log(JSON.stringify(r.directive))
for (const t of r.tasks) console.log(t.ref.padEnd(12), JSON.stringify(t.leads.map((l) => l.code ?? '?' + l.name)), JSON.stringify(t.supports.map((l) => l.code ?? '?' + l.name)), t.deadline.kind, t.deadline.dueOn ?? t.deadline.recurrence ?? '', '|', t.deadline.phrase ?? '', '| O:', t.output ?? '', '| T:', t.target ?? '', '|', t.content.slice(0, 60))
console.log('UNASSIGNED', r.unassigned)
