/**
 * Members' formatting between Slack's mrkdwn and the relay's neutral markdown (Discord's flavour,
 * docs/RELAY.md). Code (``` blocks and `spans`) is carried as it is; the other text has its
 * emphasis marks swapped: Slack `*bold*` `_italic_` `~strike~` and `<url|label>` links, neutral
 * `**bold**` `*italic*` `~~strike~~` and `[label](url)`.
 *
 * Inbound the text keeps Slack's `&amp;` `&lt;` `&gt;` and its `<@U…>` tokens: readable-text.ts
 * decodes them afterwards, with the members' names. Outbound everything but the marks is escaped,
 * so a `<!channel>` a partner typed stays text (mass mentions inert).
 */

/** Code blocks and code spans, which keep their characters on both platforms. */
const CODE = /```[\s\S]*?```|`[^`\n]+`/g;

/** Splits text into code (kept) and the rest (converted by `convert`). */
function outsideCode(text: string, convert: (plain: string) => string, code: (c: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(CODE)) {
    out += convert(text.slice(last, match.index)) + code(match[0]);
    last = match.index + match[0].length;
  }
  return out + convert(text.slice(last));
}

/** Slack's emphasis: a mark after a space or punctuation, closed by the same mark before one. */
const SLACK_EMPHASIS = /(^|[^\p{L}\p{N}*_~])([*_~])(?!\s)([^\n]*?[^\s])\2(?![\p{L}\p{N}*_~])/gu;
const NEUTRAL_OF: Record<string, string> = { '*': '**', _: '*', '~': '~~' };
/** `<https://…|label>`: a link with its own words. */
const SLACK_LABELLED_LINK = /<((?:https?|mailto|tel):[^|>]+)\|([^>]+)>/g;
/** `<…>` tokens (links, mentions, channels), whose characters are not emphasis marks. */
const SLACK_TOKEN = /<[^>\n]*>/g;

function neutralEmphasis(text: string): string {
  return text.replace(SLACK_EMPHASIS, (_whole, before: string, mark: string, inner: string) => {
    const neutral = NEUTRAL_OF[mark] ?? mark;
    return `${before}${neutral}${neutralEmphasis(inner)}${neutral}`;
  });
}

/** A member's mrkdwn with neutral emphasis and links; entities and mention tokens left as Slack sent them. */
export function mrkdwnToNeutral(text: string): string {
  return outsideCode(
    text,
    (plain) => {
      // Tokens are taken out while the marks are swapped: `_` in a URL is no emphasis.
      const tokens: string[] = [];
      const held = plain.replace(SLACK_TOKEN, (token) => `\uE000${tokens.push(token) - 1}\uE000`);
      const converted = neutralEmphasis(held).replace(
        /\uE000(\d+)\uE000/g,
        (_w, i: string) => tokens[Number(i)] ?? '',
      );
      return converted.replace(
        SLACK_LABELLED_LINK,
        (_whole, url: string, label: string) => `[${label}](${url})`,
      );
    },
    (code) => code,
  );
}

const NEUTRAL_LINK = /\[([^\]\n]+)\]\(((?:https?|mailto|tel):[^)\s]+)\)/g;
/** Neutral emphasis: `**bold**`, `~~strike~~`, `*italic*` or `_italic_`. */
const NEUTRAL_EMPHASIS =
  /\*\*(?!\s)([^\n]+?)\*\*|~~(?!\s)([^\n]+?)~~|(?<![\p{L}\p{N}*])\*(?![\s*])([^\n]*?[^\s*])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?![\s_])([^\n]*?[^\s_])_(?![\p{L}\p{N}_])/gu;

function slackEmphasis(text: string): string {
  return text.replace(
    NEUTRAL_EMPHASIS,
    (_whole, bold?: string, strike?: string, star?: string, underscore?: string) => {
      if (bold !== undefined) return `*${slackEmphasis(bold)}*`;
      if (strike !== undefined) return `~${slackEmphasis(strike)}~`;
      return `_${slackEmphasis(star ?? underscore ?? '')}_`;
    },
  );
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Neutral markdown as mrkdwn for a relayed copy: escaped, with Slack's marks and links. */
export function neutralToMrkdwn(text: string): string {
  return outsideCode(
    text,
    (plain) => {
      let out = '';
      let last = 0;
      for (const match of plain.matchAll(NEUTRAL_LINK)) {
        const [whole, label = '', url = ''] = match;
        out += slackEmphasis(escape(plain.slice(last, match.index)));
        out += `<${escape(url).replaceAll('|', '%7C')}|${escape(label).replaceAll('|', '¦')}>`;
        last = match.index + whole.length;
      }
      return out + slackEmphasis(escape(plain.slice(last)));
    },
    escape,
  );
}
