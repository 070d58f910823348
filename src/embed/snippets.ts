/**
 * The snippets the "Embed" dialog offers for the current state (shared/product.md § Embedding):
 * the `<script>` + `<spine-cast>` pair, and a plain `<iframe>` for pages that allow no scripts.
 */

/** URL parameters that describe the frame rather than the case: never written as attributes. */
const FRAME_ONLY = new Set(['ui', 'origin']);

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `appUrl`: where the app is served, ending in `/` (embed.js sits beside index.html).
 * `query`: the state as URL parameters (urlSync's queryFor).
 */
export function embedSnippets(appUrl: string, query: URLSearchParams, frameTitle: string): { element: string; iframe: string } {
  const attributes: string[] = [];
  const frameQuery = new URLSearchParams();
  for (const [key, value] of query) {
    if (FRAME_ONLY.has(key)) continue;
    attributes.push(`${key}="${escapeAttribute(value)}"`);
    frameQuery.set(key, value);
  }
  frameQuery.set('ui', 'compact');
  const element = `<script src="${escapeAttribute(`${appUrl}embed.js`)}" async></script>\n<spine-cast ${attributes.join(' ')}></spine-cast>`;
  const src = `${appUrl}?${frameQuery.toString()}`;
  const iframe =
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(frameTitle)}" loading="lazy" allow="fullscreen"\n` +
    `  style="display:block;width:100%;aspect-ratio:16/9;min-height:500px;border:0"></iframe>`;
  return { element, iframe };
}
