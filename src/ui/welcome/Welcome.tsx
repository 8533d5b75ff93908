import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { compilePack } from '../../rules';
import { GENERAL_PACK } from '../../settings/active';
import { TryPost } from '../options/TryPost';
import { useEffectiveSettings } from '../use-settings';
import { GENERAL_POLICY_NOTE } from '../vocabulary';

/** What the general pack checks, in staff's words (assets/packs/general.json). */
const CHECKS = [
  'Offensive language and swearing, even with letters hidden',
  'Saying you are off sick while out doing something else',
  'Negative remarks about pupils, parents, colleagues or the school',
  'Confidential matters such as safeguarding, exclusions or a colleague’s absence',
  'Comments on a child’s behaviour or work',
  'Personal data: phone numbers, addresses, email addresses, dates of birth',
];

/** The page opened once after install: what PostCheck does, what stays private, how to set it up, and a post to try. */
export function Welcome() {
  const settings = useEffectiveSettings();
  const compiled = useMemo(() => {
    if (!settings) return null;
    const result = compilePack(settings.pack ?? GENERAL_PACK, { pupils: settings.pupils, staff: settings.staff });
    return result.ok ? result.compiled : null;
  }, [settings]);
  const openSettings = () => void browser.runtime.openOptionsPage();
  return (
    <main class="welcome">
      <header class="page-head">
        <h1>Welcome to PostCheck</h1>
        <p class="muted">
          PostCheck reads what you type on Facebook, X, Instagram and LinkedIn and, before it goes out, shows what your school's social media policy says about it.
        </p>
      </header>
      <section aria-labelledby="checks-heading" data-testid="welcome-checks">
        <h2 id="checks-heading">What it checks</h2>
        <p>{settings?.pack ? 'Your school’s pack is loaded. It checks, among other things:' : GENERAL_POLICY_NOTE + ' It checks:'}</p>
        <ul>
          {CHECKS.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>
          Each warning quotes the clause of the policy it comes from. <strong>Check before posting</strong> means the policy may apply; <strong>Not allowed here</strong>{' '}
          means it does. You can always go back and edit, or post anyway.
        </p>
      </section>
      <section aria-labelledby="private-heading" data-testid="welcome-private">
        <h2 id="private-heading">Nothing leaves this computer</h2>
        <p>
          Posts are checked here, in your browser. PostCheck sends nothing anywhere and keeps no copy of what you type. Attached photos are checked on this computer
          too.
        </p>
      </section>
      <section aria-labelledby="setup-heading" data-testid="welcome-setup">
        <h2 id="setup-heading">Check against your school's own policy</h2>
        <ol>
          <li>Ask your school (head, DSL or business manager) for its PostCheck pack: a .json file.</li>
          <li>
            Open <strong>Settings</strong>, and under <strong>School rule pack</strong> choose the file or drop it on the page.
          </li>
          <li>
            Under <strong>Names</strong>, load the pupil and staff lists (a CSV exported from the school's MIS) so PostCheck can spot names.
          </li>
        </ol>
        <button type="button" class="button" onClick={openSettings}>
          Open settings
        </button>
      </section>
      <TryPost compiled={compiled} placeholder="e.g. Rang in sick this morning, now at Twickenham for the rugby" />
    </main>
  );
}
