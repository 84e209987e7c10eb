/** Outreach channels (kênh tuyên truyền). Stored in tasks and activities: renaming breaks rows. */
export enum ActivityChannel {
  StaffBriefing = 'staff_briefing',
  ResidentMeeting = 'resident_meeting',
  EPortalPost = 'e_portal_post',
  FacebookPost = 'facebook_post',
  ZaloPost = 'zalo_post',
  MassMedia = 'mass_media',
  Loudspeaker = 'loudspeaker',
  BulletinBoard = 'bulletin_board',
  Leaflet = 'leaflet',
  Other = 'other',
}
