import { describe, expect, it } from 'vitest';
import { parseTime } from './dates';

describe('a typed time of day', () => {
  it.each([
    ['1930', '19:30'],
    ['19:30', '19:30'],
    ['19.30', '19:30'],
    ['0730', '07:30'],
    ['730', '07:30'],
    ['7', '07:00'],
    ['19', '19:00'],
    ['7 30', '07:30'],
    ['  9:05 ', '09:05'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['7:30 pm', '19:30'],
    ['7:30pm', '19:30'],
    ['7 PM', '19:00'],
    ['7:30 a.m.', '07:30'],
    ['12 am', '00:00'],
    ['12:15 pm', '12:15'],
  ])('reads %j as %s', (typed, time) => {
    expect(parseTime(typed)).toBe(time);
  });

  it.each(['25:00', '2400', '19:60', '2460', '13 pm', '0 am', '19:3', '12345', 'half seven', ''])(
    'refuses %j, which is not a time of day',
    (typed) => {
      expect(parseTime(typed)).toBeNull();
    },
  );
});
