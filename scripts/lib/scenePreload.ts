/**
 * `scenePreload()` (vite build only): the 3D view is a dynamic import (src/ui/lazyScene.ts) so that
 * the page's shell paints before three.js is evaluated; this plugin adds a `modulepreload` link to
 * index.html for that chunk and every chunk it imports statically, so their bytes are fetched from
 * the start, in parallel with the shell, instead of after the shell has run.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The module the shell imports lazily (its chunk is the 3D view). */
export const SCENE_MODULE = '/src/scene/SceneHost.tsx';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
}

/** The scene chunk and its static imports, less those the page already loads as its entry. */
export function sceneChunks(bundle: Record<string, { type: string }>, entryFile: string): string[] {
  const chunks = Object.values(bundle).filter((c): c is ChunkLike => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (start: string, into: Set<string>) => {
    if (into.has(start)) return into;
    into.add(start);
    for (const dep of byFile.get(start)?.imports ?? []) closure(dep, into);
    return into;
  };
  const scene = chunks.find((c) => c.facadeModuleId?.endsWith(SCENE_MODULE));
  if (!scene) throw new Error(`scenePreload: no chunk for ${SCENE_MODULE}; is it still imported lazily?`);
  const initial = closure(entryFile, new Set());
  return [...closure(scene.fileName, new Set())].filter((f) => !initial.has(f));
}

export function scenePreload(): Plugin {
  return {
    name: 'spinecast-scene-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk || !ctx.filename.endsWith('index.html')) return [];
        return sceneChunks(ctx.bundle, ctx.chunk.fileName).map(
          (file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${file}` }, injectTo: 'head' }),
        );
      },
    },
  };
}
