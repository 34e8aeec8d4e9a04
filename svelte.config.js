/** Svelte 5 with runes everywhere; TypeScript in components is type-only syntax, so no preprocessor is needed. */
export default {
  compilerOptions: { runes: true }
}
