import { useId } from 'react';
import type { Approach, Grade, Shape, TreatableLevel } from '../domain/caseParams.ts';
import { APPROACHES, GRADES, SHAPES, TREATABLE_LEVELS } from '../domain/caseParams.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { Segmented } from './Segmented.tsx';
import { usePopover } from './usePopover.ts';

const THORACIC = TREATABLE_LEVELS.filter((l) => l.startsWith('T'));
const LUMBAR = TREATABLE_LEVELS.filter((l) => l.startsWith('L'));

/** The patient's own case: level, severity, shape and approach, in a panel opened from the header. */
export function CasePicker() {
  const t = useT();
  const params = useAppStore((s) => s.params);
  const setParams = useAppStore((s) => s.setParams);
  const { open, trigger, panel, panelId, toggle, close } = usePopover('select, button', { fitWindow: true });
  const levelId = useId();

  return (
    <div className="case-picker">
      <button
        ref={trigger}
        type="button"
        className="button button--case"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        {t('case.open', { level: params.level, shape: t(`shape.${params.shape}.short`), grade: params.grade })}
      </button>
      {open && (
        <div ref={panel} id={panelId} className="case-panel" role="group" aria-label={t('case.label')}>
          <label className="field" htmlFor={levelId}>
            <span className="field__label">{t('case.level')}</span>
            <select
              id={levelId}
              className="select"
              value={params.level}
              onChange={(e) => setParams({ level: e.target.value as TreatableLevel })}
            >
              <optgroup label={t('level.group.thoracic')}>
                {THORACIC.map((l) => (
                  <option key={l} value={l}>{l}</option>
                ))}
              </optgroup>
              <optgroup label={t('level.group.lumbar')}>
                {LUMBAR.map((l) => (
                  <option key={l} value={l}>{l}</option>
                ))}
              </optgroup>
            </select>
          </label>
          <div className="field">
            <span className="field__label" aria-hidden="true">{t('case.grade')}</span>
            <Segmented<`${Grade}`>
              label={t('case.grade')}
              className="segmented--stack"
              value={`${params.grade}`}
              onChange={(v) => setParams({ grade: Number(v) as Grade })}
              options={GRADES.map((g) => ({ value: `${g}` as const, label: t(`grade.${g}`) }))}
            />
          </div>
          <div className="field">
            <span className="field__label" aria-hidden="true">{t('case.shape')}</span>
            <Segmented<Shape>
              label={t('case.shape')}
              className="segmented--stack"
              value={params.shape}
              onChange={(v) => setParams({ shape: v })}
              options={SHAPES.map((s) => ({ value: s, label: t(`shape.${s}`) }))}
            />
          </div>
          <div className="field">
            <span className="field__label" aria-hidden="true">{t('case.approach')}</span>
            <Segmented<Approach>
              label={t('case.approach')}
              className="segmented--stack"
              value={params.approach}
              onChange={(v) => setParams({ approach: v })}
              options={APPROACHES.map((a) => ({ value: a, label: t(`approach.${a}`) }))}
            />
          </div>
          <button
            type="button"
            className="button button--primary"
            onClick={close}
          >
            {t('case.close')}
          </button>
        </div>
      )}
    </div>
  );
}
