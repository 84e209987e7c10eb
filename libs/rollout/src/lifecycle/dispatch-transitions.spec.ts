import { describe, expect, it } from '@jest/globals';
import { DispatchStatus as D } from '@app/vocabulary';
import { decideDispatch, DispatchAction } from './dispatch-transitions.js';

describe('the dispatch transition table', () => {
  it.each([
    [DispatchAction.Publish, D.Draft, { outcome: 'move', to: D.Published }],
    [DispatchAction.Publish, D.Published, { outcome: 'refuse', code: 'DISPATCH_ALREADY_PUBLISHED' }],
    [DispatchAction.Publish, D.Closed, { outcome: 'refuse', code: 'DISPATCH_ALREADY_PUBLISHED' }],
    [DispatchAction.Publish, D.Recalled, { outcome: 'refuse', code: 'DISPATCH_ALREADY_PUBLISHED' }],
    [DispatchAction.Close, D.Draft, { outcome: 'refuse', code: 'DISPATCH_CLOSE_NOT_PUBLISHED' }],
    [DispatchAction.Close, D.Published, { outcome: 'move', to: D.Closed }],
    [DispatchAction.Close, D.Closed, { outcome: 'keep' }],
    [DispatchAction.Close, D.Recalled, { outcome: 'refuse', code: 'DISPATCH_CLOSE_NOT_PUBLISHED' }],
    [DispatchAction.Recall, D.Draft, { outcome: 'refuse', code: 'DISPATCH_RECALL_NOT_PUBLISHED' }],
    [DispatchAction.Recall, D.Published, { outcome: 'move', to: D.Recalled }],
    [DispatchAction.Recall, D.Recalled, { outcome: 'keep' }],
    [DispatchAction.Recall, D.Closed, { outcome: 'refuse', code: 'DISPATCH_RECALL_NOT_PUBLISHED' }],
    [DispatchAction.NewVersion, D.Draft, { outcome: 'refuse', code: 'DISPATCH_VERSION_NOT_PUBLISHED' }],
    [DispatchAction.NewVersion, D.Published, { outcome: 'keep' }],
    [DispatchAction.NewVersion, D.Recalled, { outcome: 'refuse', code: 'DISPATCH_VERSION_NOT_PUBLISHED' }],
    [DispatchAction.NewVersion, D.Closed, { outcome: 'refuse', code: 'DISPATCH_VERSION_NOT_PUBLISHED' }],
  ])('%s from %s', (action, status, expected) => {
    expect(decideDispatch(action, status)).toEqual(expected);
  });
});
