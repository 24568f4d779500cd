import { useEffect, useRef, type ReactNode } from 'react';
import { CloseButton } from './CloseButton';

export interface DrawerProps {
  readonly open: boolean;
  readonly side: 'left' | 'right';
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/**
 * A side panel over the app (a full-width sheet on a phone). Escape and the backdrop close it; focus moves
 * into it on open and back to where it was on close, so keyboard users never lose their place.
 */
export function Drawer({ open, side, title, onClose, children }: DrawerProps) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, [open, onClose]);
  if (!open) return null;
  return (
    <div className="drawer-layer">
      <div className="drawer-backdrop" onClick={onClose} aria-hidden="true" />
      <div
        ref={panel}
        className={`drawer drawer-${side}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
      >
        <div className="drawer-head">
          <h2>{title}</h2>
          <CloseButton label={`Close ${title.toLowerCase()}`} onClick={onClose} />
        </div>
        <div className="drawer-body">{children}</div>
      </div>
    </div>
  );
}
