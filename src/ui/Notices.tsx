import { useT } from '../i18n/useT.ts';
import type { Notice } from '../state/store.ts';
import { shorten } from '../state/store.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { Icon } from './Icon.tsx';

/** Visible, dismissible messages: ignored link settings, graphics interruptions. */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}

const TITLES = { link: 'notice.query.title', api: 'notice.api.title', embed: 'notice.embed.title' } as const;

function NoticeItem({ notice }: { notice: Notice }) {
  const t = useT();
  const dismiss = useAppStore((s) => s.dismissNotice);
  const tone = notice.kind === 'query' ? 'warning' : notice.tone;
  return (
    <div className={`notice notice--${tone}`} role={tone === 'info' ? 'status' : 'alert'} data-notice={notice.kind === 'query' ? 'query' : notice.key} data-source={notice.kind === 'query' ? notice.source : undefined}>
      <div className="notice__body">
        {notice.kind === 'query' ? (
          <>
            <p className="notice__title">{t(TITLES[notice.source])}</p>
            <ul className="notice__list">
              {notice.issues.map((issue, i) => (
                <li key={i}>
                  {t('notice.query.item', {
                    param: shorten(issue.param),
                    value: shorten(issue.value),
                    reason: t(`notice.reason.${issue.reason}`),
                  })}
                </li>
              ))}
              {notice.more > 0 && <li>{t('notice.query.more', { count: t.number(notice.more) })}</li>}
            </ul>
          </>
        ) : (
          <p className="notice__title">{t.dynamic(notice.key)}</p>
        )}
      </div>
      <button
        type="button"
        className="button button--icon button--ghost"
        aria-label={t('notice.dismiss')}
        onClick={(e) => {
          focusAfterDismiss(e.currentTarget);
          dismiss(notice.id);
        }}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}

/**
 * Focus must not fall to the page body when the focused notice goes away: it moves to the next
 * notice's dismiss button, else the previous one's, else the main area.
 */
function focusAfterDismiss(button: HTMLElement): void {
  const notice = button.closest('.notice');
  const sibling = (notice?.nextElementSibling ?? notice?.previousElementSibling)?.querySelector<HTMLElement>('button');
  if (sibling) sibling.focus();
  else document.getElementById('main')?.focus();
}
