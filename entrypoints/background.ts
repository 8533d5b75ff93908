export default defineBackground(() => {
  // Wired up by the storage and composer modules.
});
