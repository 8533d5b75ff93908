import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Layer, type LayerActions, type LayerState } from './Layer';
import './card.css';

export interface CardLayer {
  render(state: LayerState): void;
  /** Focuses the first element in the layer matching `selector`; false when there is none. */
  focus(selector: string): boolean;
  remove(): void;
}

/** Relative luminance of the page background, to follow the sites' own dark modes. */
export function pageLooksDark(): boolean {
  for (const element of [document.body, document.documentElement]) {
    if (!element) continue;
    const match = getComputedStyle(element).backgroundColor.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
    if (!match || match[4] === '0') continue;
    const [r, g, b] = [match[1], match[2], match[3]].map((channel) => Number(channel) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
  }
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * One shadow root per page holds every badge, card and textarea underline. Mounted when the
 * first composer appears, and removed by `ctx` on invalidation so no duplicate survives.
 */
export async function mountCardLayer(ctx: ContentScriptContext, actions: LayerActions): Promise<CardLayer> {
  let container: HTMLElement | null = null;
  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: 'postcheck-layer',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Keys typed in the card must not reach the site's shortcuts.
    isolateEvents: true,
    onMount(uiContainer) {
      container = document.createElement('div');
      uiContainer.append(container);
      return container;
    },
    onRemove(mounted) {
      if (mounted) render(null, mounted);
    },
  });
  ui.mount();
  return {
    render(state) {
      if (container) render(<Layer state={state} actions={actions} />, container);
    },
    focus(selector) {
      const target = container?.querySelector<HTMLElement>(selector);
      target?.focus();
      return target !== null && target !== undefined;
    },
    remove() {
      ui.remove();
    },
  };
}
