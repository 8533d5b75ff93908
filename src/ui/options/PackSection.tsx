import { useState } from 'preact/hooks';
import { DEFAULT_SEVERITY } from '../../rules/compile';
import type { CompiledPack, PackTestFailure } from '../../rules';
import { PACK_LIMITS } from '../../rules/pack/schema';
import { parsePackText } from '../../rules/pack/read-text';
import type { PackProblem } from '../../rules/pack/validate';
import { CATEGORY_IDS, type CategoryId } from '../../rules/types';
import type { EffectiveSettings } from '../../settings/resolve';
import { updateLocalSettings } from '../../settings/local';
import { openPostCheckDb } from '../../store/db';
import { savePack } from '../../store/library';
import { readTextFile } from './read-file';
import { LockNote } from './LockNote';
import { LogoFingerprint } from './LogoFingerprint';
import { PackHistory } from './PackHistory';
import { explainPackProblems } from '../../rules/pack/explain';
import { GENERAL_POLICY_NOTE, SEVERITY_LABELS } from '../vocabulary';

const CATEGORY_LABELS: Record<CategoryId, string> = {
  school: 'Naming the school',
  pupil: 'Pupil names',
  staff: 'Staff names',
  sickness: 'Off sick but out and about',
  disparaging: 'Disparaging remarks',
  offensive: 'Offensive language',
  'personal-data': 'Personal data',
  confidential: 'Confidential matters',
  'child-comment': 'Comments about pupils',
  logo: 'School logo in images',
  photos: 'People in photos',
};

type LoadOutcome = { kind: 'problems'; source: string; problems: PackProblem[] } | { kind: 'loaded'; source: string } | null;

/** Why a pack was not loaded: root causes only, one plain sentence each with its field and the fix. */
function ProblemList(props: { source: string; problems: readonly PackProblem[] }) {
  const sentences = explainPackProblems(props.problems);
  return (
    <div class="problems" role="alert" data-testid="pack-problems">
      <p>
        <strong>{props.source} was not loaded</strong>: {sentences.length} {sentences.length === 1 ? 'problem' : 'problems'} to fix. The pack in use has not changed.
      </p>
      <ul>
        {sentences.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

/** File picker, drag and drop, or paste; the pack only replaces the current one when it is valid. */
function PackLoader(props: { disabledReason: string | null; importedNames: number; currentPack: unknown }) {
  const [outcome, setOutcome] = useState<LoadOutcome>(null);
  // A pack loaded any other way (history, the IT team) answers an earlier error: the box goes.
  const [packSeen, setPackSeen] = useState(props.currentPack);
  if (packSeen !== props.currentPack) {
    setPackSeen(props.currentPack);
    if (outcome?.kind === 'problems') setOutcome(null);
  }
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const disabled = props.disabledReason !== null;

  const load = async (text: string, source: string, how: 'file' | 'paste') => {
    const result = parsePackText(text);
    if (!result.ok) {
      setOutcome({ kind: 'problems', source, problems: result.problems });
      return;
    }
    const names = result.pack.people.pupils.length + result.pack.people.staff.length + props.importedNames;
    if (names > PACK_LIMITS.maxNames) {
      const message = `has ${result.pack.people.pupils.length + result.pack.people.staff.length} names and ${props.importedNames} are imported: ${names} in all; the most PostCheck takes is ${PACK_LIMITS.maxNames}`;
      setOutcome({ kind: 'problems', source, problems: [{ path: 'people', message }] });
      return;
    }
    // The pack as written (defaults not filled in), so it reads back as the school wrote it.
    const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    try {
      // The active copy first: if the browser refuses to store it, nothing has changed.
      await updateLocalSettings({ pack: json });
      await savePack(openPostCheckDb(), result.pack, json, how);
    } catch (error) {
      setOutcome({ kind: 'problems', source, problems: [{ path: '(pack)', message: `could not be saved in the browser (${error instanceof Error ? error.message : String(error)})` }] });
      return;
    }
    setOutcome({ kind: 'loaded', source });
    if (how === 'paste') setPasted('');
  };

  const loadFile = async (file: File | undefined) => {
    if (!file || disabled) return;
    const read = await readTextFile(file);
    if ('problem' in read) setOutcome({ kind: 'problems', source: file.name, problems: [{ path: '(pack)', message: read.problem }] });
    else await load(read.text, file.name, 'file');
  };

  return (
    <div class="loader">
      <div
        class={`dropzone ${dragging ? 'dragging' : ''} ${disabled ? 'disabled' : ''}`}
        data-testid="pack-dropzone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void loadFile(event.dataTransfer?.files[0]);
        }}
      >
        <p>Drop the school's pack file (.json) here, or</p>
        <label class="button">
          Choose a pack file…
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            data-testid="pack-file"
            disabled={disabled}
            onChange={(event) => {
              const input = event.currentTarget;
              void loadFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      <details class="paste">
        <summary>Or paste the pack's JSON</summary>
        <textarea aria-label="Pack JSON" rows={6} value={pasted} disabled={disabled} onInput={(event) => setPasted(event.currentTarget.value)} />
        <button type="button" disabled={disabled || !pasted.trim()} onClick={() => void load(pasted, 'the pasted text', 'paste')}>
          Load pasted pack
        </button>
      </details>
      {outcome?.kind === 'problems' ? <ProblemList source={outcome.source} problems={outcome.problems} /> : null}
      {outcome?.kind === 'loaded' ? (
        <p class="ok" role="status">
          Loaded {outcome.source}.
        </p>
      ) : null}
    </div>
  );
}

function TestResults(props: { compiled: CompiledPack; failures: PackTestFailure[] }) {
  const total = props.compiled.pack.tests.length;
  if (total === 0) return <p class="muted">This pack has no example posts to test.</p>;
  const passed = total - props.failures.length;
  return (
    <div data-testid="pack-tests">
      <p class={props.failures.length ? 'warn-text' : 'ok'}>
        The pack's own tests: {passed} of {total} passed.
      </p>
      {props.failures.length ? (
        <ul>
          {props.failures.map((failure) => (
            <li key={failure.index}>
              Test {failure.index + 1} “{failure.text}”:
              {failure.missing.length ? ` should raise ${failure.missing.join(', ')} but did not.` : ''}
              {failure.unexpected.length ? ` raised ${failure.unexpected.join(', ')} but must not.` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function PackSummary(props: { compiled: CompiledPack; failures: PackTestFailure[]; settings: EffectiveSettings }) {
  const { pack } = props.compiled;
  const { settings } = props;
  return (
    <div class="summary" data-testid="pack-summary">
      <dl class="facts">
        <dt>School</dt>
        <dd data-testid="pack-school">{pack.school.name}</dd>
        <dt>Pack</dt>
        <dd>
          {pack.id}, version {pack.version} {settings.packSource === 'managed' ? <span class="tag">from your IT team</span> : null}
        </dd>
        <dt>Pupils</dt>
        <dd data-testid="pupil-count">
          {pack.people.pupils.length + settings.pupils.length} ({pack.people.pupils.length} in the pack, {settings.pupils.length} {settings.namesSource.pupils === 'managed' ? 'from your IT team' : 'imported'})
        </dd>
        <dt>Staff</dt>
        <dd data-testid="staff-count">
          {pack.people.staff.length + settings.staff.length} ({pack.people.staff.length} in the pack, {settings.staff.length} {settings.namesSource.staff === 'managed' ? 'from your IT team' : 'imported'})
        </dd>
      </dl>
      <details>
        <summary>
          {pack.policy.title}: {pack.policy.clauses.length} {pack.policy.clauses.length === 1 ? 'clause' : 'clauses'}
        </summary>
        <ul class="clauses">
          {pack.policy.clauses.map((clause) => (
            <li key={clause.id}>
              <strong>{clause.ref}</strong> {clause.text}
            </li>
          ))}
        </ul>
      </details>
      <table class="categories">
        <caption>What this pack checks</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Checked</th>
            <th scope="col">Severity</th>
            <th scope="col">Cites</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORY_IDS.map((id) => {
            const resolved = props.compiled.categories.get(id);
            return (
              <tr key={id} class={resolved ? '' : 'muted'}>
                <th scope="row">{CATEGORY_LABELS[id]}</th>
                <td>{resolved ? 'Yes' : 'No'}</td>
                <td>{SEVERITY_LABELS[resolved ? resolved.severity : DEFAULT_SEVERITY[id]]}</td>
                <td>{resolved ? resolved.clause.ref : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <TestResults compiled={props.compiled} failures={props.failures} />
    </div>
  );
}

export function PackSection(props: { settings: EffectiveSettings; compiled: CompiledPack | null; compileProblems: PackProblem[]; failures: PackTestFailure[] }) {
  const { settings, compiled } = props;
  return (
    <section aria-labelledby="pack-heading">
      <h2 id="pack-heading">School rule pack</h2>
      <LockNote reason={settings.lockReasons.pack} what="The pack" />
      {compiled ? (
        <PackSummary compiled={compiled} failures={props.failures} settings={settings} />
      ) : settings.pack ? (
        <div class="problems" role="alert">
          <p>The pack in use cannot be read:</p>
          <ul>
            {explainPackProblems(props.compileProblems).map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {settings.pack ? null : (
        <p class="empty" data-testid="no-pack">
          {GENERAL_POLICY_NOTE} Load the pack your school gave you below to check against its own policy, and its pupil and staff lists under Names.
        </p>
      )}
      {settings.lockReasons.pack ? null : (
        <PackLoader disabledReason={settings.lockReasons.pack} importedNames={settings.pupils.length + settings.staff.length} currentPack={settings.pack} />
      )}
      {settings.lockReasons.pack ? null : <PackHistory currentJson={settings.pack} />}
      {settings.lockReasons.pack ? null : <LogoFingerprint />}
    </section>
  );
}
