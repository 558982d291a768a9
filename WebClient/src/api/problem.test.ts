import { describe, expect, it } from 'vitest';
import { genericErrorMessage, problemFieldErrors, problemMessage, toFailure } from './problem';

describe('problemMessage', () => {
  it('shows the detail, which the Api writes for the user', () => {
    expect(problemMessage({ title: 'Bad Request', detail: 'The e-mail or password is incorrect.' })).toBe(
      'The e-mail or password is incorrect.',
    );
  });

  it('falls back to the title, then to a generic sentence', () => {
    expect(problemMessage({ title: 'Service unavailable' })).toBe('Service unavailable');
    expect(problemMessage({})).toBe(genericErrorMessage);
    expect(problemMessage('<html>502 Bad Gateway</html>')).toBe(genericErrorMessage);
    expect(problemMessage(undefined)).toBe(genericErrorMessage);
  });

  it('never shows a stack trace or an exception dump', () => {
    const dotnet = 'System.InvalidOperationException: boom\n   at Api.Sso.LoginApi.Start(String email) in /src/LoginApi.cs:line 42';
    expect(problemMessage({ title: 'Internal Server Error', detail: dotnet })).toBe('Internal Server Error');
    expect(problemMessage({ detail: 'TypeError: x is undefined\n    at run (app.js:1:2)' })).toBe(genericErrorMessage);
    expect(problemMessage({ detail: 'x'.repeat(2000) })).toBe(genericErrorMessage);
  });
});

describe('validation problems', () => {
  const body = {
    title: 'One or more validation errors occurred.',
    errors: { email: ['Enter a valid e-mail address.'], password: ['Enter your password.', 'Enter your password.'] },
  };

  it('lists each field sentence once', () => {
    expect(problemFieldErrors(body)).toEqual(['Enter a valid e-mail address.', 'Enter your password.']);
  });

  it('keeps the status and the problem type, e.g. to recognise a not-migrated account', () => {
    const failure = toFailure(403, { type: 'https://errors.example/sso/not-migrated', detail: 'Use the portal form.' });
    expect(failure).toEqual({
      status: 403,
      message: 'Use the portal form.',
      fieldErrors: [],
      type: 'https://errors.example/sso/not-migrated',
    });
  });

  it('uses the first field sentence when the problem has no title or detail', () => {
    expect(toFailure(400, { errors: { code: ['Enter the 6-digit code.'] } }).message).toBe('Enter the 6-digit code.');
  });
});
