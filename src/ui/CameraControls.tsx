import { useId, useState } from 'react';
import { isNoOffset } from '../domain/procedures/orbitOffset.ts';
import { useT } from '../i18n/useT.ts';
import type { CameraMoveId } from '../state/cameraKeys.ts';
import { CAMERA_MOVES } from '../state/cameraKeys.ts';
import { useAppStore } from '../state/useAppStore.ts';
import type { IconName } from './Icon.tsx';
import { Icon } from './Icon.tsx';

const ICONS: Readonly<Record<CameraMoveId, IconName>> = {
  turnLeft: 'left',
  turnRight: 'right',
  tiltUp: 'up',
  tiltDown: 'down',
  zoomIn: 'plus',
  zoomOut: 'minus',
};

/**
 * Buttons to turn, tilt and zoom the 3D view, so no drag is ever needed (WCAG 2.5.7), and one back
 * to the step's framed view. The guided shots go on underneath: the buttons only add an offset.
 */
export function CameraControls() {
  const t = useT();
  const nudge = useAppStore((s) => s.nudgeCamera);
  const reset = useAppStore((s) => s.resetCamera);
  const moved = useAppStore((s) => s.freeCamera || !isNoOffset(s.cameraOffset));
  // On narrow screens the six buttons fold behind one, so they do not cover the view (styles.css).
  const [open, setOpen] = useState(false);
  const padId = useId();
  return (
    <div className="camera-controls" role="group" aria-label={t('camera.label')}>
      {moved && (
        <button type="button" className="button camera-controls__reset" onClick={reset}>
          <Icon name="reset" /> {t('view.reset')}
        </button>
      )}
      <div className="camera-controls__row">
        <button
          type="button"
          className="button button--icon camera-controls__toggle"
          aria-label={t('camera.label')}
          aria-expanded={open}
          aria-controls={padId}
          onClick={() => setOpen((o) => !o)}
        >
          <Icon name={open ? 'close' : 'move'} />
        </button>
        <div id={padId} className={`camera-controls__pad${open ? ' is-open' : ''}`}>
          {CAMERA_MOVES.map((m) => (
            <button key={m.id} type="button" className="button button--icon" aria-label={t(`camera.${m.id}`)} onClick={() => nudge(m.delta)}>
              <Icon name={ICONS[m.id]} />
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
