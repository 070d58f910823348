import { SceneHtml } from './SceneHtml.tsx';
import type { SpineIndexLevel } from '../domain/anatomy/landmarks.ts';
import type { Vec3 } from '../domain/anatomy/vec.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/useT.ts';
import { mmToScene } from '../render/toScene.ts';

export interface LabelsProps {
  segment: readonly SpineIndexLevel[];
  target: string;
}

function at(p: Vec3): [number, number, number] {
  return [mmToScene(p[0]), mmToScene(p[1]), mmToScene(p[2])];
}

/**
 * Names on the anatomy, as DOM text (translatable, crisp at any size, read by screen readers as a
 * list). Each level is named; the treated one also gets its parts.
 */
export function Labels({ segment, target }: LabelsProps) {
  const t = useT();
  const treated = segment.find((l) => l.id === target);
  const parts: { key: MessageKey; point: Vec3 }[] = treated
    ? [
        { key: 'label.body', point: treated.landmarks.anteriorThirdTargets.midline },
        { key: 'label.pedicle', point: treated.landmarks.pedicles.right.isthmus },
        { key: 'label.canal', point: treated.landmarks.canalCentre },
        { key: 'label.endplate', point: treated.landmarks.superiorEndplate.centre },
      ]
    : [];
  return (
    <group>
      {segment.map((l) => (
        <SceneHtml key={l.id} position={at(l.landmarks.bodyCentre)} center zIndexRange={[2, 0]} className="scene-label-host">
          <span className={`scene-label scene-label--level${l.id === target ? ' is-target' : ''}`}>
            {l.id === target ? t('label.treatedLevel', { level: l.id }) : l.id}
          </span>
        </SceneHtml>
      ))}
      {parts.map((p) => (
        <SceneHtml key={p.key} position={at(p.point)} zIndexRange={[2, 0]} className="scene-label-host">
          <span className="scene-label">{t(p.key)}</span>
        </SceneHtml>
      ))}
    </group>
  );
}
