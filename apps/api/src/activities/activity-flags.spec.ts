import { DomainException, vnCalendarDate } from '@app/common';
import { ActivityChannel, ActivityFlag } from '@app/database';
import { assertDateAccepted, computeFlags, FlagFacts, flagNote, linkMatchesChannel, mismatchedLinks } from './activity-flags.js';

const base: FlagFacts = {
  channel: ActivityChannel.Loudspeaker,
  occurredOn: '2023-10-25',
  links: [],
  reportedAt: new Date('2023-10-25T09:00:00Z'),
  acknowledgedAt: new Date('2023-10-21T02:00:00Z'),
  dispatchIssuedDate: '2023-10-19',
  datedInFuture: false,
  duplicateEvidence: false,
};

describe('activity flags', () => {
  it('a clean report after acknowledgement, dated after the dispatch, has no flag', () => {
    expect(computeFlags(base)).toEqual([]);
  });

  it('before_acknowledgement: not acknowledged at all, or acknowledged only after the report', () => {
    expect(computeFlags({ ...base, acknowledgedAt: null })).toEqual([ActivityFlag.BeforeAcknowledgement]);
    expect(computeFlags({ ...base, acknowledgedAt: new Date('2023-10-26T00:00:00Z') })).toEqual([ActivityFlag.BeforeAcknowledgement]);
    expect(computeFlags({ ...base, acknowledgedAt: base.reportedAt })).toEqual([]);
  });

  it('before_dispatch: the day before the issue date is flagged, the issue date itself is not', () => {
    expect(computeFlags({ ...base, occurredOn: '2023-10-18' })).toEqual([ActivityFlag.BeforeDispatch]);
    expect(computeFlags({ ...base, occurredOn: '2023-10-19' })).toEqual([]);
  });

  it('flags come out in one fixed order whatever fires', () => {
    expect(
      computeFlags({
        ...base,
        acknowledgedAt: null,
        datedInFuture: true,
        duplicateEvidence: true,
        channel: ActivityChannel.FacebookPost,
        links: ['https://example.com/x'],
      }),
    ).toEqual([
      ActivityFlag.BeforeAcknowledgement,
      ActivityFlag.FutureDate,
      ActivityFlag.DuplicateEvidence,
      ActivityFlag.LinkChannelMismatch,
    ]);
  });

  it.each([
    [ActivityChannel.FacebookPost, 'https://www.facebook.com/conganthinhlong/posts/123', true],
    [ActivityChannel.FacebookPost, 'https://m.facebook.com/story.php?id=1', true],
    [ActivityChannel.FacebookPost, 'https://fb.watch/abc/', true],
    [ActivityChannel.FacebookPost, 'http://fb.com/x', true],
    [ActivityChannel.FacebookPost, 'https://facebook.com.evil.vn/x', false],
    [ActivityChannel.FacebookPost, 'https://notfacebook.com/x', false],
    [ActivityChannel.FacebookPost, 'https://zalo.me/123', false],
    [ActivityChannel.ZaloPost, 'https://zalo.me/g/abcdef', true],
    [ActivityChannel.ZaloPost, 'https://oa.zalo.me/home', true],
    [ActivityChannel.ZaloPost, 'https://zalo.vn/x', true],
    [ActivityChannel.ZaloPost, 'https://www.facebook.com/x', false],
    [ActivityChannel.EPortalPost, 'https://haihau.namdinh.gov.vn/tin-tuc/canh-bao-lua-dao', true],
    [ActivityChannel.EPortalPost, 'https://NAMDINH.GOV.VN./x', true],
    [ActivityChannel.EPortalPost, 'https://gov.vn/x', false],
    [ActivityChannel.EPortalPost, 'https://namdinh.gov.vn.example.com/x', false],
    [ActivityChannel.EPortalPost, 'ftp://namdinh.gov.vn/x', false],
    [ActivityChannel.Loudspeaker, 'https://anything.example/x', true],
    [ActivityChannel.MassMedia, 'https://vtv.vn/x', true],
  ])('%s link %s matches: %s', (channel, link, ok) => {
    expect(linkMatchesChannel(channel, link)).toBe(ok);
  });

  it('link_channel_mismatch fires when any one link is off-channel, and the note names it', () => {
    const links = ['https://www.facebook.com/ok', 'https://tiktok.com/@x'];
    expect(mismatchedLinks(ActivityChannel.FacebookPost, links)).toEqual(['https://tiktok.com/@x']);
    expect(computeFlags({ ...base, channel: ActivityChannel.FacebookPost, links })).toEqual([ActivityFlag.LinkChannelMismatch]);
    const note = flagNote(ActivityFlag.LinkChannelMismatch, {
      ...base,
      channel: ActivityChannel.FacebookPost,
      links,
      duplicateOfUnits: [],
    });
    expect(note).toContain('Facebook');
    expect(note).toContain('https://tiktok.com/@x');
    expect(note).not.toContain('https://www.facebook.com/ok');
  });

  it('the future: tomorrow (Vietnam date) is accepted, the day after is refused with the dates in the message', () => {
    expect(() => assertDateAccepted('2023-10-26', '2023-10-25')).not.toThrow();
    expect(() => assertDateAccepted('2023-10-25', '2023-10-25')).not.toThrow();
    expect(() => assertDateAccepted('2023-10-27', '2023-10-25')).toThrow(DomainException);
    expect(() => assertDateAccepted('2023-10-27', '2023-10-25')).toThrow(/27\/10\/2023 là ngày tương lai \(hôm nay là 25\/10\/2023\)/);
    // Month and year ends.
    expect(() => assertDateAccepted('2024-01-01', '2023-12-31')).not.toThrow();
    expect(() => assertDateAccepted('2024-01-02', '2023-12-31')).toThrow(DomainException);
  });

  it('"today" is the date in Vietnam (UTC+7), not the server’s or UTC', () => {
    expect(vnCalendarDate(new Date('2023-10-19T16:59:59Z'))).toBe('2023-10-19');
    expect(vnCalendarDate(new Date('2023-10-19T17:00:00Z'))).toBe('2023-10-20');
  });
});
