import { describe, expect, it } from 'vitest';
import { parseNameCsv } from '../../src/rules/pack/csv';
import { parsePackText } from '../../src/rules/pack/read-text';
import { mergeNames } from '../../src/ui/options/names';
import { readTextFile } from '../../src/ui/options/read-file';

/** What the options page does with files a school might drop on it by mistake. */
describe('files dropped on the options page', () => {
  it('refuses a file over 5 MB without reading it', async () => {
    const file = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'everything.json');
    expect(await readTextFile(file)).toEqual({ problem: 'everything.json is 5.0 MB; the most PostCheck takes is 5 MB' });
  });

  it('reports a pack saved in the wrong encoding instead of loading garbled text', async () => {
    const latin1 = new File([new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])], 'pack.json');
    const read = await readTextFile(latin1);
    if (!('text' in read)) throw new Error('expected text');
    expect(parsePackText(read.text)).toEqual({ ok: false, problems: [{ path: '(pack)', message: 'is not valid UTF-8 text (save it as UTF-8 and try again)' }] });
  });

  it('reports a UTF-16 CSV and an Excel workbook as not UTF-8', async () => {
    const utf16 = new File([Buffer.from('\ufeffForename,Surname\nGrace,Hetherington\n', 'utf16le')], 'pupils.csv');
    const read = await readTextFile(utf16);
    if (!('text' in read)) throw new Error('expected text');
    expect(parseNameCsv(read.text, 'pupils.csv').fatal).toMatch(/pupils.csv is not UTF-8 text/);
    const xlsx = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x9f, 0xc3])], 'pupils.xlsx');
    const workbook = await readTextFile(xlsx);
    if (!('text' in workbook)) throw new Error('expected text');
    expect(parseNameCsv(workbook.text, 'pupils.xlsx').fatal).toMatch(/not UTF-8 text/);
  });

  it('merges a name list without duplicating people', () => {
    expect(mergeNames(['Grace Hetherington', { name: 'Tobias Quennell' }], ['grace  hetherington', 'Amara Okonkwo-Reid', { name: 'Tobias Quennell', knownAs: 'Toby' }])).toEqual([
      'Grace Hetherington',
      { name: 'Tobias Quennell' },
      'Amara Okonkwo-Reid',
    ]);
  });
});
