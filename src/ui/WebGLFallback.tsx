import { useEffect } from 'react';
import { useT } from '../i18n/useT.ts';
import { useReadiness } from '../state/ReadinessContext.ts';
import { useAppStore } from '../state/useAppStore.ts';

/**
 * Shown where the 3D view cannot run (no WebGL 2, or the renderer failed to start). The step list,
 * captions and transport around it keep working.
 */
export function WebGLFallback({ detail, reason = 'no-webgl' }: { detail?: string; reason?: 'no-webgl' | 'failed' }) {
  const t = useT();
  const readiness = useReadiness();
  const version = useAppStore((s) => s.version);
  const procedure = useAppStore((s) => s.params.procedure);

  // Nothing to draw: the state is "shown" as soon as this panel is on screen.
  useEffect(() => {
    readiness.setSceneReady('fallback', true);
    const frame = requestAnimationFrame(() => readiness.frameDrawn('fallback', version));
    return () => {
      cancelAnimationFrame(frame);
      readiness.setSceneReady('fallback', false);
    };
  }, [readiness, version]);

  return (
    <div className="fallback" role="status">
      {/* A still of the procedure (the embed facade's poster, made by `npm run posters`). */}
      <img className="fallback__picture" src={`posters/${procedure}.webp`} alt="" width={800} height={450} />
      <h2 className="fallback__title">{reason === 'failed' ? t('fallback.failedTitle') : t('fallback.title')}</h2>
      <p>{reason === 'failed' ? t('fallback.failedBody') : t('fallback.body')}</p>
      {detail && (
        <details className="fallback__detail">
          <summary>{t('error.details')}</summary>
          {detail}
        </details>
      )}
    </div>
  );
}
