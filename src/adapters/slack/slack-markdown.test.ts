import { describe, expect, it } from 'vitest';
import { mrkdwnToNeutral, neutralToMrkdwn } from './slack-markdown.ts';

describe('Slack mrkdwn to the neutral markdown', () => {
  it('swaps the emphasis marks and turns labelled links into markdown links', () => {
    expect(mrkdwnToNeutral('*bold* _italic_ ~gone~ and *_both_*')).toBe(
      '**bold** *italic* ~~gone~~ and ***both***',
    );
    expect(mrkdwnToNeutral('see <https://krumlov.eu/a_b_c|the plan> or <https://x.org/q_r_s>')).toBe(
      'see [the plan](https://krumlov.eu/a_b_c) or <https://x.org/q_r_s>',
    );
  });

  it('leaves code, words with marks inside and mention tokens alone', () => {
    expect(mrkdwnToNeutral('`*not bold*` snake_case_name 2*3*4 <@U0042>')).toBe(
      '`*not bold*` snake_case_name 2*3*4 <@U0042>',
    );
    expect(mrkdwnToNeutral('```\n*x* _y_\n```')).toBe('```\n*x* _y_\n```');
  });
});

describe('the neutral markdown to Slack mrkdwn', () => {
  it('swaps the marks back, links as Slack links, everything else escaped', () => {
    expect(neutralToMrkdwn('**bold** *italic* _also_ ~~gone~~')).toBe('*bold* _italic_ _also_ ~gone~');
    expect(neutralToMrkdwn('[the plan](https://krumlov.eu/p?a=1&b=2) & <!channel>')).toBe(
      '<https://krumlov.eu/p?a=1&amp;b=2|the plan> &amp; &lt;!channel&gt;',
    );
    expect(neutralToMrkdwn('`a < b` 2*3*4')).toBe('`a &lt; b` 2*3*4');
  });
});
