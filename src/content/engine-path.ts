/** Where WXT writes entrypoints/engine.ts in the built extension. */
export const ENGINE_SCRIPT_PATH = '/engine.js';
