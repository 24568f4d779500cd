import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TraceList } from './TraceList';
import type { ChatTurn } from './uiTypes';

export interface ChatPanelProps {
  readonly turns: readonly ChatTurn[];
  /** False while no reasoner is wired or no scene is open; `unavailableReason` then says why. */
  readonly canAsk: boolean;
  readonly unavailableReason?: string;
  readonly busy: boolean;
  /** Template questions for this scene (VSI-Bench wording), one click to ask. */
  readonly suggestions: readonly string[];
  readonly onAsk: (question: string) => void;
  readonly onStop: () => void;
  readonly onFocusObjects?: (ids: readonly string[]) => void;
  /** A sentence about the scene that answers depend on (a partial scene: what it lacks). */
  readonly sceneNote?: string;
}

/**
 * Longest question the box takes. A spatial question is a sentence or two; the reasoner itself refuses past
 * MAX_QUESTION_CHARS, so the box stops well before and shows how much room is left.
 */
export const QUESTION_MAX_CHARS = 300;

const STATUS_TEXT: Record<ChatTurn['status'], string> = {
  thinking: 'thinking…',
  streaming: 'answering…',
  done: '',
  stopped: 'stopped',
  error: 'failed',
  unavailable: 'not answered',
};

/** Question input, streaming answers, Stop, and a collapsible trace per answer. Text is always rendered as text. */
export function ChatPanel(props: ChatPanelProps) {
  const { turns, canAsk, busy } = props;
  const [draft, setDraft] = useState('');
  const log = useRef<HTMLOListElement>(null);
  const last = turns[turns.length - 1];
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [turns.length, last?.answer, last?.status]);

  const asked = new Set(turns.map((t) => t.question));
  const unasked = props.suggestions.filter((q) => !asked.has(q));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = draft.trim();
    if (!q || !canAsk || busy) return;
    props.onAsk(q);
    setDraft('');
  };

  return (
    <section className="chat" aria-label="Ask about the scene">
      {props.sceneNote && (
        <p className="chat-scene-note" data-testid="chat-scene-note">
          {props.sceneNote}
        </p>
      )}
      <ol className="chat-log" ref={log} aria-live="polite" aria-label="Answers">
        {turns.length === 0 && (
          <li className="chat-empty">
            {canAsk ? 'Ask a spatial question about this scene.' : props.unavailableReason}
            {canAsk && props.suggestions.length > 0 && (
              <Suggestions questions={props.suggestions} disabled={busy} onAsk={props.onAsk} />
            )}
          </li>
        )}
        {turns.map((t) => (
          <li key={t.id} className={`turn turn-${t.status}`} data-testid="turn" data-status={t.status}>
            <p className="turn-question">{t.question}</p>
            <div className="turn-answer" data-testid="answer">
              {t.answer}
              {(t.status === 'thinking' || t.status === 'streaming') && (
                <span className="cursor" aria-hidden="true" />
              )}
            </div>
            {t.error && <p className="turn-error">{t.error}</p>}
            <div className="turn-meta">
              {STATUS_TEXT[t.status] && <span className="turn-status">{STATUS_TEXT[t.status]}</span>}
              {t.objectIds.length > 0 && props.onFocusObjects && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => props.onFocusObjects?.(t.objectIds)}
                >
                  show {t.objectIds.length} object{t.objectIds.length === 1 ? '' : 's'} in 3D
                </button>
              )}
            </div>
            {t.trace.length > 0 && (
              <details className="trace" data-testid="trace">
                <summary>Reasoning trace ({t.trace.length} steps)</summary>
                <TraceList entries={t.trace} />
              </details>
            )}
          </li>
        ))}
        {/* The examples stay at hand after the first answer (those not asked yet), folded away. */}
        {canAsk && turns.length > 0 && unasked.length > 0 && (
          <li className="more-suggestions">
            <details
              onToggle={(e) => {
                // Opened at the foot of the log: bring the examples up into sight.
                if (e.currentTarget.open && log.current) log.current.scrollTop = log.current.scrollHeight;
              }}
            >
              <summary>More example questions</summary>
              <Suggestions questions={unasked} disabled={busy} onAsk={props.onAsk} />
            </details>
          </li>
        )}
      </ol>
      {!canAsk && turns.length > 0 && <p className="chat-note">{props.unavailableReason}</p>}
      <form className="chat-form" onSubmit={submit}>
        <label htmlFor="question" className="visually-hidden">
          Question
        </label>
        <input
          id="question"
          type="text"
          autoComplete="off"
          enterKeyHint="send"
          placeholder={canAsk ? 'Ask about the scene' : 'Open a scene to ask about it'}
          value={draft}
          maxLength={QUESTION_MAX_CHARS}
          aria-describedby="question-count"
          onChange={(e) => setDraft(e.target.value.slice(0, QUESTION_MAX_CHARS))}
          disabled={!canAsk}
        />
        <span
          id="question-count"
          className={`question-count ${draft.length >= QUESTION_MAX_CHARS ? 'full' : ''}`}
          data-testid="question-count"
          aria-live="polite"
        >
          {draft.length >= QUESTION_MAX_CHARS
            ? `${QUESTION_MAX_CHARS}/${QUESTION_MAX_CHARS}: a question is at most ${QUESTION_MAX_CHARS} characters`
            : draft.length > 0
              ? `${draft.length}/${QUESTION_MAX_CHARS}`
              : ''}
        </span>
        {busy ? (
          <button type="button" className="stop" onClick={props.onStop} aria-label="Stop answering">
            Stop
          </button>
        ) : (
          <button type="submit" disabled={!canAsk || !draft.trim()} aria-label="Ask">
            Ask
          </button>
        )}
      </form>
    </section>
  );
}

/** Example questions, one tap to ask. */
function Suggestions(props: {
  readonly questions: readonly string[];
  readonly disabled: boolean;
  readonly onAsk: (question: string) => void;
}) {
  return (
    <ul className="suggestions" aria-label="Example questions">
      {props.questions.map((q) => (
        <li key={q}>
          <button
            type="button"
            className="suggestion"
            onClick={() => props.onAsk(q)}
            disabled={props.disabled}
          >
            {q}
          </button>
        </li>
      ))}
    </ul>
  );
}
