import { useId } from 'react';
import type { Fact, Source, Topic } from '../domain/evidence.ts';
import { BENEFIT, HARMS, TRIALS, figureVars } from '../domain/evidence.ts';
import type { T } from '../i18n/useT.ts';
import { useT } from '../i18n/useT.ts';

export type Register = 'patient' | 'clinical';

export interface EvidenceContentProps {
  /** Plain words for patients, clinical wording for educators. */
  register: Register;
}

function sourceLabel(t: T, source: Source): string {
  return source.kind === 'study' ? source.cite : t('evidence.pending');
}

function FactText({ fact, register }: { fact: Fact; register: Register }) {
  const t = useT();
  const text = t.dynamic(`evidence.fact.${fact.id}.${register}`, figureVars(fact, t.number));
  return (
    <p className="evidence__fact" data-fact={fact.id}>
      {text} <cite className="evidence__source">({sourceLabel(t, fact.source)})</cite>
      {fact.uncertain && <> <span className="evidence__flag">{t('evidence.uncertain')}</span></>}
    </p>
  );
}

function TopicBlock({ topic, register }: { topic: Topic; register: Register }) {
  const t = useT();
  return (
    <div className="evidence__topic" data-topic={topic.id}>
      <h4>{t.dynamic(`evidence.topic.${topic.id}`)}</h4>
      {topic.facts.map((fact) => (
        <FactText key={fact.id} fact={fact} register={register} />
      ))}
    </div>
  );
}

/**
 * Does it work, and what can go wrong: the open and the blinded trials side by side, what patients
 * felt, the other studies, then the harms. Every figure comes from `src/domain/evidence.ts` and is
 * shown with its source; the words come from the locale files in the audience's register.
 */
export function EvidenceContent({ register }: EvidenceContentProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="evidence">
      <section className="evidence__section" aria-labelledby={`${id}-works`}>
        <h3 id={`${id}-works`}>{t('evidence.works')}</h3>
        <div className="evidence__trials" role="group" aria-label={t('evidence.trials')}>
          {(['open', 'sham'] as const).map((design) => (
            <div key={design} className={`evidence__design evidence__design--${design}`} data-design={design}>
              <h4>{t(`evidence.design.${design}`)}</h4>
              <ul>
                {TRIALS[design].map((trial) => (
                  <li key={trial.id}>
                    <FactText fact={trial} register={register} />
                  </li>
                ))}
              </ul>
              <p className="evidence__finding">{t(`evidence.finding.${design}`)}</p>
            </div>
          ))}
        </div>
        {BENEFIT.map((topic) => (
          <TopicBlock key={topic.id} topic={topic} register={register} />
        ))}
      </section>
      <section className="evidence__section" aria-labelledby={`${id}-harms`}>
        <h3 id={`${id}-harms`}>{t('evidence.harms')}</h3>
        {HARMS.map((topic) => (
          <TopicBlock key={topic.id} topic={topic} register={register} />
        ))}
      </section>
    </div>
  );
}
