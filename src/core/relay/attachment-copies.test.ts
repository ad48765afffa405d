import { describe, expect, it } from 'vitest';
import { ManualTimer, settle } from '../../../test/support/manual-timer.ts';
import { recordingLogger } from '../../../test/support/recording-logger.ts';
import type { ClaimedDelivery } from '../ports.ts';
import { AttachmentCopies } from './attachment-copies.ts';
import type { AttachmentOrigin, AttachmentSource, FileDownload, UploadLimits } from './attachment-files.ts';
import type { RelayAttachment } from './relay-ports.ts';

/** A Slack origin that answers what the test sets per file id, recording what it was asked. */
class ScriptedSource implements AttachmentSource {
  readonly platform = 'SLACK' as const;
  readonly asked: { fileId: string; maxBytes: number }[] = [];
  constructor(private readonly answers: Record<string, FileDownload | 'wait-for-abort'>) {}
  download(origin: AttachmentOrigin, maxBytes: number, signal: AbortSignal): Promise<FileDownload> {
    this.asked.push({ fileId: origin.fileId, maxBytes });
    const answer = this.answers[origin.fileId] ?? { ok: false, why: 'gone' };
    if (answer !== 'wait-for-abort') return Promise.resolve(answer);
    return new Promise((resolve) =>
      signal.addEventListener('abort', () => resolve({ ok: false, why: 'unreachable' })),
    );
  }
}

const LIMITS: UploadLimits = { fileBytes: 10_000_000, copyBytes: 15_000_000, files: 3 };

function file(id: string, bytes: number, name = `${id}.png`): RelayAttachment {
  return {
    name,
    url: `https://krumlov.slack.test/files/${id}`,
    bytes,
    contentType: 'image/png',
    origin: { platform: 'SLACK', communityExternalId: 'T1', channelId: 'C1', messageId: '1.2', fileId: id },
  };
}

function delivery(attachments: RelayAttachment[], language = 'en', kind = 'relay.message'): ClaimedDelivery {
  return {
    id: 'd1',
    kind,
    sourceId: 'r1',
    attempts: 1,
    takeovers: 0,
    firstFailedAt: null,
    unansweredBefore: false,
    payload: { text: 'Fotky z pouti', author: { name: 'Jana', town: 'Český Krumlov' }, attachments },
    dueAt: new Date('2026-11-23T10:00:00Z'),
    destination: {
      kind: 'channel',
      channelLinkId: 'l1',
      townId: 't',
      partnershipId: 'p',
      language,
      target: { platform: 'DISCORD', communityExternalId: 'g', channelId: 'c', channelName: 'partnerstadt' },
    },
  };
}

const bytes = (text: string) => new TextEncoder().encode(text);

function copies(source: ScriptedSource, timer = new ManualTimer()) {
  return new AttachmentCopies([source], recordingLogger(), { timer, downloadTimeoutMs: 20_000 });
}

describe('a relayed copy’s files', () => {
  it('uploads each file within the limits, read from its origin, and links none', async () => {
    const source = new ScriptedSource({
      a: { ok: true, data: bytes('PNG-a'), contentType: 'image/webp' },
      b: { ok: true, data: bytes('PNG-b') },
    });
    const prepared = await copies(source).prepare(delivery([file('a', 5), file('b', 5)]), LIMITS);
    expect(prepared.payload.uploads).toEqual([
      { name: 'a.png', contentType: 'image/webp', data: bytes('PNG-a') },
      { name: 'b.png', contentType: 'image/png', data: bytes('PNG-b') },
    ]);
    expect(prepared.payload.attachments).toBeUndefined();
    expect(prepared.payload.text).toBe('Fotky z pouti');
    expect(source.asked).toEqual([
      { fileId: 'a', maxBytes: 10_000_000 },
      { fileId: 'b', maxBytes: 10_000_000 },
    ]);
  });

  it('links a file over the platform’s limit without reading it, with a note in the channel’s language', async () => {
    const source = new ScriptedSource({});
    const big = file('big', 12_582_912, 'video.mp4');
    const english = await copies(source).prepare(delivery([big]), LIMITS);
    expect(english.payload.attachments).toEqual([
      { ...big, note: 'file too large to copy: video.mp4 (12.6 MB)' },
    ]);
    expect(english.payload.uploads).toBeUndefined();
    const german = await copies(source).prepare(delivery([big], 'de'), LIMITS);
    expect(german.payload.attachments?.[0]?.note).toBe('Datei zu groß zum Kopieren: video.mp4 (12,6 MB)');
    const french = await copies(source).prepare(delivery([big], 'fr'), LIMITS);
    expect(french.payload.attachments?.[0]?.note).toBe(
      'fichier trop volumineux pour être copié\u00a0: video.mp4 (12,6\u202fMo)',
    );
    expect(source.asked).toEqual([]);
  });

  it('stops at the copy’s memory bound and its number of files: the rest is linked as too large', async () => {
    const ok = (text: string): FileDownload => ({ ok: true, data: bytes(text) });
    const source = new ScriptedSource({ a: ok('aaaaaa'), b: ok('bbbbbb'), c: ok('c'), d: ok('d') });
    const byBytes = await copies(source).prepare(delivery([file('a', 6), file('b', 6)]), {
      ...LIMITS,
      copyBytes: 11,
    });
    expect(byBytes.payload.uploads?.map((u) => u.name)).toEqual(['a.png']);
    expect(byBytes.payload.attachments?.map((a) => a.note)).toEqual([
      'file too large to copy: b.png (6 byte)',
    ]);
    const byCount = await copies(source).prepare(
      delivery([file('a', 1), file('b', 1), file('c', 1), file('d', 1)]),
      LIMITS,
    );
    expect(byCount.payload.uploads?.map((u) => u.name)).toEqual(['a.png', 'b.png', 'c.png']);
    expect(byCount.payload.attachments?.map((a) => a.name)).toEqual(['d.png']);
  });

  it('links a file gone at its origin, or bigger than it said, with the note that says so', async () => {
    const source = new ScriptedSource({ grown: { ok: false, why: 'too-large' } });
    const prepared = await copies(source).prepare(
      delivery([file('gone', 5), file('grown', 5)], 'cs'),
      LIMITS,
    );
    expect(prepared.payload.attachments?.map((a) => a.note)).toEqual([
      'soubor se nepodařilo zkopírovat: gone.png',
      'soubor je příliš velký na zkopírování: grown.png (5 B)',
    ]);
  });

  it('links a file whose origin does not answer within the bound, and aborts the read', async () => {
    const timer = new ManualTimer();
    const source = new ScriptedSource({ slow: 'wait-for-abort' });
    const preparing = copies(source, timer).prepare(delivery([file('slow', 5)]), LIMITS);
    await settle();
    await timer.advance(19_999);
    expect(source.asked).toHaveLength(1);
    let done = false;
    void preparing.then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    await timer.advance(1);
    const prepared = await preparing;
    expect(prepared.payload.attachments?.map((a) => a.note)).toEqual(['file could not be copied: slow.png']);
  });

  it('leaves the files as they are for a destination that uploads nothing, and those without an origin', async () => {
    const source = new ScriptedSource({});
    const plain = delivery([file('a', 5)]);
    expect(await copies(source).prepare(plain, undefined)).toBe(plain);
    const old = { name: 'plan.pdf', url: 'https://cdn.example/plan.pdf', bytes: 5 };
    const prepared = await copies(source).prepare(delivery([old]), LIMITS);
    expect(prepared.payload.attachments).toEqual([old]);
    expect(source.asked).toEqual([]);
  });

  it('uploads nothing with an edit: only files too large to have been copied keep their link', async () => {
    const source = new ScriptedSource({});
    const big = file('big', 12_000_000, 'video.mp4');
    const prepared = await copies(source).prepare(delivery([file('a', 5), big], 'en', 'relay.edit'), LIMITS);
    expect(prepared.payload.uploads).toBeUndefined();
    expect(prepared.payload.attachments).toEqual([
      { ...big, note: 'file too large to copy: video.mp4 (12 MB)' },
    ]);
    expect(source.asked).toEqual([]);
  });
});
