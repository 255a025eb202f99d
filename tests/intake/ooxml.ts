// Builds real .docx files for the tests: minimal valid OOXML (content types, relationships, document, numbering)
// zipped with fflate, with paragraphs, automatic numbering, footnote references, tabs, breaks and tables with
// merged cells.
import { strToU8, zipSync } from 'fflate'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A run of text; "\t" becomes <w:tab/>, "\n" <w:br/>, "^1" a footnote reference. */
export function run(text: string): string {
  const parts = text.split(/(\t|\n|\^\d)/)
  return `<w:r>${parts
    .map((p) => (p === '\t' ? '<w:tab/>' : p === '\n' ? '<w:br/>' : /^\^\d$/.test(p) ? `<w:footnoteReference w:id="${p.slice(1)}"/>` : p ? `<w:t xml:space="preserve">${esc(p)}</w:t>` : ''))
    .join('')}</w:r>`
}

export function p(text: string, numbering?: { numId: number; ilvl?: number }): string {
  const pPr = numbering ? `<w:pPr><w:numPr><w:ilvl w:val="${numbering.ilvl ?? 0}"/><w:numId w:val="${numbering.numId}"/></w:numPr></w:pPr>` : ''
  return `<w:p>${pPr}${run(text)}</w:p>`
}

export interface CellSpec {
  text?: string
  /** Several paragraphs in the cell. */
  paragraphs?: string[]
  span?: number
  vMerge?: 'restart' | 'continue'
}

export function table(rows: Array<Array<string | CellSpec>>): string {
  const tr = rows.map((cells) => {
    const tcs = cells.map((c) => {
      const spec: CellSpec = typeof c === 'string' ? { text: c } : c
      const props = [spec.span ? `<w:gridSpan w:val="${spec.span}"/>` : '', spec.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : spec.vMerge === 'continue' ? '<w:vMerge/>' : ''].join('')
      const paras = spec.paragraphs ?? [spec.text ?? '']
      return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${paras.map((x) => p(x)).join('')}</w:tc>`
    })
    return `<w:tr>${tcs.join('')}</w:tr>`
  })
  return `<w:tbl><w:tblPr/>${tr.join('')}</w:tbl>`
}

// numId 1: "1." / "a)" / "-" on levels 0, 1, 2; numId 2: bullets; numId 3: upper Roman "I.".
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`

/** The bytes of a .docx whose body is the given block XML (paragraphs and tables). */
export function docx(body: string[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`),
    'word/numbering.xml': strToU8(NUMBERING),
  }
  for (const [name, content] of Object.entries(extra)) files[name] = strToU8(content)
  return zipSync(files, { level: 6 })
}
