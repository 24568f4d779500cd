import { describe, expect, it } from 'vitest';
import { userMessage } from './userMessage';

describe('userMessage', () => {
  it("shows the app's own errors without their class name", () => {
    class UnsupportedSequenceError extends Error {
      override name = 'UnsupportedSequenceError';
    }
    expect(userMessage(new UnsupportedSequenceError('room: no trajectory.log — add camera poses'))).toBe(
      'room: no trajectory.log — add camera poses',
    );
    // {name, message} as it crosses a worker boundary, and a message that was already prefixed.
    expect(userMessage({ name: 'QuestionParseError', message: 'QuestionParseError: too long' })).toBe(
      'too long',
    );
  });

  it('says an engine error is a bug and what to try', () => {
    expect(userMessage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      "Something went wrong inside the app (Cannot read properties of undefined (reading 'x')). Reload the page and try again.",
    );
    expect(userMessage('plain text')).toBe('plain text');
    expect(userMessage(new Error(''))).toBe('Something went wrong. Reload the page and try again.');
  });
});
