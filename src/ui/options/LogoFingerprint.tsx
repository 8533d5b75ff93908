import { useState } from 'preact/hooks';
import { fingerprintLogo, logoRefusal } from '../../rules/logo';

/** Big photos are scaled down first: the fingerprint works at a few hundred pixels anyway. */
const MAX_SIDE = 1600;

/** Decodes an image file to RGBA pixels in the page, without the network or a canvas in the DOM. */
async function readPixels(file: File): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

/**
 * Makes the `fingerprint` text for a pack's `logos` entry from the school's logo file
 * (docs/rule-pack.md, "Logo fingerprints"). It does not change the pack: the school adds the
 * entry to its pack file, so the pack stays the one place the logos are listed.
 */
export function LogoFingerprint() {
  const [result, setResult] = useState<{ fileName: string; entry: string } | { fileName: string; problem: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const make = async (file: File | undefined) => {
    if (!file) return;
    setCopied(false);
    let fingerprint: string;
    try {
      fingerprint = fingerprintLogo(await readPixels(file));
    } catch {
      setResult({ fileName: file.name, problem: `${file.name} could not be read as an image (use a PNG or JPEG of the logo)` });
      return;
    }
    // Same refusal as the CLI: a blank or plain image would match nothing, or anything with a box in it.
    const refusal = logoRefusal(fingerprint);
    if (refusal) {
      setResult({ fileName: file.name, problem: `${file.name}: ${refusal.replace(/\.$/, '')}` });
      return;
    }
    {
      const id = file.name.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'logo';
      setResult({ fileName: file.name, entry: JSON.stringify({ id, name: file.name, fingerprint }, null, 2) });
    }
  };

  return (
    <details class="logo-tool">
      <summary>Make a logo fingerprint from the school's logo file</summary>
      <p class="muted">
        Choose the logo as a PNG or JPEG, ideally on a white or transparent background. Add the entry below to the <code>logos</code> list in the pack file.
      </p>
      <label class="button">
        Choose a logo image…
        <input type="file" accept="image/png,image/jpeg,image/webp,image/gif" class="visually-hidden" data-testid="logo-file" onChange={(event) => void make(event.currentTarget.files?.[0])} />
      </label>
      {result && 'problem' in result ? (
        <p class="problems" role="alert">
          {result.problem}.
        </p>
      ) : null}
      {result && 'entry' in result ? (
        <div class="logo-entry">
          <textarea aria-label={`Logo entry for ${result.fileName}`} data-testid="logo-entry" readOnly rows={6} value={result.entry} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(result.entry).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      ) : null}
    </details>
  );
}
