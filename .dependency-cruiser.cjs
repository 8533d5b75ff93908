/**
 * `npm run lint:deps` (part of `npm test`): the layering in ARCHITECTURE.md, checked.
 * Every arrow points down, so no module may reach itself again through its imports
 * (type-only imports included: a type circle still ties two layers together), and the
 * engine stays pure: it runs in Node, the CLI and the content script alike.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: move the shared piece down a layer.',
      from: { path: '^(src|entrypoints)/' },
      to: { circular: true },
    },
    {
      name: 'engine-stays-pure',
      severity: 'error',
      comment: 'src/rules is the engine: no UI, page, storage or settings code, and no DOM or browser libraries.',
      from: { path: '^src/rules/' },
      to: {
        path: [
          '^src/(ui|content|store|settings|sites)/',
          '^entrypoints/',
          'node_modules/(preact|dexie|webextension-polyfill|@wxt-dev|wxt|react|react-dom|happy-dom|linkedom)/',
        ],
      },
    },
    {
      name: 'engine-pipeline-direction',
      severity: 'error',
      comment:
        'The engine reads a post in one direction: document → evidence → context → judgement → findings. ' +
        'A stage may use the stages before it, never one after. The one exception is the word-level cues ' +
        'beside a name (context/person, context/correspondence), which read only the document and which the ' +
        'name evidence needs to tell a pupil from a friend.',
      from: { path: '^src/rules/(document|evidence|context|findings)/' },
      to: { path: '^src/rules/judgement/' },
    },
    {
      name: 'document-is-first',
      severity: 'error',
      comment: 'The parsed document comes before any evidence, context, judgement or finding.',
      from: { path: '^src/rules/document/' },
      to: { path: '^src/rules/(evidence|context|judgement|findings)/' },
    },
    {
      name: 'evidence-before-context',
      severity: 'error',
      comment: 'Evidence (names, identifiers, formats, profanity) is found before the context that interprets it.',
      from: { path: '^src/rules/evidence/' },
      to: { path: '^src/rules/context/', pathNot: '^src/rules/context/(person|correspondence)\\.ts$' },
    },
    {
      name: 'findings-only-shape',
      severity: 'error',
      comment: 'findings/ turns hits into findings (message, clause, merge); it decides nothing.',
      from: { path: '^src/rules/findings/' },
      to: { path: '^src/rules/(evidence|context|judgement)/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)\\.(wxt|output)/' },
  },
};
