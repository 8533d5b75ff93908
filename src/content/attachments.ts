import type { Finding } from '../rules/types';
import { requestImageCheck, sendImagePart } from '../messaging';
import { fileForCheck } from '../images/pixels';
import type { SiteAdapter } from '../sites';
import { isAttachInput } from '../sites/locate';
import type { AttachmentSource } from './session';

export interface AttachmentWatch {
  adapter: SiteAdapter;
  signal: AbortSignal;
  /** Images arrived at `target` (the file input, or where they were pasted or dropped). */
  attached(files: File[], source: AttachmentSource, target: Element, input: HTMLInputElement | null): void;
  /** A composer file input was emptied. */
  emptied(input: HTMLInputElement): void;
}

function imagesIn(files: FileList | null | undefined): File[] {
  return [...(files ?? [])].filter((file) => file.type.startsWith('image/'));
}

function targetOf(event: Event): Element | null {
  const target = event.composedPath()[0];
  return target instanceof Element ? target : null;
}

/**
 * Notices images attached to a composer: the composer's own file input (`change`), paste and
 * drop. Capture-phase listeners on `window` run before the site's handlers, which often reset
 * the input right after reading it. PostCheck only reads: it never cancels these events.
 */
export function watchAttachments(watch: AttachmentWatch): void {
  const { signal } = watch;
  watchFileInputsIn(window, watch);
  window.addEventListener(
    'paste',
    (event) => {
      const target = targetOf(event);
      const files = imagesIn(event.clipboardData?.files);
      if (target && files.length > 0) watch.attached(files, 'paste', target, null);
    },
    { capture: true, signal },
  );
  window.addEventListener(
    'drop',
    (event) => {
      const target = targetOf(event);
      // A picture dragged from another page arrives as a URL, not a file: it is not read
      // (a cross-origin image would taint the canvas anyway).
      const files = imagesIn(event.dataTransfer?.files);
      if (target && files.length > 0) watch.attached(files, 'drop', target, null);
    },
    { capture: true, signal },
  );
}

/**
 * `change` is not composed: a file input inside a shadow root (LinkedIn's `#interop-outlet`)
 * reports it to that root and no further, so each composer shadow root is watched too.
 */
export function watchFileInputsIn(target: Window | ShadowRoot, watch: AttachmentWatch): void {
  const { adapter, signal } = watch;
  target.addEventListener(
    'change',
    (event) => {
      const input = targetOf(event);
      if (!input || !isAttachInput(adapter, input)) return;
      const files = imagesIn(input.files);
      if (files.length > 0) watch.attached(files, 'file', input, input);
      else if ((input.files?.length ?? 0) === 0) watch.emptied(input);
    },
    { capture: true, signal },
  );
}

/**
 * Hands an attached image to the background, which decodes it, matches it against the
 * pack's logos and looks for faces: none of it runs on the page's thread. Never throws: an unreadable image, or a
 * service worker that cannot answer, yields no findings.
 */
export async function checkAttachedImage(file: Blob): Promise<Finding[]> {
  try {
    const image = await fileForCheck(file, sendImagePart);
    return image ? await requestImageCheck(image) : [];
  } catch {
    return [];
  }
}

/**
 * Whether the pack looks at images at all: for its logos, or for people (`photos`, unless
 * turned off). Otherwise no image is read.
 */
export function packChecksImages(pack: unknown): boolean {
  if (typeof pack !== 'object' || pack === null) return false;
  const { logos, categories } = pack as { logos?: unknown; categories?: { photos?: { enabled?: unknown } } };
  if (Array.isArray(logos) && logos.length > 0) return true;
  const photos = typeof categories === 'object' && categories !== null ? categories.photos : undefined;
  return typeof photos === 'object' && photos !== null && photos.enabled !== false;
}
