import { useEffect, useState } from 'preact/hooks';
import { parseNameCsv } from '../../rules/pack/csv';
import { PACK_LIMITS, type PersonEntry } from '../../rules/pack/schema';
import type { EffectiveSettings } from '../../settings/resolve';
import { updateLocalSettings } from '../../settings/local';
import { openPostCheckDb, type NameListKind, type StoredNameList } from '../../store/db';
import { getNameList, saveNameList } from '../../store/library';
import { LockNote } from './LockNote';
import { mergeNames, nameOf } from './names';
import { readTextFile } from './read-file';

const KIND_LABEL: Record<NameListKind, string> = { pupils: 'Pupils', staff: 'Staff' };

interface Preview {
  fileName: string;
  people: PersonEntry[];
  problems: { line: number; message: string }[];
  fatal?: string;
}

function NameListImport(props: { kind: NameListKind; settings: EffectiveSettings; packNames: { pupils: number; staff: number } }) {
  const { kind, settings } = props;
  const current = settings[kind];
  const [preview, setPreview] = useState<Preview | null>(null);
  const [record, setRecord] = useState<StoredNameList | undefined>(undefined);
  const [showNames, setShowNames] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const locked = settings.namesSource[kind] === 'managed';

  useEffect(() => {
    void getNameList(openPostCheckDb(), kind).then(setRecord);
  }, [kind, current.length]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    const read = await readTextFile(file);
    if ('problem' in read) setPreview({ fileName: file.name, people: [], problems: [], fatal: read.problem });
    else setPreview({ fileName: file.name, ...parseNameCsv(read.text, file.name) });
  };

  const apply = async (how: 'replace' | 'merge') => {
    if (!preview) return;
    const next = how === 'replace' ? preview.people : mergeNames(current, preview.people);
    const other = kind === 'pupils' ? settings.staff.length : settings.pupils.length;
    const total = next.length + other + props.packNames.pupils + props.packNames.staff;
    if (total > PACK_LIMITS.maxNames) {
      setMessage({ ok: false, text: `Not imported: that would make ${total} names in all; the most PostCheck takes is ${PACK_LIMITS.maxNames}. The current list is unchanged.` });
      return;
    }
    try {
      // The active copy first: if the browser refuses to store it, nothing has changed.
      await updateLocalSettings({ [kind]: next });
      await saveNameList(openPostCheckDb(), kind, next, preview.fileName);
    } catch (error) {
      setMessage({ ok: false, text: `Not imported: the browser could not store the list (${error instanceof Error ? error.message : String(error)}). The current list is unchanged.` });
      return;
    }
    setMessage({ ok: true, text: `${KIND_LABEL[kind]} list ${how === 'replace' ? 'replaced' : 'updated'}: ${next.length} names.` });
    setPreview(null);
  };

  return (
    <div class="names" data-testid={`names-${kind}`}>
      <h3>{KIND_LABEL[kind]}</h3>
      <p data-testid={`${kind}-current`}>
        {current.length} {current.length === 1 ? 'name' : 'names'} {locked ? 'set by your IT team' : 'imported'}
        {record && !locked ? `, from ${record.fileName} on ${new Date(record.importedAt).toLocaleDateString('en-GB')}` : ''}.
      </p>
      {current.length ? (
        <button type="button" class="link" aria-expanded={showNames} onClick={() => setShowNames(!showNames)}>
          {showNames ? 'Hide names' : 'Show names'}
        </button>
      ) : null}
      {showNames ? (
        <ul class="name-list">
          {current.map((person, index) => (
            <li key={index}>{nameOf(person)}</li>
          ))}
        </ul>
      ) : null}
      {locked ? null : (
        <label class="button">
          Import {KIND_LABEL[kind].toLowerCase()} from CSV…
          <input
            type="file"
            accept=".csv,text/csv"
            class="visually-hidden"
            data-testid={`${kind}-file`}
            onChange={(event) => {
              const input = event.currentTarget;
              void pick(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      )}
      {preview ? (
        <div class="preview" data-testid={`${kind}-preview`}>
          {preview.fatal ? (
            <p class="problems" role="alert">
              {preview.fatal}. Nothing was imported; the current list is unchanged.
            </p>
          ) : (
            <>
              <p role="status" data-testid={`${kind}-preview-count`}>
                {preview.fileName}: {preview.people.length} {preview.people.length === 1 ? 'name' : 'names'} read
                {preview.problems.length ? `, ${preview.problems.length} ${preview.problems.length === 1 ? 'line' : 'lines'} with problems` : ''}.
              </p>
              {preview.problems.length ? (
                <ul class="problems" data-testid={`${kind}-preview-problems`}>
                  {preview.problems.slice(0, 50).map((problem, index) => (
                    <li key={index}>
                      Line {problem.line}: {problem.message}
                    </li>
                  ))}
                  {preview.problems.length > 50 ? <li>… and {preview.problems.length - 50} more.</li> : null}
                </ul>
              ) : null}
              <div class="actions">
                <button type="button" class="primary" disabled={preview.people.length === 0} onClick={() => void apply('replace')}>
                  Replace the list ({preview.people.length})
                </button>
                <button type="button" disabled={preview.people.length === 0} onClick={() => void apply('merge')}>
                  Add to the list
                </button>
                <button type="button" class="link" onClick={() => setPreview(null)}>
                  Cancel
                </button>
              </div>
            </>
          )}
        </div>
      ) : null}
      {message ? (
        <p class={message.ok ? 'note' : 'problems'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

export function NamesSection(props: { settings: EffectiveSettings; packNames: { pupils: number; staff: number } }) {
  return (
    <section aria-labelledby="names-heading">
      <h2 id="names-heading">Pupil and staff names</h2>
      <p class="muted">
        Import the CSV exports from your school's MIS (a header row, then one person per row). Names stay on this computer and are shown only when you ask.
      </p>
      <LockNote reason={props.settings.lockReasons.names} what="The name lists" />
      <div class="two-columns">
        <NameListImport kind="pupils" settings={props.settings} packNames={props.packNames} />
        <NameListImport kind="staff" settings={props.settings} packNames={props.packNames} />
      </div>
    </section>
  );
}
