import { CreateUnitsAndUsers1764290000000 } from './1764290000000-CreateUnitsAndUsers.js';
import { CreateDispatchesAndDeliveries1764291000000 } from './1764291000000-CreateDispatchesAndDeliveries.js';
import { AcknowledgementsActivitiesAudit1764292000000 } from './1764292000000-AcknowledgementsActivitiesAudit.js';
import { ReportExports1764293000000 } from './1764293000000-ReportExports.js';
import { DeliveryRecipientSnapshot1764294000000 } from './1764294000000-DeliveryRecipientSnapshot.js';
import { WorkingDayCalendar1796091677797 } from './1796091677797-WorkingDayCalendar.js';
import { AuditRequestId1796091761969 } from './1796091761969-AuditRequestId.js';
import { UnitLineage1796092241542 } from './1796092241542-UnitLineage.js';
import { UserTokenVersion1796093881673 } from './1796093881673-UserTokenVersion.js';
import { LoginLimits1796093881674 } from './1796093881674-LoginLimits.js';
import { AuditActorIndex1796093881675 } from './1796093881675-AuditActorIndex.js';
import { RemindersAndEscalations1796094638734 } from './1796094638734-RemindersAndEscalations.js';
import { RecallAndVersions1796094638735 } from './1796094638735-RecallAndVersions.js';
import { ActorChangeNotify1796095000000 } from './1796095000000-ActorChangeNotify.js';
import { UnitLinkSignup1796122146339 } from './1796122146339-UnitLinkSignup.js';
import { LeaderDigests1796122500000 } from './1796122500000-LeaderDigests.js';
import { OpenDeliveryIndexes1796122500001 } from './1796122500001-OpenDeliveryIndexes.js';

/** Listed as classes, not globs: the bundled ESM build has no __dirname to glob from. */
export const migrations = [
  CreateUnitsAndUsers1764290000000,
  CreateDispatchesAndDeliveries1764291000000,
  AcknowledgementsActivitiesAudit1764292000000,
  ReportExports1764293000000,
  DeliveryRecipientSnapshot1764294000000,
  WorkingDayCalendar1796091677797,
  AuditRequestId1796091761969,
  UnitLineage1796092241542,
  UserTokenVersion1796093881673,
  LoginLimits1796093881674,
  AuditActorIndex1796093881675,
  RemindersAndEscalations1796094638734,
  RecallAndVersions1796094638735,
  ActorChangeNotify1796095000000,
  UnitLinkSignup1796122146339,
  LeaderDigests1796122500000,
  OpenDeliveryIndexes1796122500001,
];
