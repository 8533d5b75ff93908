import { useEffect, useState } from 'preact/hooks';
import { checkPost, type CompiledPack, type Finding } from '../../rules';
import { FindingList } from '../findings/FindingList';

/** Runs the engine on a sample post, exactly as the composer would. The text is never stored. */
export function TryPost(props: { compiled: CompiledPack | null }) {
  const [text, setText] = useState('');
  const [findings, setFindings] = useState<Finding[]>([]);
  useEffect(() => {
    if (!props.compiled || !text.trim()) {
      setFindings([]);
      return;
    }
    const compiled = props.compiled;
    const timer = setTimeout(() => setFindings(checkPost(compiled, { text })), 150);
    return () => clearTimeout(timer);
  }, [text, props.compiled]);

  return (
    <section aria-labelledby="try-heading">
      <h2 id="try-heading">Try a post</h2>
      <p class="muted">Type a post to see what PostCheck would say. What you type here is not saved.</p>
      <textarea aria-label="A post to try" data-testid="try-post" rows={4} value={text} disabled={!props.compiled} placeholder={props.compiled ? 'e.g. Well done to Grace in Year 5 on her spelling test!' : 'Load a pack first.'} onInput={(event) => setText(event.currentTarget.value)} />
      <div aria-live="polite" data-testid="try-findings">
        {text.trim() && props.compiled ? (
          findings.length ? (
            <>
              <p>
                {findings.length} {findings.length === 1 ? 'thing' : 'things'} to check:
              </p>
              <FindingList findings={findings} />
            </>
          ) : (
            <p class="ok">Nothing to check in this post.</p>
          )
        ) : null}
      </div>
    </section>
  );
}
