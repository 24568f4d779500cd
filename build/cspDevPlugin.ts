import type { Plugin } from 'vite';

/**
 * index.html carries a strict Content-Security-Policy for the built app. The dev server needs what that policy
 * forbids (React Refresh's inline preamble script, CSS injected as <style> tags), so in `vite dev` only, the
 * meta tag is taken out. The production build and `vite preview` keep it.
 */
export function cspDevPlugin(): Plugin {
  return {
    name: 'spatial-mosaic:csp-dev',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, ''),
    },
  };
}
