import { controlAllowed, isLoopback } from './controlAccess';

describe('control API access', () => {
  test.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:192.168.1.2', false],
    ['203.0.113.5', false],
    [undefined, false],
  ])('%s loopback: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });

  test('without an admin token: loopback only; with one: the token, from anywhere', () => {
    expect(controlAllowed('127.0.0.1', undefined)).toBe(true);
    expect(controlAllowed('203.0.113.5', undefined)).toBe(false);
    expect(controlAllowed('127.0.0.1', undefined, 'admin')).toBe(false);
    expect(controlAllowed('127.0.0.1', 'wrong', 'admin')).toBe(false);
    expect(controlAllowed('203.0.113.5', 'admin', 'admin')).toBe(true);
  });
});
