/**
 * Set-up steps that must succeed. A suite whose set-up was refused would test something else
 * than it names (or pass for the wrong reason), so each check throws with the bot's answer.
 */

const INVITE_CODE = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/;

/** The invite code in a `partner invite` answer; throws with the answer when there is none. */
export function inviteCodeIn(answer: string, step = 'partner invite'): string {
  const code = INVITE_CODE.exec(answer)?.[0];
  if (code === undefined)
    throw new Error(`set-up: ${step} gave no invite code; the bot answered:\n${answer}`);
  return code;
}

/**
 * A step whose success is shown to the channel: refusals are only ever shown to the person
 * (ephemeral on Discord and Slack), so an answer only they can see means it was refused.
 */
export function expectShownToChannel(shownToChannel: boolean, answer: string, step: string): void {
  if (!shownToChannel) throw new Error(`set-up: ${step} was refused; the bot answered:\n${answer}`);
}
