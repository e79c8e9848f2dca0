// Turns a CSV file into an .xlsx workbook of one sheet, streaming, for the benchmark (a million rows
// is ~550 MB of sheet XML, more than fits in one JavaScript string). Text cells go into shared strings
// as Excel writes them; cells that look like dd/mm/yyyy dates become real date cells (serial numbers
// with a date format), as when a user saves an extract from Excel.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i) =>
  i < 26
    ? String.fromCharCode(65 + i)
    : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26));
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

function serial(text) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? (Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) - SERIAL_EPOCH) / 86_400_000 : null;
}

/** Deflates a stream of strings into a Buffer list, returning { chunks, size, compressedSize }. */
async function deflateParts(produce) {
  const deflate = createDeflateRaw({ level: 6 });
  const chunks = [];
  let size = 0;
  deflate.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for await (const text of produce()) {
    const buffer = Buffer.from(text);
    size += buffer.length;
    if (!deflate.write(buffer)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { chunks, size, compressedSize: chunks.reduce((n, c) => n + c.length, 0) };
}

export async function csvToXlsx(csvPath, xlsxPath) {
  const strings = new Map();
  const stringIndex = (s) => {
    let i = strings.get(s);
    if (i === undefined) {
      i = strings.size;
      strings.set(s, i);
    }
    return i;
  };
  const sheet = await deflateParts(async function* () {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    let r = 0;
    let batch = '';
    for await (const line of createInterface({ input: createReadStream(csvPath) })) {
      r += 1;
      const cells = line.split(',');
      batch += `<row r="${r}">`;
      cells.forEach((cell, i) => {
        if (cell === '') return;
        const ref = `${col(i)}${r}`;
        const day = serial(cell);
        batch +=
          day !== null
            ? `<c r="${ref}" s="1"><v>${day}</v></c>`
            : `<c r="${ref}" t="s"><v>${stringIndex(cell)}</v></c>`;
      });
      batch += '</row>';
      if (batch.length > 1 << 20) {
        yield batch;
        batch = '';
      }
    }
    yield `${batch}</sheetData></worksheet>`;
  });
  const sst = await deflateParts(async function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${strings.size}">`;
    let batch = '';
    for (const s of strings.keys()) {
      batch += `<si><t>${escapeXml(s)}</t></si>`;
      if (batch.length > 1 << 20) {
        yield batch;
        batch = '';
      }
    }
    yield `${batch}</sst>`;
  });
  const rel = (t) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}`;
  const small = (text) => {
    const data = Buffer.from(text);
    const chunk = deflateRawSync(data);
    return { chunks: [chunk], size: data.length, compressedSize: chunk.length };
  };
  const parts = [
    [
      '[Content_Types].xml',
      small(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    ],
    [
      '_rels/.rels',
      small(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ],
    [
      'xl/workbook.xml',
      small(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Early help" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      small(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel('worksheet')}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel('styles')}" Target="styles.xml"/><Relationship Id="rId3" Type="${rel('sharedStrings')}" Target="sharedStrings.xml"/></Relationships>`,
      ),
    ],
    [
      'xl/styles.xml',
      small(
        '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
    ],
    ['xl/sharedStrings.xml', sst],
    ['xl/worksheets/sheet1.xml', sheet],
  ];
  const out = createWriteStream(xlsxPath);
  const write = (b) => new Promise((resolve) => (out.write(b) ? resolve() : out.once('drain', resolve)));
  const central = [];
  let offset = 0;
  for (const [name, part] of parts) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.compressedSize, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(part.compressedSize, 20);
    header.writeUInt32LE(part.size, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, nameBytes);
    await write(Buffer.concat([local, nameBytes]));
    for (const c of part.chunks) await write(c);
    offset += 30 + nameBytes.length + part.compressedSize;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(Buffer.concat([directory, end]));
  await new Promise((resolve) => out.end(resolve));
  return { sheetBytes: sheet.size, sheetCompressed: sheet.compressedSize, strings: strings.size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [csv, xlsx] = process.argv.slice(2);
  console.log(await csvToXlsx(csv, xlsx));
}
