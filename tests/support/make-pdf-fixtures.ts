// Writes the PDF fixtures under tests/fixtures/other/ (committed, so the tests need no system font):
// a two-page directive with a text layer (DejaVu Sans embedded), a scan (an image, no text), a password-protected
// PDF. Run: npx tsx tests/support/make-pdf-fixtures.ts
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import PDFDocument from 'pdfkit'

const OUT = path.resolve(import.meta.dirname, '..', 'fixtures', 'other')
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

function write(name: string, doc: PDFKit.PDFDocument): Promise<void> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => {
      fs.writeFileSync(path.join(OUT, name), Buffer.concat(chunks))
      resolve()
    })
    doc.end()
  })
}

// A grey PNG drawn by hand: what a scanner produces, pixels only.
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 0
  const raw = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 3) % 40 === 0 ? 30 : 230
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

async function directive() {
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: 'Chỉ thị 05/CT-UBND' } })
  doc.registerFont('dejavu', FONT)
  doc.font('dejavu').fontSize(12)
  const page = (n: number) => {
    doc.fontSize(9).text('Ủy ban nhân dân tỉnh Nghệ An – Chỉ thị số 05/CT-UBND', 60, 30, { lineBreak: false })
    doc.text(String(n), 290, 800, { lineBreak: false })
    doc.fontSize(12).text('', 60, 70)
  }
  page(1)
  doc.text('ỦY BAN NHÂN DÂN', 60, 70, { lineBreak: false })
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 70, { lineBreak: false })
  doc.text('TỈNH NGHỆ AN', 60, 86, { lineBreak: false })
  doc.text('Độc lập - Tự do - Hạnh phúc', 330, 86, { lineBreak: false })
  doc.text('Số: 05/CT-UBND', 60, 110, { lineBreak: false })
  doc.text('Nghệ An, ngày 15 tháng 3 năm 2024', 300, 110, { lineBreak: false })
  doc.text('CHỈ THỊ', 60, 150, { align: 'center' })
  doc.text('Về tăng cường kỷ luật, kỷ cương hành chính', { align: 'center' })
  doc.moveDown()
  const para = (s: string) => {
    doc.text(s, { align: 'justify' })
    doc.moveDown(0.8)
  }
  for (let k = 0; k < 12; k++) para(`Thời gian qua, các cơ quan, đơn vị trên địa bàn tỉnh đã quán triệt, nâng cao nhận thức về kỷ luật, kỷ cương hành chính trong thi hành công vụ (nhận xét ${k + 1}).`)
  para('Để nâng cao hiệu quả thực hiện nhiệm vụ được giao, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:')
  para('1. Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh tham mưu ban hành Quy chế đánh giá cán bộ, công chức theo kết quả thực hiện nhiệm vụ, hoàn thành trong tháng 6/2024.')
  // The sentence runs over the page break.
  doc.text('2. Sở Tài chính bố trí kinh phí bảo đảm cho việc triển khai số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính', { align: 'justify' })
  doc.addPage()
  page(2)
  para('công tỉnh, hoàn thành trước ngày 30/9/2024.')
  para('3. Sở Thông tin và Truyền thông chủ trì nâng cấp Hệ thống quản lý văn bản và điều hành của tỉnh, hoàn thành trong Quý III/2024.')
  para('4. Định kỳ hằng quý, các sở, ban, ngành cấp tỉnh báo cáo kết quả thực hiện Chỉ thị này về Sở Nội vụ.')
  doc.moveDown()
  doc.text('CHỦ TỊCH', 350)
  doc.text('Nguyễn Đức Trung', 350)
  await write('chi-thi.pdf', doc)
}

async function scan() {
  const doc = new PDFDocument({ size: 'A4', margin: 0 })
  doc.image(png(200, 280), 0, 0, { width: 595, height: 842 })
  await write('ban-quet.pdf', doc)
}

// A three-page scan that carries a stamp in text on each page: still no text layer worth the name.
async function stampedScan() {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false })
  doc.registerFont('dejavu', FONT)
  for (let k = 0; k < 3; k++) {
    doc.addPage()
    doc.image(png(200, 280), 0, 0, { width: 595, height: 842 })
    doc.font('dejavu').fontSize(9).text(`Bản sao – trang ${k + 1}`, 20, 20)
  }
  await write('ban-quet-dong-dau.pdf', doc)
}

async function locked() {
  const doc = new PDFDocument({ size: 'A4', userPassword: 'matkhau', ownerPassword: 'chu', pdfVersion: '1.7' })
  doc.registerFont('dejavu', FONT)
  doc.font('dejavu').text('Văn bản có mật khẩu: Sở Nội vụ hoàn thành trong tháng 6/2024.')
  await write('mat-khau.pdf', doc)
}

await directive()
await scan()
await stampedScan()
await locked()
console.log('written to', OUT)
