// Benchmark of the extractor: one real conclusion notice, and 1 MB made by concatenating the seed documents.
import fs from 'node:fs'
import path from 'node:path'
import { timeExtraction } from '../../app/extractor'
import { readUpload } from '../../app/intake/read-upload.server'
import { docx, p } from '../intake/ooxml'

export async function benchExtraction() {
  const dir = path.resolve('tests/fixtures/directives')
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  const one = fs.readFileSync(path.join(dir, '000_506597647e220cc6.txt'), 'utf8')
  const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n\n')
  let big = ''
  while (Buffer.byteLength(big) < 1024 * 1024) big += `${all}\n\n`
  const small = timeExtraction(one, {}, 25)
  const large = timeExtraction(big, { issuedOn: '2024-01-01' }, 5)
  console.log('\nextraction')
  console.log(`  000_506597647e220cc6.txt (${(Buffer.byteLength(one) / 1024).toFixed(0)} KiB)   median ${small.medianMs.toFixed(1)} ms, ${small.tasks} tasks`)
  console.log(`  1 MB of the seed documents                median ${large.medianMs.toFixed(0)} ms, ${large.tasks} tasks`)

  // A Word file of about 1 MB (compressed) made of the seed documents' paragraphs: unzip, XML walk, numbering.
  const paragraphs = all.split(/\n+/).filter((l) => l.trim() !== '')
  const body: string[] = []
  let file = docx([])
  for (let round = 0; file.length < 1024 * 1024; round++) {
    for (const line of paragraphs) body.push(p(`${line} (${round})`))
    file = docx(body)
  }
  const samples: number[] = []
  let chars = 0
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    chars = (await readUpload('bench.docx', file)).text.length
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  console.log(`  readUpload of a ${(file.length / 1024 / 1024).toFixed(2)} MB .docx (${(chars / 1e6).toFixed(1)} M characters of text)   median ${samples[2].toFixed(0)} ms`)
}
