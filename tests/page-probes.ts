/**
 * Functions run inside a fixture page, shared by the Chromium (Playwright) and Firefox (Puppeteer)
 * harnesses: each is passed whole to `page.evaluate`, so it must use nothing from outside itself.
 */

/** What the fixture recorded as posted. */
export function postedInPage(): string[] {
  return (window as unknown as { __posted: { text: string }[] }).__posted.map((entry) => entry.text);
}

/** Ranges currently underlined by PostCheck, read from the page's highlight registry. */
export function highlightedInPage(): string[] {
  const texts: string[] = [];
  for (const name of ['postcheck-info', 'postcheck-warn', 'postcheck-block']) {
    const highlight = CSS.highlights.get(name);
    if (!highlight) continue;
    for (const range of highlight as unknown as Iterable<AbstractRange>) if (range instanceof Range) texts.push(range.toString());
  }
  return texts;
}
