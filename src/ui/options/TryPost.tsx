import { useEffect, useState } from 'preact/hooks';
import { checkPost, type CompiledPack, type Finding } from '../../rules';
import { FindingList } from '../findings/FindingList';
import { thingsToCheck } from '../vocabulary';

/** Runs the engine on a sample post, exactly as the composer would. The text is never stored. */
export function TryPost(props: { compiled: CompiledPack | null; placeholder?: string }) {
  const [text, setText] = useState('');
  // The findings and the text they were found in, kept together so the underline notes match.
  const [checked, setChecked] = useState<{ text: string; findings: Finding[] }>({ text: '', findings: [] });
  useEffect(() => {
    if (!props.compiled || !text.trim()) {
      setChecked({ text, findings: [] });
      return;
    }
    const compiled = props.compiled;
    const timer = setTimeout(() => setChecked({ text, findings: checkPost(compiled, { text }) }), 150);
    return () => clearTimeout(timer);
  }, [text, props.compiled]);
  const { findings } = checked;

  return (
    <section aria-labelledby="try-heading">
      <h2 id="try-heading">Try a post</h2>
      <p class="muted">Type a post to see what PostCheck would say. What you type here is not saved.</p>
      <textarea
        aria-label="A post to try"
        data-testid="try-post"
        rows={4}
        value={text}
        disabled={!props.compiled}
        placeholder={props.compiled ? (props.placeholder ?? 'e.g. Well done to Grace in Year 5 on her spelling test!') : 'Load a pack first.'}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <div aria-live="polite" data-testid="try-findings">
        {checked.text.trim() && props.compiled ? (
          findings.length ? (
            <>
              <p>{thingsToCheck(findings.length)}:</p>
              <FindingList findings={findings} text={checked.text} />
            </>
          ) : (
            <p class="ok">Nothing to check in this post.</p>
          )
        ) : null}
      </div>
    </section>
  );
}
