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
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)\\.(wxt|output)/' },
  },
};
