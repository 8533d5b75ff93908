import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { managedSchemaText } from './src/settings/managed-schema';

/**
 * Public half of PostCheck's signing key. It fixes the Chromium extension ID
 * (ednhapkagnjjfhpeigmdaakjgneolchn) so IT managers can address managed policy
 * to it and force-install it. The private half is not needed for unpacked or
 * store builds and is not kept here.
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1GZmwo2yypWA7qv5HNelD/8dcl7dTii6rZioyOlEFmydu0pzs/qdNkfv/7QH29IkKisNXO+v2ccEnK9RJEM/5l2q04T1A9r9tqoyQGmc3ikX0vZSbTM70dblxZ1rDlEgHPHeSagzMfBCJ1C6hM7Oy0yEVT/RvvS/BOWafUORPe0TcCmGJmnZ6H3L4wWXyJQ96vMGlEv+3Nz7Vyf8wyl1dC88j+yajW9er0UKMz/SMgmMPyA7W5Ycw+owfB7uspMuaXE2OG+yi/c0P8vW9czo+MgbQnX0AjluTfrrVwvMfEh/4Khn4YIFgcKRPmCp/F4mhJRYOEG4M8q1DCqnIbd8awIDAQAB';
export const CHROMIUM_EXTENSION_ID = 'ednhapkagnjjfhpeigmdaakjgneolchn';
export const GECKO_ID = 'postcheck@postcheck.example';

/**
 * The extension pages' content security policy, stated rather than left to the browser's
 * default: only the scripts packaged with PostCheck run, and WebAssembly compiled from its
 * own packaged .wasm files ('wasm-unsafe-eval'), which the on-device face detector needs
 * (docs/images.md). Issue 6, "least privilege"; issue 13.
 */
export const EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'";

/**
 * Files the face detector loads at run time, packaged with the extension (never fetched from
 * the network): the graphs and weights of BlazeFace and of the face mesh model (whose face flag
 * checks BlazeFace's weaker finds) from @vladmandic/human's models folder, and the TensorFlow.js
 * WebAssembly backend's binaries (the version human's bundle is built with).
 */
export const FACE_DETECTOR_FILES: { from: string; to: string }[] = [
  ...['blazeface', 'facemesh'].flatMap((model) =>
    ['json', 'bin'].map((ext) => ({ from: `node_modules/@vladmandic/human/models/${model}.${ext}`, to: `models/${model}.${ext}` })),
  ),
  // Not the threaded build: threads need cross-origin isolation, and src/images/faces.ts turns them off.
  ...['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'].map((name) => ({
    from: `node_modules/@tensorflow/tfjs-backend-wasm/dist/${name}`,
    to: `wasm/${name}`,
  })),
];

export default defineConfig({
  // A second build (a parallel e2e run, say) can go elsewhere without touching .output/.
  outDir: process.env.POSTCHECK_OUTPUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'PostCheck',
    description: "Checks your social media posts against your school's policy, on your device, before they go out.",
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } } }
      : // Firefox reads policies.json `3rdparty` without a schema and warns on this key (design/managed-policy.md §3).
        {
          key: MANIFEST_KEY,
          storage: { managed_schema: 'managed_schema.json' },
          content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
        }),
  }),
  hooks: {
    // Generated from the zod settings schema at every build, so the manifest's schema cannot drift
    // from the code; docs/managed_schema.json is the committed copy a test keeps in step.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') files.push({ relativeDest: 'managed_schema.json', contents: managedSchemaText() });
      for (const { from, to } of FACE_DETECTOR_FILES) files.push({ absoluteSrc: resolve(from), relativeDest: to });
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
