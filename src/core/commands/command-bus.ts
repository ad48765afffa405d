/**
 * Every command, from any platform, goes through one lifecycle here:
 * parse or look up -> validate (a refusal needs no transaction) -> (in one transaction) identify,
 * check role, run -> answer.
 * Problems the person can fix come back translated; anything else gets a reference and a log line.
 */
import { newErrorReference } from '../error-reference.ts';
import type { Community, Member, Platform, Town } from '../domain/model.ts';
import { ConflictError, DatabaseUnavailableError, NotFoundError, UserError } from '../errors.ts';
import { memberLanguage, resolveLanguage, type SupportedLanguage } from '../i18n/languages.ts';
import { DEFAULT_LIMITS, type AbuseLimits } from '../limits.ts';
import { NO_METRICS, type CommandOutcome, type Metrics } from '../metrics.ts';
import { translatorFor, type MessageKey, type MessageParams, type Translate } from '../i18n/translator.ts';
import type { Clock, Logger, Recurrence, Repositories, Store } from '../ports.ts';
import { phraseLocale } from '../time/index.ts';
import type { CommandRoute } from './command-route.ts';
import { suggestCommands } from './command-suggestions.ts';
import { commandSyntax, usageAs, writtenAs, type CommandSyntax } from './command-syntax.ts';
import { commandId, usagePlaceholders, type CommandDefinition } from './definition.ts';
import { describeInput, retypableInput } from './failed-input.ts';
import type { Actor, ChannelRef, CommandRequest, Reply } from './invocation.ts';
import { RefusalLanguages, type LanguagePreference } from './refusal-languages.ts';
import { parseCommandText } from './text-syntax.ts';
import { validateOptions } from './validate-options.ts';

/** The refusal that names the admin right each platform calls it by. */
const COMMUNITY_ADMIN_REFUSALS: Readonly<Record<Platform, MessageKey>> = {
  DISCORD: 'permission.community-admin-discord',
  SLACK: 'permission.community-admin-slack',
  CONSOLE: 'permission.community-admin-console',
};

/** A refusal of how a command was written: the answer adds its usage line in the reader's words. */
class UsageRefusal extends UserError {
  constructor(
    key: MessageKey,
    params: MessageParams,
    readonly definition: CommandDefinition,
    readonly syntax: CommandSyntax,
  ) {
    super(key, params);
  }
}

export interface CommandContext {
  repos: Repositories;
  now: Date;
  /** The catalog language of this member's answers (profile, platform locale, town, English). */
  language: SupportedLanguage;
  /**
   * The language the member's typed times are read in, chosen in the same order among the
   * languages parseWhen reads (which need no catalog), with the platform's region ("en-US").
   */
  phraseLocale: string;
  /** The platform's locale for this person, when the platform sends one. */
  locale: string | undefined;
  t: Translate;
  actor: Actor;
  channel: ChannelRef;
  community: Community;
  member: Member;
  /** The acting member's town; null only for commands open to anyone (town register, help). */
  town: Town | null;
  recurrence: Recurrence;
  /** What one partnership may schedule and send. */
  limits: AbuseLimits;
  definitions: readonly CommandDefinition[];
  /** How commands are written where the member typed this one (help shows them so). */
  syntax: CommandSyntax;
  /** The bot's message whose button ran this command (CommandRequest.clickedMessageId). */
  clickedMessageId: string | undefined;
  /** Call after adding deliveries, so the outbox worker is woken once the transaction commits. */
  markOutboxChanged(): void;
}

export interface CommandBusDependencies {
  store: Store;
  clock: Clock;
  logger: Logger;
  recurrence: Recurrence;
  /** The operator's limits; DEFAULT_LIMITS when not given. */
  limits?: AbuseLimits;
  /** Every command with its handler; text parsing and help read the definitions from here. */
  routes: readonly CommandRoute[];
  /** Called after a command that enqueued deliveries has committed. */
  onOutboxChanged?: () => void;
  /** Told how each command ended and how long it took; NO_METRICS when not given. */
  metrics?: Metrics;
}

/** The metrics name of a command that could not be told (unknown words, a failure before parsing). */
export const UNRESOLVED_COMMAND = 'unknown';

export class CommandBus {
  private readonly definitionList: readonly CommandDefinition[];
  private readonly routeById: ReadonlyMap<string, CommandRoute>;
  private readonly routeByDefinition: ReadonlyMap<CommandDefinition, CommandRoute>;
  private readonly refusalLanguages = new RefusalLanguages();

  constructor(private readonly deps: CommandBusDependencies) {
    this.definitionList = deps.routes.map((r) => r.definition);
    this.routeById = new Map(deps.routes.map((r) => [commandId(r.definition), r]));
    if (this.routeById.size !== deps.routes.length) throw new Error('two routes share a command id');
    this.routeByDefinition = new Map(deps.routes.map((r) => [r.definition, r]));
  }

  async run(request: CommandRequest): Promise<Reply> {
    const finished = (this.deps.metrics ?? NO_METRICS).commandStarted();
    // Named once known, so that counts stay per command, whatever was typed.
    let command = UNRESOLVED_COMMAND;
    const named = (definition: CommandDefinition) => {
      command = definition.path.join(' ');
    };
    const reply = await this.answer(request, named);
    finished(command, outcomeOf(reply));
    return reply;
  }

  private async answer(
    request: CommandRequest,
    named: (definition: CommandDefinition) => void,
  ): Promise<Reply> {
    let route: CommandRoute;
    let args: Record<string, unknown>;
    const syntax = commandSyntax(request.actor.platform, request.slashCommand);
    try {
      ({ route, args } = this.resolve(request, syntax, named));
    } catch (error) {
      // Refused before anything is read or written: only the language to refuse in is needed.
      return this.failureReply(error, await this.refusalLanguage(request), request);
    }
    let language: SupportedLanguage = resolveLanguage(request.locale);
    let outboxChanged = false;
    try {
      const reply = await this.deps.store.transaction(async (repos) => {
        const { community, town, known } = await this.whereAndWho(repos, request.actor);
        const preference = { person: known?.languages[0], town: town?.language };
        const choice = { person: preference.person, platform: request.locale, town: preference.town };
        language = memberLanguage(choice);
        const now = this.deps.clock.now();
        this.refusalLanguages.remember(request.actor, preference, now);
        const member = await this.admit(repos, request, route.definition, { community, town, known });
        const ctx: CommandContext = {
          repos,
          now,
          language,
          phraseLocale: phraseLocale(choice),
          locale: request.locale,
          t: translatorFor(language, syntax.prefix),
          actor: request.actor,
          channel: request.channel,
          community,
          member,
          town,
          recurrence: this.deps.recurrence,
          limits: this.deps.limits ?? DEFAULT_LIMITS,
          definitions: this.definitionList,
          syntax,
          clickedMessageId: request.clickedMessageId,
          markOutboxChanged: () => {
            outboxChanged = true;
          },
        };
        return route.handler(ctx, args);
      });
      // It may have changed a profile's or the town's language.
      this.refusalLanguages.forgetCommunity(request.actor);
      if (outboxChanged) this.deps.onOutboxChanged?.();
      return reply;
    } catch (error) {
      return this.failureReply(error, language, request);
    }
  }

  /** The person's language for a refusal: remembered from their last command, else read. */
  private async refusalLanguage(request: CommandRequest): Promise<SupportedLanguage> {
    const { actor } = request;
    let preference = this.refusalLanguages.recall(actor, this.deps.clock.now());
    try {
      preference ??= await this.deps.store.transaction(async (repos): Promise<LanguagePreference> => {
        const place = await repos.communities.findWithTownAndMember(
          actor.platform,
          actor.communityExternalId,
          actor.userId,
        );
        return { person: place?.member?.languages[0], town: place?.town?.language };
      });
      this.refusalLanguages.remember(actor, preference, this.deps.clock.now());
      return memberLanguage({ person: preference.person, platform: request.locale, town: preference.town });
    } catch (error) {
      // The refusal matters more than its language: a database that cannot be read gets a log line.
      this.deps.logger.warn({ err: error }, 'could not read the language of a refused command');
      return resolveLanguage(request.locale);
    }
  }

  /** The actor's community (recorded on first sight), its town and what is known of the person. */
  private async whereAndWho(repos: Repositories, actor: Actor) {
    // One read first: most commands come from people and places already known.
    const place = await repos.communities.findWithTownAndMember(
      actor.platform,
      actor.communityExternalId,
      actor.userId,
    );
    if (place) return { community: place.community, town: place.town, known: place.member };
    const community = await repos.communities.upsert(
      actor.platform,
      actor.communityExternalId,
      actor.communityName,
    );
    return { community, town: null, known: null };
  }

  /** The acting member, recorded and placed in the town, once the command's role allows them. */
  private async admit(
    repos: Repositories,
    { actor, locale }: CommandRequest,
    definition: CommandDefinition,
    place: { community: Community; town: Town | null; known: Member | null },
  ): Promise<Member> {
    const { community, town, known } = place;
    // Before anything is recorded: the right comes from the platform, not from the town.
    if (definition.communityAdmin && !actor.communityAdmin) {
      throw new UserError(COMMUNITY_ADMIN_REFUSALS[actor.platform], {
        command: definition.path.join(' '),
      });
    }
    if (definition.role !== 'anyone' && !town) throw new UserError('town.not-registered');
    // A name learned from a mention (the id itself) never overwrites a real display name.
    const displayName = known && actor.displayName === actor.userId ? known.displayName : actor.displayName;
    // Jobs (reminders, notices) have no platform at hand: they read the locale last seen.
    const unchanged =
      known?.displayName === displayName &&
      (!town || known.townId === town.id) &&
      (!locale || known.platformLocale === locale);
    const member = unchanged
      ? known
      : await repos.members.recordIdentity(community.id, actor.userId, {
          displayName,
          ...(town ? { townId: town.id } : {}),
          ...(locale ? { platformLocale: locale } : {}),
        });
    if (definition.role === 'coordinator' && member.role !== 'COORDINATOR') {
      throw new UserError('permission.coordinator-only', { command: definition.path.join(' ') });
    }
    return member;
  }

  /** Finds the route and validates the options; throws UserError with usage on failure. */
  private resolve(
    request: CommandRequest,
    syntax: CommandSyntax,
    named: (definition: CommandDefinition) => void,
  ): { route: CommandRoute; args: Record<string, unknown> } {
    const unknown = (words: string, meant: readonly CommandDefinition[]) =>
      new UserError('command.unknown', {
        words,
        suggestions: (meant.length > 0 ? meant.map((d) => d.path.join(' ')) : ['help'])
          .map((line) => writtenAs(syntax, line))
          .join(', '),
      });
    let route: CommandRoute | undefined;
    let raw: Record<string, unknown>;
    if ('text' in request) {
      const parsed = parseCommandText(request.text, this.definitionList);
      if (!parsed.ok) {
        if ('definition' in parsed) named(parsed.definition);
        switch (parsed.reason) {
          case 'empty':
            throw new UserError('command.empty', { help: writtenAs(syntax, 'help') });
          case 'unknown-command':
            throw unknown(parsed.words.join(' '), parsed.suggestions);
          case 'unclosed-quote':
            throw new UsageRefusal('command.unclosed-quote', {}, parsed.definition, syntax);
          case 'duplicate-option':
            throw new UserError('command.duplicate-option', { option: parsed.option });
          case 'unexpected-word':
            throw new UsageRefusal(
              'command.unexpected-word',
              { word: parsed.word },
              parsed.definition,
              syntax,
            );
        }
      }
      route = this.routeByDefinition.get(parsed.value.definition);
      raw = parsed.value.options;
    } else {
      route = this.routeById.get(request.command);
      raw = request.options;
    }
    if (!route) {
      // A platform's own name for a command this version does not have (a stale registration).
      const words = 'text' in request ? request.text : request.command;
      throw unknown(words, suggestCommands(words.toLowerCase().split(/[\s.]+/), this.definitionList));
    }
    named(route.definition);
    try {
      return { route, args: validateOptions(route.definition, raw) };
    } catch (error) {
      if (error instanceof UserError) {
        throw new UsageRefusal(error.key, error.params, route.definition, syntax);
      }
      throw error;
    }
  }

  private failureReply(error: unknown, language: SupportedLanguage, request: CommandRequest): Reply {
    const t = translatorFor(language, commandSyntax(request.actor.platform, request.slashCommand).prefix);
    if (error instanceof UserError) {
      const text = t(error.key, error.params);
      // A handler may still name a usage line of its own (params.usage).
      const usageLine =
        error instanceof UsageRefusal
          ? usageAs(error.syntax, error.definition, usagePlaceholders(t))
          : typeof error.params.usage === 'string'
            ? error.params.usage
            : undefined;
      const usage = usageLine === undefined ? '' : `\n${t('command.usage', { usage: usageLine })}`;
      // The option at fault, so forms (a Slack modal) can show the message on that field.
      const option = typeof error.params.option === 'string' ? { option: error.params.option } : {};
      return { text: text + usage, private: true, error: { key: error.key, ...option } };
    }
    if (error instanceof ConflictError) {
      return { text: t('error.conflict'), private: true, error: { key: 'error.conflict' } };
    }
    if (error instanceof NotFoundError) {
      return { text: t('error.gone'), private: true, error: { key: 'error.gone' } };
    }
    const typed = retypableInput(request, this.definitionList);
    const retype = typed ? `\n${t('error.unexpected-input', { input: typed })}` : '';
    if (error instanceof DatabaseUnavailableError) {
      // Not a bug: the database restarts or its connections were cut; the pool reconnects.
      this.deps.logger.warn(
        {
          ...describeInput(request, this.definitionList),
          platform: request.actor.platform,
          err: error.cause,
        },
        'command refused: the database is not reachable',
      );
      const key = 'error.database-unavailable';
      return { text: t(key) + retype, private: true, error: { key } };
    }
    const ref = newErrorReference();
    this.deps.logger.error(
      {
        ref,
        // Names and lengths only: the values (codes, announcement text) go back to the person.
        ...describeInput(request, this.definitionList),
        platform: request.actor.platform,
        community: request.actor.communityExternalId,
        user: request.actor.userId,
        err: error,
      },
      'command failed unexpectedly',
    );
    const text = t('error.unexpected', { ref }) + retype;
    return { text, private: true, error: { key: 'error.unexpected', ref } };
  }
}

/** Refusals carry a message key; unexpected failures also carry a reference. */
function outcomeOf(reply: Reply): CommandOutcome {
  if (!reply.error) return 'ok';
  return reply.error.ref === undefined ? 'refused' : 'failed';
}

export type { MessageKey, MessageParams };
