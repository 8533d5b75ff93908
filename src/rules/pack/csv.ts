import Papa from 'papaparse';
import { PACK_LIMITS, type PersonEntry } from './schema';

/**
 * Name lists as schools export them from their MIS (SIMS, Arbor, Bromcom,
 * Scholarpack…): a header row, then one person per row. Pure: the caller reads
 * the file; the options page and the CLI share this.
 */

/** A row that was skipped (or a cell that was changed), by its line in the file. */
export interface NameCsvProblem {
  /** 1-based line where the row starts (a quoted field may span lines). */
  line: number;
  message: string;
}

export interface NameCsvResult {
  people: PersonEntry[];
  problems: NameCsvProblem[];
  /** Set when nothing could be loaded; `people` is then empty. */
  fatal?: string;
}

type Column = 'forename' | 'preferred' | 'surname' | 'preferredSurname' | 'fullName' | 'title' | 'role';

/**
 * Header spellings seen in MIS exports, compared after lower-casing and
 * dropping everything but letters ("Legal Forename" → "legalforename").
 * Earlier spellings win when a file has several columns of one kind.
 */
const HEADER_SPELLINGS: Record<Column, readonly string[]> = {
  forename: ['legalforename', 'forename', 'forenames', 'legalfirstname', 'firstname', 'firstnames', 'givenname', 'givennames', 'legalgivenname', 'christianname', 'fname'],
  preferred: ['preferredforename', 'preferredfirstname', 'preferredgivenname', 'knownas', 'knownasname', 'preferredname', 'chosenname', 'commonname', 'nickname'],
  surname: ['legalsurname', 'surname', 'legallastname', 'lastname', 'familyname', 'legalfamilyname', 'lname'],
  preferredSurname: ['preferredsurname', 'preferredlastname', 'preferredfamilyname'],
  fullName: ['fullname', 'name', 'pupilname', 'studentname', 'staffname', 'childname', 'displayname', 'legalname'],
  title: ['title', 'salutation', 'honorific', 'nametitle'],
  role: ['role', 'jobtitle', 'staffrole', 'jobrole', 'position', 'post', 'roles'],
};

type ColumnMap = Partial<Record<Column, number>>;

/** Some exports open with a report title or blank lines before the header. */
const HEADER_SEARCH_ROWS = 10;

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection"),
 * including the full-width forms Excel also accepts. Tested after trimming, so
 * a leading tab or space cannot hide one. No real name starts so.
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** MIS exports write "-" for "none"; that is an empty cell, not a formula. */
const PLACEHOLDER = /^[-\u2013\u2014]+$/;

const COLUMN_LABEL: Record<Column, string> = {
  forename: 'forename',
  preferred: 'preferred name',
  surname: 'surname',
  preferredSurname: 'preferred surname',
  fullName: 'name',
  title: 'title',
  role: 'role',
};

export function parseNameCsv(source: string, fileName: string): NameCsvResult {
  const unreadable = unreadableReason(source, fileName);
  if (unreadable) return { people: [], problems: [], fatal: unreadable };

  const text = source.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(firstLine(text));
  const reader = new PeopleReader(mayStartCellWithFormulaOrDash(text, delimiter));
  forEachRow(text, delimiter, reader.read);
  if (reader.tooMany) {
    return { people: [], problems: [], fatal: `${fileName} is too large: it has more than ${PACK_LIMITS.maxNames.toLocaleString('en-GB')} rows; the most PostCheck takes is ${PACK_LIMITS.maxNames.toLocaleString('en-GB')} names` };
  }
  if (!reader.header) return { people: [], problems: [], fatal: noHeaderMessage(fileName, reader.firstFilledRow) };
  return { people: reader.people, problems: reader.problems };
}

/**
 * Takes the rows one at a time, as they are read: finds the header among the first rows, turns
 * each row after it into a person or a problem, and counts rows to refuse a file that is too
 * large. Rows are not kept, so a 20,000-name list holds only its people (issue 12).
 */
class PeopleReader {
  readonly people: PersonEntry[] = [];
  readonly problems: NameCsvProblem[] = [];
  header: Header | null = null;
  /** The first row with anything in it, to quote when no header is found. */
  firstFilledRow: readonly string[] | undefined;
  tooMany = false;
  private rowCount = 0;
  /** Rows with something in them, less the header's. */
  private dataRows = -1;

  /** `formulaCheck`: false when no cell in the file can start with a formula or placeholder character. */
  constructor(private readonly formulaCheck: boolean) {}

  /** One row; true when reading should stop. */
  readonly read = (cells: string[], line: number, quoteError?: string): boolean => {
    const blank = isBlank(cells);
    if (++this.rowCount > MAX_ROWS || (!blank && ++this.dataRows > PACK_LIMITS.maxNames)) return (this.tooMany = true);
    if (!blank) this.firstFilledRow ??= cells;
    if (this.header) {
      if (blank) return false;
      const result = personFromRow(cells, quoteError, this.header, this.formulaCheck);
      if (typeof result === 'string') this.problems.push({ line, message: result });
      else this.people.push(result);
    } else if (this.rowCount <= HEADER_SEARCH_ROWS) {
      this.header = headerOf(cells);
    }
    return false;
  };
}

/** Size and encoding, checked before parsing so a wrong file fails fast and plainly. */
function unreadableReason(source: string, fileName: string): string | null {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most files are far too small to need counting.
  const bytes = source.length * 3 > PACK_LIMITS.maxBytes ? utf8ByteLength(source) : 0;
  if (bytes > PACK_LIMITS.maxBytes) {
    return `${fileName} is too large: ${(bytes / 1024 / 1024).toFixed(1)} MB; the most PostCheck takes is ${PACK_LIMITS.maxBytes / 1024 / 1024} MB`;
  }
  // U+FFFD is what a UTF-8 decoder leaves for bytes that are not UTF-8 (an
  // "ANSI" export); NUL bytes mean UTF-16 ("Unicode text") or a binary file.
  if (source.includes('\uFFFD') || source.includes('\u0000')) {
    return `${fileName} is not UTF-8 text (it may be an Excel workbook, or saved as ANSI or UTF-16); save it as "CSV UTF-8" and try again`;
  }
  return null;
}

/** UTF-8 size without copying a possibly 5 MB string into a buffer. */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end === -1 ? text : text.slice(0, end);
}

/**
 * Excel writes ";" in locales with a decimal comma and tab for "Text" exports.
 * Judged on the header alone (papaparse's own guess needs several consistent
 * rows and misjudges short files).
 */
function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const candidates = [',', ';', '\t'];
  let best = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Called with each row's cells and the line it starts on; returns true to stop reading. */
type RowReader = (cells: string[], line: number, quoteError?: string) => boolean;

/** Header plus maxNames people: past this many rows a file is refused rather than held. */
const MAX_ROWS = PACK_LIMITS.maxNames + HEADER_SEARCH_ROWS;

function forEachRow(text: string, delimiter: string, read: RowReader): void {
  if (text.includes('"')) readQuotedRows(text, delimiter, read);
  else readPlainRows(text, delimiter, read);
}

/**
 * A file with no quote character anywhere, as most MIS exports are: its rows are its lines and
 * its cells are split at the delimiter, exactly as papaparse reads it (its own unquoted path,
 * splitting at the line ending it guesses), without papaparse's per-row bookkeeping, which was
 * most of loading a 20,000-name list (issue 12).
 */
function readPlainRows(text: string, delimiter: string, read: RowReader): void {
  if (text === '') return;
  const newline = guessLineEnding(text);
  // Only a file with line breaks of another kind (mixed endings) needs each row searched for one.
  const mixedBreaks = newline === '\n' ? text.includes('\r') : newline === '\r' ? text.includes('\n') : /\r(?!\n)|(?<!\r)\n/.test(text);
  let line = 1;
  for (let start = 0; ; ) {
    const end = text.indexOf(newline, start);
    const last = end === -1;
    const row = last ? text.slice(start) : text.slice(start, end);
    if (read(row.split(delimiter), line)) return;
    if (last) return;
    // A row may hold a line break of another kind: count it as the line numbers do.
    line += mixedBreaks && /[\r\n]/.test(row) ? ((row + newline).match(/\r\n|\n|\r/g)?.length ?? 0) : 1;
    start = end + newline.length;
  }
}

/**
 * papaparse's guess (guessLineEndings) for a text with no quotes: "\n" unless "\r" comes first,
 * then "\r\n" when at least half of the pieces "\r" cuts the text into start with "\n".
 */
function guessLineEnding(text: string): string {
  const head = text.substring(0, 1024 * 1024);
  const firstR = head.indexOf('\r');
  if (firstR === -1) return '\n';
  const firstN = head.indexOf('\n');
  if (firstN !== -1 && firstN < firstR) return '\n';
  // The piece before the first "\r" cannot start with "\n" (it would have come first), so
  // the pieces that do are those after a "\r\n".
  let pieces = 1;
  let withN = 0;
  for (let at = firstR; at !== -1; at = head.indexOf('\r', at + 1)) {
    pieces++;
    if (head.charCodeAt(at + 1) === 0x0a) withN++;
  }
  return withN >= pieces / 2 ? '\r\n' : '\r';
}

function readQuotedRows(text: string, delimiter: string, read: RowReader): void {
  const lineBreak = /\r\n|\n|\r/g;
  let line = 1;
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result, parser) => {
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (read(result.data, line, quoteError?.code)) {
        parser.abort();
        return;
      }
      const end = result.meta.cursor;
      line += text.slice(rowStart, end).match(lineBreak)?.length ?? 0;
      rowStart = end;
    },
  });
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

interface Header {
  width: number;
  columns: ColumnMap;
  /** The columns found, in the order their cells are read: listed once, not per row. */
  found: readonly (readonly [Column, number])[];
  /** The forename and surname columns, when they are the only ones read (as in most exports). */
  forenameAndSurname: readonly [number, number] | null;
}

/** The header, if this row is one: it names a column that names someone. */
function headerOf(cells: readonly string[]): Header | null {
  const columns = mapColumns(cells);
  const namesSomeone = columns.forename !== undefined || columns.preferred !== undefined || columns.surname !== undefined || columns.fullName !== undefined;
  if (!namesSomeone) return null;
  const found = Object.entries(columns) as [Column, number][];
  const onlyNames = found.length === 2 && columns.forename !== undefined && columns.surname !== undefined;
  return { width: cells.length, columns, found, forenameAndSurname: onlyNames ? [columns.forename!, columns.surname!] : null };
}

function normaliseHeader(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z]/g, '');
}

function mapColumns(cells: readonly string[]): ColumnMap {
  const keys = cells.map(normaliseHeader);
  const columns: ColumnMap = {};
  for (const column of Object.keys(HEADER_SPELLINGS) as Column[]) {
    for (const spelling of HEADER_SPELLINGS[column]) {
      const at = keys.indexOf(spelling);
      if (at !== -1) {
        columns[column] = at;
        break;
      }
    }
  }
  return columns;
}

function noHeaderMessage(fileName: string, first: readonly string[] | undefined): string {
  const found = first ? ` (the first line reads ${first.slice(0, 4).map((c) => JSON.stringify(c.slice(0, 40))).join(', ')})` : ' (the file is empty)';
  return `${fileName} has no header row PostCheck recognises${found}; the first line should name the columns, e.g. "Forename,Preferred Forename,Surname" or "Name"`;
}

/** A person, or the reason the row was skipped. */
type RowResult = Exclude<PersonEntry, string> | string;

/**
 * One row with something in it → one person, or the reason the row was skipped.
 * `formulaCheck` false: no cell in the file starts with a formula or placeholder character.
 */
function personFromRow(row: readonly string[], quoteError: string | undefined, header: Header, formulaCheck: boolean): RowResult {
  if (quoteError) return 'has a quoted field that is not closed properly (a stray " character?); row skipped';
  const shapeProblem = rowShapeProblem(row, header.width);
  if (shapeProblem) return shapeProblem;
  // Read as buildPerson reads such cells, without filling them in by column name: 20,000 rows
  // of that were much of loading a big school's list (issue 12).
  if (header.forenameAndSurname && !formulaCheck) {
    return personNamed(tidy(row[header.forenameAndSurname[0]] ?? '', false), tidy(row[header.forenameAndSurname[1]] ?? '', false));
  }

  const cells: Partial<Record<Column, string>> = {};
  // Indexed, not for-of with destructuring: this runs for every row, mostly before it is optimised.
  for (let k = 0; k < header.found.length; k++) {
    const column = header.found[k]![0];
    const raw = row[header.found[k]![1]] ?? '';
    if (formulaCheck) {
      const trimmed = raw.trim();
      if (FORMULA_START.test(trimmed) && !PLACEHOLDER.test(trimmed)) {
        return `the ${COLUMN_LABEL[column]} cell ${JSON.stringify(clip(trimmed))} looks like a spreadsheet formula; row skipped so it cannot run when the list is opened in a spreadsheet`;
      }
    }
    const value = tidy(raw, formulaCheck);
    if (value) cells[column] = value;
  }
  return buildPerson(cells);
}

/**
 * Whether any cell may start (after spaces) with a formula character or a dash: a cell starts
 * the file, a line, or follows a delimiter or an opening quote. Most name lists have none, and
 * then no cell need be tested for either.
 */
function mayStartCellWithFormulaOrDash(text: string, delimiter: string): boolean {
  return new RegExp(`(?:^|[${delimiter}"\\r\\n])\\s*[=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\u2013\\u2014]`).test(text);
}

/**
 * A row with the wrong number of fields has lost a quote or gained a comma, so
 * its cells are in the wrong columns. Trailing empty fields are harmless
 * (some exports pad rows with delimiters).
 */
function rowShapeProblem(cells: readonly string[], width: number): string | null {
  if (cells.length < width) return `has ${cells.length} field${cells.length === 1 ? '' : 's'} but the header has ${width}; row skipped`;
  if (cells.length > width && !isBlank(cells.slice(width))) {
    return `has ${cells.length} fields but the header has ${width} (an unquoted comma in a name?); row skipped`;
  }
  return null;
}

function buildPerson(cells: Partial<Record<Column, string>>): RowResult {
  const surname = cells.preferredSurname ?? cells.surname;
  const forename = cells.forename ?? cells.preferred;
  let name: string | undefined;
  if (forename && surname) name = `${forename} ${surname}`;
  else if (forename || surname) name = forename || surname;
  else if (cells.fullName) name = reorderSurnameFirst(cells.fullName);
  const problem = nameProblem(name);
  if (problem) return problem;

  const knownAs = knownAsName(cells.preferred, forename, surname);
  const entry: Exclude<PersonEntry, string> = { name: name! };
  if (knownAs) entry.knownAs = knownAs;
  if (cells.title) entry.title = cells.title.slice(0, PACK_LIMITS.maxStringLength);
  if (cells.role) entry.role = cells.role.slice(0, PACK_LIMITS.maxStringLength);
  return entry;
}

/** buildPerson's answer for cells of a forename and a surname alone (tidied; empty when blank). */
function personNamed(forename: string, surname: string): RowResult {
  const name = forename && surname ? `${forename} ${surname}` : forename || surname;
  return nameProblem(name) ?? { name };
}

function nameProblem(name: string | undefined): string | null {
  if (!name) return 'has no forename and no surname; row skipped';
  if (name.length > PACK_LIMITS.maxStringLength) return `has a name over ${PACK_LIMITS.maxStringLength} characters; row skipped`;
  return null;
}

/**
 * Only worth keeping when it differs from the forename. Some exports put the
 * whole preferred name ("Gracie Hetherington") in the column; keep the first name.
 */
function knownAsName(preferred: string | undefined, forename: string | undefined, surname: string | undefined): string | undefined {
  if (!preferred) return undefined;
  let knownAs = preferred;
  if (surname && knownAs.toLowerCase().endsWith(` ${surname.toLowerCase()}`)) knownAs = knownAs.slice(0, -surname.length - 1).trim();
  if (!knownAs || knownAs.toLowerCase() === forename?.toLowerCase()) return undefined;
  return knownAs.slice(0, PACK_LIMITS.maxStringLength);
}

/** SIMS writes a single Name column as "Surname, Forename"; the engine wants "Forename Surname". */
function reorderSurnameFirst(fullName: string): string {
  const parts = fullName.split(',');
  if (parts.length !== 2) return fullName;
  const [surname = '', forename = ''] = parts.map((p) => p.trim());
  return forename && surname ? `${forename} ${surname}` : fullName.replace(',', '').trim();
}

/** Trims and collapses runs of spaces; a "-" placeholder becomes empty (`placeholders` false: the file has none). */
function tidy(cell: string, placeholders: boolean): string {
  // Most cells are one plain word: no copy to make.
  const value = ANY_SPACE.test(cell) ? cell.replace(/\s+/g, ' ').trim() : cell;
  return placeholders && PLACEHOLDER.test(value) ? '' : value;
}

const ANY_SPACE = /\s/;

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
