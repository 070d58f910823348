import { useId } from 'react';
import { VP_PLAN } from '../domain/procedures/plans.ts';
import { useT } from '../i18n/useT.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { EvidenceContent } from './EvidenceContent.tsx';
import { QrCode } from './QrCode.tsx';

/**
 * The one-page handout a patient takes home, shown only in print (styles.css, `@media print`):
 * the case, the steps in plain words, the evidence and harms with their sources, the QR code and
 * the link to this case, and the disclaimer. Always in plain words, whatever the audience mode.
 */
export function Handout({ url }: { url: string }) {
  const t = useT();
  const params = useAppStore((s) => s.params);
  const plan = useAppStore(selectPlan);
  const titleId = useId();
  const procedure =
    params.procedure === 'compare'
      ? t('handout.compare', { vp: t('procedure.vp.long'), bkp: t('procedure.bkp.long') })
      : t(`procedure.${params.procedure}.long`);
  const rows: readonly [string, string][] = [
    [t('handout.procedure'), procedure],
    [t('case.level'), params.level],
    [t('case.shape'), t(`shape.${params.shape}`)],
    [t('case.grade'), t(`grade.${params.grade}`)],
    [t('case.approach'), t(`approach.${params.approach}`)],
  ];

  return (
    <article className="handout" aria-labelledby={titleId} data-procedure={params.procedure}>
      <header className="handout__head">
        <div className="handout__case">
          <p className="handout__brand">{t('app.title')}</p>
          <h2 id={titleId}>{t('handout.title')}</h2>
          <dl>
            {rows.map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
        <figure className="handout__qr">
          <QrCode text={url} label={t('takeHome.qr')} />
          <figcaption>
            {t('handout.again')} <span className="handout__url">{url}</span>
          </figcaption>
        </figure>
      </header>
      <div className="handout__columns">
        <section className="handout__steps">
          <h3>{t('handout.steps')}</h3>
          <ol>
            {plan.steps.map((step) => {
              // In the comparison, a step vertebroplasty does its own way is told both ways (as the caption does).
              const vpStep = params.procedure === 'compare' ? VP_PLAN.steps.find((s) => s.id === step.id) : undefined;
              const both = vpStep && vpStep.captionKey !== step.captionKey;
              return (
                <li key={step.id} data-step={step.id}>
                  <strong>{t.dynamic(`${step.captionKey}.title`)}.</strong>{' '}
                  {both ? (
                    <>
                      <em>{t('caption.compareVp')}</em>
                      {t.dynamic(`${vpStep.captionKey}.patient`)} <em>{t('caption.compareBkp')}</em>
                      {t.dynamic(`${step.captionKey}.patient`)}
                    </>
                  ) : (
                    t.dynamic(`${step.captionKey}.patient`)
                  )}
                </li>
              );
            })}
          </ol>
        </section>
        <EvidenceContent register="patient" />
      </div>
      <p className="handout__disclaimer">{t('app.disclaimer')}</p>
    </article>
  );
}
