import { describe, expect, it } from 'vitest';
import { parseNameCsv } from '../../src/rules/pack/csv';
import { PACK_LIMITS } from '../../src/rules/pack/schema';

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('parseNameCsv: MIS exports', () => {
  it('reads a SIMS-style pupil export with legal and preferred names', () => {
    const csv = crlf(
      'Legal Surname,Legal Forename,Preferred Forename,Preferred Surname,Reg,Year',
      'Hetherington,Grace,Gracie,Hetherington,5H,Year 5',
      "O'Connor,Siân,Siân,O'Connor,5H,Year 5",
      'Smith-Jones,Zoë,,Smith-Jones,6B,Year 6',
      'Adeyemi,Oluwaseun,Seun,,6B,Year 6',
    );
    const result = parseNameCsv(csv, 'pupils.csv');
    expect(result.fatal).toBeUndefined();
    expect(result.problems).toEqual([]);
    expect(result.people).toEqual([
      { name: 'Grace Hetherington', knownAs: 'Gracie' },
      { name: "Siân O'Connor" },
      { name: 'Zoë Smith-Jones' },
      { name: 'Oluwaseun Adeyemi', knownAs: 'Seun' },
    ]);
  });

  it('reads an Arbor-style staff export with title and job title', () => {
    const csv = [
      'Title,First name,Preferred first name,Last name,Job Title,Email',
      'Mrs,Sarah,,Okafor,Head of Year 7,s.okafor@example.sch.uk',
      'Dr,Ieuan,Iwan,Prys-Davies,Science Teacher,i.prys-davies@example.sch.uk',
      'Mr,Seán,,Ó Briain,Teaching Assistant,',
    ].join('\n');
    const result = parseNameCsv(csv, 'staff.csv');
    expect(result.problems).toEqual([]);
    expect(result.people).toEqual([
      { name: 'Sarah Okafor', title: 'Mrs', role: 'Head of Year 7' },
      { name: 'Ieuan Prys-Davies', knownAs: 'Iwan', title: 'Dr', role: 'Science Teacher' },
      { name: 'Seán Ó Briain', title: 'Mr', role: 'Teaching Assistant' },
    ]);
  });

  it.each([
    ['Forename,Surname', 'Grace,Hetherington'],
    ['FIRST NAME,LAST NAME', 'Grace,Hetherington'],
    ['Firstname,Family Name', 'Grace,Hetherington'],
    ['given_name,last_name', 'Grace,Hetherington'],
    ['Surname,Forename', 'Hetherington,Grace'],
  ])('recognises the header %s', (header, row) => {
    expect(parseNameCsv(`${header}\n${row}\n`, 'pupils.csv').people).toEqual([{ name: 'Grace Hetherington' }]);
  });

  it('reads a single Name or Full Name column, reordering "Surname, Forename"', () => {
    const csv = 'Full Name,Class\n"Hetherington, Grace",5H\nTom Ellis,5H\n';
    expect(parseNameCsv(csv, 'pupils.csv').people).toEqual([{ name: 'Grace Hetherington' }, { name: 'Tom Ellis' }]);
  });

  it('takes a known-as name from a "Known As" column and drops a repeated surname', () => {
    const csv = 'Forename,Known As,Surname\nWilliam,Billy Ward,Ward\nKatherine,katherine,Price\n';
    expect(parseNameCsv(csv, 'pupils.csv').people).toEqual([{ name: 'William Ward', knownAs: 'Billy' }, { name: 'Katherine Price' }]);
  });

  it('skips a report title above the header and blank lines', () => {
    const csv = 'Class list 5H - exported 03/09/2026\n\nForename,Surname\nGrace,Hetherington\n\n\nTom,Ellis\n';
    expect(parseNameCsv(csv, 'pupils.csv').people).toEqual([{ name: 'Grace Hetherington' }, { name: 'Tom Ellis' }]);
  });
});

describe('parseNameCsv: encodings and delimiters', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const result = parseNameCsv('\uFEFFForename,Surname\nZoë,Brontë\n', 'pupils.csv');
    expect(result.people).toEqual([{ name: 'Zoë Brontë' }]);
  });

  it('reads semicolon-separated exports (Excel in comma-decimal locales)', () => {
    const csv = 'Forename;Surname;Role\nAmélie;Dubois;Teacher of French\n';
    expect(parseNameCsv(csv, 'staff.csv').people).toEqual([{ name: 'Amélie Dubois', role: 'Teacher of French' }]);
  });

  it('reads tab-separated exports', () => {
    const csv = 'Forename\tSurname\nGrace\tHetherington\n';
    expect(parseNameCsv(csv, 'pupils.txt').people).toEqual([{ name: 'Grace Hetherington' }]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const csv = [
      'Title,Forename,Surname,Role',
      '"Ms","Mary ""Molly""","Fitzgerald","Head of English, KS3"',
      'Mr,"Jean-Luc","D\'Arcy","Site Manager\n(Caretaker)"',
      'Miss,Aoife,Ní Bhriain,"Teacher, Year 2"',
    ].join('\n');
    const result = parseNameCsv(csv, 'staff.csv');
    expect(result.problems).toEqual([]);
    expect(result.people).toEqual([
      { name: 'Mary "Molly" Fitzgerald', title: 'Ms', role: 'Head of English, KS3' },
      { name: "Jean-Luc D'Arcy", title: 'Mr', role: 'Site Manager (Caretaker)' },
      { name: 'Aoife Ní Bhriain', title: 'Miss', role: 'Teacher, Year 2' },
    ]);
  });

  it('treats "-" placeholders as empty cells', () => {
    const csv = 'Title,Forename,Preferred Forename,Surname\n-,Grace,-,Hetherington\n';
    expect(parseNameCsv(csv, 'staff.csv')).toEqual({ people: [{ name: 'Grace Hetherington' }], problems: [] });
  });
});

describe('parseNameCsv: bad rows are reported by line and good rows load', () => {
  it('reports rows with no name, the wrong number of fields, or broken quoting', () => {
    const csv = [
      'Forename,Surname,Reg', // line 1
      'Grace,Hetherington,5H', // line 2
      ',,5H', // line 3: no name
      'Tom,Ellis', // line 4: too few fields
      '"Multi\nLine",Name,5H', // lines 5-6: fine, starts on line 5
      'Ava,Patel,5H,extra', // line 7: too many fields
      "Liam,O'Neill,6B", // line 8
    ].join('\n');
    const result = parseNameCsv(csv, 'pupils.csv');
    expect(result.fatal).toBeUndefined();
    expect(result.people.map((p) => (typeof p === 'string' ? p : p.name))).toEqual(['Grace Hetherington', 'Multi Line Name', "Liam O'Neill"]);
    expect(result.problems.map((p) => p.line)).toEqual([3, 4, 7]);
    expect(result.problems[0]?.message).toMatch(/no forename and no surname/);
    expect(result.problems[1]?.message).toMatch(/2 fields but the header has 3/);
    expect(result.problems[2]?.message).toMatch(/4 fields but the header has 3/);
  });

  it('counts lines correctly with CRLF line endings', () => {
    const csv = crlf('Forename,Surname,Reg', 'Grace,Hetherington,5H', ',,5H', 'Tom,Ellis,5H');
    const result = parseNameCsv(csv, 'pupils.csv');
    expect(result.problems).toEqual([{ line: 3, message: expect.stringMatching(/no forename/) }]);
    expect(result.people).toHaveLength(2);
  });

  it('reports an unclosed quote by the line it starts on', () => {
    const csv = 'Forename,Surname\nGrace,Hetherington\n"Tom,Ellis\n';
    const result = parseNameCsv(csv, 'pupils.csv');
    expect(result.people).toEqual([{ name: 'Grace Hetherington' }]);
    expect(result.problems).toEqual([{ line: 3, message: expect.stringMatching(/quoted field/) }]);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Grace")', '='],
    ['+cmd|\' /C calc\'!A0', '+'],
    ['@SUM(1+1)*cmd|\' /C calc\'!A0', '@'],
    ['-2+3+cmd|\' /C calc\'!A0', '-'],
    ['\t=1+1', '='],
    ['＝1+1', '＝'],
  ])('rejects the formula cell %s and says so', (cell, first) => {
    const csv = `Forename,Surname\nGrace,Hetherington\n"${cell.replace(/"/g, '""')}",Ellis\n`;
    const result = parseNameCsv(csv, 'pupils.csv');
    expect(result.people).toEqual([{ name: 'Grace Hetherington' }]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(3);
    expect(result.problems[0]?.message).toMatch(/forename cell .*formula; row skipped/);
    expect(result.problems[0]?.message).toContain(first);
  });

  it('ignores formulas in columns it does not read', () => {
    const csv = 'Forename,Surname,Notes\nGrace,Hetherington,=1+1\n';
    expect(parseNameCsv(csv, 'pupils.csv')).toEqual({ people: [{ name: 'Grace Hetherington' }], problems: [] });
  });
});

describe('parseNameCsv: a file without quotes reads as the same file quoted', () => {
  // Files with no quote character take a quicker reader than quoted ones; the two must agree.
  const quoteCells = (csv: string, delimiter: string) =>
    csv
      .split(/(\r\n|\n|\r)/)
      .map((part, i) => (i % 2 === 1 || part === '' ? part : part.split(delimiter).map((cell) => `"${cell}"`).join(delimiter)))
      .join('');
  const rows = [
    'Class list,Year 5,,,',
    '',
    'Title,Forename,Preferred Forename,Surname,Role',
    'Mrs,Sarah,,Okafor,Head of Year 7',
    ',,,,',
    'Mr,Tom,Tommy,Ellis', // too few fields
    'Dr,Ava,,Patel,SENCo,,', // padded with empty fields
    'Ms,Liam,,O\'Neill,Teacher,extra', // too many fields
    '-,Zoë,-,Smith-Jones,-',
    'Mx,=SUM(A1),,Bad,', // a formula cell
    ' Ms ,  Jean   Paul ,, Dupont ,Cover ',
  ];
  for (const [ending, label] of [['\n', 'LF'], ['\r\n', 'CRLF'], ['\r', 'CR']] as const) {
    for (const delimiter of [',', ';', '\t']) {
      it(`${label} line endings, ${JSON.stringify(delimiter)} delimiter: same people, same problems on the same lines`, () => {
        const plain = rows.map((row) => row.replaceAll(',', delimiter)).join(ending) + ending;
        const plainResult = parseNameCsv(plain, 'staff.csv');
        expect(plainResult.fatal).toBeUndefined();
        expect(plainResult.people.length).toBeGreaterThan(2);
        expect(plainResult.problems.length).toBeGreaterThan(2);
        expect(plainResult).toEqual(parseNameCsv(quoteCells(plain, delimiter), 'staff.csv'));
      });
    }
  }

  it('numbers lines after a stray line break of another kind as the quoted reader does', () => {
    const plain = 'Forename,Surname\r\nGrace,Hetherington\r\n,\nTom,Ellis\r\nAva\r\n';
    const result = parseNameCsv(plain, 'pupils.csv');
    // Line 3 holds ",\nTom,Ellis": one row of three fields split across two lines; "Ava" is on line 5.
    expect(result.problems.map((p) => p.line)).toEqual([3, 5]);
    expect(result.people).toEqual([{ name: 'Grace Hetherington' }]);
  });

  it('refuses a plain file over the name limit as it refuses a quoted one', () => {
    const plain = `Forename,Surname\n${Array.from({ length: PACK_LIMITS.maxNames + 1 }, (_, i) => `A${i},B`).join('\n')}\n`;
    expect(parseNameCsv(plain, 'big.csv').fatal).toMatch(/too large/);
    expect(parseNameCsv(plain, 'big.csv')).toEqual(parseNameCsv(quoteCells(plain, ','), 'big.csv'));
  });
});

describe('parseNameCsv: fatal problems', () => {
  it('refuses a file with no recognisable header, naming the file and what it found', () => {
    const result = parseNameCsv('Grace Hetherington,5H\nTom Ellis,5H\n', 'pupils.csv');
    expect(result.people).toEqual([]);
    expect(result.fatal).toMatch(/^pupils\.csv has no header row PostCheck recognises/);
    expect(result.fatal).toContain('"Grace Hetherington"');
  });

  it('refuses an empty file', () => {
    expect(parseNameCsv('', 'pupils.csv').fatal).toMatch(/no header row .*empty/);
  });

  it('refuses text that was not UTF-8 (Windows-1252 bytes decoded as UTF-8)', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Forename,Surname\nZo'), 0xeb, ...new TextEncoder().encode(',Smith\n')]);
    const result = parseNameCsv(new TextDecoder('utf-8').decode(latin1), 'pupils.csv');
    expect(result.people).toEqual([]);
    expect(result.fatal).toMatch(/pupils\.csv is not UTF-8 text/);
  });

  it('refuses UTF-16 text (NUL bytes)', () => {
    const utf16 = Buffer.from('Forename,Surname\nGrace,Hetherington\n', 'utf16le');
    expect(parseNameCsv(new TextDecoder('utf-8').decode(utf16), 'pupils.csv').fatal).toMatch(/not UTF-8/);
  });

  it('refuses a file over the size limit', () => {
    const huge = `Forename,Surname\n${'Grace,Hetherington\n'.repeat(Math.ceil(PACK_LIMITS.maxBytes / 19) + 1)}`;
    expect(parseNameCsv(huge, 'pupils.csv').fatal).toMatch(/pupils\.csv is too large: .* MB/);
  });

  it('refuses a file with more rows than the name limit', () => {
    const rows = `Forename,Surname\n${'A,B\n'.repeat(PACK_LIMITS.maxNames + 1)}`;
    const result = parseNameCsv(rows, 'pupils.csv');
    expect(result.fatal).toMatch(/too large: it has more than 50,000 rows/);
    expect(result.people).toEqual([]);
  });

  it('takes exactly the name limit', () => {
    const rows = `Forename,Surname\n${'A,B\n'.repeat(PACK_LIMITS.maxNames)}`;
    const result = parseNameCsv(rows, 'pupils.csv');
    expect(result.fatal).toBeUndefined();
    expect(result.people).toHaveLength(PACK_LIMITS.maxNames);
  });
});
