/** The plain statement issue 6 asks for; docs/privacy.md says the same at more length. */
export function PrivacySection() {
  return (
    <section aria-labelledby="privacy-heading" data-testid="privacy">
      <h2 id="privacy-heading">What PostCheck stores</h2>
      <ul class="privacy">
        <li>
          <strong>What you type is checked on this computer and never leaves the browser.</strong> PostCheck sends nothing anywhere: no server, no analytics, no
          downloads of code.
        </li>
        <li>
          <strong>Post text is never stored</strong>, not even the sample posts you try on this page.
        </li>
        <li>
          <strong>The school's rule pack and the pupil and staff name lists</strong> are stored in this browser's extension storage on this computer, until they are
          replaced or PostCheck is removed; the last ten packs loaded are kept so an earlier one can be brought back. Names are shown only when you ask.
        </li>
        <li>
          <strong>Your settings</strong> (sites, snooze, event log on or off) are stored in the same place.
        </li>
        <li>
          <strong>The event log</strong>, when on, keeps the time, site, kind of finding, rule, severity and what you did — never the text or the names — for 90
          days, and you can clear it at any time.
        </li>
        <li>
          If your school's IT team manages PostCheck, their settings come from your browser's policy and a copy is kept here so they apply as soon as the browser
          starts.
        </li>
      </ul>
    </section>
  );
}
