import { deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync } from 'fflate';
import { writeXlsx } from './xlsx-writer';

/**
 * A workbook whose one sheet expands to `megabytes` MB of XML from a file of a few hundred KB to a
 * few MB: a "zip bomb". With `claim`, its headers claim that many bytes instead of the true size.
 * Compressed with Node's zlib (fast) and assembled by hand; CRCs are left at 0 (the reader does not
 * check them, and nothing else reads this file).
 */
export function zipBomb(megabytes: number, claim?: number): Uint8Array<ArrayBuffer> {
  const row = '<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>';
  const unit = strToU8(row.repeat(Math.ceil((1024 * 1024) / row.length)));
  const body = Buffer.alloc(megabytes * unit.length);
  for (let i = 0; i < megabytes; i += 1) body.set(unit, i * unit.length);
  const sheet = Buffer.concat([
    Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
    body,
    Buffer.from('</sheetData></worksheet>'),
  ]);
  const parts = unzipSync(writeXlsx([{ name: 'S', rows: [['child_id', 'assessment_start_date']] }]));
  parts['xl/worksheets/sheet1.xml'] = sheet;
  return assemble(
    Object.entries(parts).map(([name, data]) => ({
      name,
      size: name === 'xl/worksheets/sheet1.xml' && claim !== undefined ? claim : data.length,
      deflated: deflateRawSync(data, { level: 9 }),
    })),
  );
}

function assemble(entries: { name: string; size: number; deflated: Uint8Array }[]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.deflated.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, Buffer.from(entry.deflated));
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}
