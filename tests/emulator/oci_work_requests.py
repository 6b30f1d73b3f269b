"""OCI work requests whose progress is computed from the emulated clock."""

import math

from .wire import rfc3339

ACCEPTED_SHARE = 0.1  # part of the duration a work request spends in ACCEPTED before IN_PROGRESS
STATUSES = ('ACCEPTED', 'IN_PROGRESS', 'WAITING', 'FAILED', 'SUCCEEDED', 'CANCELING', 'CANCELED')
VERBS = {'CREATE': 'Creating', 'UPDATE': 'Updating', 'DELETE': 'Deleting', 'START': 'Starting', 'STOP': 'Stopping',
         'MOVE': 'Moving'}
FINAL_ACTIONS = {'CREATE': 'CREATED', 'UPDATE': 'UPDATED', 'DELETE': 'DELETED', 'START': 'UPDATED', 'STOP': 'UPDATED',
                 'MOVE': 'UPDATED'}


class WorkRequest:
    """One asynchronous operation (`CREATE`, `UPDATE`, `DELETE`, `START`, `STOP`) on one resource, of the service's
    `operation_type` (`CREATE_PROJECT`).

    It is accepted at `accepted`, starts after ACCEPTED_SHARE of `duration`, and finishes at
    `accepted + duration` as SUCCEEDED (the resource is then `final_state`), or FAILED when it
    carries an `error_message`. `label` names the resource type in log messages ("endpoint").
    A work request cancelled (`cancel`) before it started is CANCELING for a moment, then CANCELED.
    """

    def __init__(self, wr_id, compartment_id, operation, operation_type, entity_type, label, entity_uri, resource_id,
                 accepted, duration, final_state, error_message=None):
        self.id = wr_id
        self.seq = 0
        self.compartment_id = compartment_id
        self.operation = operation
        self.operation_type = operation_type
        self.entity_type = entity_type
        self.label = label
        self.entity_uri = entity_uri
        self.resource_id = resource_id
        self.accepted = accepted
        self.started = accepted + duration * ACCEPTED_SHARE
        self.halfway = accepted + duration / 2.0
        self.finished = accepted + duration
        self.final_state = final_state
        self.error_message = error_message
        self.cancelled = None

    def cancel(self, now):
        self.cancelled = now
        self.started = self.halfway = float('inf')
        self.finished = now + (self.finished - self.accepted) * ACCEPTED_SHARE

    def status(self, now):
        if self.cancelled is not None:
            return 'CANCELED' if now >= self.finished else 'CANCELING'
        if now >= self.finished:
            return 'FAILED' if self.error_message else 'SUCCEEDED'
        return 'IN_PROGRESS' if now >= self.started else 'ACCEPTED'

    def percent_complete(self, now):
        if self.cancelled is not None:
            return 0.0
        if now >= self.finished:
            return 100.0
        if now < self.started:
            return 0.0
        return float(min(99, max(1, math.floor(100 * (now - self.accepted) / (self.finished - self.accepted)))))

    def view(self, now):
        done = now >= self.finished
        if not done:
            action = 'IN_PROGRESS'
        elif self.cancelled is not None:
            action = 'RELATED'  # the resource was left alone (the ActionType enum has no CANCELED)
        else:
            action = 'FAILED' if self.error_message else FINAL_ACTIONS[self.operation]
        data = {
            'id': self.id,
            'compartmentId': self.compartment_id,
            'operationType': self.operation_type,
            'status': self.status(now),
            'resources': [{'entityType': self.entity_type, 'actionType': action,
                           'identifier': self.resource_id, 'entityUri': self.entity_uri}],
            'percentComplete': self.percent_complete(now),
            'timeAccepted': rfc3339(self.accepted),
        }
        if now >= self.started:
            data['timeStarted'] = rfc3339(self.started)
        if done:
            data['timeFinished'] = rfc3339(self.finished)
        return data

    def errors(self, now):
        if self.error_message and now >= self.finished:
            return [{'code': 'InternalServerError', 'message': self.error_message, 'timestamp': rfc3339(self.finished)}]
        return []

    def logs(self, now):
        """Progress messages written so far: accepted, started, halfway, and the outcome."""
        doing = '%s %s %s' % (VERBS[self.operation], self.label, self.resource_id)
        entries = [(self.accepted, '%s accepted.' % self.operation_type)]
        if now >= self.started:
            entries.append((self.started, '%s.' % doing))
        if now >= self.halfway and self.halfway < self.finished:
            entries.append((self.halfway, '%s: 50%% complete.' % doing))
        if self.cancelled is not None and now >= self.cancelled:
            entries.append((self.cancelled, '%s cancelled before it started.' % self.operation_type))
        elif now >= self.finished:
            if self.error_message:
                entries.append((self.finished, '%s failed: %s' % (self.operation_type, self.error_message)))
            else:
                entries.append((self.finished, '%s %s is %s. %s succeeded.' % (
                    self.label[0].upper() + self.label[1:], self.resource_id, self.final_state, self.operation_type)))
        return [{'message': message, 'timestamp': rfc3339(moment)} for moment, message in entries]
