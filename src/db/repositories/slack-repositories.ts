/**
 * What the Slack adapter keeps in the project's database (prisma/schema.prisma, "Slack adapter"),
 * behind the interfaces of src/adapters/slack/slack-ports.ts: OAuth installations (Bolt's
 * InstallationStore), the ids of events already handled, and what was posted per outbox delivery.
 */
import type { Installation, InstallationQuery } from '@slack/bolt';
import type {
  PostRecord,
  SlackEventLedger,
  SlackInstallationStore,
  SlackPostLedger,
  SlackStores,
} from '../../adapters/slack/slack-ports.ts';
import type { Clock } from '../../core/ports.ts';
import type { Prisma } from '../generated/client.ts';
import type { PrismaClient } from '../open-database.ts';
import type { TokenCipher } from '../token-cipher.ts';

const systemClock: Clock = { now: () => new Date() };

function installationKey(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string | undefined {
  return query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
}

/**
 * How an installation sits in its row's `data`: `{ sealed: "v1:iv:tag:ciphertext" }` (the whole
 * installation, tokens and incoming-webhook URL included, under TWINBRIDGE_TOKEN_KEY), or
 * `{ plaintext: installation }` when no key is configured. Rows an earlier version wrote hold the
 * bare installation; they keep working and are sealed once a key is set.
 */
type StoredInstallation = { sealed: string } | { plaintext: Installation } | Installation;

interface Unpacked {
  installation: Installation;
  /** Plain text while a key is set, or sealed with an old key: seal it with the current key. */
  reseal: boolean;
}

/** Installations of the app, one row per workspace (or per org for org-wide installs). */
export class PrismaSlackInstallationStore implements SlackInstallationStore {
  /** `cipher`: seals installations at rest; without one they are stored as marked plain text. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher?: TokenCipher,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const key = installationKey({
      isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    if (!key) throw new Error('Slack installation without a team or enterprise id');
    const fields = {
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      isEnterpriseInstall,
      data: this.pack(key, installation),
    };
    await this.prisma.slackInstallation.upsert({
      where: { id: key },
      create: { id: key, ...fields },
      update: fields,
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const found = await this.find(query);
    if (!found) {
      throw new Error(`Twinbridge is not installed in Slack workspace ${installationKey(query) ?? '?'}`);
    }
    return found;
  }

  async find(query: InstallationQuery<boolean>): Promise<Installation | null> {
    const key = installationKey(query);
    if (!key) return null;
    const row = await this.prisma.slackInstallation.findUnique({ where: { id: key } });
    if (!row) return null;
    const { installation, reseal } = this.unpack(row.id, row.data);
    if (reseal) await this.reseal(row, installation);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = installationKey(query);
    if (key) await this.prisma.slackInstallation.deleteMany({ where: { id: key } });
  }

  async count(): Promise<number> {
    return this.prisma.slackInstallation.count();
  }

  /**
   * Seals every row in plain text or under an old key with the current key (run at start, so
   * after one start with TWINBRIDGE_TOKEN_KEYS_OLD the old keys can go). Without a key: counts
   * the rows in plain text.
   */
  async resealAll(): Promise<{ resealed: number; plaintext: number }> {
    const rows = await this.prisma.slackInstallation.findMany({
      select: { id: true, data: true, updatedAt: true },
    });
    let resealed = 0;
    let plaintext = 0;
    for (const row of rows) {
      const { installation, reseal } = this.unpack(row.id, row.data);
      if (!this.cipher) plaintext += 1;
      else if (reseal && (await this.reseal(row, installation))) resealed += 1;
    }
    return { resealed, plaintext };
  }

  private pack(id: string, installation: Installation): Prisma.InputJsonValue {
    const plain = JSON.parse(JSON.stringify(installation)) as Prisma.InputJsonValue;
    if (!this.cipher) return { plaintext: plain };
    return { sealed: this.cipher.seal(JSON.stringify(plain), id) };
  }

  private unpack(id: string, data: unknown): Unpacked {
    const stored = data as StoredInstallation;
    if ('sealed' in stored && typeof stored.sealed === 'string') {
      if (!this.cipher)
        throw new Error(
          `the Slack installation ${id} is sealed: set TWINBRIDGE_TOKEN_KEY to the key that sealed it`,
        );
      const { plain, stale } = this.cipher.open(stored.sealed, id);
      return { installation: JSON.parse(plain) as Installation, reseal: stale };
    }
    const installation = 'plaintext' in stored ? stored.plaintext : (stored as Installation);
    return { installation, reseal: this.cipher !== undefined };
  }

  /** Rewrites a row unless it changed since it was read (a new installation wins). */
  private async reseal(row: { id: string; updatedAt: Date }, installation: Installation): Promise<boolean> {
    const { count } = await this.prisma.slackInstallation.updateMany({
      where: { id: row.id, updatedAt: row.updatedAt },
      data: { data: this.pack(row.id, installation) },
    });
    return count === 1;
  }
}

/** Event ids kept for a day (Slack re-delivers within about an hour), purged now and then. */
export class PrismaSlackEventLedger implements SlackEventLedger {
  private lastPurge = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: { keepMs: number; clock: Clock } = {
      keepMs: 24 * 60 * 60 * 1000,
      clock: systemClock,
    },
  ) {}

  async firstDelivery(eventId: string, teamId: string): Promise<boolean> {
    const { count } = await this.prisma.slackEventReceipt.createMany({
      data: [{ eventId, teamId, receivedAt: this.options.clock.now() }],
      skipDuplicates: true,
    });
    await this.purgeNowAndThen();
    return count === 1;
  }

  private async purgeNowAndThen(): Promise<void> {
    const now = this.options.clock.now().getTime();
    if (now - this.lastPurge < 10 * 60 * 1000) return;
    this.lastPurge = now;
    await this.prisma.slackEventReceipt.deleteMany({
      where: { receivedAt: { lt: new Date(now - this.options.keepMs) } },
    });
  }
}

/** One SlackPost row per outbox delivery. */
export class PrismaSlackPostLedger implements SlackPostLedger {
  private lastPurge = 0;

  constructor(
    private readonly prisma: PrismaClient,
    /** Records are kept this long: far beyond the outbox's last retry of a delivery. */
    private readonly keepMs = 7 * 24 * 60 * 60 * 1000,
    /** Records of copies with files as long as relayed deletes reach copies (delivery history). */
    private readonly keepWithFilesMs = 90 * 24 * 60 * 60 * 1000,
  ) {}

  async find(deliveryId: string): Promise<PostRecord> {
    const row = await this.prisma.slackPost.findUnique({ where: { deliveryId } });
    if (row?.ts) return { state: 'posted', channelId: row.channelId, ts: row.ts };
    if (row?.attemptedAt) return { state: 'uncertain', channelId: row.channelId, since: row.attemptedAt };
    return { state: 'not-posted' };
  }

  async begin(deliveryId: string, teamId: string, channelId: string, at: Date): Promise<void> {
    if (at.getTime() - this.lastPurge > 60 * 60 * 1000) {
      this.lastPurge = at.getTime();
      await this.purge(new Date(at.getTime() - this.keepMs));
    }
    await this.prisma.slackPost.upsert({
      where: { deliveryId },
      create: { deliveryId, teamId, channelId, attemptedAt: at },
      update: { teamId, channelId, attemptedAt: at, ts: null },
    });
  }

  async posted(deliveryId: string, channelId: string, ts: string): Promise<void> {
    await this.prisma.slackPost.update({
      where: { deliveryId },
      data: { channelId, ts, attemptedAt: null },
    });
  }

  async notPosted(deliveryId: string): Promise<void> {
    await this.prisma.slackPost.updateMany({ where: { deliveryId }, data: { attemptedAt: null } });
  }

  async filesUploaded(deliveryId: string, fileIds: readonly string[]): Promise<void> {
    await this.prisma.slackPost.update({ where: { deliveryId }, data: { fileIds: { push: [...fileIds] } } });
  }

  async filesAfter(channelId: string, ts: string): Promise<string[]> {
    const rows = await this.prisma.slackPost.findMany({
      where: { channelId, ts },
      select: { fileIds: true },
    });
    return rows.flatMap((row) => row.fileIds);
  }

  /**
   * Drops records older than `before` (the outbox does not retry that long); those of copies
   * with files after `keepWithFilesMs` more, since a relayed delete removes their files.
   */
  async purge(before: Date): Promise<number> {
    const withFilesBefore = new Date(before.getTime() + this.keepMs - this.keepWithFilesMs);
    const { count } = await this.prisma.slackPost.deleteMany({
      where: {
        OR: [
          { createdAt: { lt: before }, fileIds: { isEmpty: true } },
          { createdAt: { lt: withFilesBefore } },
        ],
      },
    });
    return count;
  }
}

/** The Slack adapter's stores on one Prisma client. */
export function prismaSlackStores(
  prisma: PrismaClient,
  installations = new PrismaSlackInstallationStore(prisma),
): SlackStores {
  return {
    installations,
    events: new PrismaSlackEventLedger(prisma),
    posts: new PrismaSlackPostLedger(prisma),
  };
}
