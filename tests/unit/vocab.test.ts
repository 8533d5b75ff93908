import { describe, expect, it } from 'vitest';
import { VOCAB_FILES, VocabFileSchema } from '../../src/rules/vocab/files';

describe('vocabulary files', () => {
  it.each(Object.entries(VOCAB_FILES))('%s has a note, a source, and sorted, unique, lower-case lists', (_, file) => {
    const parsed = VocabFileSchema.parse(file);
    for (const [key, value] of Object.entries(parsed)) {
      if (key === 'note' || key === 'source') continue;
      const list = value as string[];
      expect(list, key).toEqual([...new Set(list)].sort());
      for (const term of list) expect(term, key).toBe(term.toLowerCase());
    }
  });
});
