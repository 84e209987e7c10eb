import { AckLinkSigner } from '@app/common';
import { Module } from '@nestjs/common';
import { AcknowledgementBatcher } from './repositories/acknowledgement-batcher.js';
import { ActivityRepository } from './repositories/activity.repository.js';
import { DeliveryRepository } from './repositories/delivery.repository.js';
import { DeliveryWriter } from './repositories/delivery-writer.js';
import { DispatchRepository } from './repositories/dispatch.repository.js';
import { RecipientUnitRepository } from './repositories/recipient-unit.repository.js';
import { MessageRepository } from './repositories/message.repository.js';
import { LinkSignupRepository } from './repositories/link-signup.repository.js';
import { DeliveryDetailReader } from './read-models/delivery-detail.reader.js';
import { DeliveryMailReader } from './read-models/delivery-mail.reader.js';
import { DispatchViewReader } from './read-models/dispatch-view.reader.js';
import { RolloutReader } from './read-models/rollout.reader.js';
import { DispatchVersionsReader } from './read-models/dispatch-versions.reader.js';
import { ReminderViewReader } from './read-models/reminder-view.reader.js';
import { ActivityViewReader } from './read-models/activity-view.reader.js';
import { DeliveryViewReader } from './read-models/delivery-view.reader.js';

const PROVIDERS = [
  AckLinkSigner,
  AcknowledgementBatcher,
  ActivityRepository,
  DeliveryRepository,
  DeliveryWriter,
  DispatchRepository,
  LinkSignupRepository,
  MessageRepository,
  RecipientUnitRepository,
  DeliveryDetailReader,
  DeliveryMailReader,
  DispatchViewReader,
  RolloutReader,
  DispatchVersionsReader,
  ReminderViewReader,
  ActivityViewReader,
  DeliveryViewReader,
];

/** The delivery lifecycle's repositories, for the api's features and the worker alike. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class RolloutModule {}
